// `npm run backup` (scripts/backup.mjs) while the server runs, and the README's restore: a server started on the copy
// has the room back. Real processes: the built server, and the script as npm runs it.
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { serverArgs } from '../built-server.js';
import { serverEnv, spawnChild, waitUntil, type Child } from '../reliability/support.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const children: Child[] = [];
const dir = mkdtempSync(join(tmpdir(), 'hostrush-backup-'));
afterAll(() => {
  for (const child of children) child.kill9();
  rmSync(dir, { recursive: true, force: true });
});

async function startServer(sqlitePath: string): Promise<{ url: string; child: Child }> {
  const child = spawnChild(process.execPath, serverArgs(), {
    cwd: dir,
    env: { ...serverEnv(0), SQLITE_PATH: sqlitePath },
  });
  children.push(child);
  const port = await waitUntil(
    'the server to print its port',
    () => Number(child.stdout.match(/serving on http:\/\/localhost:(\d+)/)?.[1] ?? 0) || undefined,
    { timeoutMs: 30_000 },
  );
  return { url: `http://127.0.0.1:${port}`, child };
}

function backup(env: NodeJS.ProcessEnv, ...args: string[]) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts/backup.mjs'), ...args], { cwd: ROOT, env, encoding: 'utf8' });
}

describe('npm run backup', () => {
  it('copies the live database consistently; a server started on the copy has the room back', async () => {
    const live = join(dir, 'live.db');
    const { url } = await startServer(live);
    const res = await fetch(`${url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ packId: 'warmup-en' }),
    });
    expect(res.status).toBe(201);
    const { roomCode } = (await res.json()) as { roomCode: string };

    const copy = join(dir, 'copy.db');
    const env = { ...serverEnv(0), SQLITE_PATH: live };
    const made = backup(env, copy);
    expect(made.stderr).toBe('');
    expect(made.status).toBe(0);
    expect(made.stdout).toMatch(/integrity ok/);
    const db = new Database(copy, { readonly: true });
    expect(db.prepare('SELECT code FROM rooms').all()).toEqual([{ code: roomCode }]);
    db.close();

    // Restore (README): the server stopped, the copy put in the database's place, the server started on it.
    const restored = join(dir, 'restored.db');
    copyFileSync(copy, restored);
    const again = await startServer(restored);
    await waitUntil('the room restored', () => /restored 1 active room/.test(again.child.stdout), {
      timeoutMs: 15_000,
    });

    // Never over an existing file, never from PostgreSQL, never from a missing file: a clear line and exit 1.
    expect(backup(env, copy)).toMatchObject({ status: 1, stderr: expect.stringMatching(/exists already/) });
    const pg = backup({ ...env, DATABASE_URL: 'postgres://db/x' }, join(dir, 'pg.db'));
    expect(pg).toMatchObject({ status: 1, stderr: expect.stringMatching(/pg_dump/) });
    const none = backup({ ...env, SQLITE_PATH: join(dir, 'none.db') }, join(dir, 'none-copy.db'));
    expect(none).toMatchObject({ status: 1, stderr: expect.stringMatching(/no database file/) });
  });
});
