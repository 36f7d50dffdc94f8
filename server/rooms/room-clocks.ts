// A room's clocks: the engine's next wake-up (deadlines), the bots' moves, the best-plan bill computed off the hot
// path.
import { botMoves, nextWakeAt, type Action, type GameState } from '../../shared/engine/index.js';
import type { GameRecorder } from './record.js';

/** What the clocks read of their room and how they act on it. */
export interface ClockedRoom {
  readonly state: GameState;
  readonly closed: boolean;
  readonly recorder: GameRecorder;
  /** A system tick, stamped by the room: true when accepted. */
  tick(): boolean;
  /** A bot's move as botMoves gave it (already stamped): true when accepted. */
  applyMove(move: Action): boolean;
  /** The bots still seated. */
  botIds(): string[];
}

export class RoomClocks {
  /** When the wake timer is armed for (null: none), so an action that leaves it unchanged costs nothing. */
  private wakeAt: number | null = null;
  private wakeTimer: ReturnType<typeof setTimeout> | null = null;
  private botTimer: ReturnType<typeof setTimeout> | null = null;
  /** Best-plan bills are computed off the hot path when a race starts. */
  private bestTimer: ReturnType<typeof setImmediate> | null = null;

  constructor(
    private readonly room: ClockedRoom,
    private readonly clock: () => number,
  ) {}

  scheduleWake(): void {
    const room = this.room;
    const wake = room.closed ? null : nextWakeAt(room.state);
    // Most actions (an answer) leave the wake-up where it was: keep the armed timer.
    if (wake === this.wakeAt && (wake === null || this.wakeTimer)) return;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    this.wakeAt = wake;
    if (wake === null) return;
    const delay = Math.max(0, wake - this.clock());
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      this.wakeAt = null;
      const version = room.state.version;
      const ok = room.tick();
      // A timer that fired a hair early changes nothing: try again shortly rather than spin.
      if (!ok || room.state.version === version) {
        if (this.wakeTimer) clearTimeout(this.wakeTimer);
        this.wakeAt = null;
        this.wakeTimer = setTimeout(() => ((this.wakeTimer = null), this.scheduleWake()), 10);
      }
    }, delay + 1);
  }

  scheduleBots(): void {
    if (this.botTimer) clearTimeout(this.botTimer);
    this.botTimer = null;
    const room = this.room;
    if (room.closed || room.state.finished) return;
    const bots = room.botIds();
    if (bots.length === 0) return;
    let earliest = Infinity;
    for (const id of bots) for (const move of botMoves(room.state, id)) earliest = Math.min(earliest, move.at);
    if (earliest === Infinity) return;
    const delay = Math.max(0, earliest - this.clock());
    this.botTimer = setTimeout(() => this.runBots(), delay + 1);
  }

  private runBots(): void {
    this.botTimer = null;
    const room = this.room;
    const now = this.clock();
    // One due move per bot per pass, each from the current state: the move logged is exactly what botMoves
    // gives for the state before it, which is what solo verification checks.
    for (let pass = 0; pass < 100 && !room.closed; pass++) {
      let applied = 0;
      for (const id of room.botIds()) {
        const move = botMoves(room.state, id).find((m) => m.at <= now);
        if (move && room.applyMove(move)) applied++;
      }
      if (applied === 0) break;
    }
    if (!this.botTimer && !room.closed) this.scheduleBots();
  }

  /** Computes the running race's best-plan bill off the hot path (cached in the recorder for its end). */
  prepareBestPlan(): void {
    const { state, closed, recorder } = this.room;
    const race = state.race;
    if (!race || state.phase !== 'race' || this.bestTimer || closed) return;
    const { content } = state.config;
    const seed = state.seed;
    this.bestTimer = setImmediate(() => {
      this.bestTimer = null;
      recorder.bestFor(content, race.scenarioId, seed);
    });
  }

  close(): void {
    for (const t of [this.wakeTimer, this.botTimer]) {
      if (t) clearTimeout(t);
    }
    if (this.bestTimer) clearImmediate(this.bestTimer);
  }
}
