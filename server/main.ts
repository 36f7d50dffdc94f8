// The server as `npm start` runs it (built into dist/server/main.js by scripts/build.mjs): the configuration read and
// checked once (server/config.ts), the app listening on PORT, and a graceful, bounded shutdown on SIGTERM or SIGINT.
import type { AddressInfo } from 'node:net';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { joinOrigins } from './http/join-origins.js';
import { createLogger } from './log.js';

const { config, warnings } = (() => {
  try {
    return readConfig();
  } catch (error) {
    // A ConfigError's message lists every bad variable, one a line (LOG_LEVEL may be one of them: info here).
    createLogger().fatal(`HostRush could not start: ${error instanceof Error ? error.message : String(error)}`);
    return process.exit(1);
  }
})();
// One JSON line per event (server/log.ts): stdout, and stderr for errors.
const log = createLogger({ level: config.logLevel });
for (const warning of warnings) log.warn(`HostRush: ${warning}`);
const port = config.port;
const publicUrl = config.app.publicUrl;
const handle = createApp({ ...config.app, log });

/**
 * The listening socket's failure (the port taken by another program, or one this user may not open) is a message
 * that says which port and what to do, and a non-zero exit: never an unhandled 'error' stack.
 */
function listenFailure(error: NodeJS.ErrnoException, port: number): string {
  const next = port > 0 && port < 65535 ? port + 1 : 3001;
  switch (error.code) {
    case 'EADDRINUSE':
      return (
        `port ${port} is already in use (another HostRush, or another program, is listening on it). ` +
        `Stop that program, or start on another port: PORT=${next} npm start`
      );
    case 'EACCES':
      return (
        `port ${port} may not be opened by this user (ports below 1024 need administrator rights). ` +
        `Start on another port: PORT=${next} npm start`
      );
    case 'EADDRNOTAVAIL':
      return `port ${port} could not be opened: the address is not available on this computer.`;
    default:
      return `port ${port} could not be opened: ${error.message}`;
  }
}
handle.http.on('error', (error: NodeJS.ErrnoException) => {
  if (handle.http.listening)
    return log.error({ err: error }, `HostRush: the HTTP server reported an error: ${error.message}`);
  log.fatal({ port }, `HostRush could not start: ${listenFailure(error, port)}`);
  void handle
    .close()
    .catch(() => {})
    .finally(() => process.exit(1));
  // Never hang on a close that waits for something: the message is out, the exit code is what matters.
  setTimeout(() => process.exit(1), 2000).unref();
});
handle.ready.then(
  () => {
    handle.http.listen(port, () => {
      const actual = (handle.http.address() as AddressInfo).port;
      const node = handle.cluster();
      log.info(
        { port: actual, ...(node ? { node: node.nodeId } : {}) },
        `HostRush is serving on http://localhost:${actual}${node ? ` (node ${node.nodeId})` : ''}`,
      );
      // What to give the class: phones cannot open localhost.
      const origins = joinOrigins(publicUrl ?? null, handle.http.address());
      const reach = origins.publicUrl ? [origins.publicUrl] : origins.lan;
      if (reach.length > 0) log.info({ join: reach }, `Students join at ${reach.join(' or ')}`);
    });
  },
  (error: unknown) => {
    log.fatal({ err: error }, `HostRush could not start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
/**
 * SIGTERM (systemd, a container runtime, npm forwarding it) or SIGINT (Ctrl+C): store what is pending, release the
 * room leases, tell every device `shutdown` and close, then exit 0. Bounded: past HOSTRUSH_SHUTDOWN_TIMEOUT_MS, or at
 * a second signal, the process exits 1 at once (what is stored is stored; rooms come back from the database).
 */
let stopping = false;
function shutdown(signal: NodeJS.Signals): void {
  if (stopping) {
    log.error({ signal }, `HostRush: ${signal} again: exiting now, without waiting for the shutdown to finish.`);
    process.exit(1);
  }
  stopping = true;
  const started = Date.now();
  log.info({ signal }, `HostRush: ${signal}: shutting down (storing pending answers, closing connections)...`);
  setTimeout(() => {
    log.error(
      { timeoutMs: config.shutdownTimeoutMs },
      `HostRush: the shutdown took longer than ${config.shutdownTimeoutMs} ms: exiting now.`,
    );
    process.exit(1);
  }, config.shutdownTimeoutMs).unref();
  handle.close().then(
    () => {
      log.info({ ms: Date.now() - started }, `HostRush: stopped in ${Date.now() - started} ms.`);
      process.exit(0);
    },
    (error: unknown) => {
      log.error(
        { err: error },
        `HostRush: the shutdown failed: ${error instanceof Error ? error.message : String(error)}`,
      );
      process.exit(1);
    },
  );
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, shutdown);
