// The seam between a room's owner (the process whose Room is the room's authority) and where the room's sockets
// are. The manager and the socket layer use it the same way whether one process serves everything (here,
// localTransport) or several share the rooms (server/cluster: a Redis lease per room, broadcasts through the
// Socket.IO Redis adapter, events for a room owned elsewhere sent to its owner on the cluster bus).
import type { Metrics } from '../metrics.js';
import type { RoomManager } from './manager.js';
import type { RoomOutput } from './output.js';
import type { Room } from './room.js';
import type { SocketLayer } from './sockets.js';
import type { IoServer } from './socket/groups.js';
import { socketOutput } from './socket/output.js';

/** Who may act for a room when several processes share the rooms (server/cluster/lease.ts: a Redis lease). */
export interface RoomOwnership {
  /** Takes the room's lease; false when another process holds it. */
  acquire(code: string): Promise<boolean>;
  /** Lets the lease go; `forget` when the room will never be active again (finished, abandoned). */
  release(code: string, forget?: boolean): Promise<void>;
  /** A local check (no round-trip): this process surely holds the lease. */
  holds(code: string): boolean;
}

export interface RoomTransport {
  /** Who owns a room: null when this process is alone (every room in storage is its own). */
  readonly ownership: RoomOwnership | null;
  /**
   * Where a room's owner sends its messages: to the room's devices, on whichever process their sockets are. The
   * manager asks once per room it makes (created, restored or taken over).
   */
  output(room: Room): RoomOutput;
  /**
   * Starts carrying sockets' events to their rooms' owners: every new socket is set up by `sockets`; an event for a
   * room `rooms` holds is run here by `sockets`, one for a room owned elsewhere by the same `sockets` at its owner.
   * Called once, before any room is restored and before the server listens.
   */
  serve(rooms: RoomManager, sockets: SocketLayer): void;
}

/** One process: it owns every room and holds every socket, so each event runs where it arrives. */
export function localTransport(io: IoServer, metrics: Metrics): RoomTransport {
  return {
    ownership: null,
    output: (room) => socketOutput(io, room, metrics),
    serve: (_rooms, sockets) => io.on('connection', (socket) => sockets.connect(socket)),
  };
}
