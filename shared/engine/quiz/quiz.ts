// Quiz steps: open a question, take answers, close it and award points.
import { reject, type Draft } from '../draft.js';
import { EMPTY_TABLE } from '../table.js';
import { activePlayerCount, activePlayerIds, questionCloseAt } from '../steps.js';
import { answerOf, withAnswer } from './answers.js';
import type { Answer, AnswerRecord, Question, Why } from '../types.js';
import { answerIsWellFormed, correctness, questionWeight, quizPoints } from './scoring.js';
import { readingFloorMs } from './reading.js';

/**
 * The question with every field of every question type, always in this order (a field its type has not: undefined).
 * The engine reads questions through this copy, so its hot paths (an answer's checks and scoring, 4,100 times a
 * question; the close's loop) see one hidden class for all of them: the pack's literals have one per type and per
 * set of optional fields, and each new one deoptimized those paths and cost the JIT a recompile of ~20-40 ms at
 * 4,100 players, several times in a game's first questions (docs/BENCHMARKS.md, "The JIT never stopped compiling").
 */
function uniformQuestion(q: Question): Question {
  const f = q as unknown as Record<string, unknown>;
  return {
    id: q.id,
    type: q.type,
    topic: q.topic,
    prompt: q.prompt,
    explanation: q.explanation,
    timeLimitS: q.timeLimitS,
    note: q.note,
    points: q.points,
    options: f.options,
    correct: f.correct,
    items: f.items,
    left: f.left,
    right: f.right,
    pairs: f.pairs,
    tolerance: f.tolerance,
    unit: f.unit,
  } as Question;
}

const questionIndexCache = new WeakMap<object, Record<string, Question>>();
export function questionById(
  d: { s: { config: { content: { questions: Question[] } } } },
  id: string,
): Question | undefined {
  const content = d.s.config.content;
  let index = questionIndexCache.get(content);
  if (!index) {
    // No prototype: an id such as '__proto__' or 'toString' finds nothing, never Object.prototype's members.
    index = Object.assign(
      Object.create(null) as Record<string, Question>,
      Object.fromEntries(content.questions.map((q) => [q.id, uniformQuestion(q)])),
    );
    questionIndexCache.set(content, index);
  }
  return index[id];
}

export function openQuestion(d: Draft, questionId: string, at: number): void {
  const q = questionById(d, questionId);
  if (!q) reject('question/unknown', `The pack has no question '${questionId}'.`);
  const n = q.type === 'ordering' ? q.items.length : q.type === 'matching' ? q.right.length : 0;
  let perm = d.rng.permutation(n);
  // An ordering shown already in order would give the answer away: rotate it.
  if (n > 1 && perm.every((x, i) => x === i)) perm = perm.map((_, i) => (i + 1) % n);
  const limitMs = (d.s.config.questionTimeS ?? q.timeLimitS) * 1000;
  d.setQuestion({
    questionId,
    openedAt: at,
    limitMs,
    perm,
    answers: EMPTY_TABLE,
    answerCount: 0,
    closed: false,
    pausedAt: null,
  });
  d.s.phase = 'question';
  d.emit({ type: 'question-opened', questionId, openedAt: at, limitMs });
}

export function answerQuestion(
  d: Draft,
  playerId: string,
  questionId: string,
  answer: Answer,
  at: number,
  elapsedMs?: number,
): void {
  const qs = d.s.question;
  if (d.s.phase !== 'question' || !qs) reject('action/wrong-phase', 'No question is open.');
  if (qs.questionId !== questionId) reject('question/closed', `Question '${questionId}' is not the open question.`);
  if (qs.closed) reject('question/closed', 'This question has closed.');
  const player = d.player(playerId)!;
  if (player.joinedAtStep > d.s.step)
    reject('action/wrong-phase', 'You joined during this question; you start with the next one.');
  if (answerOf(qs, playerId)) reject('answer/duplicate', 'You have already answered this question.');
  const deadline = qs.openedAt + qs.limitMs * player.timeFactor;
  if (at > deadline) reject('answer/late', `The answer came ${at - deadline} ms after the deadline.`);
  const q = questionById(d, questionId)!;
  if (!answerIsWellFormed(q, answer, qs.perm))
    reject('answer/malformed', `That is not a valid answer to a '${q.type}' question.`);

  // Response time measured by the authority; a fair-timing authority may pass its own measure, kept within bounds.
  // A solo player's own pauses count (QuestionState.pausedMs): the question was shown before any of them.
  const measured = at - qs.openedAt + (qs.pausedMs ?? 0);
  // A bot may answer before the time it drew (solo: the person has answered, see bots.ts); it is scored at that time.
  const ceiling = player.bot !== null && elapsedMs !== undefined ? Infinity : measured;
  const elapsed = Math.max(0, Math.min(elapsedMs ?? measured, ceiling, qs.limitMs * player.timeFactor));
  const raw = correctness(q, answer, qs.perm);
  // Speed points are a reader's: an answer before the question could be read scores as at its reading floor, for
  // everyone (reading.ts; issue 13: a script that knows the answers earns no more than a fast reader who does).
  const floor = readingFloorMs(q, qs.limitMs);
  const { scoring } = d.s.config;
  const scored = quizPoints(
    raw,
    elapsed / player.timeFactor,
    qs.limitMs,
    player.streak,
    scoring,
    floor,
    questionWeight(q),
  );
  const q2 = d.question();
  q2.answers = withAnswer(q2.answers, playerId, { answer, at, elapsedMs: elapsed, ...scored });
  q2.answerCount++;
  d.emit({ type: 'answer-accepted', playerId, questionId });

  // Everyone who can answer has answered: close now.
  if (q2.answerCount >= activePlayerCount(d.s)) closeQuestion(d);
}

export function closeQuestion(d: Draft, award = true): void {
  const qs = d.question();
  if (qs.closed) return;
  qs.closed = true;
  const q = questionById(d, qs.questionId)!;
  // A dictionary from the start (keyed by player id, thousands of keys): a `{}` turned into one part-way through the
  // loop, at every close, and the optimized close deoptimized there each time (docs/BENCHMARKS.md).
  const results = Object.create(null) as Record<string, { correctness: number; points: number }>;
  const whys = whyMemo(q);
  for (const id of activePlayerIds(d.s)) {
    const player = d.player(id)!;
    const rec = answerOf(qs, id);
    if (!award) continue;
    if (!rec) {
      if (player.streak !== 0) d.updatePlayer(id, { streak: 0 });
      results[id] = { correctness: 0, points: 0 };
      continue;
    }
    const { points, streak } = answerScore(rec, player.streak);
    results[id] = { correctness: rec.correctness, points };
    d.updatePlayer(id, { streak });
    if (points > 0) d.addScore(id, points, whys(rec));
  }
  d.s.phase = 'reveal';
  d.emit({ type: 'question-closed', questionId: qs.questionId, results });
}

/**
 * What closing its question does to one answerer (the points with its streak bonus, its new streak, the why of its
 * score change; null when it scored nothing): the close applies it, and the server seals it into the answer's ack
 * (server/rooms/sealed-results.ts), so both say the same. Known at the answer: points are timed then.
 */
export function answerOutcome(
  q: Question,
  rec: AnswerRecord,
  streakBefore: number,
): { points: number; streak: number; why: Why | null } {
  const { points, streak } = answerScore(rec, streakBefore);
  return { points, streak, why: points > 0 ? quizWhy(q, rec.correctness, rec.points, rec.streakBonus) : null };
}

/**
 * The why of each score change of one close (`answerOutcome`'s), made once per different result and shared by every
 * player who got that result: a close at 4,100 players made 4,100 whys of two texts each, and the game's record keeps
 * every score change, so each was kept to the end of the game. Shared arrays: nobody changes a why once made.
 */
function whyMemo(q: Question): (rec: AnswerRecord) => Why[] {
  const made = new Map<number, Why[]>();
  return (rec) => {
    // What the text shows: right (1000), or partly right in whole percent; points and streak bonus, small integers.
    const shown = rec.correctness >= 1 ? 1000 : Math.round(rec.correctness * 100);
    const key = (shown * 0x10000 + rec.points) * 0x10000 + rec.streakBonus;
    const cacheable = small(rec.points) && small(rec.streakBonus);
    let why = cacheable ? made.get(key) : undefined;
    if (why) return why;
    why = [quizWhy(q, rec.correctness, rec.points, rec.streakBonus)];
    if (cacheable) made.set(key, why);
    return why;
  };
}

const small = (n: number) => Number.isInteger(n) && n >= 0 && n < 0x10000;

/** `answerOutcome` without the why: what the server seals on each answer's hot path (the phone makes the why). */
export function answerScore(rec: AnswerRecord, streakBefore: number): { points: number; streak: number } {
  return { points: rec.points + rec.streakBonus, streak: rec.correctness >= 1 ? streakBefore + 1 : 0 };
}

function quizWhy(q: Question, c: number, points: number, streak: number): Why {
  const streakKo = streak > 0 ? `, 연속 정답 보너스 +${streak}` : '';
  const streakEn = streak > 0 ? `, streak bonus +${streak}` : '';
  return c >= 1
    ? { topic: q.topic, ko: `정답: +${points}점${streakKo}.`, en: `Correct: +${points} points${streakEn}.` }
    : {
        topic: q.topic,
        ko: `부분 정답 ${Math.round(c * 100)}%: +${points}점.`,
        en: `Partly right (${Math.round(c * 100)}%): +${points} points.`,
      };
}

/** True when the open question's time is up for everyone (the authority's tick closes it). */
export function questionTimeUp(d: Draft, at: number): boolean {
  const closeAt = questionCloseAt(d.s);
  return closeAt !== null && at >= closeAt;
}
