// What a phone learns of itself from a shared view, with no private message (issue 17): its result of the question
// just revealed (the sealed result of its answer's ack, opened with the key the reveal carries), the streak it
// loses when it did not answer, and its rank counted on the ladder of the views that show results.
import { rankOnLadder } from '../../../shared/engine/ladder.js';
import { answerOutcome } from '../../../shared/engine/quiz/quiz.js';
import type { GameView } from '../../../shared/engine/types.js';
import { openResult, type HeldResult } from '../../../shared/protocol/sealed.js';
import type { YouMessage } from '../../../shared/protocol/types.js';

export interface Revealed {
  you: YouMessage;
  /** The sealed result still waiting for its key (null once opened, or when it belongs to a question gone by). */
  sealed: HeldResult | null;
}

/** The player's own state after a view: the same objects when the view tells it nothing new. */
export function revealFromView(you: YouMessage, view: GameView, sealed: HeldResult | null): Revealed {
  let next = you;
  let waiting = sealed;
  const q = view.question;
  const questionId = q?.question.id ?? null;
  // A sealed result of an earlier step will never be opened.
  if (waiting && waiting.step < view.step) waiting = null;
  if (q?.closed && q.resultKey && questionId !== null) {
    const mine = waiting && waiting.step === view.step && waiting.questionId === questionId ? waiting : null;
    const result = mine ? openResult(mine, q.resultKey, mine.answer) : null;
    if (result) {
      // The score change and its why, by the engine's rule, as the server's close made them.
      const outcome = q.solution ? answerOutcome(q.solution, result.answer, 0) : null;
      next = {
        ...next,
        score: result.score,
        streak: result.streak,
        questionId: result.questionId,
        answer: result.answer,
        changes: outcome?.why ? [{ playerId: next.playerId, delta: outcome.points, why: [outcome.why] }] : [],
      };
      waiting = null;
    } else if (!mine && !(next.answer && next.questionId === questionId) && next.startsAtStep <= view.step) {
      // It did not answer (nothing sealed, no answer on record): its streak ends, as the server's does.
      if (next.streak !== 0) next = { ...next, streak: 0 };
    }
  }
  if (view.ladder && !next.removed) {
    const rank = rankOnLadder(view.ladder, next.score);
    if (rank !== next.rank || view.playerCount !== next.playerCount)
      next = { ...next, rank, playerCount: view.playerCount };
  }
  return { you: next, sealed: waiting };
}
