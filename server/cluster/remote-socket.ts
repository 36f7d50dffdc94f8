// The owner's stand-in for a socket that lives on another process. A routed event is run by the very same socket
// layer as a local one (server/rooms/sockets.ts run: the same handlers, durable acks included) with this object as
// the socket: what the handlers do to it (join or leave a broadcast group, emit to it, ask for a round-trip
// measure, change its session) is recorded and sent back, and the process that holds the real socket does it
// before passing the acknowledgement on. One stand-in per routed event: the session travels with each request,
// so a new owner after a takeover needs nothing from the old one.
import type { SocketLayer } from '../rooms/sockets.js';
import { isEventName, type IoSocket, type Reply, type Session } from '../rooms/socket/groups.js';

export type Effect =
  | { k: 'join'; rooms: string[] }
  | { k: 'leave'; room: string }
  | { k: 'emit'; event: string; payload: unknown }
  /** The handlers asked the socket for a round-trip measure (`time:ping` with an ack): done where the socket is. */
  | { k: 'ping' };

/** Rate limits are applied where the real socket is; the owner runs a routed event unthrottled. */
const UNLIMITED = { take: () => true };

export class RemoteSocket {
  readonly data: {
    session: Session | null;
    bucket: { take(now: number): boolean };
    rtt: number | null;
    pingAt: number | null;
    heartbeatAt: number | null;
  };
  readonly rooms: Set<string>;
  readonly effects: Effect[] = [];
  /** It lives for one event: whatever the handlers do with it afterwards finds it gone. */
  disconnected = false;

  constructor(
    readonly id: string,
    rooms: string[],
    /** What the real socket's process forwarded: its session and its measured round trip (fair answer timing). */
    session: Session | null,
    rtt: number | null,
  ) {
    this.rooms = new Set(rooms);
    this.data = { session, bucket: UNLIMITED, rtt, pingAt: null, heartbeatAt: null };
  }

  get connected(): boolean {
    return !this.disconnected;
  }

  emit(event: string, payload: unknown, ack?: unknown): boolean {
    if (typeof ack === 'function') {
      // Only the server's own time:ping asks the client for an answer; it is measured where the socket is.
      if (event === 'time:ping' && !this.effects.some((e) => e.k === 'ping')) this.effects.push({ k: 'ping' });
      return true;
    }
    this.effects.push({ k: 'emit', event, payload });
    return true;
  }
  join(rooms: string | string[]): void {
    const list = Array.isArray(rooms) ? rooms : [rooms];
    for (const room of list) this.rooms.add(room);
    this.effects.push({ k: 'join', rooms: list });
  }
  leave(room: string): void {
    this.rooms.delete(room);
    this.effects.push({ k: 'leave', room });
  }

  /** Runs one event through the socket layer; resolves with its acknowledgement (bounded). */
  run(sockets: SocketLayer, event: string, args: unknown[], timeoutMs: number): Promise<Reply> {
    return new Promise<Reply>((resolve) => {
      const finish = (reply: Reply) => {
        if (this.disconnected) return;
        this.disconnected = true;
        clearTimeout(timer);
        resolve(reply);
      };
      const timer = setTimeout(
        () => finish({ ok: false, error: { code: 'server/error', message: 'The room did not answer.' } }),
        timeoutMs,
      );
      // Only room events are routed; anything else from the wire gets the answer an unknown event gets.
      if (!isEventName(event))
        return finish({ ok: false, error: { code: 'input/invalid', message: 'Unknown event.' } });
      // The socket layer uses of a socket only what this class has (its id, data, groups, join, leave, emit).
      void sockets.run(this as unknown as IoSocket, event, [...args, (reply: unknown) => finish(reply as Reply)]);
    });
  }
}
