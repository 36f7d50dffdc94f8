// The server's own round-trip measure of each socket (fair timing reads it: server/rooms/fair-timing.ts).
import type { RoomManager } from '../manager.js';
import type { IoSocket } from './groups.js';

/**
 * A measured socket is pinged again about this long after its last pong (+-25%). A round trip changes slowly, and
 * each ping is a message and an ack per player: at 4,100 players, every 10 s with a 3 s re-check during questions
 * was a fourth message per player per question and 1,400 timer wake-ups a second (issue 17, docs/BENCHMARKS.md).
 */
export const PING_INTERVAL_MS = 20_000;
/** A ping unanswered for this long no longer blocks a new one (the client may have missed it). */
const PING_STALE_MS = 30_000;

/** The ping of every socket of this transport (one function, shared: nothing is made per socket). */
export function createPinger(manager: RoomManager, clock: () => number): (socket: IoSocket) => void {
  /**
   * The server's own round-trip measure: `time:ping` with an ack, one at a time, smoothed (1/4 per sample), again
   * PING_INTERVAL_MS (+-25%, so a room's pings do not come in waves) after each pong. Not while the socket's room
   * has a question open: answers come first, and the measure taken before the question is the one that counts; a
   * ping due then is skipped to the next interval (not re-checked every few seconds, which bunched every deferred
   * ping of the room into the moments after the question closed).
   */
  const ping = (socket: IoSocket): void => {
    if (socket.disconnected) return;
    const now = clock();
    const session = socket.data.session;
    const q = session ? manager.get(session.code)?.state.question : undefined;
    if (q && !q.closed && socket.data.rtt !== null) return schedulePing(socket, jittered());
    if (socket.data.pingAt !== null && now - socket.data.pingAt < PING_STALE_MS) return;
    if (socket.data.pingTimer) clearTimeout(socket.data.pingTimer);
    socket.data.pingTimer = null;
    const t = now;
    socket.data.pingAt = t;
    socket.emit('time:ping', { t }, (pong: unknown) => {
      if (socket.data.pingAt !== t) return;
      socket.data.pingAt = null;
      if (typeof pong === 'object' && pong !== null && (pong as { t?: unknown }).t === t) {
        const sample = Math.max(0, clock() - t);
        const rtt = socket.data.rtt;
        socket.data.rtt = rtt === null ? sample : Math.round(0.75 * rtt + 0.25 * sample);
      }
      if (socket.disconnected || !socket.data.session) return;
      schedulePing(socket, jittered());
    });
  };
  const jittered = () => PING_INTERVAL_MS * (0.75 + Math.random() / 2);
  const schedulePing = (socket: IoSocket, ms: number): void => {
    if (socket.data.pingTimer) clearTimeout(socket.data.pingTimer);
    socket.data.pingTimer = setTimeout(ping, ms, socket);
    socket.data.pingTimer.unref?.();
  };
  return ping;
}
