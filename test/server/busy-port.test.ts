// A server started on a port another program holds says which port and what to do, and exits non-zero: never an
// unhandled 'error' stack (docs/SECURITY.md, "A starting server on a busy port").
import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serverArgs } from '../built-server.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('a busy port', () => {
  let taken: Server;
  let port = 0;
  beforeAll(async () => {
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, resolve));
    port = (taken.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => taken.close(() => resolve())));

  it('stops the start with a message naming the port and what to do, exit code 1', async () => {
    const child = spawn(process.execPath, serverArgs(), {
      cwd: root,
      env: { ...process.env, PORT: String(port), SQLITE_PATH: ':memory:', REDIS_URL: '', DATABASE_URL: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => (out += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    clearTimeout(timer);
    expect(code, out).toBe(1);
    expect(out).toContain(`HostRush could not start: port ${port} is already in use`);
    expect(out).toContain(`PORT=${port + 1}`);
    // No stack trace: the message is the whole story.
    expect(out).not.toMatch(/Unhandled 'error' event|\n\s+at [\w.<]+ \(/);
  }, 40_000);
});
