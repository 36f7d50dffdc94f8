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

export type Dispatch = (socket: IoSocket, event: EventName, args: unknown[]) => Promise<void>;

export function createDispatch(handlers: Handlers, queueAck: QueueAck, opts: SocketOptions): Dispatch {
  const { metrics, clock } = opts;

  /** Runs one event behind the rate limit, the schema and a guard that turns any throw into an error. */
  const handle = async (socket: IoSocket, event: EventName, args: unknown[]): Promise<void> => {
    const readAt = performance.now();
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (r: Reply) => void) : null;
    metrics.inc(METRIC.events, { event });
    let reply: Reply;
    if (!socket.data.bucket.take(clock())) {
      reply = fail('rate/limited', 'Too many events: slow down.');
    } else {
      const parsed = C2S_SCHEMAS[event].safeParse(args.length > (ack ? 1 : 0) ? args[0] : undefined);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const path = issue && issue.path.length > 0 ? `${issue.path.join('.')}: ` : '';
        reply = fail('input/invalid', `${event}: ${path}${issue?.message ?? 'invalid payload'}`);
      } else {
        // Room code scanning: an address that failed too often is refused before the room is looked up.
        const address = opts.joinGuard && JOIN_EVENTS.has(event) ? opts.joinGuard.address(socket) : null;
        const guard = address === null ? null : opts.joinGuard!;
        const refused = guard?.refusal(event, address!, clock());
        if (refused) reply = fail('rate/limited', refused);
        else {
          try {
            const handler = handlers[event] as (socket: IoSocket, payload: unknown) => Reply | Promise<Reply>;
            const result = handler(socket, parsed.data);
            reply = result instanceof Promise ? await result : result;
          } catch (error) {
            opts.log.error({ err: error, event }, `handler ${event} failed`);
            reply = fail('server/error', 'Something went wrong on the server.');
          }
          await guard?.record(event, address!, clock(), reply);
        }
      }
    }
    if (!reply.ok) metrics.inc(METRIC.errors, { code: reply.error.code });
    if (!ack) return;
    queueAck(socket, event, ack, reply, readAt);
  };
  return handle;
}
