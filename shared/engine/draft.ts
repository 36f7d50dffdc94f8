// Copy-on-write editing of a game state inside one reducer step: the input state is never mutated,
// and only the parts that change are copied (a 2,000-player room must not be cloned per answer).
import { Rng } from './rng.js';
import { TableWriter, getIn } from './table.js';
import type { Actor, ErrorCode, GameEvent, GameState, Player, QuestionState, RaceState, Why } from './types.js';

/** Thrown inside a step to reject the action; next() turns it into an error event and the unchanged state. */
export class Rejection extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export function reject(code: ErrorCode, message: string): never {
  throw new Rejection(code, message);
}

export class Draft {
  readonly s: GameState;
  readonly events: GameEvent[] = [];
  /** Made on first use: most steps (an answer) draw nothing. */
  private random: Rng | null = null;
  private players: TableWriter<Player> | null = null;
  private ownQuestion = false;
  private ownRace = false;

  constructor(
    base: GameState,
    readonly actor: Actor,
  ) {
    this.s = copyState(base);
  }

  get rng(): Rng {
    return (this.random ??= new Rng(this.s.rng));
  }

  emit(event: GameEvent): void {
    this.events.push(event);
  }

  player(id: string): Player | undefined {
    return getIn(this.s.players, id);
  }

  /** Copies the player's bucket (once per step), not the table: O(bucket), whatever the room's size. */
  updatePlayer(id: string, patch: Partial<Player>): void {
    this.players ??= new TableWriter(this.s.players);
    const current = this.players.get(id);
    this.players.set(id, current ? { ...current, ...patch } : (patch as Player));
    this.s.players = this.players.table;
  }

  addScore(playerId: string, delta: number, why: Why[]): void {
    const p = this.player(playerId);
    if (!p || delta === 0) return;
    this.updatePlayer(playerId, { score: p.score + delta });
    this.emit({ type: 'score', change: { playerId, delta, why } });
  }

  question(): QuestionState {
    const q = this.s.question;
    if (!q) throw new Error('no question');
    if (!this.ownQuestion) {
      this.s.question = { ...q };
      this.ownQuestion = true;
    }
    return this.s.question!;
  }

  setQuestion(q: QuestionState | null): void {
    this.s.question = q;
    this.ownQuestion = true;
  }

  /** The race, deep-copied on first write (races are small: a few hosts of a dozen cards). */
  race(): RaceState {
    const r = this.s.race;
    if (!r) throw new Error('no race');
    if (!this.ownRace) {
      this.s.race = structuredClone(r);
      this.ownRace = true;
    }
    return this.s.race!;
  }

  setRace(r: RaceState | null): void {
    this.s.race = r;
    this.ownRace = true;
  }

  finish(): GameState {
    if (this.random) this.s.rng = this.random.state;
    return this.s;
  }
}

/**
 * A shallow copy of a state, made by one literal with every field in one order: every state the engine makes shares
 * one hidden class (a spread's copy kept its source's, and the close's optimized code deoptimized at each close when
 * the copy's fields changed representation: docs/BENCHMARKS.md).
 */
function copyState(s: GameState): GameState {
  // Every key, optional ones too: a field added to GameState and not copied here fails to compile.
  const copy: { [K in keyof Required<GameState>]: GameState[K] } = {
    config: s.config,
    seed: s.seed,
    rng: s.rng,
    version: s.version,
    phase: s.phase,
    paused: s.paused,
    pausedAt: s.pausedAt,
    step: s.step,
    players: s.players,
    playerOrder: s.playerOrder,
    nameIndex: s.nameIndex,
    teams: s.teams,
    teamSizes: s.teamSizes,
    question: s.question,
    race: s.race,
    lobbyLocked: s.lobbyLocked,
    finished: s.finished,
    now: s.now,
  };
  return copy;
}
