// Several real server processes on one Redis and one PostgreSQL: a room's host and players spread over them play
// to the podium; then the room's owner is killed (-9) mid-game and another process takes the room over.
// Needs REDIS_URL and DATABASE_URL (CI sets both); skipped, with a message, when either is missing.
import { nanoid } from 'nanoid';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { GameView } from '../../shared/engine/index.js';
import { builtinPack } from '../../shared/content/builtin.js';
import type { Podium, YouMessage } from '../../shared/protocol/index.js';
import { answerFor, expectOk, type TestClient } from '../server/harness.js';
import { playToEnd, type Seat } from '../server/play.js';
import { startProcess, within, type ServerProcess, dropClusterState } from './procs.js';

const REDIS_URL = process.env.REDIS_URL;
const DATABASE_URL = process.env.DATABASE_URL;
const enabled = Boolean(REDIS_URL && DATABASE_URL && /^postgres(ql)?:\/\//.test(DATABASE_URL));
if (!enabled) {
  console.warn(
    'test/cluster skipped: set REDIS_URL (redis://127.0.0.1:6379) and ' +
      'DATABASE_URL (postgres://postgres@127.0.0.1:5432/test) to run the ' +
      'multi-process tests.',
  );
}

const PACK = 'warmup-en';
const LEASE_MS = 1500;
const run = nanoid(8)
  .toLowerCase()
  .replace(/[^a-z0-9]/g, 'x');
const SCHEMA = `cluster_${run}`;
const PREFIX = `hostrush-test-${run}`;

/** Every question id a client was shown (room:view as broadcast by the owner, wherever the client is). */
function questionsSeen(client: TestClient): Set<string> {
  const seen = new Set<string>();
  client.socket.on('room:view', (v: GameView) => {
    if (v.question) seen.add(v.question.question.id);
  });
  return seen;
}

/** Host `next` until a question is open that is not `after`. */
async function nextQuestion(host: TestClient, after: string | null): Promise<GameView> {
  for (let guard = 0; guard < 10; guard++) {
    const reply = expectOk(await host.call('host:control', { command: 'next' }));
    const view = await within(
      host.waitFor('host:view', (v) => v.version >= (reply.version as number)),
      5000,
      'host view',
    );
    if (view.phase === 'question' && view.question && !view.question.closed && view.question.question.id !== after)
      return view;
  }
  throw new Error('no next question');
}

async function report(proc: ServerProcess, gameId: string, hostToken: string) {
  const res = await fetch(`${proc.url}/api/games/${gameId}/report`, { headers: { 'x-host-key': hostToken } });
  expect(res.status).toBe(200);
  return (await res.json()) as {
    ok: true;
    report: {
      summary: { questionCount: number; playerCount: number };
      players: Array<{ playerId: string; score: number }>;
    };
  };
}

describe.skipIf(!enabled)('several server processes on one Redis and one PostgreSQL', () => {
  const procs: ServerProcess[] = [];
  let A: ServerProcess;
  let B: ServerProcess;
  let C: ServerProcess;

  beforeAll(async () => {
    const env = {
      REDIS_URL: REDIS_URL!,
      DATABASE_URL: DATABASE_URL!,
      HOSTRUSH_PG_SCHEMA: SCHEMA,
      HOSTRUSH_REDIS_PREFIX: PREFIX,
      HOSTRUSH_LEASE_MS: String(LEASE_MS),
    };
    for (const name of ['A', 'B', 'C']) procs.push(startProcess(name, env));
    [A, B, C] = procs as [ServerProcess, ServerProcess, ServerProcess];
    await Promise.all(procs.map((p) => p.ready(30_000)));
  }, 40_000);

  afterEach((ctx) => {
    // A failure shows what the processes said (the end of it).
    if (ctx.task.result?.state === 'fail' || process.env.CLUSTER_DEBUG) {
      for (const p of procs) console.log(`--- process ${p.name}:\n${p.output.join('').slice(-4000)}`);
    }
  });

  afterAll(async () => {
    await Promise.allSettled(procs.map((p) => p.stop()));
    for (const p of procs) p.kill9();
    await dropClusterState(DATABASE_URL, SCHEMA, REDIS_URL, `${PREFIX}:`);
  }, 20_000);

  it('plays a game with the host on A and the players on B and C: every player sees every question', async () => {
    const host = await A.client();
    const created = expectOk(await host.call('room:create', { packId: PACK, options: { questionTimeS: 120 } }));
    const seats: Seat[] = [];
    const seen: Array<Set<string>> = [];
    const seatTokens: string[] = [];
    for (const [i, proc] of [B, B, C, C].entries()) {
      const client = await proc.client();
      seen.push(questionsSeen(client));
      const joined = expectOk(
        await client.call('player:join', { roomCode: created.roomCode, name: `Player ${i + 1}` }),
      );
      seatTokens.push(joined.resumeToken);
      expect((joined.you as YouMessage).name).toBe(`Player ${i + 1}`);
      seats.push({ client, playerId: joined.playerId, right: i % 2 === 0 });
    }
    // The owner's handlers ask for a round-trip measure on seating: the player's own process sends the ping.
    const ping = await within(
      seats[2]!.client.waitFor('time:ping' as never),
      5000,
      'a time:ping to a player on another process',
    );
    expect(ping).toMatchObject({ t: expect.any(Number) });
    // The owner's lobby broadcast reaches a player on another process.
    await within(
      seats[3]!.client.waitFor('room:view', (v) => v.players.length === 4),
      5000,
      'lobby of 4 on C',
    );
    // A joiner elsewhere is refused a taken name by the owner, as on one process.
    const dup = await (await C.client()).call('player:join', { roomCode: created.roomCode, name: 'player 1' });
    expect(dup).toMatchObject({ ok: false, error: { code: 'name/taken' } });

    // The host's second screen on C (not the owner) drives the game: its commands go to A, A's views come back.
    const projector = await C.client();
    expectOk(await projector.call('host:resume', { roomCode: created.roomCode, hostToken: created.hostToken }));
    // A seat taken up on another process closes the older device there.
    const secondPhone = await C.client();
    const moved = expectOk(
      await secondPhone.call('player:resume', { roomCode: created.roomCode, resumeToken: seatTokens[0]! }),
    );
    expect(moved.playerId).toBe(seats[0]!.playerId);
    const closed = await within(seats[0]!.client.waitFor('session:closed'), 5000, 'the older device to be replaced');
    expect(closed.code).toBe('replaced');
    seats[0]!.client = secondPhone;
    seen[0] = questionsSeen(secondPhone);

    expectOk(await projector.call('host:control', { command: 'start' }));
    const questions = await within(playToEnd(projector, seats, PACK), 30_000, 'the game to end');
    expect(questions).toBeGreaterThanOrEqual(3);
    await within(projector.waitFor('game:podium'), 10_000, 'podium on C');
    const podium: Podium = await within(host.waitFor('game:podium'), 10_000, 'podium on A');
    for (const s of seats) await within(s.client.waitFor('game:podium'), 5000, 'podium on B/C');
    for (const set of seen) expect(set.size).toBe(questions);

    // Private messages reached each player wherever it is: its own score, as on the podium.
    for (const s of seats) {
      const you = s.client.you()!;
      expect(you.playerId).toBe(s.playerId);
      expect(you.score).toBe(podium.standings.find((p) => p.playerId === s.playerId)?.score);
    }
    expect(podium.standings.find((p) => p.playerId === seats[0]!.playerId)!.score).toBeGreaterThan(0);
    expect(podium.standings.find((p) => p.playerId === seats[1]!.playerId)!.score).toBe(0);

    // The stored result, read through another process.
    const { report: r } = await report(C, podium.gameId, created.hostToken);
    expect(r.summary.questionCount).toBe(questions);
    expect(r.summary.playerCount).toBe(4);
    for (const p of podium.standings) expect(r.players.find((x) => x.playerId === p.playerId)?.score).toBe(p.score);
    // Events from B and C went to A; nothing went the other way.
    expect(await B.metric('hostrush_routed_total')).toBeGreaterThan(0);
    expect(await A.metric('hostrush_routed_total')).toBe(0);
  });

  it(
    'team roles: a member on A takes a layer in a room owned by C; a ' + 'teammate on B is refused the same layer',
    async () => {
      // Owned by C: the takeover test below counts the active rooms A owned.
      const host = await C.client();
      const created = expectOk(
        await host.call('room:create', { packId: 'team-en', options: { mode: 'team', teamCount: 2, teamRoles: true } }),
      );
      const onA = await A.client();
      const onB = await B.client();
      expectOk(await onA.call('player:join', { roomCode: created.roomCode, name: 'Layer A', teamId: 't1' }));
      expectOk(await onB.call('player:join', { roomCode: created.roomCode, name: 'Layer B', teamId: 't1' }));
      expectOk(await onA.call('player:take-layer', { layer: 'infrastructure' }));
      expect(
        (
          await within(
            onA.waitForYou((y) => y.layer === 'infrastructure'),
            5000,
            'the layer on A',
          )
        ).layer,
      ).toBe('infrastructure');
      expect(await onB.call('player:take-layer', { layer: 'infrastructure' })).toMatchObject({
        ok: false,
        error: { code: 'team/layer-taken' },
      });
      expectOk(await onB.call('player:take-layer', { layer: 'application' }));
    },
  );

  it(
    'each device reads its own language wherever it is: a Korean room owned ' +
      'by C, English and Korean phones on A and B, a switch on B',
    async () => {
      const en = builtinPack('warmup-en')!;
      const ko = builtinPack('warmup-ko')!;
      const prompt = (pack: typeof en, id: string) => pack.questions.find((q) => q.id === id)!.prompt;
      const explanation = (pack: typeof en, id: string) => pack.questions.find((q) => q.id === id)!.explanation;
      const host = await C.client();
      const created = expectOk(
        await host.call('room:create', { packId: 'warmup-ko', options: { questionTimeS: 120 } }),
      );
      const onA = await A.client();
      const plainOnA = await A.client();
      const onB = await B.client();
      expectOk(await onA.call('player:join', { roomCode: created.roomCode, name: 'Ada', lang: 'en' }));
      expectOk(await plainOnA.call('player:join', { roomCode: created.roomCode, name: 'Ken' }));
      expectOk(await onB.call('player:join', { roomCode: created.roomCode, name: '민지', lang: 'ko' }));
      await within(
        host.waitFor('host:view', (v) => v.players.length === 3),
        5000,
        'lobby of 3',
      );
      expectOk(await host.call('host:control', { command: 'start' }));
      const hv = await within(
        host.waitFor('host:view', (v) => v.phase === 'question' && v.question?.closed === false),
        5000,
        'a question',
      );
      const qid = hv.question!.question.id;
      const open = (c: TestClient) =>
        within(
          c.waitFor('room:view', (v) => v.question?.question.id === qid),
          5000,
          'the question',
        );
      // The owner's per-language broadcasts reach each process's sockets in their groups (Redis adapter).
      expect((await open(onA)).question!.question.prompt).toBe(prompt(en, qid));
      expect((await open(plainOnA)).question!.question.prompt).toBe(prompt(ko, qid));
      expect((await open(onB)).question!.question.prompt).toBe(prompt(ko, qid));
      // A switch on B is routed to C; C's answer moves B's socket to the English broadcast.
      const synced = expectOk(await onB.call('game:sync', { lang: 'en' }));
      expect(synced.view.question.question.prompt).toBe(prompt(en, qid));
      const next = expectOk(await host.call('host:control', { command: 'next' }));
      const closed = (c: TestClient) =>
        within(
          c.waitFor(
            'room:view',
            (v) => v.version >= (next.version as number) && v.question?.question.id === qid && v.question.closed,
          ),
          5000,
          'the close',
        );
      expect((await closed(onB)).question!.solution!.explanation).toBe(explanation(en, qid));
      expect((await closed(onA)).question!.solution!.explanation).toBe(explanation(en, qid));
      expect((await closed(plainOnA)).question!.solution!.explanation).toBe(explanation(ko, qid));
    },
  );

  it(
    'a pack imported through A is listed by B and C and hosts rooms created ' +
      'through them (storage, not memory); sharing through B reaches C',
    async () => {
      // Imports belong to the host key that sends them (docs/SECURITY.md, "The answer key").
      const hostKey = `multi-process-teacher-${run}`.replace(/[^A-Za-z0-9_-]/g, '-').padEnd(20, 'x');
      const asHost = { 'x-host-key': hostKey };
      const pack = structuredClone(builtinPack(PACK)!);
      pack.meta.title = `Imported on A ${run}`;
      const imported = await fetch(`${A.url}/api/packs/import`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...asHost },
        body: JSON.stringify(pack),
      });
      expect(imported.status).toBe(201);
      const id = ((await imported.json()) as { pack: { id: string } }).pack.id;
      for (const proc of [B, C]) {
        const list = (await (await fetch(`${proc.url}/api/packs`, { headers: asHost })).json()) as Array<{
          id: string;
          title: string;
        }>;
        expect(list.find((p) => p.id === id)?.title).toBe(`Imported on A ${run}`);
      }
      // Private: another host key on C neither lists nor hosts it, until its owner shares it through B.
      const other = { 'x-host-key': `someone-else-${hostKey}` };
      const otherIds = async () =>
        ((await (await fetch(`${C.url}/api/packs`, { headers: other })).json()) as Array<{ id: string }>).map(
          (p) => p.id,
        );
      expect(await otherIds()).not.toContain(id);
      const shared = await fetch(`${B.url}/api/packs/${id}/shared`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...asHost },
        body: JSON.stringify({ shared: true }),
      });
      expect(shared.status).toBe(200);
      expect(await otherIds()).toContain(id);
      // Over HTTP through B, over the socket through C: both read the pack A stored.
      const viaHttp = await fetch(`${B.url}/api/rooms`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ packId: id, hostKey }),
      });
      expect(viaHttp.status).toBe(201);
      const created = (await viaHttp.json()) as { roomCode: string };
      const host = await C.client();
      const viaSocket = expectOk(await host.call('room:create', { packId: id, hostKey }));
      // A player elsewhere joins the room made from it.
      const player = await A.client();
      expectOk(await player.call('player:join', { roomCode: viaSocket.roomCode, name: 'Imported' }));
      expect(created.roomCode).toMatch(/^\d+$/);
    },
  );

  it(
    'takes a room over within a few seconds when its owner is killed ' + 'mid-game; players resume and finish',
    async () => {
      const host = await A.client();
      const created = expectOk(await host.call('room:create', { packId: PACK, options: { questionTimeS: 120 } }));
      const code = created.roomCode as string;
      const onA = await A.client();
      const onB = await B.client();
      const onC = await C.client();
      const seatOf = new Map<TestClient, { playerId: string; resumeToken: string }>();
      for (const [i, client] of [onA, onB, onC].entries()) {
        // C's phone reads Korean: after the takeover it still gets the game in Korean (its socket's group tells).
        const joined = expectOk(
          await client.call('player:join', {
            roomCode: code,
            name: `Survivor ${i + 1}`,
            ...(i === 2 ? { lang: 'ko' } : {}),
          }),
        );
        seatOf.set(client, { playerId: joined.playerId, resumeToken: joined.resumeToken });
      }
      expectOk(await host.call('host:control', { command: 'start' }));
      const q1 = (
        await within(
          host.waitFor('host:view', (v) => v.phase === 'question' && !!v.question),
          5000,
          'Q1',
        )
      ).question!.question;
      for (const c of [onA, onB, onC])
        expectOk(await c.call('player:answer', { questionId: q1.id, answer: answerFor(PACK, q1, true) }));
      const q2 = (await nextQuestion(host, q1.id)).question!.question;
      const before = new Map<string, number>();
      for (const c of [onA, onB, onC]) {
        const you = await within(
          c.waitForYou((y) => y.score > 0),
          5000,
          'Q1 points',
        );
        before.set(you.playerId, you.score);
      }
      // B's player answers Q2 and is acked: the answer is stored before the ack, so the owner's death loses none.
      const answerB = answerFor(PACK, q2, true);
      const acked = expectOk(await onB.call('player:answer', { questionId: q2.id, answer: answerB }));

      A.kill9();
      const killedAt = Date.now();
      await within(A.exited, 5000, 'A to die');

      // The host's device reconnects to another process and resumes with its token: the room is taken over there.
      let hostAgain: TestClient | null = null;
      let resumed: Record<string, any> | null = null;
      for (let attempt = 0; attempt < 5 && !resumed; attempt++) {
        hostAgain = await B.client();
        const reply = await within(
          hostAgain.call('host:resume', { roomCode: code, hostToken: created.hostToken }),
          10_000,
          'host:resume',
        );
        if (reply.ok) resumed = reply;
      }
      const takeoverMs = Date.now() - killedAt;
      console.log(
        `takeover: the host resumed on another process ${takeoverMs} ms after kill ` +
          `-9 of the owner (lease ${LEASE_MS} ms)`,
      );
      expect(resumed).not.toBeNull();
      expect(takeoverMs).toBeLessThan(LEASE_MS + 3000);
      const view = resumed!.view as GameView;
      expect(view.phase).toBe('question');
      expect(view.question?.question.id).toBe(q2.id);

      // The player whose process died reconnects elsewhere with its token: same seat, same score.
      const phone = await C.client();
      const back = expectOk(
        await within(
          phone.call('player:resume', { roomCode: code, resumeToken: seatOf.get(onA)!.resumeToken }),
          10_000,
          'player:resume',
        ),
      );
      expect((back.you as YouMessage).score).toBe(before.get(seatOf.get(onA)!.playerId));

      // B's answer survived the owner's death; a retry of it (the client's ack timed out, say) changes nothing.
      const sync = expectOk(await onB.call('game:sync', {}));
      expect((sync.you as YouMessage).answer).not.toBeNull();
      // (The new owner rebuilt the answered set from the replayed log: the same reply as the first time.)
      const retry = await onB.call('player:answer', { questionId: q2.id, answer: answerB });
      expect(retry).toEqual({ ok: true, version: acked.version });
      expect((expectOk(await onC.call('game:sync', {})).you as YouMessage).score).toBe(
        before.get(seatOf.get(onC)!.playerId),
      );

      // Exactly one process took the room over.
      expect((await B.metric('hostrush_takeovers_total')) + (await C.metric('hostrush_takeovers_total'))).toBe(1);

      // The rest of Q2, then the remaining questions to the podium, through the new owner.
      expectOk(await phone.call('player:answer', { questionId: q2.id, answer: answerFor(PACK, q2, true) }));
      expectOk(await onC.call('player:answer', { questionId: q2.id, answer: answerFor(PACK, q2, true) }));
      const q3 = (await nextQuestion(hostAgain!, q2.id)).question!.question;
      const shown = (c: TestClient) =>
        within(
          c.waitFor('room:view', (v) => v.question?.question.id === q3.id),
          5000,
          'Q3 after the takeover',
        );
      const promptIn = (packId: string) => builtinPack(packId)!.questions.find((q) => q.id === q3.id)!.prompt;
      expect((await shown(onC)).question!.question.prompt).toBe(promptIn('warmup-ko'));
      expect((await shown(onB)).question!.question.prompt).toBe(promptIn('warmup-en'));
      const seats: Seat[] = [
        { client: phone, playerId: seatOf.get(onA)!.playerId, right: true },
        { client: onB, playerId: seatOf.get(onB)!.playerId, right: true },
        { client: onC, playerId: seatOf.get(onC)!.playerId, right: true },
      ];
      await within(playToEnd(hostAgain!, seats, PACK), 30_000, 'the game to end after the takeover');
      const podium: Podium = await within(hostAgain!.waitFor('game:podium'), 10_000, 'podium');
      for (const c of [phone, onB, onC]) await within(c.waitFor('game:podium'), 5000, 'podium for every player');
      for (const s of podium.standings) expect(s.score).toBeGreaterThan(before.get(s.playerId) ?? 0);
      const { report: r } = await report(C, podium.gameId, created.hostToken);
      expect(r.players).toHaveLength(3);
      for (const p of podium.standings) expect(r.players.find((x) => x.playerId === p.playerId)?.score).toBe(p.score);
    },
  );
  it(
    'hands a room over at once on a clean shutdown (SIGTERM) of its owner, ' + "without closing its players' sessions",
    async () => {
      const host = await B.client();
      const created = expectOk(await host.call('room:create', { packId: PACK, options: { questionTimeS: 120 } }));
      const code = created.roomCode as string;
      const player = await C.client();
      const joined = expectOk(await player.call('player:join', { roomCode: code, name: 'Stayer' }));
      expectOk(await host.call('host:control', { command: 'start' }));
      const q1 = (
        await within(
          host.waitFor('host:view', (v) => v.phase === 'question' && !!v.question),
          5000,
          'Q1',
        )
      ).question!.question;
      expectOk(await player.call('player:answer', { questionId: q1.id, answer: answerFor(PACK, q1, true) }));

      const stoppedAt = Date.now();
      await B.stop();
      // The lease was released: the room is C's on the next event or sweep, well before a lease would expire.
      const hostAgain = await C.client();
      const resumed = expectOk(
        await within(
          hostAgain.call('host:resume', { roomCode: code, hostToken: created.hostToken }),
          10_000,
          'host:resume on C',
        ),
      );
      const handoverMs = Date.now() - stoppedAt;
      console.log(`clean handover: the host resumed on another process ${handoverMs} ms after SIGTERM of the owner`);
      expect((resumed.view as GameView).question?.question.id).toBe(q1.id);
      expect(player.latest.get('session:closed')).toBeUndefined();
      const sync = expectOk(await player.call('game:sync', {}));
      expect((sync.you as YouMessage).playerId).toBe(joined.playerId);
      expect((sync.you as YouMessage).answer).not.toBeNull();
      await nextQuestion(hostAgain, q1.id);
      await within(
        playToEnd(hostAgain, [{ client: player, playerId: joined.playerId, right: true }], PACK),
        30_000,
        'the game to end',
      );
      const podium: Podium = await within(player.waitFor('game:podium'), 10_000, 'podium');
      expect(podium.standings[0]?.score).toBeGreaterThan(0);
    },
  );
});
