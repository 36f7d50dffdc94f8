// A phone's own result at the reveal (issue 17): the sealed result of its answer's ack opens with the key the reveal
// carries and gives exactly what the server's close gave; a player that did not answer loses its streak; the rank
// is counted on the reveal's ladder. The server seals (server/rooms/sealed-results.ts), the phone opens.
import { describe, expect, it } from 'vitest';
import { answerOf, createGame, next, playerOf, rankOf, sharedView, type GameState } from '../../shared/engine/index.js';
import { config } from '../../shared/engine/testing/fixtures.js';
import { openResult, RESULT_BLOCK_BYTES, resultPlaintext, type YouMessage } from '../../shared/protocol/index.js';
import { SealedResults } from '../../server/rooms/sealed-results.js';
import { revealFromView } from '../../client/src/session/reveal.js';

const system = { role: 'system' } as const;
const host = { role: 'host' } as const;
const as = (playerId: string) => ({ role: 'player', playerId }) as const;

function youOf(state: GameState, playerId: string): YouMessage {
  const p = playerOf(state, playerId)!;
  return {
    playerId,
    name: p.name,
    teamId: null,
    score: p.score,
    streak: p.streak,
    rank: 1,
    playerCount: 3,
    timeFactor: 1,
    questionId: null,
    answer: null,
    changes: [],
    removed: false,
    layer: null,
    startsAtStep: 0,
  };
}

describe('a result revealed on the phone', () => {
  it('opens with the reveal key to what the close gave; the silent one loses its streak; ranks on the ladder', () => {
    let s = createGame(config('classroom'), 'seed');
    for (const [id, name] of [
      ['a', 'Ada'],
      ['b', 'Bo'],
      ['c', 'Cy'],
    ] as const)
      s = next(s, { type: 'join', actor: system, at: 1, playerId: id, name }).state;
    s = next(s, { type: 'start', actor: host, at: 10 }).state;
    const qid = s.question!.questionId;
    const sealed = new SealedResults();
    const answer = (state: GameState, id: string, choice: number) => {
      const after = next(state, {
        type: 'answer',
        actor: as(id),
        at: 2000,
        questionId: qid,
        answer: { type: 'single', choice },
      }).state;
      return { after, box: { ...sealed.seal(state, after, id)!, answer: { type: 'single' as const, choice } } };
    };
    const a = answer(s, 'a', 0);
    const b = answer(a.after, 'b', 1);
    // Before the close: the view carries no key, and the phone learns nothing.
    const open = sharedView(b.after, null);
    expect(sealed.resultKey(b.after)).toBeUndefined();
    const before = revealFromView(youOf(b.after, 'a'), open, a.box);
    expect(before.sealed).toBe(a.box);
    expect(before.you.score).toBe(0);

    // Ada had a streak of 2 from earlier questions, Cy one of 1; Cy does not answer.
    const closed = next(b.after, { type: 'next', actor: host, at: 3000 });
    for (const e of closed.events) if (e.type === 'question-closed') sealed.noteScored(e.questionId);
    const state = closed.state;
    const key = sealed.resultKey(state)!;
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const reveal = { ...sharedView(state, null), question: { ...sharedView(state, null).question!, resultKey: key } };
    const ada = revealFromView(youOf(b.after, 'a'), reveal, a.box);
    const adaNow = playerOf(state, 'a')!;
    expect(ada.sealed).toBeNull();
    expect(ada.you).toMatchObject({ score: adaNow.score, streak: adaNow.streak, rank: rankOf(state, 'a') });
    expect(ada.you.answer?.correctness).toBe(1);
    expect(ada.you.changes[0]?.delta).toBe(adaNow.score);
    expect(sealed.told('a', adaNow.score, adaNow.streak)).toBe(true);
    // Bo's box does not open as Ada's, nor with another key.
    expect(
      revealFromView(
        youOf(b.after, 'a'),
        { ...reveal, question: { ...reveal.question, resultKey: '11'.repeat(32) } },
        a.box,
      ).you.score,
    ).toBe(0);
    const bo = revealFromView(youOf(b.after, 'b'), reveal, b.box);
    expect(bo.you).toMatchObject({ score: 0, streak: 0, rank: 2 });
    const cy = revealFromView({ ...youOf(b.after, 'c'), streak: 1 }, reveal, null);
    expect(cy.you).toMatchObject({ score: 0, streak: 0, rank: 2, playerCount: 3 });
  });
});

describe('a sealed result', () => {
  it('takes one block for a result, whole blocks for long numbers, and opens only from its own block', () => {
    let s = createGame(config('classroom'), 'seed');
    s = next(s, { type: 'join', actor: system, at: 1, playerId: 'a', name: 'Ada' }).state;
    s = next(s, { type: 'join', actor: system, at: 1, playerId: 'b', name: 'Bo' }).state;
    s = next(s, { type: 'start', actor: host, at: 10 }).state;
    const qid = s.question!.questionId;
    const sealed = new SealedResults();
    const answer = { type: 'single', choice: 0 } as const;
    const one = next(s, { type: 'answer', actor: as('a'), at: 2000, questionId: qid, answer }).state;
    const first = sealed.seal(s, one, 'a')!;
    // Bo's answer is the last: it closes the question.
    const last = next(one, { type: 'answer', actor: as('b'), at: 2500, questionId: qid, answer });
    const second = sealed.seal(one, last.state, 'b')!;
    expect(Buffer.from(first.box, 'base64')).toHaveLength(RESULT_BLOCK_BYTES);
    expect(second.block).toBe(1);
    for (const e of last.events) if (e.type === 'question-closed') sealed.noteScored(e.questionId);
    const key = sealed.resultKey(last.state)!;
    expect(openResult(first, key, answer)?.score).toBe(playerOf(last.state, 'a')!.score);
    expect(openResult(second, key, answer)?.score).toBe(playerOf(last.state, 'b')!.score);
    expect(openResult({ ...second, block: 0 }, key, answer)).toBeNull();
    // Numbers no game makes, but the format allows: whole blocks still.
    const rec = answerOf(last.state.question!, 'a')!;
    const long = resultPlaintext(1, { ...rec, at: Number.MAX_VALUE }, -Number.MAX_VALUE / 3, 2 ** 52);
    expect(long.length).toBe(2 * RESULT_BLOCK_BYTES);
    expect(JSON.parse(long)).toHaveLength(8);
  });
});
