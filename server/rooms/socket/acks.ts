// Acks: written once per event-loop turn, and (durable acks) only once the room's log holds what they acknowledge.
import { METRIC, type Metrics } from '../../metrics.js';
import type { Logger } from '../../log.js';
import type { RoomManager } from '../manager.js';
import type { Room } from '../room.js';
import type { EventName, IoSocket, Reply } from './groups.js';

/** Events that may add an action to a room's log: with durable acks, their ack waits until it is stored. */
export const STORING_EVENTS: ReadonlySet<string> = new Set<EventName>([
  'host:control',
  'solo:control',
  'solo:start',
  'player:join',
  'player:team',
  'player:answer',
  'player:claim',
  'player:release',
  'player:deploy',
  'player:take-layer',
]);

/** With durable acks, how long an ack may wait for a failing database before it goes anyway (the log retries). */
const DURABLE_ACK_MAX_WAIT_MS = 2000;

export interface AckOptions {
  metrics: Metrics;
  log: Logger;
  /** Ack an accepted action only once the room's log holds it (SocketOptions.durableAcks). */
  durableAcks?: boolean;
}

/** Queues an event's ack (its reply, and when the event was read) to be written at the end of this turn. */
export type QueueAck = (
  socket: IoSocket,
  event: EventName,
  ack: (r: Reply) => void,
  reply: Reply,
  readAt: number,
) => void;

export function createAcks(manager: RoomManager, opts: AckOptions): QueueAck {
  const { metrics } = opts;
  /**
   * Acks are written once per event-loop turn, after every message read in that turn was handled (as Redis
   * writes its replies before it sleeps): a burst of 2,000 answers is handled, then acked back to back, where
   * writing each ack between two answers cost 3x more CPU per socket write (docs/BENCHMARKS.md, "Acks written
   * per turn"). A lone message is acked in the same turn (the check phase), so its latency does not change.
   */
  type PendingAck = { ack: (r: Reply) => void; reply: Reply; event: string; readAt: number };
  const pendingAcks: PendingAck[] = [];
  // Durable acks: the rooms whose new actions this turn's acks wait for. One write per room per turn, not per action
  // (SQLite commits it within the turn; PostgreSQL within a round trip).
  const unstoredRooms = new Set<Room>();
  const sendAcks = (batch: PendingAck[]): void => {
    for (const { ack, reply, event, readAt } of batch) {
      try {
        ack(reply);
      } catch (error) {
        opts.log.warn({ err: error, event }, `ack ${event} failed`);
      }
      metrics.observe(METRIC.ackLatency, (performance.now() - readAt) / 1000);
    }
  };
  const flushAcks = (): void => {
    const batch = pendingAcks.splice(0);
    if (unstoredRooms.size === 0) return sendAcks(batch);
    const stored = Promise.all([...unstoredRooms].map((room) => room.drain().catch(() => {})));
    unstoredRooms.clear();
    // A database that keeps failing must not freeze the game: past the wait, ack anyway (the log keeps retrying
    // and the failure is counted and logged by the room).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<void>((resolve) => (timer = setTimeout(resolve, DURABLE_ACK_MAX_WAIT_MS)));
    void Promise.race([stored, late]).then(() => {
      clearTimeout(timer);
      sendAcks(batch);
    });
  };

  return (socket, event, ack, reply, readAt) => {
    if (opts.durableAcks && reply.ok && STORING_EVENTS.has(event)) {
      const code = socket.data.session?.code;
      const room = code ? manager.get(code) : undefined;
      if (room) unstoredRooms.add(room);
    }
    pendingAcks.push({ ack, reply, event, readAt });
    if (pendingAcks.length === 1) setImmediate(flushAcks);
  };
}
