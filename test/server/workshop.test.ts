// The teacher's workshop over HTTP (server/http/workshop.ts): every route's success and refusals, ownership between
// two teachers, versions and undo, the per-owner cap, soft delete, and a hosted game keeping its version across a
// restart. On SQLite, and on PostgreSQL when DATABASE_URL is set (a fresh schema per suite).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStorage, isPostgresUrl } from '../../server/storage/index.js';
import type { Storage } from '../../server/storage/types.js';
import { builtinPack } from '../../shared/content/builtin.js';
import type { GamePack } from '../../shared/content/pack.js';
import { startServer, type TestServer } from './harness.js';

const PG_URL = isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined;
const ALICE = 'alice-host-key-0123456789abcdef';
const BOB = 'bob-host-key-0123456789abcdefghi';
const runId = `${process.pid}_${Date.now().toString(36)}`;
let schemas = 0;

export interface Backend {
  name: string;
  open: () => Promise<{ storage: Storage; drop: () => Promise<void> }>;
}
export const BACKENDS: Backend[] = [
  {
    name: 'sqlite',
    open: async () => ({ storage: await createStorage({ sqlitePath: ':memory:' }), drop: async () => {} }),
  },
  ...(PG_URL
    ? [
        {
          name: 'postgres',
          open: async () => {
            const schema = `test_workshop_http_${runId}_${++schemas}`;
            const storage = await createStorage({ databaseUrl: PG_URL, pgSchema: schema });
            const drop = async () => {
              const admin = new pg.Pool({ connectionString: PG_URL, max: 1 });
              await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
              await admin.end();
            };
            return { storage, drop };
          },
        },
      ]
    : []),
];

/** A JSON call as `key` (no key: anonymous); the parsed body and the status. */
export async function call(
  server: TestServer,
  method: string,
  path: string,
  key: string | null,
  body?: unknown,
): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api${path}`, {
    method,
    headers: {
      ...(key ? { 'x-host-key': key } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text };
}

const warmup = builtinPack('warmup-en')!;
/** A small valid pack of one's own. */
function tinyPack(title: string): GamePack {
  const q = warmup.questions.find((x) => x.type === 'single')!;
  return {
    ...warmup,
    meta: { ...warmup.meta, title },
    questions: [q],
    cards: [],
    scenarios: [],
    rounds: [{ kind: 'quiz', questionIds: [q.id] }],
  };
}

describe.each(BACKENDS)('workshop over HTTP on $name', (backend) => {
  let server: TestServer;
  let storage: Storage;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    ({ storage, drop } = await backend.open());
    server = await startServer({ storage });
  });
  afterAll(async () => {
    await server.close();
    await storage.close();
    await drop();
  });

  it('without a teacher password: every host key is a teacher; built-ins listed, daily pools not', async () => {
    expect((await call(server, 'GET', '/workshop/me', ALICE)).body).toEqual({
      ok: true,
      teacher: true,
      loginRequired: false,
    });
    expect((await call(server, 'GET', '/workshop/me', null)).body.teacher).toBe(false);
    expect((await call(server, 'GET', '/workshop/packs', null)).body.error.code).toBe('auth/token');
    const list = (await call(server, 'GET', '/workshop/packs', ALICE)).body.packs as Array<Record<string, unknown>>;
    expect(list.find((p) => p.id === 'warmup-en')).toMatchObject({ source: 'builtin', version: 1 });
    expect(list.some((p) => String(p.id).startsWith('daily-'))).toBe(false);
    // A login with no password set is a no-op that succeeds.
    expect((await call(server, 'POST', '/workshop/login', ALICE, { password: 'anything' })).status).toBe(200);
  });

  it('copies a built-in (never edits it), saves versions, refuses stale saves, restores old versions', async () => {
    expect((await call(server, 'GET', '/workshop/packs/warmup-en', ALICE)).body.error.code).toBe('auth/not-owner');
    expect(
      (await call(server, 'PUT', '/workshop/packs/warmup-en', ALICE, { pack: warmup, baseVersion: 1 })).status,
    ).toBe(403);
    expect((await call(server, 'POST', '/workshop/packs', ALICE, { from: 'daily-ko' })).status).toBe(404);
    const copy = await call(server, 'POST', '/workshop/packs', ALICE, { from: 'warmup-en' });
    expect(copy.status).toBe(201);
    expect(copy.body).toMatchObject({ ok: true, version: 1 });
    const id = copy.body.id as string;
    const read = await call(server, 'GET', `/workshop/packs/${id}`, ALICE);
    expect(read.body).toMatchObject({ version: 1, source: 'mine', shared: false });
    expect(read.body.pack.meta.title).toBe(`${warmup.meta.title} (copy)`);
    // The owner gets the answers.
    expect(read.body.pack.questions[0]).toHaveProperty('explanation', warmup.questions[0]!.explanation);

    const edited = { ...read.body.pack, meta: { ...read.body.pack.meta, title: 'Monday, edited' } };
    expect((await call(server, 'PUT', `/workshop/packs/${id}`, ALICE, { pack: edited, baseVersion: 1 })).body).toEqual({
      ok: true,
      version: 2,
    });
    const stale = await call(server, 'PUT', `/workshop/packs/${id}`, ALICE, { pack: read.body.pack, baseVersion: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'pack/conflict' }, latest: 2 });
    // An invalid pack: 422 with located issues, nothing saved.
    const broken = structuredClone(edited) as GamePack;
    (broken.questions[0] as { prompt: string }).prompt = '';
    const bad = await call(server, 'PUT', `/workshop/packs/${id}`, ALICE, { pack: broken, baseVersion: 2 });
    expect(bad.status).toBe(422);
    expect(bad.body.issues[0].path).toMatch(/^questions\[0\]\.prompt/);
    expect((await call(server, 'GET', `/workshop/packs/${id}`, ALICE)).body.version).toBe(2);
    expect((await call(server, 'PUT', `/workshop/packs/${id}`, ALICE, { pack: edited })).body.error.code).toBe(
      'input/invalid',
    );

    const versions = (await call(server, 'GET', `/workshop/packs/${id}/versions`, ALICE)).body.versions;
    expect(versions.map((v: { version: number; title: string }) => [v.version, v.title])).toEqual([
      [2, 'Monday, edited'],
      [1, `${warmup.meta.title} (copy)`],
    ]);
    expect((await call(server, 'POST', `/workshop/packs/${id}/restore`, ALICE, { version: 1 })).body.version).toBe(3);
    expect((await call(server, 'GET', `/workshop/packs/${id}`, ALICE)).body.pack.meta.title).toBe(
      `${warmup.meta.title} (copy)`,
    );
    expect((await call(server, 'POST', `/workshop/packs/${id}/restore`, ALICE, { version: 99 })).status).toBe(404);
    // The built-in is as shipped.
    expect(builtinPack('warmup-en')!.meta.title).toBe(warmup.meta.title);

    const dup = await call(server, 'POST', `/workshop/packs/${id}/duplicate`, ALICE);
    expect(dup.status).toBe(201);
    expect(dup.body.id).not.toBe(id);
  });

  it("a second teacher cannot list, read, export, edit, copy or delete the first's private pack", async () => {
    const sent = tinyPack('Private quiz');
    // The id a new pack is sent with is not kept: the server gives its own.
    const { id } = (
      await call(server, 'POST', '/workshop/packs', ALICE, { pack: { ...sent, meta: { ...sent.meta, id: '' } } })
    ).body;
    expect(id).toMatch(/^imp-/);
    const bobSees = (await call(server, 'GET', '/workshop/packs', BOB)).body.packs.map((p: { id: string }) => p.id);
    expect(bobSees).not.toContain(id);
    expect((await call(server, 'GET', `/workshop/packs/${id}`, BOB)).status).toBe(404);
    expect((await call(server, 'GET', `/workshop/packs/${id}/export`, BOB)).status).toBe(404);
    expect((await call(server, 'GET', `/workshop/packs/${id}/export?format=xlsx`, BOB)).status).toBe(404);
    expect((await call(server, 'GET', `/workshop/packs/${id}/versions`, BOB)).status).toBe(404);
    expect(
      (await call(server, 'PUT', `/workshop/packs/${id}`, BOB, { pack: tinyPack('x'), baseVersion: 1 })).status,
    ).toBe(404);
    expect((await call(server, 'POST', '/workshop/packs', BOB, { from: id })).status).toBe(404);
    expect((await call(server, 'POST', `/workshop/packs/${id}/duplicate`, BOB)).status).toBe(404);
    expect((await call(server, 'DELETE', `/workshop/packs/${id}`, BOB)).status).toBe(404);
    expect((await call(server, 'GET', `/packs/${id}/export`, BOB)).status).toBe(404);
    expect((await call(server, 'POST', '/rooms', null, { packId: id, hostKey: BOB })).status).toBe(404);
    // Nothing changed for its owner.
    expect((await call(server, 'GET', `/workshop/packs/${id}`, ALICE)).body.version).toBe(1);
  });

  it('a shared pack is listed and hostable for others, but its answers are served to its owner only', async () => {
    const { id } = (await call(server, 'POST', '/workshop/packs', ALICE, { pack: tinyPack('Shared quiz') })).body;
    expect((await call(server, 'PUT', `/packs/${id}/shared`, BOB, { shared: true })).status).toBe(404);
    expect((await call(server, 'PUT', `/packs/${id}/shared`, ALICE, { shared: true })).status).toBe(200);
    const listed = (await call(server, 'GET', '/workshop/packs', BOB)).body.packs.find(
      (p: { id: string }) => p.id === id,
    );
    expect(listed).toMatchObject({ source: 'shared', shared: true, questionCount: 1 });
    expect(
      (await call(server, 'GET', '/workshop/packs', ALICE)).body.packs.find((p: { id: string }) => p.id === id),
    ).toMatchObject({ source: 'mine', shared: true });
    for (const [method, path, body] of [
      ['GET', `/workshop/packs/${id}`],
      ['GET', `/workshop/packs/${id}/export`],
      ['GET', `/workshop/packs/${id}/versions`],
      ['PUT', `/workshop/packs/${id}`, { pack: tinyPack('x'), baseVersion: 1 }],
      ['DELETE', `/workshop/packs/${id}`],
      ['POST', '/workshop/packs', { from: id }],
      ['GET', `/packs/${id}/export`],
    ] as const) {
      const res = await call(server, method, path, BOB, body);
      expect([403], `${method} ${path}`).toContain(res.status);
    }
    // Hostable; its preview carries no answers.
    expect((await call(server, 'POST', '/rooms', null, { packId: id, hostKey: BOB })).status).toBe(201);
    const preview = JSON.stringify((await call(server, 'GET', `/packs/${id}`, BOB)).body);
    expect(preview).not.toContain(tinyPack('x').questions[0]!.explanation);
  });

  it('deletes softly, with undo by its owner only; a deleted pack is neither listed nor hosted', async () => {
    const { id } = (await call(server, 'POST', '/workshop/packs', ALICE, { pack: tinyPack('To delete') })).body;
    const deleted = await call(server, 'DELETE', `/workshop/packs/${id}`, ALICE);
    expect(deleted.body.ok).toBe(true);
    expect(deleted.body.undoUntil).toBeGreaterThan(Date.now() + 23 * 3600_000);
    const ids = async () =>
      (await call(server, 'GET', '/workshop/packs', ALICE)).body.packs.map((p: { id: string }) => p.id);
    expect(await ids()).not.toContain(id);
    expect((await call(server, 'POST', '/rooms', null, { packId: id, hostKey: ALICE })).status).toBe(404);
    expect((await call(server, 'DELETE', `/workshop/packs/${id}`, ALICE)).status).toBe(404);
    expect((await call(server, 'POST', `/workshop/packs/${id}/undelete`, BOB)).status).toBe(404);
    expect((await call(server, 'POST', `/workshop/packs/${id}/undelete`, ALICE)).body).toEqual({
      ok: true,
      version: 1,
    });
    expect(await ids()).toContain(id);
    expect((await call(server, 'POST', `/workshop/packs/${id}/undelete`, ALICE)).status).toBe(404);
  });

  it('bad input gets a located error, is counted, and changes nothing', async () => {
    const before = (await call(server, 'GET', '/workshop/packs', ALICE)).body.packs.length;
    const counted = () => server.app.metrics.render();
    const errorsBefore = await counted();
    for (const [body, code, status] of [
      [{}, 'input/invalid', 400],
      [{ from: 'warmup-en', pack: {} }, 'input/invalid', 400],
      ['{"pack":', 'input/invalid', 400],
      [{ pack: { format: 'nope' } }, 'pack/invalid', 422],
      [{ from: 'no-such-pack' }, 'pack/unknown', 404],
    ] as const) {
      const res = await call(server, 'POST', '/workshop/packs', ALICE, body);
      expect([res.status, res.body.error.code]).toEqual([status, code]);
    }
    const invalid = await call(server, 'POST', '/workshop/packs?lang=ko', ALICE, { pack: { format: 'nope' } });
    expect(invalid.body.issues.length).toBeGreaterThan(0);
    expect((await call(server, 'GET', '/workshop/packs', ALICE)).body.packs.length).toBe(before);
    expect(await counted()).not.toBe(errorsBefore);
    expect((await call(server, 'POST', '/workshop/packs/x/restore', ALICE, { version: 'one' })).status).toBe(400);
    expect((await call(server, 'GET', '/workshop/packs/imp-aaaaaaaaaaaa/export?format=pdf', ALICE)).status).toBe(400);
  });

  it("refuses the 501st pack of one owner with 409 pack/limit, not another owner's", async () => {
    const owner = 'capped-host-key-0123456789abcdef';
    const { hashToken } = await import('../../server/security/tokens.js');
    for (let i = 0; i < 500; i++) {
      const pack = tinyPack(`cap ${i}`);
      const id = `imp-cap${String(i).padStart(9, '0')}`;
      const saved = await storage.saveImportedPack(
        { id, createdAt: i, pack: { ...pack, meta: { ...pack.meta, id } }, ownerKeyHash: hashToken(owner) },
        500,
      );
      expect(saved).toBe('saved');
    }
    const refused = await call(server, 'POST', '/workshop/packs', owner, { from: 'warmup-en' });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { code: 'pack/limit' }, limit: 500 });
    expect(refused.body.error.message).toContain('500');
    const imported = await fetch(`${server.url}/api/packs/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-host-key': owner },
      body: JSON.stringify(tinyPack('one more')),
    });
    expect(imported.status).toBe(409);
    expect((await call(server, 'POST', '/workshop/packs', BOB, { from: 'warmup-en' })).status).toBe(201);
    // Deleting one makes room.
    expect((await call(server, 'DELETE', '/workshop/packs/imp-cap000000007', owner)).status).toBe(200);
    expect((await call(server, 'POST', '/workshop/packs', owner, { from: 'warmup-en' })).status).toBe(201);
    expect((await call(server, 'POST', '/workshop/packs/imp-cap000000007/undelete', owner)).status).toBe(409);
  });

  it('a game hosted from an edited pack keeps the version it started with, across a restart', async () => {
    const pack = tinyPack('Versioned');
    const { id } = (await call(server, 'POST', '/workshop/packs', ALICE, { pack })).body;
    const room = await call(server, 'POST', '/rooms', null, { packId: id, hostKey: ALICE });
    expect(room.status).toBe(201);
    const code = room.body.roomCode as string;
    const v1Prompt = pack.questions[0]!.prompt;
    const v2 = structuredClone(pack);
    v2.meta.id = id;
    (v2.questions[0] as { prompt: string }).prompt = 'Edited after the game started?';
    expect((await call(server, 'PUT', `/workshop/packs/${id}`, ALICE, { pack: v2, baseVersion: 1 })).body.version).toBe(
      2,
    );
    const prompts = (s: TestServer) =>
      s.app
        .manager()
        .get(code)!
        .record.config.content.questions.map((q) => q.prompt);
    expect(prompts(server)).toEqual([v1Prompt]);
    await server.app.manager().get(code)!.drain();
    // The process goes away; another one takes the room back from storage.
    await server.close();
    server = await startServer({ storage });
    expect(await server.app.manager().restoreRoom(code)).not.toBeNull();
    expect(prompts(server)).toEqual([v1Prompt]);
    // A new room gets the new version.
    const fresh = await call(server, 'POST', '/rooms', null, { packId: id, hostKey: ALICE });
    expect(prompts(server).length).toBe(1);
    expect(server.app.manager().get(fresh.body.roomCode)!.record.config.content.questions[0]!.prompt).toBe(
      'Edited after the game started?',
    );
  });
});

describe('with HOSTRUSH_TEACHER_PASSWORD', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ teacherPassword: 'correct horse battery' });
  });
  afterAll(() => server.close());

  it('a host key must log in before it uses the workshop or imports; a wrong password is refused', async () => {
    expect((await call(server, 'GET', '/workshop/me', ALICE)).body).toEqual({
      ok: true,
      teacher: false,
      loginRequired: true,
    });
    expect((await call(server, 'GET', '/workshop/packs', ALICE)).body.error.code).toBe('auth/teacher');
    expect((await call(server, 'POST', '/workshop/packs', ALICE, { from: 'warmup-en' })).status).toBe(401);
    const imported = await fetch(`${server.url}/api/packs/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-host-key': ALICE },
      body: JSON.stringify(tinyPack('x')),
    });
    expect(imported.status).toBe(401);
    const wrong = await call(server, 'POST', '/workshop/login', ALICE, { password: 'correct horse battery!' });
    expect([wrong.status, wrong.body.error.code]).toEqual([401, 'auth/teacher']);
    expect((await call(server, 'POST', '/workshop/login', null, { password: 'correct horse battery' })).status).toBe(
      401,
    );
    expect((await call(server, 'POST', '/workshop/login', ALICE, { password: 'correct horse battery' })).body).toEqual({
      ok: true,
    });
    expect((await call(server, 'GET', '/workshop/me', ALICE)).body.teacher).toBe(true);
    expect((await call(server, 'GET', '/workshop/packs', ALICE)).status).toBe(200);
    expect((await call(server, 'POST', '/workshop/packs', ALICE, { from: 'warmup-en' })).status).toBe(201);
    // Another key is still out; hosting a built-in needs no login.
    expect((await call(server, 'GET', '/workshop/packs', BOB)).status).toBe(401);
    expect((await call(server, 'POST', '/rooms', null, { packId: 'warmup-en', hostKey: BOB })).status).toBe(201);
  });

  it('guesses spend a per-address budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await call(server, 'POST', '/workshop/login', BOB, { password: `guess-${i}-xxxx` })).status);
    }
    expect(statuses).toContain(429);
    expect((await call(server, 'GET', '/workshop/me', BOB)).body.teacher).toBe(false);
  });
});

describe('workshop budgets', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ workshopEditRate: { ratePerS: 0.001, burst: 2 } });
  });
  afterAll(() => server.close());

  it('saves spend a per-address budget before the body is read, valid or not', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await call(server, 'POST', '/workshop/packs', ALICE, '{"pack":')).status);
    expect(statuses).toEqual([400, 400, 429]);
    expect((await call(server, 'POST', '/workshop/packs', ALICE, { from: 'warmup-en' })).status).toBe(429);
  });
});
