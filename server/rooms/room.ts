// One room's authority over the engine: it stamps, applies and logs actions (idempotently) and tells its parts what
// followed: seats (./seats.ts), fair timing (./fair-timing.ts), clocks (./room-clocks.ts), persistence
// (./room-store.ts), views and outbound messages (./room-views.ts, ./room-outbox.ts). Knows nothing of sockets
// (RoomOutput).
import { nanoid } from 'nanoid';
import {
  next,
  playerOf,
  type Action,
  type Answer,
  type GameEvent,
  type GameState,
  type GameView,
  type Player,
} from '../../shared/engine/index.js';
import type { AnswerAck, Podium, RaceBill, SealedResult, Tally, YouMessage } from '../../shared/protocol/index.js';
import { CLOSE_CODES, type ErrorCode } from '../../shared/protocol/index.js';
import type { RoomRecord, SeatRecord, Storage } from '../storage/types.js';
import { METRIC, type Metrics } from '../metrics.js';
import { newToken } from '../security/tokens.js';
import { NO_OUTPUT, type RoomOutput } from './output.js';
import { ActionLog } from './action-log.js';
import { GameRecorder, raceEnded } from './record.js';
import { bestPlanRatio } from './solo-verify.js';
import { QuestionSends } from './fair-timing.js';
import { RoomReplies } from './idempotency.js';
import { buildPodium } from './podium.js';
import { RoomClocks } from './room-clocks.js';
import { RoomOutbox } from './room-outbox.js';
import { RoomStore } from './room-store.js';
import { RoomViews, tallyOf } from './room-views.js';
import { RoomSeats } from './seats.js';
import { packLanguages, type PackLanguages } from '../../shared/content/translations.js';
import type { Lang } from '../../shared/engine/types.js';
import type { Logger } from '../log.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An action before the authority stamps its time. */
export type Command = DistributiveOmit<Action, 'at'>;

export type Outcome<T extends object = object> =
  ({ ok: true } & T) | { ok: false; error: { code: ErrorCode; message: string } };

export function fail(code: ErrorCode, message: string): { ok: false; error: { code: ErrorCode; message: string } } {
  return { ok: false, error: { code, message } };
}

export interface RoomDeps {
  storage: Storage;
  metrics: Metrics;
  clock: () => number;
  maxPlayers: number;
  /** Called once the finished game is stored (solo verification hooks in here). */
  onFinished?: (room: Room) => Promise<Podium['solo'] | undefined>;
  log: Logger;
  /** Where this room's messages go (the room transport's: server/rooms/transport.ts); asked once, when it is made. */
  output: (room: Room) => RoomOutput;
}

export { fairElapsedMs, RTT_CAP_MS } from './fair-timing.js';

export class Room {
  readonly code: string;
  state: GameState;
  /** Every accepted action, in order, as stored (./action-log.ts). */
  readonly log: ActionLog;
  readonly recorder: GameRecorder;
  podium: Podium | null = null;
  /** When the finished game is stored (resolves once, after retries). */
  finishing: Promise<void> | null = null;
  lastActivity: number;
  /** The pack's texts in other languages (built-in packs), found once; null: one language, served as it is. */
  readonly languages: PackLanguages | null;

  /** Seats, resume tokens and bots. */
  private readonly seats: RoomSeats;
  /** When the open question went out to whom. */
  private readonly sends: QuestionSends;
  /** Accepted answers and control replies, for retries. */
  private readonly replies = new RoomReplies<Outcome<{ version: number }>>();
  private readonly clocks: RoomClocks;
  private readonly store: RoomStore;
  private readonly views: RoomViews;
  private readonly outbox: RoomOutbox;
  private shut = false;
  private out: RoomOutput = NO_OUTPUT;

  constructor(
    readonly record: RoomRecord,
    state: GameState,
    log: Action[],
    seats: SeatRecord[],
    recorder: GameRecorder,
    private readonly deps: RoomDeps,
  ) {
    this.code = record.code;
    this.state = state;
    this.log = new ActionLog(log);
    this.recorder = recorder;
    this.seats = new RoomSeats(seats, state);
    this.sends = new QuestionSends(() => this.state, deps.clock);
    // After a restore: the log says which answers were accepted, and at which version (one action, one version).
    log.forEach((action, i) => {
      if (action.type === 'answer' && action.actor.role === 'player')
        this.replies.noteAnswered(action.questionId, action.actor.playerId, i + 1);
    });
    this.lastActivity = deps.clock();
    this.languages = packLanguages(record.packId);
    this.store = new RoomStore(this.code, this.log, {
      storage: deps.storage,
      metrics: deps.metrics,
      log: deps.log,
      closed: () => this.shut,
    });
    this.views = new RoomViews(this, this.seats, log.length > 0);
    this.outbox = new RoomOutbox(this, this.views, this.seats, this.sends);
    // The clocks read the room's live state through getters on this object.
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const room = this;
    this.clocks = new RoomClocks(
      {
        get state() {
          return room.state;
        },
        get closed() {
          return room.shut;
        },
        recorder,
        tick: () => this.act({ type: 'tick', actor: { role: 'system' } }).ok,
        applyMove: (move) => this.apply(move).ok,
        botIds: () => this.seats.botIds(this.state),
      },
      deps.clock,
    );
    this.out = deps.output(this);
  }

  /** Where this room's messages go: its devices, or nowhere once it was closed silently. */
  get output(): RoomOutput {
    return this.out;
  }

  /** Starts timers after creation or a restore (a deadline that passed while down fires at once). */
  start(): void {
    this.clocks.prepareBestPlan();
    this.clocks.scheduleWake();
    this.clocks.scheduleBots();
    if (this.state.finished) this.finish();
  }

  get solo(): boolean {
    return this.record.mode === 'solo';
  }

  /** Whether the room is closed (its timers stopped; it accepts no action). */
  get closed(): boolean {
    return this.shut;
  }

  // ---------------------------------------------------------------- actions

  /** Stamps a command with the server clock, applies it, logs it and schedules what follows. */
  act(command: Command): Outcome<{ version: number }> {
    if (this.shut) return fail('room/closed', 'This room is closed.');
    const at = Math.max(this.deps.clock(), this.state.now);
    // Not `{ ...command, at }`: Node 20's V8 gives each object made by a spread followed by a new key a hidden class
    // of its own, made in the old generation; every action of the log kept one (~0.3 KB per answer, freed only by
    // a full GC) and read its properties through megamorphic inline caches (docs/BENCHMARKS.md, "Hidden classes").
    return this.apply(Object.assign({}, command, { at }));
  }

  /**
   * A host's (or a solo player's) control command, idempotent per command id: a retry (same id, whose first try
   * may have been applied while its ack was lost or late) gets the first reply again, never a second `next` or
   * `add-time`. Ids are scoped to who sent them; the newest 256 are kept.
   */
  control(commandId: string | undefined, sender: string, command: Command): Outcome<{ version: number }> {
    if (commandId === undefined) return this.act(command);
    return this.replies.control(sender, commandId, () => this.act(command));
  }

  /**
   * A player's answer, idempotent per (player, question): a retry (same player, same question) gets the first
   * accepted answer's reply again, never a second scoring and never an error.
   */
  answer(playerId: string, questionId: string, answer: Answer, elapsedMs?: number): Outcome<AnswerAck> {
    const first = this.replies.answeredAt(questionId, playerId);
    if (first !== undefined) return { ok: true, version: first, ...this.sealedAgain(playerId) };
    const before = this.state;
    const outcome = this.act({
      type: 'answer',
      actor: { role: 'player', playerId },
      questionId,
      answer,
      ...(elapsedMs !== undefined ? { elapsedMs } : {}),
    });
    if (!outcome.ok) return outcome;
    this.replies.noteAnswered(questionId, playerId, outcome.version);
    // Solo rooms send each view to their one player: its result comes with it, nothing to seal.
    const sealed = this.solo ? undefined : this.views.sealed.seal(before, this.state, playerId);
    return sealed ? Object.assign({}, outcome, { sealed }) : outcome;
  }

  private sealedAgain(playerId: string): { sealed?: SealedResult } {
    const sealed = this.solo ? undefined : this.views.sealed.again(this.state, playerId);
    return sealed ? { sealed } : {};
  }

  /** Notes that the open question went out to a player now (its first send counts; pauses do not). O(1). */
  noteQuestionSent(playerId: string): void {
    this.sends.noteQuestionSent(playerId);
  }

  /** Whether the open question's first send to this player is already noted. */
  questionSentNoted(playerId: string): boolean {
    return this.sends.questionSentNoted(playerId);
  }

  /** Server-measured ms from the question's send to this player until now (pauses excluded); null if not open. */
  sinceQuestionSent(playerId: string, questionId: string): number | null {
    return this.sends.sinceQuestionSent(playerId, questionId);
  }

  private apply(action: Action): Outcome<{ version: number }> {
    const before = this.state;
    const result = next(before, action);
    const error = result.events.find((e): e is Extract<GameEvent, { type: 'error' }> => e.type === 'error');
    if (error) return fail(error.code, error.message);
    this.state = result.state;
    this.log.push(action);
    this.lastActivity = this.deps.clock();
    this.deps.metrics.inc(METRIC.actions, { type: action.type });
    const billCount = this.recorder.bills.length;
    this.recorder.observe(before, result);
    this.store.schedulePersist();
    this.outbox.noteEvents(result.events, action.type !== 'tick');
    this.outbox.noteSettings(action);
    if (raceEnded(before, this.state)) this.outbox.sendBills(this.recorder.bills.slice(billCount));
    if (this.state.race && this.state.race !== before.race && this.state.phase === 'race' && before.phase !== 'race') {
      this.clocks.prepareBestPlan();
    }
    this.clocks.scheduleWake();
    this.clocks.scheduleBots();
    if (this.state.finished && !before.finished) this.finish();
    return { ok: true, version: this.state.version };
  }

  // ---------------------------------------------------------------- seats

  /** Adds a human player (or a bot) and gives a human its resume token (stored only as a hash). */
  async join(
    rawName: string,
    teamId: string | undefined,
    bot: Player['bot'] = null,
  ): Promise<Outcome<{ playerId: string; resumeToken: string | null }>> {
    // The name, the engine's join rule, then the room's capacity (RoomSeats.admit). O(1) whatever the room's size.
    const checked = this.seats.admit(this.state, rawName, this.deps.maxPlayers);
    if (!checked.ok) return checked;
    const playerId = `p${nanoid(10)}`;
    const outcome = this.act({
      type: 'join',
      actor: { role: 'system' },
      playerId,
      name: checked.name,
      ...(teamId !== undefined ? { teamId } : {}),
      ...(bot ? { bot } : {}),
    });
    if (!outcome.ok) return outcome;
    if (bot) {
      this.seats.addBot(playerId);
      return { ok: true, playerId, resumeToken: null };
    }
    const resumeToken = newToken();
    const seat = this.seats.addSeat(this.state, this.code, playerId, checked.name, resumeToken);
    // The token must survive a restart before the player relies on it.
    await this.store.persistSeat(seat);
    return { ok: true, playerId, resumeToken };
  }

  /** The player a resume token belongs to, if it may come back. */
  seatFor(resumeToken: string): Outcome<{ playerId: string }> {
    return this.seats.seatFor(this.state, resumeToken);
  }

  /** Resolves once every accepted action is stored (tests, shutdown). */
  drain(): Promise<void> {
    return this.store.drain();
  }

  // ---------------------------------------------------------------- views (./room-views.ts)

  tally(): Tally | null {
    return tallyOf(this.state);
  }

  /**
   * The part every member of the room (classroom) or of one team shares, made once per state version, team and
   * language.
   */
  sharedView(teamId: string | null = null, lang: Lang | null = null): GameView {
    return this.views.sharedView(teamId, lang);
  }

  hostView(): GameView {
    return this.views.hostView();
  }

  /** A player's full view (the engine's, with the whole leaderboard sorted): solo rooms. */
  playerView(playerId: string): GameView {
    return this.views.playerView(playerId);
  }

  /** A player's device reads `lang`: the language it is served in, when another of the pack's (RoomViews). */
  setPlayerLang(playerId: string, lang: Lang | undefined): Lang | null {
    return this.views.setPlayerLang(playerId, lang);
  }

  /** A player's socket is in `lang`'s group (null: none): noted, if this room did not know it. O(1). */
  notePlayerLang(playerId: string, lang: Lang | null): void {
    this.views.notePlayerLang(playerId, lang);
  }

  /** The view a joining, resuming or syncing player gets in its ack (RoomViews.personalView). */
  personalView(playerId: string): GameView {
    return this.views.personalView(playerId, () => this.outbox.onlyLobbyChanges());
  }

  /** A player's private message; takes the score changes queued for it. */
  you(playerId: string): YouMessage {
    return this.views.you(playerId);
  }

  /** The bills of the races played so far (a player's own, or its team's; all of them for the host). */
  billsFor(playerId: string | null): RaceBill[] {
    return this.views.billsFor(this.recorder.bills, playerId);
  }

  // ---------------------------------------------------------------- the end

  get gameId(): string {
    return `${this.code}-${this.record.createdAt}`;
  }

  /** Stores the finished game (retrying until it is stored), then shows the podium. */
  private finish(): void {
    if (this.finishing) return;
    this.outbox.flush();
    this.finishing = this.saveFinished();
  }

  private async saveFinished(): Promise<void> {
    const game = this.recorder.build(this.record, this.gameId, this.state, this.log.texts());
    if (!(await this.store.saveFinished(game))) return;
    const solo = this.deps.onFinished ? await this.deps.onFinished(this) : undefined;
    this.podium = buildPodium(
      this.state,
      this.gameId,
      solo ? { ...solo, bestPlanRatio: solo.bestPlanRatio ?? this.bestPlanRatio() } : undefined,
    );
    this.output.toRoom('game:podium', this.podium);
  }

  /** Solo: the player's race points over the best-known plans' scores for the run's races (see solo-verify). */
  bestPlanRatio(): number | null {
    const human = this.state.playerOrder.find((id) => playerOf(this.state, id)?.bot === null);
    return human === undefined ? null : bestPlanRatio(this.recorder.bills, human);
  }

  /**
   * Stops the room: timers, sends, storage. Its devices are told it closed, unless `silently`: the room lives on
   * elsewhere (another process took it over, or this one restores it at its next start), and nothing more is sent.
   */
  close(how: { silently?: boolean } = {}): void {
    if (how.silently) this.out = NO_OUTPUT;
    this.shut = true;
    this.clocks.close();
    this.outbox.close();
    this.store.close();
    this.output.closePlayer('*', CLOSE_CODES.roomClosed, 'The room is closed.');
  }
}
