// Data about minors: the database holds nicknames and game data only (no token, no IP address, no user agent),
// and the retention purge removes finished games, solo runs and old rooms past the cutoff.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { createStorage } from '../../server/storage/index.js';
import { startRetention } from '../../server/storage/retention.js';
import type { Storage } from '../../server/storage/types.js';
import type { Podium } from '../../shared/protocol/index.js';
import { expectOk, startServer, type TestServer } from '../server/harness.js';
import { playToEnd, type Seat } from '../server/play.js';
import { waitUntil, withTimeout } from './support.js';
import { captureLogger } from '../../server/log.js';

const PACK = 'warmup-en';
const DAY = 86_400_000;

describe('data about minors', () => {
  const dirs: string[] = [];
  const servers: TestServer[] = [];
  const storages: Storage[] = [];
  afterAll(async () => {
    for (const s of servers) await s.close().catch(() => {});
    for (const s of storages) await s.close().catch(() => {});
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it(
    'stores nicknames and game data only: no token, no IP address, no user ' + 'agent anywhere in the database',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'hostrush-privacy-'));
      dirs.push(dir);
      const path = join(dir, 'hostrush.db');
      const storage = await createStorage({ sqlitePath: path });
      storages.push(storage);
      const server = await startServer({ storage });
      servers.push(server);
      const host = await server.client();
      const created = expectOk(await host.call('room:create', { packId: PACK, options: { questionTimeS: 30 } }));
      const seats: Seat[] = [];
      const tokens = [created.hostToken as string];
      for (const [i, name] of ['Minji', 'Joon'].entries()) {
        const client = await server.client();
        const joined = expectOk(await client.call('player:join', { roomCode: created.roomCode, name }));
        tokens.push(joined.resumeToken as string);
        seats.push({ client, playerId: joined.playerId as string, right: i === 0 });
      }
      expectOk(await host.call('host:control', { command: 'start' }));
      await playToEnd(host, seats, PACK);
      await withTimeout(host.waitFor('game:podium'), 15_000, 'the podium');

      const db = new Database(path, { readonly: true });
      try {
        const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
        let dump = '';
        for (const table of tables)
          dump += `${table}\n${JSON.stringify(db.prepare(`SELECT * FROM "${table}"`).all())}\n`;
        expect(dump).toContain('Minji');
        for (const token of tokens) expect(dump.includes(token)).toBe(false);
        expect(dump).not.toMatch(/127\.0\.0\.1|::1|::ffff:|user-agent|node-XMLHttpRequest|Mozilla/i);
        // The columns that hold a person: a nickname, never more.
        const personal = tables.flatMap((t) =>
          (db.prepare(`PRAGMA table_info("${t}")`).all() as Array<{ name: string }>)
            .map((c) => c.name)
            .filter((c) => /name|ip|agent|email|address/i.test(c))
            .map((c) => `${t}.${c}`),
        );
        // (imported_packs.description is a pack's own text, matched for the "ip" in "description".)
        for (const column of personal)
          expect(column).toMatch(/(^|\.)(name|player_name|pack_title|title)$|_name$|^imported_packs\.description$/);
      } finally {
        db.close();
      }
    },
  );

  it(
    'the retention purge (server/storage/retention.ts) removes finished ' +
      'games older than the setting and keeps newer ones',
    async () => {
      let now = Date.now();
      const storage = await createStorage({ sqlitePath: ':memory:' });
      storages.push(storage);
      const server = await startServer({ storage, clock: () => now, socketRate: { ratePerS: 1000, burst: 1000 } });
      servers.push(server);
      const play = async () => {
        const host = await server.client();
        const created = expectOk(await host.call('room:create', { packId: PACK, options: { questionTimeS: 30 } }));
        const client = await server.client();
        const joined = expectOk(await client.call('player:join', { roomCode: created.roomCode, name: 'Kid' }));
        expectOk(await host.call('host:control', { command: 'start' }));
        await playToEnd(host, [{ client, playerId: joined.playerId as string, right: true }], PACK);
        const podium: Podium = await withTimeout(host.waitFor('game:podium'), 15_000, 'the podium');
        return podium.gameId;
      };
      const old = await play();
      now += 40 * DAY;
      const recent = await play();
      expect(await storage.getGame(old)).not.toBeNull();
      const logs: string[] = [];
      const stop = startRetention(storage, 30, captureLogger(logs), { clock: () => now });
      try {
        await waitUntil('the purge', async () => (await storage.getGame(old)) === null);
        expect(await storage.getGame(recent)).not.toBeNull();
        expect(logs.some((m) => /retention: purged/.test(m))).toBe(true);
      } finally {
        stop();
      }
    },
  );
});
