// A question's answers, by player, in a bucketed table (see ../table.ts): recording one answer copies one short
// bucket and the bucket index, not a record of every player.
import { entriesOf, getIn, withIn } from '../table.js';
import type { AnswerRecord, QuestionState } from '../types.js';

export function answerOf(qs: Pick<QuestionState, 'answers'>, playerId: string): AnswerRecord | undefined {
  return getIn(qs.answers, playerId);
}

export function allAnswers(qs: Pick<QuestionState, 'answers'>): Array<readonly [string, AnswerRecord]> {
  return entriesOf(qs.answers);
}

/** The answers with one more, sharing every untouched bucket with the input. */
export function withAnswer(
  answers: QuestionState['answers'],
  playerId: string,
  record: AnswerRecord,
): QuestionState['answers'] {
  return withIn(answers, playerId, record);
}
