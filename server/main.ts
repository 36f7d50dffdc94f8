import type { AddressInfo } from 'node:net';
import { createApp, type AppOptions } from './app.js';
import { clusterOptionsFromEnv } from './cluster/index.js';
import { joinOrigins } from './http/join-origins.js';
import { trustProxyFromEnv } from './security/client-address.js';
import { retentionDaysFromEnv } from './storage/retention.js';

const port = Number(process.env.PORT ?? 3000);
const corsOrigins = process.env.CORS_ORIGINS?.split(',').map((s) => s.trim()).filter(Boolean);
// REDIS_URL set: one of several processes sharing rooms through Redis (docs/SCALE-OUT.md).
const cluster = clusterOptionsFromEnv();
const transports = process.env.SOCKET_TRANSPORTS?.split(',')
  .map((s) => s.trim())
  .filter((s): s is 'websocket' | 'polling' => s === 'websocket' || s === 'polling');
// Behind a load balancer: whom to believe about the client's address (X-Forwarded-For), for per-address limits.
const trustProxy = (() => {
  try {
    return trustProxyFromEnv();
  } catch (error) {
    console.error(`HostRush could not start: ${error instanceof Error ? error.message : String(error)}`);
    return process.exit(1);
  }
})();
// The address students open, when the server has a name of its own (else the host page finds the network address).
const publicUrl = process.env.PUBLIC_URL?.trim();
if (publicUrl && !/^https?:\/\/[^/\s]+/.test(publicUrl)) {
  console.error(`HostRush could not start: PUBLIC_URL must be an http:// or https:// address, not '${publicUrl}'.`);
  process.exit(1);
}
// Whoever sends this key (x-operator-key) runs the server: every pack, with its answers (docs/SECURITY.md).
const operatorKey = process.env.HOSTRUSH_OPERATOR_KEY?.trim();
if (operatorKey && operatorKey.length < 20) {
  console.error('HostRush could not start: HOSTRUSH_OPERATOR_KEY must be at least 20 characters (it guards every answer key).');
  process.exit(1);
}
const options: AppOptions = {
  retentionDays: retentionDaysFromEnv(),
  ...(corsOrigins && corsOrigins.length > 0 ? { corsOrigins } : {}),
  ...(cluster ? { cluster } : {}),
  ...(process.env.HOSTRUSH_PG_SCHEMA ? { pgSchema: process.env.HOSTRUSH_PG_SCHEMA } : {}),
  ...(transports && transports.length > 0 ? { transports } : {}),
  ...(trustProxy !== undefined ? { trustProxy } : {}),
  ...(publicUrl ? { publicUrl } : {}),
  ...(operatorKey ? { operatorKey } : {}),
  // Several processes read it in clusterOptionsFromEnv (on unless '0'); one process only when it is '1'.
  ...(!cluster && process.env.HOSTRUSH_DURABLE_ACKS === '1' ? { durableAcks: true } : {}),
};
const handle = createApp(options);
/**
 * The listening socket's failure (the port taken by another program, or one this user may not open) is a message
 * that says which port and what to do, and a non-zero exit: never an unhandled 'error' stack.
 */
function listenFailure(error: NodeJS.ErrnoException, port: number): string {
  const next = port > 0 && port < 65535 ? port + 1 : 3001;
  switch (error.code) {
    case 'EADDRINUSE':
      return `port ${port} is already in use (another HostRush, or another program, is listening on it). ` +
        `Stop that program, or start on another port: PORT=${next} npm start`;
    case 'EACCES':
      return `port ${port} may not be opened by this user (ports below 1024 need administrator rights). ` +
        `Start on another port: PORT=${next} npm start`;
    case 'EADDRNOTAVAIL':
      return `port ${port} could not be opened: the address is not available on this computer.`;
    default:
      return `port ${port} could not be opened: ${error.message}`;
  }
}
handle.http.on('error', (error: NodeJS.ErrnoException) => {
  if (handle.http.listening) return console.error('HostRush: the HTTP server reported an error:', error.message);
  console.error(`HostRush could not start: ${listenFailure(error, port)}`);
  void handle.close().catch(() => {}).finally(() => process.exit(1));
  // Never hang on a close that waits for something: the message is out, the exit code is what matters.
  setTimeout(() => process.exit(1), 2000).unref();
});
handle.ready.then(
  () => {
    handle.http.listen(port, () => {
      const actual = (handle.http.address() as AddressInfo).port;
      const node = handle.cluster();
      console.log(`HostRush is serving on http://localhost:${actual}${node ? ` (node ${node.nodeId})` : ''}`);
      // What to give the class: phones cannot open localhost.
      const origins = joinOrigins(publicUrl ?? null, handle.http.address());
      const reach = origins.publicUrl ? [origins.publicUrl] : origins.lan;
      if (reach.length > 0) console.log(`Students join at ${reach.join(' or ')}`);
    });
  },
  (error: unknown) => {
    console.error('HostRush could not start:', error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    void handle.close().then(() => process.exit(0));
  });
}
