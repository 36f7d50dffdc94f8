// A clean shutdown with real processes: the built server (dist/server/main.js, as `npm start` runs it) on a temp
// SQLite file, a host and a player on real socket.io-client connections. The player answers (acked at once: durable
// acks are off on one process, so the answer is still in memory), the server gets SIGTERM or SIGINT at once, and
// then: the player was told `shutdown` (its seat kept, not `room-closed`), the process exited 0 within the bound,
// and the answer is in the database. Sent straight to node, and to `npm start` (which must pass it on: an npm whose
// shell dies leaves the server running, orphaned, still answering).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { io as connect } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { openSqliteStorage } from '../../server/storage/sqlite.js';
import { serverArgs } from '../built-server.js';
import { answerFor, expectOk, TestClient } from '../server/harness.js';
import { serverEnv, spawnChild, waitUntil, withTimeout, type Child } from './support.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACK = 'warmup-en';
/** The bound under test (HOSTRUSH_SHUTDOWN_TIMEOUT_MS): past it the server exits 1, so exit 0 means it finished. */
const BOUND_MS = 5000;

const children: Child[] = [];
const dirs: string[] = [];
const clients: TestClient[] = [];
afterAll(() => {
  for (const c of clients) c.socket.disconnect();
  for (const child of children) child.kill9();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

async function start(how: 'node' | 'npm'): Promise<{ child: Child; url: string; dbPath: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'hostrush-stop-'));
  dirs.push(dir);
  const dbPath = join(dir, 'games.db');
  const env = { ...serverEnv(0), SQLITE_PATH: dbPath, HOSTRUSH_SHUTDOWN_TIMEOUT_MS: String(BOUND_MS) };
  const child =
    how === 'node'
      ? spawnChild(process.execPath, serverArgs(), { cwd: dir, env })
      : spawnChild('npm', ['start', '--silent'], { cwd: ROOT, env });
  children.push(child);
  const port = await Promise.race([
    waitUntil(
      'the server to print its port',
      () => Number(child.stdout.match(/serving on http:\/\/localhost:(\d+)/)?.[1] ?? 0) || undefined,
      {
        timeoutMs: 30_000,
      },
    ),
    child.exited.then(({ code }) => {
      throw new Error(`the server exited (${code}) before serving:\n${child.stderr}`);
    }),
  ]);
  return { child, url: `http://127.0.0.1:${port}`, dbPath };
}

async function client(url: string): Promise<TestClient> {
  const c = new TestClient(connect(url, { transports: ['websocket'], forceNew: true, reconnection: false }));
  clients.push(c);
  await withTimeout(c.connected(), 10_000, 'a client to connect');
  return c;
}

describe('clean shutdown (real processes)', () => {
  for (const [how, signal] of [
    ['node', 'SIGTERM'],
    ['node', 'SIGINT'],
    ['npm', 'SIGTERM'],
  ] as const) {
    it(
      `${signal} to ${how === 'node' ? 'the server' : 'npm start'} right after ` +
        `an answer is acked: the answer is stored, the player told shutdown, exit ` +
        `0 within ${BOUND_MS} ms`,
      async () => {
        const { child, url, dbPath } = await start(how);
        const host = await client(url);
        const created = expectOk(await host.call('room:create', { packId: PACK, options: { questionTimeS: 300 } }));
        const code = created.roomCode as string;
        // Two seated, one answers: the question stays open, so only the log holds the answer.
        const player = await client(url);
        const joined = expectOk(await player.call('player:join', { roomCode: code, name: 'Ada' }));
        expectOk(await (await client(url)).call('player:join', { roomCode: code, name: 'Bo' }));
        const started = expectOk(await host.call('host:control', { command: 'start' }));
        const view = await withTimeout(
          host.waitFor('host:view', (v) => v.version >= (started.version as number) && v.phase === 'question'),
          10_000,
          'the question to open',
        );
        const q = view.question!.question;
        const closed = withTimeout(player.waitFor('session:closed'), BOUND_MS, 'session:closed on the player');
        expectOk(await player.call('player:answer', { questionId: q.id, answer: answerFor(PACK, q, true) }));

        const sentAt = Date.now();
        child.proc.kill(signal);
        expect((await closed).code).toBe('shutdown');
        const { code: exitCode } = await withTimeout(child.exited, BOUND_MS + 2000, 'the server to exit');
        const tookMs = Date.now() - sentAt;
        expect(exitCode, child.stdout + child.stderr).toBe(0);
        expect(tookMs).toBeLessThan(BOUND_MS);
        expect(child.stdout).toMatch(/shutting down/);
        // No server left behind answering (npm's shell, had it died alone, would have left node running).
        await expect(fetch(`${url}/healthz`, { signal: AbortSignal.timeout(2000) })).rejects.toThrow();

        const storage = openSqliteStorage(dbPath);
        try {
          const loaded = await storage.loadRoom(code);
          const answered = loaded?.actions.some(
            (a) =>
              a.type === 'answer' &&
              a.actor.role === 'player' &&
              a.actor.playerId === joined.playerId &&
              a.questionId === q.id,
          );
          expect(answered).toBe(true);
          // The room is still active: the next start brings it back (a shutdown is not the end of a game).
          expect(await storage.activeRoomCodes()).toContain(code);
        } finally {
          await storage.close();
        }
      },
      60_000,
    );
  }
});
