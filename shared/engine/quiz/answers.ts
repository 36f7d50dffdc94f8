// A question's answers, bucketed by player so that recording one answer copies one small bucket and
// the bucket index, not a record of every player (2,000 players answer one question in O(sqrt N) each).
import { hashSeed } from '../rng.js';
import type { AnswerRecord, QuestionState } from '../types.js';

const BUCKETS = 64;

function bucketOf(playerId: string): string {
  return `b${hashSeed(playerId) % BUCKETS}`;
}

export function answerOf(qs: Pick<QuestionState, 'answers'>, playerId: string): AnswerRecord | undefined {
  return qs.answers[bucketOf(playerId)]?.[playerId];
}

export function allAnswers(qs: Pick<QuestionState, 'answers'>): Array<[string, AnswerRecord]> {
  const out: Array<[string, AnswerRecord]> = [];
  for (const bucket of Object.values(qs.answers)) for (const entry of Object.entries(bucket)) out.push(entry);
  return out;
}

/** The answers with one more, sharing every untouched bucket with the input. */
export function withAnswer(answers: QuestionState['answers'], playerId: string, record: AnswerRecord): QuestionState['answers'] {
  const key = bucketOf(playerId);
  return { ...answers, [key]: { ...answers[key], [playerId]: record } };
}
