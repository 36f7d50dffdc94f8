// The Socket.IO server on the app's HTTP server: its message limit, no compression, which pages may connect, and
// which transports it accepts.
import type { Server as HttpServer } from 'node:http';
import { Server as IoServerClass } from 'socket.io';
import { LIMITS } from '../../shared/protocol/index.js';
import type { AppOptions } from '../app.js';
import type { IoServer } from '../rooms/sockets.js';

/** Same-origin, listed, or no Origin at all (not a browser). */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  listed: string[] | undefined,
): boolean {
  if (!origin) return true;
  if (listed?.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

export function createIoServer(
  http: HttpServer,
  options: Pick<AppOptions, 'corsOrigins' | 'transports' | 'cluster' | 'heartbeatMs'>,
): IoServer {
  return new IoServerClass(http, {
    maxHttpBufferSize: LIMITS.socketMessageBytes,
    // Off: ~10x memory per connection and no pre-encoded broadcast frame (see the performance issue).
    perMessageDeflate: false,
    httpCompression: false,
    serveClient: false,
    cors: options.corsOrigins ? { origin: options.corsOrigins } : { origin: false },
    // Browsers apply no CORS to WebSockets: refuse a page from another site (its Origin names another host) unless
    // it is listed. Clients that send no Origin (apps, tests, the load generator) are not browsers and may connect.
    allowRequest: (req, callback) =>
      callback(null, originAllowed(req.headers.origin, req.headers.host, options.corsOrigins)),
    connectionStateRecovery: undefined,
    ...(options.heartbeatMs !== undefined ? { pingInterval: options.heartbeatMs } : {}),
    // Long-polling needs sticky sessions: several processes without them accept WebSocket only.
    ...(options.transports
      ? { transports: options.transports }
      : options.cluster
        ? { transports: ['websocket' as const] }
        : {}),
  });
}
