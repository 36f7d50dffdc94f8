// The owner's stand-in for a socket that lives on another process. A routed event is run through the very same
// Socket.IO handlers (server/rooms/socket/) with this object as the socket: what they do to it (join or leave
// a broadcast group, emit to it, change its session) is recorded and sent back, and the process that holds the
// real socket applies it before passing the acknowledgement on. One stand-in per routed event: the session
// travels with each request, so a new owner after a takeover needs nothing from the old one.

export type Session = { role: 'host'; code: string } | { role: 'player'; code: string; playerId: string };
export type Reply = { ok: true; [key: string]: unknown } | { ok: false; error: { code: string; message: string } };

export type Effect =
  | { k: 'join'; rooms: string[] }
  | { k: 'leave'; room: string }
  | { k: 'emit'; event: string; payload: unknown }
  /** The handlers asked the socket for a round-trip measure (`time:ping` with an ack): done where the socket is. */
  | { k: 'ping' };

type Listener = (...args: unknown[]) => void;

/** Rate limits are applied where the real socket is; the owner runs a routed event unthrottled. */
const UNLIMITED = { take: () => true };

export class RemoteSocket {
  readonly data: {
    session: Session | null;
    bucket: { take(now: number): boolean };
    rtt: number | null;
    pingAt: number | null;
    pingTimer: ReturnType<typeof setTimeout> | null;
  } = { session: null, bucket: UNLIMITED, rtt: null, pingAt: null, pingTimer: null };
  readonly disconnected = false;
  readonly rooms: Set<string>;
  readonly effects: Effect[] = [];
  readonly connected = true;
  readonly handshake = {
    address: 'cluster',
    headers: {},
    query: {},
    auth: {},
    time: '',
    issued: 0,
    url: '',
    secure: false,
    xdomain: false,
  };
  private readonly listeners = new Map<string, Listener[]>();
  private readonly anyListeners: Listener[] = [];

  constructor(
    readonly id: string,
    rooms: string[],
  ) {
    this.rooms = new Set(rooms);
  }

  /**
   * Sets what the real socket's process forwarded, after the connection handlers ran (they start every socket
   * afresh): its session and its measured round trip (fair answer timing).
   */
  adopt(session: Session | null, rtt: number | null): void {
    this.data.session = session;
    this.data.bucket = UNLIMITED;
    this.data.rtt = rtt;
  }

  on(event: string, listener: Listener): this {
    const list = this.listeners.get(event) ?? [];
    list.push(listener);
    this.listeners.set(event, list);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  onAny(listener: Listener): this {
    this.anyListeners.push(listener);
    return this;
  }
  use(): this {
    return this;
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
  disconnect(): this {
    return this;
  }

  /** Runs one event through the registered handlers; resolves with their acknowledgement (bounded). */
  dispatch(event: string, args: unknown[], timeoutMs: number): Promise<Reply> {
    return new Promise<Reply>((resolve) => {
      let done = false;
      const timer = setTimeout(
        () => finish({ ok: false, error: { code: 'server/error', message: 'The room did not answer.' } }),
        timeoutMs,
      );
      const finish = (reply: Reply) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve(reply);
      };
      const ack = (reply: unknown) => finish(reply as Reply);
      for (const l of this.anyListeners) l(event, ...args, ack);
      const listeners = this.listeners.get(event);
      if (!listeners || listeners.length === 0) {
        finish({ ok: false, error: { code: 'input/invalid', message: 'Unknown event.' } });
        return;
      }
      for (const l of listeners) l(...args, ack);
    });
  }
}
