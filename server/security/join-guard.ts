// Room code scanning (docs/SECURITY.md, "Room code scanning"): the room codes are 6 digits, so a script that tries
// codes (player:join, player:resume, host:resume) finds live rooms unless failed tries cost something. Each failure
// that says something about a code or a token (no such room, a wrong token, a room closed or started) spends a
// point of the client address's budget; with the budget spent, every such event from that address is refused
// rate/limited before the room is looked up, so a scan learns nothing more. Honest players rarely fail (a typo, a
// phone resuming a game that has ended), and a success costs nothing. Failures are counted at /metrics by event
// and reason, so a scan shows. Several processes: the process the socket is on checks and charges (a routed event's
// stand-in at the room's owner has no address of its own and is neither checked nor charged there). The budget is
// an AddressLimiter (rate-limiter-flexible): in Redis with several processes, so an address's failures on every
// process add up to one budget. The check before an event reads what this process learnt when it charged the
// address (the charge answers with the budget left, counted over every process), not Redis: a Redis read would
// cost each join 40-70 us of a burst's time (`npm run bench budgets`), and a class joining at once waits for
// nothing. The price: a scanner spread over N processes gets at most one failure more per process before each
// refuses it.
import type { IncomingMessage } from 'node:http';
import type { Metrics } from '../metrics.js';
import type { AddressLimiter } from './rate-limit.js';
import type { Logger } from '../log.js';

/** The events that look a room up by its code. */
export const JOIN_EVENTS: ReadonlySet<string> = new Set(['player:join', 'player:resume', 'host:resume']);
/** Failures that tell a prober about a code or a token; a refused nickname or a full database is not a probe. */
export const PROBE_FAILURES: ReadonlySet<string> = new Set([
  'room/unknown',
  'auth/token',
  'room/closed',
  'room/started',
]);
export const JOIN_FAILURES_METRIC = 'hostrush_join_failures_total';

type Reply = { ok: true } | { ok: false; error: { code: string; message: string } };

/** At most this many spent addresses are remembered per process (they are forgotten when their window ends). */
const MAX_BLOCKED = 10_000;

export class JoinGuard {
  /** Addresses whose budget is spent, and until when (the app's clock), as their last charge said. */
  private readonly blocked = new Map<string, number>();

  constructor(
    private readonly limiter: AddressLimiter,
    private readonly metrics: Metrics,
    /** A request's client address (TRUST_PROXY's rule: server/security/client-address.ts). */
    private readonly addressOf: (req: IncomingMessage) => string,
    private readonly log?: Logger,
  ) {
    metrics.counter(
      JOIN_FAILURES_METRIC,
      'Failed player:join, player:resume and host:resume, by event and reason ' +
        '(rate/limited: refused, the address failed too often).',
      ['event', 'reason'],
    );
  }

  /** A real socket's client address; null for a routed event's stand-in (the socket's own process guards it). */
  address(socket: object): string | null {
    const req = (socket as { request?: IncomingMessage }).request;
    return req ? this.addressOf(req) : null;
  }

  /**
   * Before the event: null, or the refusal's message when `address` has no token left (counted as reason
   * rate/limited). Nothing is taken here: a success is free, and a class of 2,000 joining at once from one school's
   * address is never held back by its own tries in flight. Tries already in flight when the budget is spent may
   * still fail (and be charged): the overshoot is bounded by the tries one address has in flight at that moment.
   */
  refusal(event: string, address: string, now: number): string | null {
    const until = this.blocked.get(address);
    if (until === undefined) return null;
    if (until <= now) {
      this.blocked.delete(address);
      return null;
    }
    this.metrics.inc(JOIN_FAILURES_METRIC, { event, reason: 'rate/limited' });
    return (
      `Too many tries with a room code or token that did not work came from your ` +
      `network just now: check the code and try again in ${Math.max(1, Math.ceil((until - now) / 1000))} s.`
    );
  }

  /**
   * After the event: a probing failure spends a point of `address`'s budget and is counted by reason. Resolves once
   * charged (the refusals that follow see it); a failing store is logged, never thrown.
   */
  async record(event: string, address: string, now: number, reply: Reply): Promise<void> {
    if (reply.ok || !PROBE_FAILURES.has(reply.error.code)) return;
    this.metrics.inc(JOIN_FAILURES_METRIC, { event, reason: reply.error.code });
    try {
      const wait = await this.limiter.charge(address);
      if (wait <= 0) return;
      if (this.blocked.size >= MAX_BLOCKED) {
        for (const [key, until] of this.blocked) if (until <= now) this.blocked.delete(key);
        // Still full: the oldest entry goes (Map order is insertion order).
        if (this.blocked.size >= MAX_BLOCKED) this.blocked.delete(this.blocked.keys().next().value!);
      }
      this.blocked.set(address, now + wait);
    } catch (error) {
      this.log?.error({ err: error }, 'join guard: could not charge a failed join');
    }
  }
}
