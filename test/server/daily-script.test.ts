// The daily challenge against a script (issue 13, docs/SECURITY.md "Faster than reading"): a script that knows only
// the server's HTTP API and socket protocol, and the open-source question bank, cannot top the daily leaderboard.
// It plays today's daily challenge as a script would (real socket.io-client): it tries the API for the answer key
// first (refused), takes it from the bank in shared/content/ instead, and answers every question correctly 170 ms
// after it opened. An honest player answers every question correctly at a fast human pace: 300 ms after the question's
// reading floor. The script may tie the honest player, never outrank it. The authority's clock is the test's: nothing
// sleeps.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinPack } from '../../shared/content/builtin.js';
import { readingFloorMs, type AnswerRecord, type GameView } from '../../shared/engine/index.js';
import type { Podium } from '../../shared/protocol/index.js';
import { answerFor, expectOk, startServer, type TestServer } from './harness.js';

let now = 1_800_000_000_000;
const SCRIPT_MS = 170;
/** The honest player's time past each question's reading floor (inside the floor's reaction band). */
const HUMAN_PAST_FLOOR_MS = 300;

interface Run {
  name: string;
  score: number;
  gameId: string;
  /** By question id: when the answer came (ms after the question opened), and its record once closed. */
  answers: Map<string, { afterMs: number; record: AnswerRecord }>;
}

describe('the daily challenge against a script', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ clock: () => now });
  });
  afterAll(() => server.close());

  /** Plays today's daily challenge in English, answering each question right `delay(question)` ms after it opened. */
  async function playDaily(name: string, delay: (questionId: string, limitMs: number) => number): Promise<Run> {
    const client = await server.client();
    expectOk(await client.call('solo:start', { name, packId: 'daily', lang: 'en' }));
    let version = expectOk(await client.call('solo:control', { command: 'start' })).version as number;
    const answers = new Map<string, { afterMs: number; record: AnswerRecord }>();
    for (let guard = 0; guard < 400; guard++) {
      const view: GameView = await client.waitFor('room:view', (v) => v.version >= version);
      if (view.finished) break;
      const open = view.question;
      if (view.phase === 'question' && open && !open.closed && !open.mine) {
        const q = open.question;
        const afterMs = delay(q.id, open.limitMs);
        now = Math.max(now, open.openedAt + afterMs);
        // The answer key: the open-source bank (shared/content/), as answerFor reads it.
        version = expectOk(
          await client.call('player:answer', { questionId: q.id, answer: answerFor('daily-en', q, true) }),
        ).version as number;
        const closed: GameView = await client.waitFor(
          'room:view',
          (v) => v.question?.question.id === q.id && v.question.closed === true,
        );
        version = Math.max(version, closed.version);
        answers.set(q.id, { afterMs: now - open.openedAt, record: closed.question!.mine! });
        continue;
      }
      const next = await client.call('solo:control', { command: 'next' });
      if (next.ok) version = next.version as number;
    }
    const podium: Podium = await client.waitFor('game:podium');
    expect(podium.solo, name).toMatchObject({ verified: true });
    now += 1000;
    return { name, score: podium.solo!.score, gameId: podium.gameId, answers };
  }

  it(
    'a script answering every question right in 170 ms ties at best a person ' + 'who reads as fast as people read',
    async () => {
      // The script makes itself a host and asks for the answer key: refused (built-in packs are exported to the
      // operator only, the daily pools are nobody else's in any form).
      const me = await server.client();
      const hostKey = 'script-host-key-0123456789abcdef';
      expectOk(await me.call('room:create', { packId: 'warmup-en', hostKey }));
      for (const id of ['daily-en', 'daily-ko', 'course-en', 'warmup-en']) {
        const res = await fetch(`${server.url}/api/packs/${id}/export`, { headers: { 'x-host-key': hostKey } });
        expect([403, 404], id).toContain(res.status);
        expect(await res.text(), id).not.toContain('"correct"');
      }
      const pool = builtinPack('daily-en')!;
      const floorOf = (id: string, limitMs: number) =>
        readingFloorMs(
          pool.questions.find((q) => q.id === id)!,
          limitMs,
        );

      // The script plays first: on an equal score, the leaderboard lists the run that finished first first.
      const script = await playDaily('Script', () => SCRIPT_MS);
      const human = await playDaily('Human', (id, limitMs) => floorOf(id, limitMs) + HUMAN_PAST_FLOOR_MS);

      // The same day, the same questions, every one answered right by both.
      expect([...script.answers.keys()]).toEqual([...human.answers.keys()]);
      expect(script.answers.size).toBe(10);
      for (const run of [script, human]) for (const a of run.answers.values()) expect(a.record.correctness).toBe(1);
      for (const [id, a] of script.answers) {
        const h = human.answers.get(id)!;
        expect(a.afterMs).toBe(SCRIPT_MS);
        // The person reads for seconds before answering: the script is far faster, and earns not a point more.
        expect(h.afterMs - a.afterMs, id).toBeGreaterThan(1500);
        expect(a.record.points, id).toBe(h.record.points);
      }
      expect(script.score).toBeLessThanOrEqual(human.score);

      // The leaderboard: the script does not rank above the person. Equal scores share a rank; they are listed by
      // when the run finished (then by run id), so the script, which played first, is listed first at the same rank.
      const board = `daily-${new Date(now).toISOString().slice(0, 10)}`;
      const res = await fetch(`${server.url}/api/solo/leaderboard?board=${board}`);
      const entries = ((await res.json()) as { entries: Array<{ rank: number; playerName: string; score: number }> })
        .entries;
      const rankOf = (name: string) => entries.find((e) => e.playerName === name)!.rank;
      expect(entries.map((e) => e.playerName).sort()).toEqual(['Human', 'Script']);
      expect(rankOf('Script')).toBeGreaterThanOrEqual(rankOf('Human'));
      expect(rankOf('Human')).toBe(1);
    },
  );
});
