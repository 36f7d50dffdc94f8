// Fair timing: when the open question went out to each player, and how long its answer took (the network's share out).
import type { GameState } from '../../shared/engine/index.js';

/** A round trip longer than this is not believed (a client could delay its pongs to buy time). */
export const RTT_CAP_MS = 1500;

/**
 * Fair response time. `sinceSentMs`: from the server's send of the question to this player until the server
 * received the answer (pauses excluded). The player saw the question one one-way delay after the send and its
 * answer travelled one more: the server's own estimate is `sinceSent - rtt`. A client-reported time (from when
 * it SAW the question) is believed only inside [sinceSent - rtt, sinceSent], i.e. inside the window the network
 * could explain; outside it, it is clamped to that window.
 */
export function fairElapsedMs(sinceSentMs: number, rttMs: number, clientMs?: number): number {
  const rtt = Math.max(0, Math.min(RTT_CAP_MS, rttMs));
  const upper = Math.max(0, sinceSentMs);
  const lower = Math.max(0, upper - rtt);
  const value = clientMs === undefined ? lower : Math.min(upper, Math.max(lower, clientMs));
  return Math.round(value);
}

/** One room's record of the open question's sends, read by its answers' fair time. */
export class QuestionSends {
  /**
   * When the open question first went out to each player, and to the room as a whole (its first broadcast), as ms
   * after it opened. A seat's clock starts at the earlier of the two: a seat that was away when the question went
   * out (offline, or chose to be) does not start later (issue 13, late resume).
   */
  private sent: { questionId: string; offsets: Map<string, number>; room: number | null } | null = null;

  constructor(
    private readonly state: () => GameState,
    private readonly clock: () => number,
  ) {}

  /** Notes that the open question went out to a player now (its first send counts; pauses do not). O(1). */
  noteQuestionSent(playerId: string): void {
    const sent = this.openSent();
    if (!sent || sent.offsets.has(playerId)) return;
    sent.offsets.set(playerId, this.openOffset());
  }

  /**
   * Notes that the open question went out to the room (its first broadcast counts): every seat's clock starts then at
   * the latest.
   */
  noteQuestionBroadcast(): void {
    const sent = this.openSent();
    if (sent && sent.room === null) sent.room = this.openOffset();
  }

  /** The open question's send record (made on its first use), or null when no question is open. */
  private openSent(): NonNullable<QuestionSends['sent']> | null {
    const q = this.state().question;
    if (!q || q.closed) return null;
    if (!this.sent || this.sent.questionId !== q.questionId)
      this.sent = { questionId: q.questionId, offsets: new Map(), room: null };
    return this.sent;
  }

  /** Ms since the open question opened, now (pauses excluded). */
  private openOffset(): number {
    const q = this.state().question!;
    const now = Math.min(this.clock(), q.pausedAt ?? Infinity);
    return Math.max(0, now - q.openedAt);
  }

  /** Whether the open question's first send to this player is already noted. */
  questionSentNoted(playerId: string): boolean {
    const q = this.state().question;
    return !q || q.closed || (this.sent?.questionId === q.questionId && this.sent.offsets.has(playerId));
  }

  /** Server-measured ms from the question's send to this player until now (pauses excluded); null if not open. */
  sinceQuestionSent(playerId: string, questionId: string): number | null {
    const state = this.state();
    const q = state.question;
    if (!q || q.closed || q.questionId !== questionId) return null;
    const sent = this.sent?.questionId === questionId ? this.sent : null;
    // The earlier of the seat's own first send and the room's first broadcast (0 when neither is known: a restore).
    const first = sent ? Math.min(sent.offsets.get(playerId) ?? Infinity, sent.room ?? Infinity) : Infinity;
    const offset = first === Infinity ? 0 : first;
    const now = Math.min(Math.max(this.clock(), state.now), q.pausedAt ?? Infinity);
    // A solo player's own pauses count, as in the engine (QuestionState.pausedMs).
    return Math.max(0, now - (q.openedAt + offset) + (q.pausedMs ?? 0));
  }
}
