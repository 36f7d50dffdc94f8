// A table of malformed and hostile events: each gets its error code, is counted, and changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GameView } from '../../shared/engine/index.js';
import { expectOk, startServer, type TestClient, type TestServer } from './harness.js';

interface Case {
  name: string;
  as: 'host' | 'player' | 'stranger' | 'otherHost';
  event: string;
  payload: unknown;
  code: string;
}

// Under the 16 KB message cap (over it the server drops the connection, tested below) but far over any field's limit.
const big = 'x'.repeat(5_000);
const proto = JSON.parse('{"__proto__":{"admin":true},"questionId":"q","answer":{"type":"single","choice":0}}');

const CASES: Case[] = [
  { name: 'answer: payload missing', as: 'player', event: 'player:answer', payload: undefined, code: 'input/invalid' },
  { name: 'answer: null payload', as: 'player', event: 'player:answer', payload: null, code: 'input/invalid' },
  { name: 'answer: string payload', as: 'player', event: 'player:answer', payload: 'hello', code: 'input/invalid' },
  { name: 'answer: array payload', as: 'player', event: 'player:answer', payload: [1, 2], code: 'input/invalid' },
  {
    name: 'answer: missing answer',
    as: 'player',
    event: 'player:answer',
    payload: { questionId: 'q' },
    code: 'input/invalid',
  },
  {
    name: 'answer: choice as string',
    as: 'player',
    event: 'player:answer',
    payload: { questionId: 'q', answer: { type: 'single', choice: '1' } },
    code: 'input/invalid',
  },
  {
    name: 'answer: choice out of range',
    as: 'player',
    event: 'player:answer',
    payload: { questionId: 'q', answer: { type: 'single', choice: 999 } },
    code: 'input/invalid',
  },
  {
    name: 'answer: negative choice',
    as: 'player',
    event: 'player:answer',
    payload: { questionId: 'q', answer: { type: 'single', choice: -1 } },
    code: 'input/invalid',
  },
  {
    name: 'answer: unknown answer type',
    as: 'player',
    event: 'player:answer',
    payload: { questionId: 'q', answer: { type: 'essay', text: 'hi' } },
    code: 'input/invalid',
  },
  {
    name: 'answer: NaN-like numeric',
    as: 'player',
    event: 'player:answer',
    payload: { questionId: 'q', answer: { type: 'numeric', value: 'NaN' } },
    code: 'input/invalid',
  },
  {
    name: 'answer: 1000 choices',
    as: 'player',
    event: 'player:answer',
    payload: { questionId: 'q', answer: { type: 'multi', choices: new Array(1000).fill(0) } },
    code: 'input/invalid',
  },
  { name: 'answer: __proto__ key', as: 'player', event: 'player:answer', payload: proto, code: 'input/invalid' },
  {
    name: 'answer: extra key playerId',
    as: 'player',
    event: 'player:answer',
    payload: { questionId: 'q', answer: { type: 'single', choice: 0 }, playerId: 'someone' },
    code: 'input/invalid',
  },
  {
    name: 'answer: huge question id',
    as: 'player',
    event: 'player:answer',
    payload: { questionId: big, answer: { type: 'single', choice: 0 } },
    code: 'input/invalid',
  },
  {
    name: 'answer: in the lobby',
    as: 'player',
    event: 'player:answer',
    payload: { questionId: 'nope', answer: { type: 'single', choice: 0 } },
    code: 'action/wrong-phase',
  },
  {
    name: 'answer: by the host',
    as: 'host',
    event: 'player:answer',
    payload: { questionId: 'q', answer: { type: 'single', choice: 0 } },
    code: 'auth/not-joined',
  },
  {
    name: 'answer: by a stranger',
    as: 'stranger',
    event: 'player:answer',
    payload: { questionId: 'q', answer: { type: 'single', choice: 0 } },
    code: 'auth/not-joined',
  },
  {
    name: 'deploy: in the lobby',
    as: 'player',
    event: 'player:deploy',
    payload: { cardId: 'c1', choice: { kind: 'container', placement: 'on-prem' } },
    code: 'action/wrong-phase',
  },
  {
    name: 'deploy: unknown kind',
    as: 'player',
    event: 'player:deploy',
    payload: { cardId: 'c1', choice: { kind: 'mainframe', placement: 'on-prem' } },
    code: 'input/invalid',
  },
  {
    name: 'claim: card id as object',
    as: 'player',
    event: 'player:claim',
    payload: { cardId: { $gt: '' } },
    code: 'input/invalid',
  },
  {
    name: 'host: start by a player',
    as: 'player',
    event: 'host:control',
    payload: { command: 'start' },
    code: 'auth/not-host',
  },
  {
    name: 'host: start by a stranger',
    as: 'stranger',
    event: 'host:control',
    payload: { command: 'start' },
    code: 'auth/not-joined',
  },
  {
    name: 'host: unknown command',
    as: 'host',
    event: 'host:control',
    payload: { command: 'explode' },
    code: 'input/invalid',
  },
  {
    name: 'host: next in the lobby',
    as: 'host',
    event: 'host:control',
    payload: { command: 'next' },
    code: 'action/wrong-phase',
  },
  {
    name: 'host: remove unknown player',
    as: 'host',
    event: 'host:control',
    payload: { command: 'remove', playerId: 'pnobody' },
    code: 'player/unknown',
  },
  {
    name: "host: remove another room's player",
    as: 'otherHost',
    event: 'host:control',
    payload: { command: 'remove', playerId: '$player' },
    code: 'player/unknown',
  },
  {
    name: 'host: time factor 10',
    as: 'host',
    event: 'host:control',
    payload: { command: 'time-factor', playerId: '$player', factor: 10 },
    code: 'input/invalid',
  },
  {
    name: 'host: add 9999 s',
    as: 'host',
    event: 'host:control',
    payload: { command: 'add-time', seconds: 9999 },
    code: 'input/invalid',
  },
  {
    name: 'host: move to unknown team',
    as: 'host',
    event: 'host:control',
    payload: { command: 'move', playerId: '$player', teamId: 't9' },
    code: 'team/unknown',
  },
  {
    name: 'host: resume without token',
    as: 'stranger',
    event: 'host:resume',
    payload: { roomCode: '$code' },
    code: 'input/invalid',
  },
  {
    name: 'host: resume with a guessed token',
    as: 'stranger',
    event: 'host:resume',
    payload: { roomCode: '$code', hostToken: 'AAAAAAAAAAAAAAAAAAAAA' },
    code: 'auth/token',
  },
  {
    name: 'join: unknown room',
    as: 'stranger',
    event: 'player:join',
    payload: { roomCode: '000000', name: 'Zed' },
    code: 'room/unknown',
  },
  {
    name: 'join: room code with letters',
    as: 'stranger',
    event: 'player:join',
    payload: { roomCode: '12ab56', name: 'Zed' },
    code: 'input/invalid',
  },
  {
    name: 'join: empty name',
    as: 'stranger',
    event: 'player:join',
    payload: { roomCode: '$code', name: '    ' },
    code: 'name/invalid',
  },
  {
    name: 'join: 21-character name',
    as: 'stranger',
    event: 'player:join',
    payload: { roomCode: '$code', name: 'abcdefghijklmnopqrstu' },
    code: 'name/invalid',
  },
  {
    name: 'join: control characters',
    as: 'stranger',
    event: 'player:join',
    payload: { roomCode: '$code', name: 'a\u0007b' },
    code: 'name/invalid',
  },
  {
    name: 'join: abusive name',
    as: 'stranger',
    event: 'player:join',
    payload: { roomCode: '$code', name: 'shithead' },
    code: 'name/abusive',
  },
  {
    name: 'join: duplicate name',
    as: 'stranger',
    event: 'player:join',
    payload: { roomCode: '$code', name: 'VICTIM' },
    code: 'name/taken',
  },
  {
    name: 'join: huge name',
    as: 'stranger',
    event: 'player:join',
    payload: { roomCode: '$code', name: big },
    code: 'input/invalid',
  },
  {
    name: 'resume: forged token',
    as: 'stranger',
    event: 'player:resume',
    payload: { roomCode: '$code', resumeToken: 'BBBBBBBBBBBBBBBBBBBBB' },
    code: 'auth/token',
  },
  {
    name: "resume: another room's code",
    as: 'stranger',
    event: 'player:resume',
    payload: { roomCode: '$otherCode', resumeToken: '$token' },
    code: 'auth/token',
  },
  {
    name: 'create: unknown pack',
    as: 'stranger',
    event: 'room:create',
    payload: { packId: 'no-such-pack' },
    code: 'pack/unknown',
  },
  {
    name: 'create: 99 teams',
    as: 'stranger',
    event: 'room:create',
    payload: { packId: 'warmup-en', options: { mode: 'team', teamCount: 99 } },
    code: 'input/invalid',
  },
  {
    name: 'solo: control in a classroom',
    as: 'player',
    event: 'solo:control',
    payload: { command: 'start' },
    code: 'room/not-solo',
  },
  {
    name: 'solo: four bots',
    as: 'stranger',
    event: 'solo:start',
    payload: { name: 'S', packId: 'warmup-en', bots: ['easy', 'easy', 'easy', 'easy'] },
    code: 'input/invalid',
  },
  { name: 'sync: extra keys', as: 'player', event: 'game:sync', payload: { all: true }, code: 'input/invalid' },
  { name: 'unknown event', as: 'player', event: 'admin:grant', payload: { everything: true }, code: 'input/invalid' },
];

describe('malformed and hostile events', () => {
  let server: TestServer;
  let host: TestClient;
  let player: TestClient;
  let otherHost: TestClient;
  let code = '';
  let otherCode = '';
  let playerId = '';
  let token = '';

  beforeAll(async () => {
    server = await startServer();
    host = await server.client();
    code = expectOk(await host.call('room:create', { packId: 'warmup-en' })).roomCode;
    player = await server.client();
    const joined = expectOk(await player.call('player:join', { roomCode: code, name: 'Victim' }));
    playerId = joined.playerId;
    token = joined.resumeToken;
    otherHost = await server.client();
    otherCode = expectOk(await otherHost.call('room:create', { packId: 'warmup-en' })).roomCode;
  });
  afterAll(() => server.close());

  const fill = (value: unknown): unknown =>
    JSON.parse(
      JSON.stringify(value ?? null)
        .replaceAll('$otherCode', otherCode)
        .replaceAll('$code', code)
        .replaceAll('$player', playerId)
        .replaceAll('$token', token),
    );

  it(`refuses each of ${CASES.length} malformed events with its code, counts it, and changes nothing`, async () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    const before = expectOk(await host.call('game:sync', {})).view as GameView;
    const stranger = await server.client();
    const sockets = { host, player, stranger, otherHost };
    for (const c of CASES) {
      const payload = c.payload === undefined ? undefined : c.payload === proto ? proto : fill(c.payload);
      const reply =
        payload === undefined ? await sockets[c.as].raw(c.event) : await sockets[c.as].raw(c.event, payload);
      expect({ case: c.name, reply }).toMatchObject({ case: c.name, reply: { ok: false, error: { code: c.code } } });
    }
    const after = expectOk(await host.call('game:sync', {})).view as GameView;
    expect(after.version).toBe(before.version);
    expect(after.players.map((p) => p.name)).toEqual(['Victim']);
    const mine = expectOk(await player.call('game:sync', {}));
    expect(mine.you.playerId).toBe(playerId);

    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const counted = (code: string) =>
      Number(metrics.match(new RegExp(`hostrush_errors_total\\{code="${code}"\\} (\\d+)`))?.[1] ?? 0);
    expect(counted('input/invalid')).toBeGreaterThanOrEqual(CASES.filter((c) => c.code === 'input/invalid').length);
    expect(counted('auth/not-joined')).toBeGreaterThanOrEqual(3);
  });

  it('survives events without an acknowledgement callback and oversized messages', async () => {
    const rogue = await server.client();
    const emit = (rogue.socket as unknown as { emit(e: string, ...a: unknown[]): void }).emit.bind(rogue.socket);
    emit('player:answer', { questionId: 1 });
    emit('host:control');
    emit('admin:grant', 1, 2, 3);
    // Over the 16 KB socket message cap: the server drops that connection, not the process.
    const closed = new Promise<string>((resolve) => rogue.socket.once('disconnect', resolve));
    emit('player:join', { roomCode: code, name: 'y'.repeat(40_000) });
    expect(await closed).toBeTruthy();
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    expectOk(await player.call('game:sync', {}));
  });

  it('rate-limits a flood without hurting a player who sends a few events a second', async () => {
    const flooder = await server.client();
    const replies = await Promise.all(Array.from({ length: 120 }, () => flooder.call('time:ping', { t: 1 })));
    const limited = replies.filter((r) => !r.ok && r.error.code === 'rate/limited').length;
    expect(limited).toBeGreaterThan(0);
    expect(replies.filter((r) => r.ok).length).toBeGreaterThanOrEqual(40);
    expectOk(await player.call('time:ping', { t: 2 }));
  });

  it('validates HTTP bodies: bad JSON, wrong shapes, oversized bodies, tokens only in headers', async () => {
    const post = (path: string, body: string, type = 'application/json') =>
      fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
    const badJson = await post('/api/rooms', '{"packId":');
    expect(badJson.status).toBe(400);
    expect((await badJson.json()).error.code).toBe('input/invalid');
    const wrong = await post('/api/rooms', JSON.stringify({ packId: 5 }));
    expect((await wrong.json()).error.code).toBe('input/invalid');
    const huge = await post('/api/solo/verify', JSON.stringify({ pad: 'z'.repeat(1_100_000) }));
    expect(huge.status).toBe(413);
    // Without a host key an import is nobody's: refused before its body is read.
    expect((await post('/api/packs/import', '{"format":"hostrush-pack","formatVersion":1}')).status).toBe(401);
    const pack = await fetch(`${server.url}/api/packs/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-host-key': 'teacher-host-key-0123456789abc' },
      body: '{"format":"hostrush-pack","formatVersion":1}',
    });
    expect(pack.status).toBe(400);
    const packJson = await pack.json();
    expect(packJson.error.code).toBe('pack/invalid');
    expect(packJson.issues.length).toBeGreaterThan(0);
    expect(packJson.issues[0].path).toBeTruthy();
    const games = await fetch(`${server.url}/api/games?hostKey=${'a'.repeat(21)}`);
    expect(games.status).toBe(401);
    const headers = (await fetch(`${server.url}/healthz`)).headers;
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('access-control-allow-origin')).toBeNull();
  });
});
