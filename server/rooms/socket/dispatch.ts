// One event's run: the socket's rate limit, the payload's schema, the join guard, its handler (any throw turned into
// an error), then its ack (./acks.ts).
import { C2S_SCHEMAS } from '../../../shared/protocol/index.js';
import { METRIC } from '../../metrics.js';
import { JOIN_EVENTS } from '../../security/join-guard.js';
import { fail } from '../room.js';
import type { SocketOptions } from '../sockets.js';
import type { QueueAck } from './acks.js';
import type { Handlers } from './context.js';
import type { EventName, IoSocket, Reply } from './groups.js';

export type Dispatch = (socket: IoSocket, event: EventName, args: unknown[]) => Promise<void> | void;

/** Counts an event under its name: one labelled counter per name, made once (no labels hashed per event). */
function eventCounter(metrics: SocketOptions['metrics']): (event: string) => void {
  const counted = new Map<string, { inc(): void }>();
  return (event) => {
    let counter = counted.get(event);
    if (!counter) counted.set(event, (counter = metrics.counterWith(METRIC.events, { event })));
    counter.inc();
  };
}

/** The reply to a payload its schema refused: where and why. */
function invalid(event: EventName, issue: { path: PropertyKey[]; message: string } | undefined): Reply {
  const path = issue && issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ` : '';
  return fail('input/invalid', `${event}: ${path}${issue?.message ?? 'invalid payload'}`);
}

export function createDispatch(handlers: Handlers, queueAck: QueueAck, opts: SocketOptions): Dispatch {
  const { metrics, clock } = opts;
  const countEvent = eventCounter(metrics);
  const finish = (
    socket: IoSocket,
    event: EventName,
    ack: ((r: Reply) => void) | null,
    reply: Reply,
    readAt: number,
  ) => {
    if (!reply.ok) metrics.inc(METRIC.errors, { code: reply.error.code });
    if (ack) queueAck(socket, event, ack, reply, readAt);
  };
  const failed = (event: EventName, error: unknown): Reply => {
    opts.log.error({ err: error, event }, `handler ${event} failed`);
    return fail('server/error', 'Something went wrong on the server.');
  };

  /**
   * Runs one event behind the rate limit, the schema and a guard that turns any throw into an error. Synchronous
   * when its handler is and no join guard records it (an answer): no promise per event.
   */
  const handle = (socket: IoSocket, event: EventName, args: unknown[]): Promise<void> | void => {
    const readAt = performance.now();
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (r: Reply) => void) : null;
    countEvent(event);
    if (!socket.data.bucket.take(clock()))
      return finish(socket, event, ack, fail('rate/limited', 'Too many events: slow down.'), readAt);
    const parsed = C2S_SCHEMAS[event].safeParse(args.length > (ack ? 1 : 0) ? args[0] : undefined);
    if (!parsed.success) return finish(socket, event, ack, invalid(event, parsed.error.issues[0]), readAt);
    // Room code scanning: an address that failed too often is refused before the room is looked up.
    const address = opts.joinGuard && JOIN_EVENTS.has(event) ? opts.joinGuard.address(socket) : null;
    const guard = address === null ? null : opts.joinGuard!;
    const refused = guard?.refusal(event, address!, clock());
    if (refused) return finish(socket, event, ack, fail('rate/limited', refused), readAt);
    let result: Reply | Promise<Reply>;
    try {
      const handler = handlers[event] as (socket: IoSocket, payload: unknown) => Reply | Promise<Reply>;
      result = handler(socket, parsed.data);
    } catch (error) {
      result = failed(event, error);
    }
    if (!(result instanceof Promise) && !guard) return finish(socket, event, ack, result, readAt);
    return (async () => {
      let reply: Reply;
      try {
        reply = await result;
      } catch (error) {
        reply = failed(event, error);
      }
      await guard?.record(event, address!, clock(), reply);
      finish(socket, event, ack, reply, readAt);
    })();
  };
  return handle;
}
