// A room's outbound messages: which changes are waiting to go out, and their batched sends (shared views per team
// and language, game events, the host's view and tally, private player:you, race bills).
import { answerOf, playerOf, type Action, type GameEvent, type GameState } from '../../shared/engine/index.js';
import type { HostBills, PublicGameEvent, RaceBill } from '../../shared/protocol/index.js';
import { CLOSE_CODES } from '../../shared/protocol/index.js';
import type { QuestionSends } from './fair-timing.js';
import type { RoomOutput } from './output.js';
import { humanIds, tallyOf, type RoomViews } from './room-views.js';
import type { RoomSeats } from './seats.js';

/** How long lobby joins and leaves are gathered before one broadcast. */
const LAZY_FLUSH_MS = 250;
/**
 * In a room this large, lobby changes are gathered for LARGE_LOBBY_FLUSH_MS instead: each broadcast goes to every
 * seated phone and the host's view lists every player, so seating 4,100 at 4 broadcasts a second was ~80,000
 * messages and as many host-view rows (issue 17). A phone in the lobby shows only that it is in.
 */
const LARGE_LOBBY = 500;
const LARGE_LOBBY_FLUSH_MS = 1000;
/** At most four answer tallies a second to the host. */
const TALLY_MS = 250;

/** What the outbox reads of its room (its output comes from the room transport; silenced when it closes silently). */
export interface OutboxRoom {
  readonly state: GameState;
  readonly output: RoomOutput;
  readonly closed: boolean;
}

/** What an event asks of the next flush: nothing, a batched broadcast (lobby), or one at once. */
const NONE = 0;
const LAZY = 1;
const URGENT = 2;

export class RoomOutbox {
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  private flushImmediate: ReturnType<typeof setImmediate> | null = null;
  private tallyTimer: ReturnType<typeof setTimeout> | null = null;
  private sharedDirty = false;
  /**
   * Solo: a streak may have ended without a score event; at the next flush, a player whose score or streak differ
   * from what it was told gets player:you. Rooms of many players need no such walk: a score moves only with a score
   * event (queued for player:you) or at a close (its sealed result), a streak only at a close (sealed, or reset by
   * the phone itself), and ranks are counted on each phone (the ladder of the views that show results).
   */
  private standingsDirty = false;
  private readonly youDirty = new Set<string>();
  private pendingEvents: PublicGameEvent[] = [];
  private readonly teamOf = new Map<string, string | null>();

  constructor(
    private readonly room: OutboxRoom,
    private readonly views: RoomViews,
    private readonly seats: RoomSeats,
    private readonly sends: QuestionSends,
  ) {}

  /**
   * Only lobby joins or leaves are waiting for their batched broadcast (RoomViews.personalView reuses the last
   * view).
   */
  onlyLobbyChanges(): boolean {
    return this.sharedDirty && this.flushTimer !== null && this.flushImmediate === null;
  }

  noteEvents(events: GameEvent[], changed: boolean): void {
    // Host settings (lock, move, extended time, added time) change the state without a game event.
    let urgent = events.length === 0 && changed;
    let lazy = false;
    for (const event of events) {
      const need = this.noteEvent(event);
      if (need === URGENT) urgent = true;
      else if (need === LAZY) lazy = true;
    }
    if (urgent || lazy) this.sharedDirty = true;
    if (urgent || this.youDirty.size > 0) this.scheduleFlush(true);
    else if (lazy) this.scheduleFlush(false);
  }

  private noteEvent(event: GameEvent): typeof NONE | typeof LAZY | typeof URGENT {
    switch (event.type) {
      case 'error':
        return NONE;
      case 'answer-accepted':
        // O(1): the answer's ack tells the player; the host's tally is batched. No private message.
        this.scheduleTally();
        return NONE;
      case 'score':
        this.views.noteScore(event.change);
        this.youDirty.add(event.change.playerId);
        return NONE;
      case 'player-removed':
        this.seats.removed();
        this.views.dropBoard();
        this.noteStandings();
        // The removed player's devices lose their seat at once; its token is refused from now on.
        this.room.output.closePlayer(event.playerId, CLOSE_CODES.kicked, 'The host removed you from this room.');
        return LAZY;
      case 'player-joined':
        this.seats.joined();
        this.views.noteJoined(event.playerId);
        return LAZY;
      // Phase, question, pause, join and end events are what the next room:view shows: not broadcast again
      // (a second frame to every socket at each phase change); game:events carries the race's events.
      case 'question-closed':
        // Every player the close changed is handled there: no walk of the room for standings after it.
        this.noteClosed(event);
        return URGENT;
      case 'phase':
      case 'game-over':
        this.noteStandings();
        return URGENT;
      case 'question-opened':
      case 'paused':
        // Nothing private changed: the client resets its own answer when the shared view's question id changes.
        return URGENT;
      default:
        this.pendingEvents.push(event);
        return URGENT;
    }
  }

  /** Solo only (see standingsDirty). */
  private noteStandings(): void {
    if (this.room.state.config.mode === 'solo') this.standingsDirty = true;
  }

  /**
   * Each player who answered learns its result: from the sealed result in its answer's ack, opened by the reveal's
   * key, when it told the score and streak the close gave (else, as in solo, a player:you with it). One who did not
   * answer resets its own streak. Ranks come from the reveal's ladder.
   */
  private noteClosed(event: Extract<GameEvent, { type: 'question-closed' }>): void {
    const state = this.room.state;
    const q = state.question;
    if (!q || q.questionId !== event.questionId) return;
    const sealed = this.views.sealed;
    sealed.noteScored(event.questionId);
    const solo = state.config.mode === 'solo';
    this.noteStandings();
    for (const id in event.results) {
      const p = !solo && sealed.sealedFor(id) ? playerOf(state, id) : undefined;
      if (p && sealed.told(id, p.score, p.streak)) {
        // Its score change (queued by the score event) is made on its phone from the sealed result.
        this.youDirty.delete(id);
        this.views.dropChanges(id);
      } else if (answerOf(q, id)) this.youDirty.add(id);
    }
  }

  /**
   * Settings that change one player's private state: extended time (only that player and the host learn it), a
   * layer.
   */
  noteSettings(action: Action): void {
    if (action.type === 'set-time-factor') {
      this.youDirty.add(action.playerId);
      this.scheduleFlush(true);
    } else if (action.type === 'take-layer' && action.actor.role === 'player') {
      this.youDirty.add(action.actor.playerId);
      this.scheduleFlush(true);
    }
  }

  private scheduleFlush(now: boolean): void {
    if (this.room.closed) return;
    if (now) {
      if (!this.flushImmediate) this.flushImmediate = setImmediate(() => this.flush());
    } else if (!this.flushTimer) {
      const wait = this.seats.count > LARGE_LOBBY ? LARGE_LOBBY_FLUSH_MS : LAZY_FLUSH_MS;
      this.flushTimer = setTimeout(() => this.flush(), wait);
    }
  }

  flush(): void {
    if (this.flushImmediate) clearImmediate(this.flushImmediate);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushImmediate = null;
    this.flushTimer = null;
    const out = this.room.output;
    // The shared view first (one pre-encoded broadcast): it is what the players wait for; then the events.
    const shared = this.sharedDirty;
    this.sharedDirty = false;
    if (shared) this.emitSharedViews();
    if (this.pendingEvents.length > 0) {
      out.toRoom('game:events', this.pendingEvents);
      this.pendingEvents = [];
    }
    if (shared) out.toHosts('host:view', this.views.hostView());
    // Private messages only to players whose own data changed: a result, a score, a streak, a rank, a setting.
    if (this.standingsDirty) {
      this.standingsDirty = false;
      for (const id of humanIds(this.room.state)) {
        if (this.youDirty.has(id)) continue;
        if (this.views.standingMoved(id)) this.youDirty.add(id);
      }
    }
    if (this.youDirty.size > 0) {
      for (const id of this.youDirty) {
        if (playerOf(this.room.state, id)?.bot === null) out.toPlayer(id, 'player:you', this.views.you(id));
      }
      this.youDirty.clear();
    }
  }

  private emitSharedViews(): void {
    const out = this.room.output;
    const state = this.room.state;
    const mode = state.config.mode;
    const views = this.views;
    this.sends.noteQuestionBroadcast();
    // With devices reading another of the pack's languages: one broadcast per language (the room's own to every
    // member but them, null), still never one per player.
    const own = views.langsInUse.size > 0 ? null : undefined;
    if (mode === 'classroom') {
      out.toRoom('room:view', views.sharedView(), own);
      for (const lang of views.langsInUse) out.toRoom('room:view', views.sharedView(null, lang), lang);
      return;
    }
    if (mode === 'solo') {
      for (const id of humanIds(state)) out.toPlayer(id, 'room:view', views.playerView(id));
      return;
    }
    // Team mode: each team sees its own host and hand, so one broadcast per team.
    const teams = new Set<string>();
    for (const id of state.playerOrder) {
      const teamId = playerOf(state, id)?.teamId ?? null;
      if (teamId) teams.add(teamId);
      if (this.teamOf.get(id) !== teamId) {
        this.teamOf.set(id, teamId);
        out.setTeam(id, teamId);
      }
    }
    for (const teamId of teams) {
      out.toTeam(teamId, 'room:view', views.sharedView(teamId), own);
      for (const lang of views.langsInUse) out.toTeam(teamId, 'room:view', views.sharedView(teamId, lang), lang);
    }
  }

  private scheduleTally(): void {
    if (this.tallyTimer || this.room.closed) return;
    this.tallyTimer = setTimeout(() => {
      this.tallyTimer = null;
      const tally = tallyOf(this.room.state);
      if (tally) this.room.output.toHosts('host:tally', tally);
    }, TALLY_MS);
  }

  /** A race's bills: each player (or each team's members) privately, every bill to the host. */
  sendBills(bills: RaceBill[]): void {
    const first = bills[0];
    if (!first) return;
    const out = this.room.output;
    const state = this.room.state;
    for (const bill of bills) {
      if (bill.owner.kind === 'player')
        out.toPlayer(bill.owner.id, 'player:bill', this.views.billFor(bill, bill.owner.id));
      else if (bill.owner.kind === 'team') {
        for (const id of humanIds(state)) {
          if (playerOf(state, id)?.teamId === bill.owner.id)
            out.toPlayer(id, 'player:bill', this.views.billFor(bill, id));
        }
      }
    }
    const host: HostBills = {
      step: first.step,
      scenarioId: first.scenarioId,
      scenarioTitle: first.scenarioTitle,
      bills,
      best: first.best,
    };
    out.toHosts('host:bills', host);
  }

  close(): void {
    for (const t of [this.flushTimer, this.tallyTimer]) {
      if (t) clearTimeout(t);
    }
    if (this.flushImmediate) clearImmediate(this.flushImmediate);
  }
}
