// The graceful end of a server: the rooms stored, their leases released at once (another process takes them over),
// every device told why its connection ends, then the connections, the cluster's Redis and the storage closed.
import type { Server as HttpServer } from 'node:http';
import { CLOSE_CODES, S2C } from '../shared/protocol/index.js';
import type { IoServer } from './rooms/sockets.js';
import type { Running } from './startup.js';

export interface ShutdownParts {
  http: HttpServer;
  io: IoServer;
  /** The start: waited for (failed or not) before anything is closed. */
  ready: Promise<void>;
  running: Running;
  /** False when the storage was given to the app: its owner closes it. */
  ownsStorage: boolean;
}

export async function shutDown({ http, io, ready, running, ownsStorage }: ShutdownParts): Promise<void> {
  await ready.catch(() => {});
  running.stopRetention();
  await running.manager?.close();
  // Leases go right after the rooms are stored, so another process can take them over at once.
  await running.cluster?.releaseAll();
  // Every device here learns why its connection ends: `shutdown` keeps its seat, and it resumes once it has
  // reconnected (to this server restarted, or through the balancer to another process). Only this process's
  // sockets (local): in multi-process mode a broadcast would reach the other processes' devices too.
  io.local.emit(S2C.sessionClosed, {
    code: CLOSE_CODES.shutdown,
    message: 'The server is restarting: this page reconnects by itself.',
  });
  // Drop the connections (not a Socket.IO disconnect, which clients do not retry; after the message above is
  // written) so clients reconnect, through the balancer, to a live process and resume there.
  for (const socket of io.sockets.sockets.values()) socket.conn.close();
  await new Promise<void>((resolve) => void io.close(() => resolve()));
  if (http.listening) await new Promise<void>((resolve) => http.close(() => resolve()));
  await running.cluster?.quit();
  if (ownsStorage) await running.storage?.close();
}
