// Quiz scoring: correctness (with partial credit), speed and streaks. The formula is documented in the README.
import type { Answer, Question, ScoringOptions } from '../types.js';
import { scoredElapsedMs } from './reading.js';

export const DEFAULT_SCORING: ScoringOptions = {
  speedPoints: true,
  streakBonus: true,
  pointsMultiplier: 1,
  partialCredit: true,
};

/** Base points of a question (Kahoot-like scale; GUESS, a game-design choice, not a measurement). */
export const BASE_POINTS = 1000;
/** A correct answer given at the very last moment still earns this share of the base (speed points on). */
export const SLOWEST_SHARE = 0.5;
export const STREAK_STEP = 100;
export const STREAK_MAX_STEPS = 5;

/** Is the answer well formed for this question (type and index ranges)? `perm` maps presented -> original. */
// Module-level, not closures inside answerIsWellFormed: it runs on every answer, and a closure made per call
// costs an allocation (and under tsx, a keepNames __name call) each time.
const isIndex = (i: number, n: number) => Number.isInteger(i) && i >= 0 && i < n;
const isPermutation = (xs: readonly number[], n: number) =>
  xs.length === n && xs.every((x) => isIndex(x, n)) && new Set(xs).size === n;

export function answerIsWellFormed(question: Question, answer: Answer, perm: readonly number[]): boolean {
  if (question.type !== answer.type) return false;
  switch (answer.type) {
    case 'single':
      return question.type === 'single' && isIndex(answer.choice, question.options.length);
    case 'multi':
      return (
        question.type === 'multi' &&
        answer.choices.length > 0 &&
        answer.choices.every((c) => isIndex(c, question.options.length)) &&
        new Set(answer.choices).size === answer.choices.length
      );
    case 'truefalse':
      return typeof answer.value === 'boolean';
    case 'ordering':
      return isPermutation(answer.order, perm.length);
    case 'matching':
      return isPermutation(answer.pairs, perm.length);
    case 'numeric':
      return Number.isFinite(answer.value);
  }
}

/**
 * Correctness in [0, 1]. Partial credit: multi = (right picks - wrong picks) / correct count, floored at 0;
 * ordering = share of items in their correct position; matching = share of correct pairs.
 */
export function correctness(question: Question, answer: Answer, perm: readonly number[]): number {
  switch (question.type) {
    case 'single':
      return answer.type === 'single' && answer.choice === question.correct ? 1 : 0;
    case 'truefalse':
      return answer.type === 'truefalse' && answer.value === question.correct ? 1 : 0;
    case 'numeric':
      return answer.type === 'numeric' && Math.abs(answer.value - question.correct) <= question.tolerance + 1e-9
        ? 1
        : 0;
    case 'multi': {
      if (answer.type !== 'multi') return 0;
      const correct = new Set(question.correct);
      let hits = 0;
      let misses = 0;
      for (const c of answer.choices) {
        if (correct.has(c)) hits++;
        else misses++;
      }
      return Math.max(0, (hits - misses) / correct.size);
    }
    case 'ordering': {
      if (answer.type !== 'ordering') return 0;
      // answer.order[k] is the presented index placed k-th; perm maps it to the item's true position.
      let right = 0;
      answer.order.forEach((presented, k) => {
        if (perm[presented] === k) right++;
      });
      return right / question.items.length;
    }
    case 'matching': {
      if (answer.type !== 'matching') return 0;
      // answer.pairs[i] is the presented right-hand index chosen for left[i].
      let right = 0;
      answer.pairs.forEach((presented, i) => {
        if (perm[presented] === question.pairs[i]) right++;
      });
      return right / question.left.length;
    }
  }
}

export interface QuizPoints {
  correctness: number;
  points: number;
  streakBonus: number;
}

/** A question's own points weight (pack field `points`): standard when absent. */
export function questionWeight(question: Question): number {
  return question.points ?? 1;
}

/**
 * points = round(BASE x multiplier x correctness x speed), speed = 1 - (1 - SLOWEST_SHARE) x elapsed / limit
 * (1 when speed points are off); a fully correct answer after `streak` fully correct ones in a row adds
 * STREAK_STEP x min(streak, STREAK_MAX_STEPS) x multiplier. `elapsed` is the response time as speed points count
 * it (reading.ts scoredElapsedMs): an answer before the question's reading floor `floorMs` (and its reaction band)
 * counts as given at the floor. multiplier = the game's option x the question's own `weight` (questionWeight): a
 * weight of 0 scores nothing, like the game-wide 0, but the answer is still right or wrong.
 */
export function quizPoints(
  rawCorrectness: number,
  elapsedMs: number,
  limitMs: number,
  streakBefore: number,
  options: ScoringOptions,
  floorMs = 0,
  weight = 1,
): QuizPoints {
  const multiplier = options.pointsMultiplier * weight;
  const c = options.partialCredit ? rawCorrectness : rawCorrectness >= 1 ? 1 : 0;
  const t = Math.min(1, Math.max(0, scoredElapsedMs(elapsedMs, floorMs, limitMs) / Math.max(1, limitMs)));
  const speed = options.speedPoints ? 1 - (1 - SLOWEST_SHARE) * t : 1;
  const points = Math.round(BASE_POINTS * multiplier * c * speed);
  const streakBonus =
    options.streakBonus && c >= 1 ? STREAK_STEP * Math.min(streakBefore, STREAK_MAX_STEPS) * multiplier : 0;
  return { correctness: c, points, streakBonus };
}
