import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage } from '../../server/storage/index.js';
import type { Storage } from '../../server/storage/types.js';
import { builtinPack } from '../../shared/content/builtin.js';
import { exportPack } from '../../shared/content/pack-io.js';
import { expectOk, startServer, type TestServer } from './harness.js';
import { captureLogger } from '../../server/log.js';

/** The teacher's host key: imports are its own (docs/SECURITY.md, "The answer key"). */
const KEY = 'teacher-host-key-0123456789abc';
const AS_HOST = { 'x-host-key': KEY };

describe('packs over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it('lists built-in packs, exports one, imports it back under a new id, and hosts a room from it', async () => {
    const list = await (await fetch(`${server.url}/api/packs`)).json();
    const warmup = list.find((p: { id: string }) => p.id === 'warmup-en');
    expect(warmup).toMatchObject({ builtin: true, language: 'en' });
    expect(warmup.counts.questions).toBeGreaterThan(0);
    // A built-in pack is exported whole to the operator only (docs/SECURITY.md, "The answer key"), not to a host of
    // this server; a teacher who wants an editable copy starts from the open-source pack file.
    expect(
      (
        await fetch(`${server.url}/api/rooms`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ packId: 'warmup-en', hostKey: KEY }),
        })
      ).status,
    ).toBe(201);
    expect((await fetch(`${server.url}/api/packs/warmup-en/export`, { headers: AS_HOST })).status).toBe(403);
    const text = exportPack(builtinPack('warmup-en')!);
    const imported = await fetch(`${server.url}/api/packs/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...AS_HOST },
      body: text,
    });
    expect(imported.status).toBe(201);
    const { pack } = await imported.json();
    expect(pack.id).not.toBe('warmup-en');
    expect((await fetch(`${server.url}/api/packs/${pack.id}`, { headers: AS_HOST })).status).toBe(200);
    const host = await server.client();
    expectOk(await host.call('room:create', { packId: pack.id, hostKey: KEY }));
    const csv = await fetch(`${server.url}/api/packs/import?title=Quiz&lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...AS_HOST },
      body:
        'question,answer 1,answer 2,answer 3,answer 4,time limit,correct ' +
        'answer\nWhat shares the host kernel?,VM,Container,,,20,2\n',
    });
    expect(csv.status).toBe(201);
    const broken = await fetch(`${server.url}/api/packs/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', ...AS_HOST },
      body: 'question,answer 1,answer 2,answer 3,answer 4,time limit,correct answer\nQ?,A,B,,,20,7\n',
    });
    expect(broken.status).toBe(400);
    expect((await broken.json()).issues[0].path).toBeTruthy();
  });
});

// Imported packs live in storage (migration 003): a restart keeps them, a bad import changes nothing, a failing
// database is a 503, and a stored pack that no longer validates is unknown rather than trusted.
describe('imported packs in storage', () => {
  // Undone newest first: each server, then its storage, then the temp folder (closing twice is harmless).
  const cleanups: Array<() => unknown> = [];
  afterAll(async () => {
    for (const undo of cleanups.reverse()) await (async () => undo())().catch(() => {});
  });

  async function serverOn(storage: Storage, logs: string[] = []): Promise<TestServer> {
    cleanups.push(() => storage.close());
    const server = await startServer({ storage, log: captureLogger(logs) });
    cleanups.push(() => server.close());
    return server;
  }

  const importPack = (server: TestServer, body: string, type = 'application/json', query = '') =>
    fetch(`${server.url}/api/packs/import${query}`, {
      method: 'POST',
      headers: { 'content-type': type, ...AS_HOST },
      body,
    });
  const listIds = async (server: TestServer) =>
    (
      (await (await fetch(`${server.url}/api/packs`, { headers: AS_HOST })).json()) as Array<{
        id: string;
        builtin: boolean;
      }>
    )
      .filter((p) => !p.builtin)
      .map((p) => p.id);
  const createRoom = (server: TestServer, packId: string) =>
    fetch(`${server.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ packId, hostKey: KEY }),
    });

  it('a pack imported before a restart is listed, served and hosts a room after it (SQLite file)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostrush-packs-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const path = join(dir, 'hostrush.db');
    const firstStorage = await createStorage({ sqlitePath: path });
    const first = await serverOn(firstStorage);
    const warmup = builtinPack('warmup-en')!;
    const res = await importPack(first, JSON.stringify({ ...warmup, meta: { ...warmup.meta, title: 'Monday quiz' } }));
    expect(res.status).toBe(201);
    const { pack } = (await res.json()) as { pack: { id: string; title: string; builtin: boolean } };
    expect(pack).toMatchObject({ title: 'Monday quiz', builtin: false });
    const csv = await importPack(
      first,
      'question,answer 1,answer 2,time limit,correct answer\nWhat shares the host kernel?,VM,Container,20,2\n',
      'text/csv',
      '?title=Tuesday&lang=ko',
    );
    expect(csv.status).toBe(201);
    const csvPack = ((await csv.json()) as { pack: { id: string } }).pack;
    // Newest first, after the built-ins.
    expect(await listIds(first)).toEqual([csvPack.id, pack.id]);
    await first.close();
    await firstStorage.close();

    const second = await serverOn(await createStorage({ sqlitePath: path }));
    const list = (await (await fetch(`${second.url}/api/packs`, { headers: AS_HOST })).json()) as Array<{
      id: string;
      title: string;
      language: string;
      builtin: boolean;
      counts: { questions: number };
    }>;
    expect(list.filter((p) => !p.builtin)).toEqual([
      expect.objectContaining({
        id: csvPack.id,
        title: 'Tuesday',
        language: 'ko',
        counts: expect.objectContaining({ questions: 1 }),
      }),
      expect.objectContaining({
        id: pack.id,
        title: 'Monday quiz',
        language: 'en',
        counts: expect.objectContaining({ questions: warmup.questions.length }),
      }),
    ]);
    const served = await fetch(`${second.url}/api/packs/${pack.id}`, { headers: AS_HOST });
    expect(served.status).toBe(200);
    expect(((await served.json()) as { meta: { id: string; title: string } }).meta).toMatchObject({
      id: pack.id,
      title: 'Monday quiz',
    });
    const room = await createRoom(second, pack.id);
    expect(room.status).toBe(201);
    expect(await room.json()).toMatchObject({ ok: true, roomCode: expect.any(String), hostToken: expect.any(String) });
    // Over the socket too (createRoom and the solo start read the pack the same way).
    const host = await second.client();
    expectOk(await host.call('room:create', { packId: csvPack.id, hostKey: KEY }));
  });

  it('a bad import gets located errors and stores nothing; an unknown id is 404', async () => {
    const server = await serverOn(await createStorage({ sqlitePath: ':memory:' }));
    const broken = await importPack(
      server,
      'question,answer 1,answer 2,time limit,correct answer\nQ?,A,B,20,7\n',
      'text/csv',
    );
    expect(broken.status).toBe(400);
    expect(((await broken.json()) as { issues: Array<{ path: string }> }).issues[0]?.path).toBeTruthy();
    const syntax = await importPack(server, '{"format": "hostrush-pack",\n  oops}');
    expect(syntax.status).toBe(400);
    expect(JSON.stringify(await syntax.json())).toMatch(/line 2, column/);
    expect(await listIds(server)).toEqual([]);
    expect(await server.storage.listImportedPacks(10)).toEqual([]);
    expect((await fetch(`${server.url}/api/packs/imp-000000000000`)).status).toBe(404);
    const room = await createRoom(server, 'imp-000000000000');
    expect(room.status).toBe(404);
    expect(((await room.json()) as { error: { code: string } }).error.code).toBe('pack/unknown');
  });

  it(
    'a failing database: the import is a 503 storage/failed and nothing is ' + 'kept; it works once the database does',
    async () => {
      const inner = await createStorage({ sqlitePath: ':memory:' });
      let failing = true;
      const storage = new Proxy(inner, {
        get(target, prop, receiver) {
          const value = Reflect.get(target, prop, receiver) as unknown;
          if (typeof value !== 'function') return value;
          if (
            failing &&
            (prop === 'saveImportedPack' ||
              prop === 'listImportedPacks' ||
              prop === 'getImportedPack' ||
              prop === 'getImportedPackAccess' ||
              prop === 'getPackState' ||
              prop === 'getPackVersion')
          ) {
            return async () => {
              throw new Error('disk I/O error (injected)');
            };
          }
          return value.bind(target);
        },
      });
      const logs: string[] = [];
      const server = await serverOn(storage, logs);
      const text = JSON.stringify(builtinPack('warmup-en'));
      const res = await importPack(server, text);
      expect(res.status).toBe(503);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('storage/failed');
      expect(logs.some((m) => /packs: could not store the pack/.test(m))).toBe(true);
      expect((await fetch(`${server.url}/api/packs`)).status).toBe(503);
      const room = await createRoom(server, 'imp-000000000000');
      expect(((await room.json()) as { error: { code: string } }).error.code).toBe('storage/failed');
      // Built-in packs need no database.
      expect((await createRoom(server, 'warmup-en')).status).toBe(201);
      failing = false;
      expect(await listIds(server)).toEqual([]);
      const again = await importPack(server, text);
      expect(again.status).toBe(201);
      expect(await listIds(server)).toEqual([((await again.json()) as { pack: { id: string } }).pack.id]);
    },
  );

  it(
    'a stored pack is validated again when read: one that no longer passes ' + 'is unknown (and logged), not used',
    async () => {
      const storage = await createStorage({ sqlitePath: ':memory:' });
      const warmup = builtinPack('warmup-en')!;
      const bad = structuredClone(warmup);
      bad.meta.id = 'imp-badbadbadbad';
      (bad.questions[0] as { prompt: unknown }).prompt = 42;
      await storage.saveImportedPack({ id: 'imp-badbadbadbad', createdAt: 1, pack: bad, shared: true }, 500);
      const good = { ...warmup, meta: { ...warmup.meta, id: 'imp-goodgoodgood' } };
      await storage.saveImportedPack({ id: 'imp-goodgoodgood', createdAt: 2, pack: good, shared: true }, 500);
      const logs: string[] = [];
      const server = await serverOn(storage, logs);
      expect((await fetch(`${server.url}/api/packs/imp-badbadbadbad`)).status).toBe(404);
      expect(
        logs.some((m) => /imported pack imp-badbadbadbad in storage is not valid \(questions\[0\]\.prompt/.test(m)),
      ).toBe(true);
      expect(
        ((await (await createRoom(server, 'imp-badbadbadbad')).json()) as { error: { code: string } }).error.code,
      ).toBe('pack/unknown');
      expect((await createRoom(server, 'imp-goodgoodgood')).status).toBe(201);
    },
  );
});
