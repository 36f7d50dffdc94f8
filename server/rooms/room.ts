// One room's authority: its game state, action log, timers and broadcasts. Knows nothing of sockets (RoomOutput).
import { nanoid } from 'nanoid';
import {
  activePlayerIds,
  answerOf,
  botMoves,
  leaderboard,
  next,
  nextWakeAt,
  personalView,
  playerOf,
  rankOf,
  sharedView,
  viewFor,
  type Action,
  type Answer,
  type GameEvent,
  type GameState,
  type GameView,
  type Player,
  type ScoreChange,
  type Standing,
} from '../../shared/engine/index.js';
import type { HostBills, Podium, PublicGameEvent, RaceBill, Tally, YouMessage } from '../../shared/protocol/index.js';
import { CLOSE_CODES, type ErrorCode } from '../../shared/protocol/index.js';
import { withRetry } from '../storage/retry.js';
import type { RoomRecord, SeatRecord, Storage } from '../storage/types.js';
import { METRIC, type Metrics } from '../metrics.js';
import { newToken } from '../security/tokens.js';
import { NO_OUTPUT, type RoomOutput } from './output.js';
import { GameRecorder, raceEnded } from './record.js';
import { bestPlanRatio } from './solo-verify.js';
import { QuestionSends } from './fair-timing.js';
import { buildPodium } from './podium.js';
import { RoomSeats } from './seats.js';
import { localizeView, packLanguages, scenarioTitleIn, type PackLanguages } from '../../shared/content/translations.js';
import type { Lang } from '../../shared/engine/types.js';
import type { Logger } from '../log.js';

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;
/** An action before the authority stamps its time. */
export type Command = DistributiveOmit<Action, 'at'>;

export type Outcome<T extends object = object> =
  | ({ ok: true } & T)
  | { ok: false; error: { code: ErrorCode; message: string } };

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
}

/** How long lobby joins and leaves are gathered before one broadcast. */
const LAZY_FLUSH_MS = 250;
/** At most four answer tallies a second to the host. */
const TALLY_MS = 250;
const PERSIST_BATCH = 500;
/** Accepted actions wait this long before they are written, so a stream of answers shares one transaction. */
const PERSIST_DELAY_MS = 20;
/** Control commands whose replies are kept for their retries (per room). */
const COMMAND_REPLIES_KEPT = 256;

export { fairElapsedMs, RTT_CAP_MS } from './fair-timing.js';

/** The shared-view cache key of a team ('' in classroom) in a language (null: the room's own). */
const sharedKey = (teamId: string | null, lang: Lang | null): string => (lang === null ? (teamId ?? '') : `${teamId ?? ''}\u0000${lang}`);

export class Room {
  readonly code: string;
  state: GameState;
  readonly log: Action[];
  readonly recorder: GameRecorder;
  output: RoomOutput = NO_OUTPUT;
  podium: Podium | null = null;
  /** When the finished game is stored (resolves once, after retries). */
  finishing: Promise<void> | null = null;
  lastActivity: number;

  /** Seats, resume tokens and bots (./seats.ts). */
  private readonly seats: RoomSeats;
  /** When the open question went out to whom (./fair-timing.ts). */
  private readonly sends: QuestionSends;
  /** When the wake timer is armed for (null: none), so an action that leaves it unchanged costs nothing. */
  private wakeAt: number | null = null;
  private persisted: number;
  private persisting = false;
  private persistTimer: ReturnType<typeof setTimeout> | null = null;
  private wakeTimer: ReturnType<typeof setTimeout> | null = null;
  private botTimer: ReturnType<typeof setTimeout> | null = null;
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private flushImmediate: ReturnType<typeof setImmediate> | null = null;
  private tallyTimer: ReturnType<typeof setTimeout> | null = null;
  private sharedDirty = false;
  /** Scores or streaks may have moved ranks: at the next flush, players whose rank, score or streak differ get player:you. */
  private standingsDirty = false;
  private readonly youDirty = new Set<string>();
  private readonly changes = new Map<string, ScoreChange[]>();
  /** What each player's last player:you said of its standing: rank, score, streak. */
  private readonly sentStanding = new Map<string, { rank: number; score: number; streak: number }>();
  private pendingEvents: PublicGameEvent[] = [];
  /**
   * The leaderboard ranks are read from (engine rankOf), kept while no score moved and no one left or joined above
   * its lowest score: ranking a joiner or every player at a flush is a binary search, never a sort per join.
   */
  private board: readonly Standing[] | null = null;
  /**
   * The latest shared view per team key ('' in classroom) and language (sharedKey): one object per state version,
   * reused by every send.
   */
  private readonly sharedCache = new Map<string, GameView>();
  private readonly teamOf = new Map<string, string | null>();
  /** The pack's texts in other languages (built-in packs), found once; null: one language, served as it is. */
  readonly languages: PackLanguages | null;
  /** Players whose device reads another of the pack's languages than the room's: their views and bills come in it. */
  private readonly playerLang = new Map<string, Lang>();
  /** The pack's other languages some device reads: a shared view is made and broadcast in each (one per version). */
  private readonly langsInUse = new Set<Lang>();
  private closed = false;
  /** Answers are idempotent per (player, question): question id -> player id -> the version it was accepted at. */
  private readonly answered = new Map<string, Map<string, number>>();
  /** Control commands are idempotent per command id: the latest ids and their first replies (oldest first). */
  private readonly commandReplies = new Map<string, Outcome<{ version: number }>>();
  /** Best-plan bills are computed off the hot path when a race starts. */
  private bestTimer: ReturnType<typeof setImmediate> | null = null;

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
    this.log = log;
    this.persisted = log.length;
    this.recorder = recorder;
    this.seats = new RoomSeats(seats, state);
    this.sends = new QuestionSends(() => this.state, deps.clock);
    // After a restore: the log says which answers were accepted, and at which version (one action, one version).
    log.forEach((action, i) => {
      if (action.type === 'answer' && action.actor.role === 'player') this.noteAnswered(action.questionId, action.actor.playerId, i + 1);
    });
    this.lastActivity = deps.clock();
    this.languages = packLanguages(record.packId);
    // A restored room (a restart, or a takeover by another process) does not know which languages its devices read,
    // and their sockets may still be in language groups (other processes'): it broadcasts every language of its pack.
    if (log.length > 0) for (const lang of this.languages?.others.keys() ?? []) this.langsInUse.add(lang);
  }

  /** Starts timers after creation or a restore (a deadline that passed while down fires at once). */
  start(): void {
    this.prepareBestPlan();
    this.scheduleWake();
    this.scheduleBots();
    if (this.state.finished) this.finish();
  }

  get solo(): boolean {
    return this.record.mode === 'solo';
  }

  // ---------------------------------------------------------------- actions

  /** Stamps a command with the server clock, applies it, logs it and schedules what follows. */
  act(command: Command): Outcome<{ version: number }> {
    if (this.closed) return fail('room/closed', 'This room is closed.');
    const at = Math.max(this.deps.clock(), this.state.now);
    return this.apply({ ...command, at } as Action);
  }

  /**
   * A host's (or a solo player's) control command, idempotent per command id: a retry (same id, whose first try
   * may have been applied while its ack was lost or late) gets the first reply again, never a second `next` or
   * `add-time`. Ids are scoped to who sent them; the newest 256 are kept.
   */
  control(commandId: string | undefined, sender: string, command: Command): Outcome<{ version: number }> {
    if (commandId === undefined) return this.act(command);
    const key = `${sender}\u0000${commandId}`;
    const first = this.commandReplies.get(key);
    if (first) return first;
    const outcome = this.act(command);
    this.commandReplies.set(key, outcome);
    if (this.commandReplies.size > COMMAND_REPLIES_KEPT) this.commandReplies.delete(this.commandReplies.keys().next().value!);
    return outcome;
  }

  /**
   * A player's answer, idempotent per (player, question): a retry (same player, same question) gets the first
   * accepted answer's reply again, never a second scoring and never an error.
   */
  answer(playerId: string, questionId: string, answer: Answer, elapsedMs?: number): Outcome<{ version: number }> {
    const first = this.answered.get(questionId)?.get(playerId);
    if (first !== undefined) return { ok: true, version: first };
    const outcome = this.act({
      type: 'answer',
      actor: { role: 'player', playerId },
      questionId,
      answer,
      ...(elapsedMs !== undefined ? { elapsedMs } : {}),
    });
    if (outcome.ok) this.noteAnswered(questionId, playerId, outcome.version);
    return outcome;
  }

  private noteAnswered(questionId: string, playerId: string, version: number): void {
    let byPlayer = this.answered.get(questionId);
    if (!byPlayer) this.answered.set(questionId, (byPlayer = new Map()));
    byPlayer.set(playerId, version);
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
    this.schedulePersist();
    this.noteEvents(result.events, action.type !== 'tick');
    this.noteSettings(action);
    if (raceEnded(before, this.state)) this.sendBills(this.recorder.bills.slice(billCount));
    if (this.state.race && this.state.race !== before.race && this.state.phase === 'race' && before.phase !== 'race') {
      this.prepareBestPlan();
    }
    this.scheduleWake();
    this.scheduleBots();
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
    await this.persistSeat(seat);
    return { ok: true, playerId, resumeToken };
  }

  /** The player a resume token belongs to, if it may come back. */
  seatFor(resumeToken: string): Outcome<{ playerId: string }> {
    return this.seats.seatFor(this.state, resumeToken);
  }

  private async persistSeat(seat: SeatRecord): Promise<void> {
    try {
      await withRetry(() => this.deps.storage.upsertSeat(seat), this.retryOptions());
    } catch (error) {
      this.deps.metrics.inc(METRIC.storageFailures);
      this.deps.log.error({ err: error, room: this.code }, `room ${this.code}: could not store a seat`);
    }
  }

  private retryOptions() {
    return {
      attempts: 5,
      baseDelayMs: 20,
      retryIf: () => !this.closed,
      onRetry: () => this.deps.metrics.inc(METRIC.storageRetries),
    };
  }

  // ---------------------------------------------------------------- persistence of the log (off the hot path)

  private schedulePersist(): void {
    if (this.persisting || this.persistTimer) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = null;
      void this.persist();
    }, PERSIST_DELAY_MS);
  }

  private async persist(): Promise<void> {
    if (this.persisting || this.persisted >= this.log.length) return;
    this.persisting = true;
    const first = this.persisted;
    const batch = this.log.slice(first, first + PERSIST_BATCH);
    try {
      await withRetry(() => this.deps.storage.appendActions(this.code, first, batch), this.retryOptions());
      this.persisted = first + batch.length;
      this.persisting = false;
      if (this.persisted < this.log.length) this.schedulePersist();
    } catch (error) {
      this.persisting = false;
      this.deps.metrics.inc(METRIC.storageFailures);
      this.deps.log.error({ err: error, room: this.code, from: first }, `room ${this.code}: could not store actions ${first}..`);
      if (!this.closed) this.persistTimer = setTimeout(() => ((this.persistTimer = null), void this.persist()), 1000);
    }
  }

  /** Resolves once every accepted action is stored (tests, shutdown). */
  async drain(): Promise<void> {
    while (this.persisted < this.log.length && !this.closed) {
      if (!this.persisting) await this.persist();
      else await new Promise((resolve) => setTimeout(resolve, 5));
    }
  }

  // ---------------------------------------------------------------- timers

  private scheduleWake(): void {
    const wake = this.closed ? null : nextWakeAt(this.state);
    // Most actions (an answer) leave the wake-up where it was: keep the armed timer.
    if (wake === this.wakeAt && (wake === null || this.wakeTimer)) return;
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = null;
    this.wakeAt = wake;
    if (wake === null) return;
    const delay = Math.max(0, wake - this.deps.clock());
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = null;
      this.wakeAt = null;
      const version = this.state.version;
      const outcome = this.act({ type: 'tick', actor: { role: 'system' } });
      // A timer that fired a hair early changes nothing: try again shortly rather than spin.
      if (!outcome.ok || this.state.version === version) {
        if (this.wakeTimer) clearTimeout(this.wakeTimer);
        this.wakeAt = null;
        this.wakeTimer = setTimeout(() => ((this.wakeTimer = null), this.scheduleWake()), 10);
      }
    }, delay + 1);
  }

  private botIds(): string[] {
    return this.seats.botIds(this.state);
  }

  private scheduleBots(): void {
    if (this.botTimer) clearTimeout(this.botTimer);
    this.botTimer = null;
    if (this.closed || this.state.finished) return;
    const bots = this.botIds();
    if (bots.length === 0) return;
    let earliest = Infinity;
    for (const id of bots) for (const move of botMoves(this.state, id)) earliest = Math.min(earliest, move.at);
    if (earliest === Infinity) return;
    const delay = Math.max(0, earliest - this.deps.clock());
    this.botTimer = setTimeout(() => this.runBots(), delay + 1);
  }

  private runBots(): void {
    this.botTimer = null;
    const now = this.deps.clock();
    // One due move per bot per pass, each from the current state: the move logged is exactly what botMoves
    // gives for the state before it, which is what solo verification checks.
    for (let pass = 0; pass < 100 && !this.closed; pass++) {
      let applied = 0;
      for (const id of this.botIds()) {
        const move = botMoves(this.state, id).find((m) => m.at <= now);
        if (move && this.apply(move).ok) applied++;
      }
      if (applied === 0) break;
    }
    if (!this.botTimer && !this.closed) this.scheduleBots();
  }

  // ---------------------------------------------------------------- settings and bills

  /** Settings that change one player's private state: extended time (only that player and the host learn it), a layer. */
  private noteSettings(action: Action): void {
    if (action.type === 'set-time-factor') {
      this.youDirty.add(action.playerId);
      this.scheduleFlush(true);
    } else if (action.type === 'take-layer' && action.actor.role === 'player') {
      this.youDirty.add(action.actor.playerId);
      this.scheduleFlush(true);
    }
  }

  /** Computes the running race's best-plan bill off the hot path (cached in the recorder for its end). */
  private prepareBestPlan(): void {
    const race = this.state.race;
    if (!race || this.state.phase !== 'race' || this.bestTimer || this.closed) return;
    const { content } = this.state.config;
    const seed = this.state.seed;
    this.bestTimer = setImmediate(() => {
      this.bestTimer = null;
      this.recorder.bestFor(content, race.scenarioId, seed);
    });
  }

  /** A race's bills: each player (or each team's members) privately, every bill to the host. */
  private sendBills(bills: RaceBill[]): void {
    const first = bills[0];
    if (!first) return;
    const out = this.output;
    for (const bill of bills) {
      if (bill.owner.kind === 'player') out.toPlayer(bill.owner.id, 'player:bill', this.billFor(bill, bill.owner.id));
      else if (bill.owner.kind === 'team') {
        for (const id of this.humanIds()) {
          if (playerOf(this.state, id)?.teamId === bill.owner.id) out.toPlayer(id, 'player:bill', this.billFor(bill, id));
        }
      }
    }
    const host: HostBills = { step: first.step, scenarioId: first.scenarioId, scenarioTitle: first.scenarioTitle, bills, best: first.best };
    out.toHosts('host:bills', host);
  }

  /** The bills of the races played so far (a player's own, or its team's; all of them for the host). */
  billsFor(playerId: string | null): RaceBill[] {
    const all = this.recorder.bills;
    if (playerId === null) return all.slice();
    const teamId = playerOf(this.state, playerId)?.teamId ?? null;
    return all
      .filter((b) => (b.owner.kind === 'player' ? b.owner.id === playerId : b.owner.kind === 'team' && b.owner.id === teamId))
      .map((b) => this.billFor(b, playerId));
  }

  /** A bill with its scenario's title in the language the player's device reads. */
  private billFor(bill: RaceBill, playerId: string): RaceBill {
    const texts = this.textsFor(playerId);
    return texts ? { ...bill, scenarioTitle: scenarioTitleIn(bill.scenarioId, bill.scenarioTitle, texts) } : bill;
  }

  // ---------------------------------------------------------------- broadcasts

  private noteEvents(events: GameEvent[], changed: boolean): void {
    // Host settings (lock, move, extended time, added time) change the state without a game event.
    let urgent = events.length === 0 && changed;
    let lazy = false;
    for (const event of events) {
      switch (event.type) {
        case 'error':
          break;
        case 'answer-accepted':
          // O(1): the answer's ack tells the player; the host's tally is batched. No private message.
          this.scheduleTally();
          break;
        case 'score': {
          const list = this.changes.get(event.change.playerId) ?? [];
          list.push(event.change);
          this.changes.set(event.change.playerId, list);
          this.youDirty.add(event.change.playerId);
          this.board = null;
          break;
        }
        case 'player-removed':
          this.seats.removed();
          this.board = null;
          this.standingsDirty = true;
          // The removed player's devices lose their seat at once; its token is refused from now on.
          this.output.closePlayer(event.playerId, CLOSE_CODES.kicked, 'The host removed you from this room.');
          lazy = true;
          break;
        case 'player-joined': {
          this.seats.joined();
          // A joiner above the kept board's lowest score (scores below zero) is ahead of someone there. O(1).
          const lowest = this.board?.at(-1)?.score;
          if (lowest !== undefined && (playerOf(this.state, event.playerId)?.score ?? 0) > lowest) this.board = null;
          lazy = true;
          break;
        }
        // Phase, question, pause, join and end events are what the next room:view shows: not broadcast again
        // (a second frame to every socket at each phase change); game:events carries the race's events.
        case 'question-closed':
          {
            // Each player who answered learns its result; the standings check finds whose streak or rank moved.
            const q = this.state.question;
            if (q && q.questionId === event.questionId) {
              for (const id in event.results) if (answerOf(q, id)) this.youDirty.add(id);
            }
          }
          this.standingsDirty = true;
          urgent = true;
          break;
        case 'phase':
        case 'game-over':
          this.standingsDirty = true;
          urgent = true;
          break;
        case 'question-opened':
        case 'paused':
          // Nothing private changed: the client resets its own answer when the shared view's question id changes.
          urgent = true;
          break;
        default:
          this.pendingEvents.push(event);
          urgent = true;
      }
    }
    if (urgent || lazy) this.sharedDirty = true;
    if (urgent || this.youDirty.size > 0) this.scheduleFlush(true);
    else if (lazy) this.scheduleFlush(false);
  }

  private scheduleFlush(now: boolean): void {
    if (this.closed) return;
    if (now) {
      if (!this.flushImmediate) this.flushImmediate = setImmediate(() => this.flush());
    } else if (!this.flushTimer) {
      this.flushTimer = setTimeout(() => this.flush(), LAZY_FLUSH_MS);
    }
  }

  private flush(): void {
    if (this.flushImmediate) clearImmediate(this.flushImmediate);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushImmediate = null;
    this.flushTimer = null;
    const out = this.output;
    // The shared view first (one pre-encoded broadcast): it is what the players wait for; then the events.
    const shared = this.sharedDirty;
    this.sharedDirty = false;
    if (shared) this.emitSharedViews();
    if (this.pendingEvents.length > 0) {
      out.toRoom('game:events', this.pendingEvents);
      this.pendingEvents = [];
    }
    if (shared) out.toHosts('host:view', this.hostView());
    // Private messages only to players whose own data changed: a result, a score, a streak, a rank, a setting.
    if (this.standingsDirty) {
      this.standingsDirty = false;
      for (const id of this.humanIds()) {
        if (this.youDirty.has(id)) continue;
        const p = playerOf(this.state, id);
        const sent = this.sentStanding.get(id);
        if (!p || !sent || sent.score !== p.score || sent.streak !== p.streak || sent.rank !== this.rankOf(id)) this.youDirty.add(id);
      }
    }
    if (this.youDirty.size > 0) {
      for (const id of this.youDirty) {
        if (playerOf(this.state, id)?.bot === null) out.toPlayer(id, 'player:you', this.you(id));
      }
      this.youDirty.clear();
    }
  }

  private emitSharedViews(): void {
    const out = this.output;
    const mode = this.state.config.mode;
    this.sends.noteQuestionBroadcast();
    // With devices reading another of the pack's languages: one broadcast per language (the room's own to every
    // member but them, null), still never one per player.
    const own = this.langsInUse.size > 0 ? null : undefined;
    if (mode === 'classroom') {
      out.toRoom('room:view', this.sharedView(), own);
      for (const lang of this.langsInUse) out.toRoom('room:view', this.sharedView(null, lang), lang);
      return;
    }
    if (mode === 'solo') {
      for (const id of this.humanIds()) out.toPlayer(id, 'room:view', this.playerView(id));
      return;
    }
    // Team mode: each team sees its own host and hand, so one broadcast per team.
    const teams = new Set<string>();
    for (const id of this.state.playerOrder) {
      const teamId = playerOf(this.state, id)?.teamId ?? null;
      if (teamId) teams.add(teamId);
      if (this.teamOf.get(id) !== teamId) {
        this.teamOf.set(id, teamId);
        out.setTeam(id, teamId);
      }
    }
    for (const teamId of teams) {
      out.toTeam(teamId, 'room:view', this.sharedView(teamId), own);
      for (const lang of this.langsInUse) out.toTeam(teamId, 'room:view', this.sharedView(teamId, lang), lang);
    }
  }

  private humanIds(): string[] {
    return this.state.playerOrder.filter((id) => {
      const p = playerOf(this.state, id);
      return p !== undefined && p.bot === null && !p.removed;
    });
  }

  private scheduleTally(): void {
    if (this.tallyTimer || this.closed) return;
    this.tallyTimer = setTimeout(() => {
      this.tallyTimer = null;
      const tally = this.tally();
      if (tally) this.output.toHosts('host:tally', tally);
    }, TALLY_MS);
  }

  tally(): Tally | null {
    const q = this.state.question;
    if (!q) return null;
    // Who takes part in this question is the engine's rule (not removed, joined before it).
    const total = activePlayerIds(this.state).length;
    return { questionId: q.questionId, answered: q.answerCount, total, version: this.state.version };
  }

  /**
   * The part every member of the room (classroom) or of one team shares (the engine's sharedView: the visible top,
   * no one's answer, no tally, no "me"), made once per state version, team and language.
   */
  sharedView(teamId: string | null = null, lang: Lang | null = null): GameView {
    const key = sharedKey(teamId, lang);
    const cached = this.sharedCache.get(key);
    if (cached && cached.version === this.state.version) return cached;
    // Another of the pack's languages: the room's own view with its texts swapped (same version, same everything else).
    const texts = lang === null ? undefined : this.languages?.others.get(lang);
    if (texts) {
      const localized = localizeView(this.sharedView(teamId), texts, this.state.question?.perm ?? []);
      this.sharedCache.set(key, localized);
      return localized;
    }
    const shared = sharedView(this.state, teamId);
    this.sharedCache.set(key, shared);
    return shared;
  }

  hostView(): GameView {
    return viewFor(this.state, { role: 'host' });
  }

  /** A player's full view (the engine's, with the whole leaderboard sorted): solo rooms. */
  playerView(playerId: string): GameView {
    const view = viewFor(this.state, { role: 'player', playerId });
    const texts = this.textsFor(playerId);
    return texts ? localizeView(view, texts, this.state.question?.perm ?? []) : view;
  }

  /**
   * A player's device reads `lang` (told at join, resume and sync; absent: as it last said). Returns the language
   * it is served in when that is another of the pack's languages than the room's, else null (the room's own):
   * the device reads that language's broadcast from now on (server/rooms/sockets.ts puts it in its group).
   */
  setPlayerLang(playerId: string, lang: Lang | undefined): Lang | null {
    if (lang === undefined) return this.playerLang.get(playerId) ?? null;
    if (!this.languages?.others.has(lang)) {
      this.playerLang.delete(playerId);
      return null;
    }
    this.playerLang.set(playerId, lang);
    this.langsInUse.add(lang);
    return lang;
  }

  /**
   * A player's socket is in `lang`'s group (null: none) but this room may not know it (it was restored or taken
   * over since the device said): noted, so its acks and bills come in it too. O(1).
   */
  notePlayerLang(playerId: string, lang: Lang | null): void {
    if (lang !== null && !this.playerLang.has(playerId) && this.languages?.others.has(lang)) this.setPlayerLang(playerId, lang);
  }

  /** The texts a player's device reads, when they are not the room's own. */
  private textsFor(playerId: string) {
    const lang = this.playerLang.get(playerId);
    return lang === undefined ? undefined : this.languages?.others.get(lang);
  }

  /**
   * The view a joining, resuming or syncing player gets in its ack: the shared view plus its own part (the engine's
   * personalView: its row, standing and answer). While only lobby joins or leaves are waiting for their batched
   * broadcast, the last shared view is reused (the broadcast follows within 250 ms), so seating a player never sorts
   * the room. Solo: the full view.
   */
  personalView(playerId: string): GameView {
    const p = playerOf(this.state, playerId);
    if (this.solo || !p) return this.playerView(playerId);
    const teamId = this.state.config.mode === 'team' ? p.teamId : null;
    const lang = this.playerLang.get(playerId) ?? null;
    const cached = this.sharedCache.get(sharedKey(teamId, lang));
    const onlyLobbyChanges = this.sharedDirty && this.flushTimer !== null && this.flushImmediate === null;
    const base = cached && (cached.version === this.state.version || onlyLobbyChanges) ? cached : this.sharedView(teamId, lang);
    return personalView(base, this.state, playerId, this.rankOf(playerId));
  }

  /**
   * The engine's rank (ties share one: 1, 2, 2, 4; 0 for a removed or unknown player), read from the board kept
   * until a score moves or someone leaves: a binary search per player, no sort per join or per player.
   */
  private rankOf(playerId: string): number {
    return rankOf(this.state, playerId, () => (this.board ??= leaderboard(this.state)));
  }

  /** A player's private message; takes the score changes queued for it. */
  you(playerId: string): YouMessage {
    const p = playerOf(this.state, playerId);
    const changes = this.changes.get(playerId) ?? [];
    this.changes.delete(playerId);
    const q = this.state.question;
    const rank = this.rankOf(playerId);
    if (p) this.sentStanding.set(playerId, { rank, score: p.score, streak: p.streak });
    return {
      playerId,
      name: p?.name ?? '',
      teamId: p?.teamId ?? null,
      score: p?.score ?? 0,
      streak: p?.streak ?? 0,
      rank,
      playerCount: this.seats.count,
      timeFactor: p?.timeFactor ?? 1,
      questionId: q?.questionId ?? null,
      answer: (q ? answerOf(q, playerId) : undefined) ?? null,
      changes,
      removed: p?.removed ?? true,
      layer: p?.layer ?? null,
      startsAtStep: p?.joinedAtStep ?? 0,
    };
  }

  // ---------------------------------------------------------------- the end

  get gameId(): string {
    return `${this.code}-${this.record.createdAt}`;
  }

  /** Stores the finished game (retrying until it is stored), then shows the podium. */
  private finish(): void {
    if (this.finishing) return;
    this.flush();
    this.finishing = this.saveFinished();
  }

  private async saveFinished(): Promise<void> {
    const game = this.recorder.build(this.record, this.gameId, this.state, this.log.slice());
    for (let round = 0; !this.closed; round++) {
      try {
        await withRetry(() => this.deps.storage.saveFinishedGame(game), { ...this.retryOptions(), attempts: 3 });
        this.deps.metrics.inc(METRIC.gamesSaved);
        break;
      } catch (error) {
        this.deps.metrics.inc(METRIC.storageFailures);
        this.deps.log.error({ err: error, room: this.code, try: round + 1 }, `room ${this.code}: could not store the finished game (try ${round + 1}), retrying`);
        await new Promise((resolve) => setTimeout(resolve, Math.min(5000, 200 * 2 ** round)));
      }
    }
    if (this.closed) return;
    await this.drain();
    await withRetry(() => this.deps.storage.setRoomStatus(this.code, 'finished'), this.retryOptions()).catch((error) =>
      this.deps.log.error({ err: error, room: this.code }, `room ${this.code}: could not mark the room finished`),
    );
    const solo = this.deps.onFinished ? await this.deps.onFinished(this) : undefined;
    this.podium = buildPodium(this.state, this.gameId, solo ? { ...solo, bestPlanRatio: solo.bestPlanRatio ?? this.bestPlanRatio() } : undefined);
    this.output.toRoom('game:podium', this.podium);
  }

  /** Solo: the player's race points over the best-known plans' scores for the run's races (see solo-verify). */
  bestPlanRatio(): number | null {
    const human = this.state.playerOrder.find((id) => playerOf(this.state, id)?.bot === null);
    return human === undefined ? null : bestPlanRatio(this.recorder.bills, human);
  }

  close(): void {
    this.closed = true;
    for (const t of [this.wakeTimer, this.botTimer, this.flushTimer, this.tallyTimer, this.persistTimer]) {
      if (t) clearTimeout(t);
    }
    if (this.flushImmediate) clearImmediate(this.flushImmediate);
    if (this.bestTimer) clearImmediate(this.bestTimer);
    this.output.closePlayer('*', CLOSE_CODES.roomClosed, 'The room is closed.');
  }
}

