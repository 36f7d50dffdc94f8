// The server's own round-trip measure of each socket (fair timing reads it: server/rooms/fair-timing.ts).
import type { IoSocket } from './groups.js';

/** A `time:ping` unanswered for this long no longer blocks a new one (the client may have missed it). */
const PING_STALE_MS = 30_000;

/** A round trip changes slowly: each new sample moves the measure by a quarter of the difference. */
const smoothed = (rtt: number | null, sample: number) =>
  rtt === null ? sample : Math.round(0.75 * rtt + 0.25 * sample);

export interface Pinger {
  /** The first sample of a socket that took a seat: a `time:ping` with an ack, at once. */
  ping(this: void, socket: IoSocket): void;
  /**
   * Every later sample: engine.io's heartbeat, which pings each socket every `pingInterval` (25 s) whatever we do,
   * timed from its ping to its pong. The server's own `time:ping` every ~20 s was a message and an ack more per
   * player, ~200 a second at 4,100 players, each a timer, an emit and an ack to handle (issue 17,
   * docs/BENCHMARKS.md).
   */
  watchHeartbeats(this: void, socket: IoSocket): void;
}

export function createPinger(clock: () => number): Pinger {
  const ping = (socket: IoSocket): void => {
    if (socket.disconnected) return;
    const t = clock();
    if (socket.data.pingAt !== null && t - socket.data.pingAt < PING_STALE_MS) return;
    socket.data.pingAt = t;
    socket.emit('time:ping', { t }, (pong: unknown) => {
      if (socket.data.pingAt !== t) return;
      socket.data.pingAt = null;
      if (typeof pong === 'object' && pong !== null && (pong as { t?: unknown }).t === t)
        socket.data.rtt = smoothed(socket.data.rtt, Math.max(0, clock() - t));
    });
  };

  // Two listeners per socket (engine.io calls them with its own socket, not ours): ~0.1 KB each.
  const watchHeartbeats = (socket: IoSocket): void => {
    const conn = socket.conn;
    conn.on('packetCreate', (packet: { type: string }) => {
      if (packet.type === 'ping') socket.data.heartbeatAt = clock();
    });
    conn.on('heartbeat', () => {
      const sent = socket.data.heartbeatAt;
      if (sent === null) return;
      socket.data.heartbeatAt = null;
      socket.data.rtt = smoothed(socket.data.rtt, Math.max(0, clock() - sent));
    });
  };

  return { ping, watchHeartbeats };
}
