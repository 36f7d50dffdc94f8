// The answer key (docs/SECURITY.md, "The answer key is public"): nothing a player or an anonymous client can reach
// before a question closes holds its answer or its explanation. A pack reads as a preview; only its owner (the host
// key that imported it) or the operator exports an imported pack whole, only the operator a built-in one (and the
// daily pools are the operator's in any form); an imported pack is private to its owner until the owner shares it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUILTIN_PACKS, builtinPack } from '../../shared/content/builtin.js';
import { parsePackJson } from '../../shared/content/pack-io.js';
import type { GamePack } from '../../shared/content/pack.js';
import { replay, type Action, type GameConfig } from '../../shared/engine/index.js';
import { expectOk, startServer, type TestServer } from './harness.js';

const OPERATOR = 'operator-key-for-the-tests-0123456789';
const ALICE = 'alice-host-key-0123456789abcdef';
const BOB = 'bob-host-key-0123456789abcdefgh';

/** Every key of a JSON value, at any depth. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, into);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

/** What a pack's answer key is made of: no preview may hold any of these keys or explanation texts. */
const ANSWER_KEYS = ['correct', 'explanation', 'pairs', 'tolerance', 'solution'];
function expectNoAnswers(body: unknown, pack: GamePack): void {
  const keys = keysOf(body);
  for (const k of ANSWER_KEYS) expect(keys.has(k), `key ${k}`).toBe(false);
  const text = JSON.stringify(body);
  for (const q of pack.questions)
    expect(text.includes(JSON.stringify(q.explanation).slice(1, -1)), `explanation of ${q.id}`).toBe(false);
}

describe('the answer key over HTTP', () => {
  let server: TestServer;
  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });
  const host = (key: string) => ({ 'x-host-key': key });
  const importAs = (key: string | null, pack: GamePack) =>
    fetch(`${server.url}/api/packs/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(key ? host(key) : {}) },
      body: JSON.stringify(pack),
    });
  const share = (id: string, shared: boolean, headers: Record<string, string>) =>
    fetch(`${server.url}/api/packs/${id}/shared`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ shared }),
    });
  const listIds = async (headers: Record<string, string> = {}) =>
    (
      (await (await get('/api/packs', headers)).json()) as Array<{
        id: string;
        builtin: boolean;
        mine: boolean;
        shared: boolean;
      }>
    ).filter((p) => !p.builtin);
  const createRoom = (packId: string, hostKey?: string) =>
    fetch(`${server.url}/api/rooms`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ packId, ...(hostKey ? { hostKey } : {}) }),
    });

  beforeAll(async () => {
    server = await startServer({ operatorKey: OPERATOR });
  });
  afterAll(() => server.close());

  it('a built-in pack reads without answers or explanations, to anyone; the daily pools not at all', async () => {
    for (const id of ['warmup-en', 'course-ko']) {
      const res = await get(`/api/packs/${id}`);
      expect(res.status).toBe(200);
      const body = (await res.json()) as { meta: { id: string }; questions: unknown[] };
      const pack = builtinPack(id)!;
      expect(body.meta.id).toBe(id);
      expect(body.questions).toHaveLength(pack.questions.length);
      expectNoAnswers(body, pack);
    }
    // The daily challenge draws from its pool: the pool is the operator's only, in any form (not listed, not read,
    // not hosted, not played whole); the daily challenge itself plays the day's draw.
    const builtinIds = async (headers: Record<string, string> = {}) =>
      ((await (await get('/api/packs', headers)).json()) as Array<{ id: string; builtin: boolean }>)
        .filter((p) => p.builtin)
        .map((p) => p.id);
    expect(await builtinIds()).toContain('warmup-en');
    expect((await builtinIds(host(ALICE))).filter((id) => id.startsWith('daily-'))).toEqual([]);
    expect((await builtinIds({ 'x-operator-key': OPERATOR })).filter((id) => id.startsWith('daily-')).sort()).toEqual([
      'daily-en',
      'daily-ko',
    ]);
    for (const headers of [{}, host(ALICE)]) expect((await get('/api/packs/daily-en', headers)).status).toBe(404);
    expect((await get('/api/packs/daily-en', { 'x-operator-key': OPERATOR })).status).toBe(200);
    expect((await createRoom('daily-en', ALICE)).status).toBe(404);
    const player = await server.client();
    expect(await player.call('room:create', { packId: 'daily-ko', hostKey: ALICE })).toMatchObject({
      ok: false,
      error: { code: 'pack/unknown' },
    });
    expect(await player.call('solo:start', { name: 'Whole', packId: 'daily-en', lang: 'en' })).toMatchObject({
      ok: false,
      error: { code: 'pack/unknown' },
    });
    expectOk(await (await server.client()).call('solo:start', { name: 'Daily', packId: 'daily', lang: 'en' }));
  });

  it(
    'a built-in pack is exported whole to the operator only, never to a ' + 'host, a player or an anonymous client',
    async () => {
      expect((await get('/api/packs/course-en/export')).status).toBe(403);
      const madeUp = await get('/api/packs/course-en/export', host('made-up-key-0123456789abc'));
      expect(madeUp.status).toBe(403);
      expect(await madeUp.json()).toMatchObject({ ok: false, error: { code: 'auth/not-host' } });
      // A teacher who hosts here previews it (no answers) and sees each answer at the reveal while hosting; the whole
      // answer key would be the daily challenge's too (the daily pools draw from the same bank).
      expect((await createRoom('warmup-en', ALICE)).status).toBe(201);
      for (const id of ['course-en', 'warmup-en']) {
        const refused = await get(`/api/packs/${id}/export`, host(ALICE));
        expect(refused.status).toBe(403);
        expect(await refused.json()).toMatchObject({ ok: false, error: { code: 'auth/not-host' } });
      }
      for (const id of ['daily-ko', 'daily-en'])
        expect((await get(`/api/packs/${id}/export`, host(ALICE))).status).toBe(404);
      const exported = await get('/api/packs/course-en/export', { 'x-operator-key': OPERATOR });
      expect(exported.status).toBe(200);
      const parsed = parsePackJson(await exported.text());
      expect(parsed.ok && parsed.pack.questions[0]?.explanation).toBeTruthy();
      expect((await get('/api/packs/daily-ko/export', { 'x-operator-key': OPERATOR })).status).toBe(200);
      expect((await get('/api/packs/daily-ko/export', { 'x-operator-key': `${OPERATOR}x` })).status).toBe(404);
    },
  );

  it("a game's replay holds the questions it opened, not its pack's whole answer key", async () => {
    // A teacher opens a room on the 114-question course, starts it and ends it at once: the replay API (the report's
    // step-by-step replay) must not hand over every answer of the built-in pack.
    const hostClient = await server.client();
    const created = expectOk(await hostClient.call('room:create', { packId: 'course-en', hostKey: ALICE }));
    expectOk(await (await server.client()).call('player:join', { roomCode: created.roomCode, name: 'Pupil' }));
    const started = expectOk(await hostClient.call('host:control', { command: 'start' })).version as number;
    const view = await hostClient.waitFor('host:view', (v) => v.version >= started && v.phase === 'question');
    expectOk(await hostClient.call('host:control', { command: 'end' }));
    const podium = (await hostClient.waitFor('game:podium')) as { gameId: string };
    const res = await get(`/api/games/${encodeURIComponent(podium.gameId)}/replay`, host(ALICE));
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      config: { content: { questions: Array<{ id: string }> } };
      seed: string;
      actions: Action[];
    };
    expect(body.config.content.questions.map((q) => q.id)).toEqual([view.question!.question.id]);
    // It still replays to the end.
    expect(replay(body.config as GameConfig, body.seed, body.actions).state.finished).toBe(true);
  });

  it(
    'an import belongs to its host key: private (listed, read, exported, ' + 'hosted by it alone) until shared',
    async () => {
      const source = builtinPack('warmup-en')!;
      expect((await importAs(null, source)).status).toBe(401);
      const imported = await importAs(ALICE, { ...source, meta: { ...source.meta, title: 'Alice private quiz' } });
      expect(imported.status).toBe(201);
      const { pack } = (await imported.json()) as { pack: { id: string; mine: boolean; shared: boolean } };
      expect(pack).toMatchObject({ mine: true, shared: false });
      const id = pack.id;

      // Nobody else lists it, reads it or exports it: someone else's private pack is as unknown as a missing one.
      expect((await listIds()).map((p) => p.id)).not.toContain(id);
      expect((await listIds(host(BOB))).map((p) => p.id)).not.toContain(id);
      expect((await listIds(host(ALICE))).find((p) => p.id === id)).toMatchObject({ mine: true, shared: false });
      expect((await listIds({ 'x-operator-key': OPERATOR })).map((p) => p.id)).toContain(id);
      for (const headers of [{}, host(BOB)]) {
        expect((await get(`/api/packs/${id}`, headers)).status).toBe(404);
        expect((await get(`/api/packs/${id}/export`, headers)).status).toBe(404);
      }
      // Its owner reads the preview (no answers) and exports it whole; so does the operator.
      const preview = await get(`/api/packs/${id}`, host(ALICE));
      expect(preview.status).toBe(200);
      expectNoAnswers(await preview.json(), source);
      for (const headers of [host(ALICE), { 'x-operator-key': OPERATOR }]) {
        const whole = await get(`/api/packs/${id}/export`, headers);
        expect(whole.status).toBe(200);
        const parsed = parsePackJson(await whole.text());
        expect(parsed.ok && parsed.pack.questions.every((q) => q.explanation.length > 0)).toBe(true);
      }
      // Only its owner hosts it, by HTTP or socket; a solo run (no host key) cannot play it.
      expect((await createRoom(id)).status).toBe(404);
      expect((await createRoom(id, BOB)).status).toBe(404);
      expect((await createRoom(id, ALICE)).status).toBe(201);
      const socket = await server.client();
      expect(await socket.call('room:create', { packId: id, hostKey: BOB })).toMatchObject({
        ok: false,
        error: { code: 'pack/unknown' },
      });
      expectOk(await socket.call('room:create', { packId: id, hostKey: ALICE }));
      expect(await socket.call('solo:start', { name: 'Eve', packId: id, lang: 'en' })).toMatchObject({
        ok: false,
        error: { code: 'pack/unknown' },
      });

      // Only the owner shares it.
      expect((await share(id, true, host(BOB))).status).toBe(404);
      expect((await share(id, true, {})).status).toBe(404);
      expect(await (await share(id, true, host(ALICE))).json()).toMatchObject({ ok: true, shared: true });
      // Shared: every host lists, previews and hosts it, a solo run plays it; its answers stay its owner's.
      expect((await listIds(host(BOB))).find((p) => p.id === id)).toMatchObject({ mine: false, shared: true });
      expect((await listIds()).map((p) => p.id)).toContain(id);
      const shared = await get(`/api/packs/${id}`, host(BOB));
      expect(shared.status).toBe(200);
      expectNoAnswers(await shared.json(), source);
      expect((await get(`/api/packs/${id}/export`, host(BOB))).status).toBe(403);
      expect((await get(`/api/packs/${id}/export`)).status).toBe(403);
      expect((await share(id, false, host(BOB))).status).toBe(403);
      expect((await createRoom(id, BOB)).status).toBe(201);
      expectOk(await socket.call('solo:start', { name: 'Eve', packId: id, lang: 'en' }));
      // Private again.
      expect((await share(id, false, host(ALICE))).status).toBe(200);
      expect((await listIds(host(BOB))).map((p) => p.id)).not.toContain(id);
      expect((await createRoom(id, BOB)).status).toBe(404);
    },
  );

  it('a player sees neither answer nor explanation while a question is open', async () => {
    const hostSocket = await server.client();
    const created = expectOk(
      await hostSocket.call('room:create', { packId: 'warmup-en', options: { showQuestionOnDevices: true } }),
    );
    const phone = await server.client();
    expectOk(await phone.call('player:join', { roomCode: created.roomCode, name: 'Mallory' }));
    // A phone reading the game in the other language gets its texts, and no more.
    const korean = await server.client();
    expectOk(await korean.call('player:join', { roomCode: created.roomCode, name: 'Minji', lang: 'ko' }));
    expectOk(await hostSocket.call('host:control', { command: 'start' }));
    for (const [client, packId] of [
      [phone, 'warmup-en'],
      [korean, 'warmup-ko'],
    ] as const) {
      const view = await client.waitFor(
        'room:view',
        (v) => v.phase === 'question' && v.question !== null && !v.question.closed,
      );
      const q = builtinPack(packId)!.questions.find((x) => x.id === view.question!.question.id)!;
      expect(view.question!.solution).toBeNull();
      // Everything the phone received so far, in one piece.
      const seen = JSON.stringify([...client.latest.values()]);
      expect(seen).toContain(JSON.stringify(q.prompt).slice(1, -1));
      expect(seen).not.toContain(JSON.stringify(q.explanation).slice(1, -1));
      expect(keysOf([...client.latest.values()]).has('correct')).toBe(false);
    }
  });
});

describe('the built client', () => {
  const dir = fileURLToPath(new URL('../../dist/client', import.meta.url));
  // Built by the browser tests and `npm start`; without a build there is nothing to look at.
  it.skipIf(!existsSync(dir))("does not embed the built-in packs' answers or explanations", () => {
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true }))
        if (e.isDirectory()) walk(join(d, e.name));
        else files.push(join(d, e.name));
    };
    walk(dir);
    const bundle = files
      .filter((f) => /\.(js|html|json|map)$/.test(f))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    expect(bundle.length).toBeGreaterThan(10_000);
    const explanations = BUILTIN_PACKS.flatMap((p) => p.questions.map((q) => q.explanation)).filter(
      (e) => e.length > 30,
    );
    expect(explanations.length).toBeGreaterThan(50);
    const leaked = explanations.filter(
      (e) => bundle.includes(e.slice(0, 60)) || bundle.includes(JSON.stringify(e).slice(1, 61)),
    );
    expect(leaked).toEqual([]);
  });
});
