// Each device reads the game in its own language (issue 12): in a Korean room an English phone gets the questions,
// options, explanations, scenario and cards in English, a Korean phone in Korean, and both are scored exactly the
// same for the same presented answer. A device that switches language mid-question gets the other view at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinPack } from '../../shared/content/builtin.js';
import type { GameView, PublicQuestion, Question } from '../../shared/engine/index.js';
import type { YouMessage } from '../../shared/protocol/index.js';
import { answerFor, expectOk, startServer, type TestClient, type TestServer } from './harness.js';

const HANGUL = /[\uac00-\ud7a3]/;

function packQuestion(packId: string, id: string): Question {
  const q = builtinPack(packId)?.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no question ${id} in ${packId}`);
  return q;
}

/** Every room:view a client receives, in order. */
function recordViews(client: TestClient): GameView[] {
  const views: GameView[] = [];
  client.socket.on('room:view', (v) => views.push(v));
  return views;
}

/** The question as shown is the pack's own, in the pack's language (presented order aside). */
function expectTexts(shown: PublicQuestion, packId: string): void {
  const q = packQuestion(packId, shown.id);
  expect(shown.prompt).toBe(q.prompt);
  if (q.type === 'single' || q.type === 'multi') expect(shown.options).toEqual(q.options);
  if (q.type === 'ordering') expect([...(shown.items ?? [])].sort()).toEqual([...q.items].sort());
  if (q.type === 'matching') {
    expect(shown.left).toEqual(q.left);
    expect([...(shown.right ?? [])].sort()).toEqual([...q.right].sort());
  }
  if (q.type === 'numeric' && q.unit !== undefined) expect(shown.unit).toBe(q.unit);
  if (q.note !== undefined) expect(shown.note).toBe(q.note);
}

/** Original index of each presented item (ordering items, matching right side): must agree across languages. */
function presentedOrder(shown: PublicQuestion, packId: string): number[] {
  const q = packQuestion(packId, shown.id);
  if (q.type === 'ordering') return (shown.items ?? []).map((t) => q.items.indexOf(t));
  if (q.type === 'matching') return (shown.right ?? []).map((t) => q.right.indexOf(t));
  return [];
}

const openView = (c: TestClient, qid: string) =>
  c.waitFor('room:view', (v) => v.question?.question.id === qid && !v.question.closed);
const closedView = (c: TestClient, qid: string) =>
  c.waitFor('room:view', (v) => v.question?.question.id === qid && v.question.closed);
const result = (c: TestClient, qid: string) =>
  c.waitForYou((y: YouMessage) => y.questionId === qid && y.answer !== null);

describe('each device reads the game in its own language', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  it(
    'a Korean room: English and Korean devices each get their own texts, ' +
      'scored the same; a switch mid-question shows the other at once',
    async () => {
      const host = await server.client();
      const created = expectOk(
        await host.call('room:create', {
          packId: 'course-ko',
          options: { mode: 'classroom', questionTimeS: 300, scoring: { speedPoints: false } },
        }),
      );
      const code = created.roomCode;
      const en = await server.client();
      const ko = await server.client();
      const plain = await server.client();
      const enViews = recordViews(en);
      const koViews = recordViews(ko);
      const plainViews = recordViews(plain);
      expectOk(await en.call('player:join', { roomCode: code, name: 'Ada', lang: 'en' }));
      expectOk(await ko.call('player:join', { roomCode: code, name: '민지', lang: 'ko' }));
      // A device that does not say gets the room's own language.
      expectOk(await plain.call('player:join', { roomCode: code, name: 'Ken' }));
      await host.waitFor('host:view', (v) => v.players.length === 3);
      let version = expectOk(await host.call('host:control', { command: 'start' })).version as number;

      // The device the test calls "ko" reads Korean, then English from question 3, then Korean again from question 6.
      const koLang = (i: number) => (i >= 2 && i < 5 ? 'course-en' : 'course-ko');
      const types = new Set<string>();
      for (let i = 0; i < 8; i++) {
        const hv = await host.waitFor(
          'host:view',
          (v) => v.version >= version && v.phase === 'question' && v.question?.closed === false,
        );
        const qid = hv.question!.question.id;
        types.add(hv.question!.question.type);
        // The projector is in the room's language.
        expectTexts(hv.question!.question, 'course-ko');
        if (i === 2 || i === 5) {
          // Mid-question: the switch answers with the view in the new language at once.
          const lang = i === 2 ? 'en' : 'ko';
          const synced = expectOk(await ko.call('game:sync', { lang }));
          expect(synced.view.question.question.id).toBe(qid);
          expectTexts(synced.view.question.question, koLang(i));
        }
        const enQ = (await openView(en, qid)).question!.question;
        const plainQ = (await openView(plain, qid)).question!.question;
        expectTexts(enQ, 'course-en');
        expectTexts(plainQ, 'course-ko');
        expect(JSON.stringify(enQ)).not.toMatch(HANGUL);
        // Shuffled items are presented in the same order in both languages.
        expect(presentedOrder(enQ, 'course-en')).toEqual(presentedOrder(plainQ, 'course-ko'));
        const koQ = i === 2 || i === 5 ? null : (await openView(ko, qid)).question!.question;
        if (koQ) expectTexts(koQ, koLang(i));

        // The same presented answer, worked out from each device's own screen, is the same answer.
        const right = i % 2 === 0;
        const enAnswer = answerFor('course-en', enQ, right);
        const plainAnswer = answerFor('course-ko', plainQ, right);
        expect(enAnswer).toEqual(plainAnswer);
        expectOk(await en.call('player:answer', { questionId: qid, answer: enAnswer }));
        expectOk(await ko.call('player:answer', { questionId: qid, answer: plainAnswer }));
        expectOk(await plain.call('player:answer', { questionId: qid, answer: plainAnswer }));

        // Everyone answered: the question closes; each device gets the explanation in its language.
        const [enClosed, koClosed, plainClosed] = await Promise.all([
          closedView(en, qid),
          closedView(ko, qid),
          closedView(plain, qid),
        ]);
        expect(enClosed.question!.solution!.explanation).toBe(packQuestion('course-en', qid).explanation);
        expect(plainClosed.question!.solution!.explanation).toBe(packQuestion('course-ko', qid).explanation);
        expect(koClosed.question!.solution!.explanation).toBe(packQuestion(koLang(i), qid).explanation);
        expect(enClosed.question!.distribution).toEqual(plainClosed.question!.distribution);
        const [enYou, koYou, plainYou] = await Promise.all([result(en, qid), result(ko, qid), result(plain, qid)]);
        // Scored exactly the same.
        expect(enYou.answer!.correctness).toBe(right ? 1 : plainYou.answer!.correctness);
        expect(enYou.answer!.correctness).toBe(plainYou.answer!.correctness);
        expect(enYou.answer!.points).toBe(plainYou.answer!.points);
        expect(koYou.answer!.points).toBe(plainYou.answer!.points);
        expect(enYou.score).toBe(plainYou.score);
        version = expectOk(await host.call('host:control', { command: 'next' })).version as number;
      }
      expect(types).toEqual(new Set(['single', 'multi', 'truefalse', 'ordering', 'matching', 'numeric']));

      // Every broadcast each device received was in its language (one broadcast per language, none to the wrong one).
      const questionTexts = (views: GameView[]) =>
        views.filter((v) => v.question).map((v) => JSON.stringify(v.question));
      expect(questionTexts(enViews).length).toBeGreaterThanOrEqual(16);
      for (const text of questionTexts(enViews)) expect(text).not.toMatch(HANGUL);
      for (const text of questionTexts(plainViews)) expect(text).toMatch(HANGUL);
      expect(koViews.some((v) => v.question && !HANGUL.test(JSON.stringify(v.question)))).toBe(true);
      const synced = await Promise.all([en, ko, plain].map((c) => c.call('game:sync', {})));
      expect(new Set(synced.map((r) => expectOk(r).you.score)).size).toBe(1);
    },
  );

  it('team mode: each team member reads its team host, scenario and cards in its own language', async () => {
    const host = await server.client();
    const created = expectOk(
      await host.call('room:create', {
        packId: 'team-ko',
        options: { mode: 'team', teamCount: 2, questionTimeS: 300 },
      }),
    );
    const code = created.roomCode;
    const seats = [
      { client: await server.client(), name: 'Ada', team: 't1', lang: 'en' as const },
      { client: await server.client(), name: '민지', team: 't1', lang: 'ko' as const },
      { client: await server.client(), name: 'Linus', team: 't2', lang: 'en' as const },
      { client: await server.client(), name: '서연', team: 't2', lang: undefined },
    ];
    for (const s of seats) {
      expectOk(
        await s.client.call('player:join', {
          roomCode: code,
          name: s.name,
          teamId: s.team,
          ...(s.lang ? { lang: s.lang } : {}),
        }),
      );
    }
    await host.waitFor('host:view', (v) => v.players.length === 4);
    const started = expectOk(await host.call('host:control', { command: 'start' })).version as number;
    let hv = await host.waitFor('host:view', (v) => v.version >= started);
    for (let guard = 0; guard < 40 && hv.phase !== 'race'; guard++) {
      const v = expectOk(await host.call('host:control', { command: 'next' })).version as number;
      hv = await host.waitFor('host:view', (x) => x.version >= v);
    }
    expect(hv.phase).toBe('race');
    const scenarioId = hv.race!.scenario.id;
    const en = builtinPack('team-en')!;
    const ko = builtinPack('team-ko')!;
    for (const s of seats) {
      const view = await s.client.waitFor('room:view', (v) => v.phase === 'race' && v.version >= hv.version);
      const pack = s.lang === 'en' ? en : ko;
      expect(view.race!.scenario.title).toBe(pack.scenarios.find((x) => x.id === scenarioId)!.title);
      for (const card of view.race!.cards) expect(card.title).toBe(pack.cards.find((c) => c.id === card.id)!.title);
      // Its own team's host only, whatever the language.
      expect(view.race!.hosts.map((h) => h.id)).toEqual([`team:${s.team}`]);
    }
    // A switch mid-race: the race comes back in the other language.
    const synced = expectOk(await seats[0]!.client.call('game:sync', { lang: 'ko' }));
    expect(synced.view.race.scenario.title).toBe(ko.scenarios.find((x) => x.id === scenarioId)!.title);
    expect(synced.view.race.hosts.map((h: { id: string }) => h.id)).toEqual(['team:t1']);
  });

  it('solo: a run on the Korean warm-up from an English device is in English, and switches', async () => {
    const solo = await server.client();
    expectOk(await solo.call('solo:start', { name: 'Ada', packId: 'warmup-ko', lang: 'en' }));
    expectOk(await solo.call('solo:control', { command: 'start' }));
    const view = await solo.waitFor('room:view', (v) => v.question !== null && !v.question.closed);
    expectTexts(view.question!.question, 'warmup-en');
    const synced = expectOk(await solo.call('game:sync', { lang: 'ko' }));
    expectTexts(synced.view.question.question, 'warmup-ko');
    const qid = view.question!.question.id;
    expectOk(
      await solo.call('player:answer', {
        questionId: qid,
        answer: answerFor('warmup-ko', synced.view.question.question, true),
      }),
    );
    const closed = await closedView(solo, qid);
    expect(closed.question!.solution!.explanation).toBe(packQuestion('warmup-ko', qid).explanation);
  });

  it('an imported pack has one language: served as it is to every device', async () => {
    // A teacher's own copy of the Korean warm-up: the same texts, but an imported pack (one language).
    const hostKey = 'languages-test-host-key-0001';
    const imported = await fetch(`${server.url}/api/packs/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-host-key': hostKey },
      body: JSON.stringify(builtinPack('warmup-ko')),
    });
    expect(imported.status).toBe(201);
    const { pack } = await imported.json();
    const host = await server.client();
    const created = expectOk(
      await host.call('room:create', { packId: pack.id, hostKey, options: { questionTimeS: 300 } }),
    );
    const en = await server.client();
    expectOk(await en.call('player:join', { roomCode: created.roomCode, name: 'Ada', lang: 'en' }));
    expectOk(await host.call('host:control', { command: 'start' }));
    const view = await en.waitFor('room:view', (v) => v.question !== null);
    expectTexts(view.question!.question, 'warmup-ko');
  });
});
