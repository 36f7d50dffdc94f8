// Each player's result of the open question, sealed into its answer's ack with a key made for that question; the
// reveal's shared view carries the key (issue 17: the close needs no private message per player, and no phone can
// read a result before the reveal). The format and the opening are shared/protocol/sealed.ts.
import { createCipheriv, randomBytes } from 'node:crypto';
import { answerOf, answerOutcome, playerOf, questionById, type GameState } from '../../shared/engine/index.js';
import {
  RESULT_KEY_BYTES,
  RESULT_NONCE_BYTES,
  sealedResultLabel,
  type QuestionResult,
  type SealedResult,
} from '../../shared/protocol/index.js';

/** A sealed result, and the score and streak it told its player. */
interface Told {
  sealed: SealedResult;
  score: number;
  streak: number;
}

export class SealedResults {
  private step = -1;
  private questionId = '';
  private key: Buffer | null = null;
  /** The question was scored: its key may be shown (a skipped question's never is). */
  private scored = false;
  private readonly byPlayer = new Map<string, Told>();

  /**
   * Seals a player's result of the answer it just gave: `before` is the state before the answer (the answer may
   * have closed the question and applied the result already), `after` the state with it. Undefined if there is
   * no such answer. A retry gets the same sealed result.
   */
  seal(before: GameState, after: GameState, playerId: string): SealedResult | undefined {
    const qs = after.question;
    const rec = qs ? answerOf(qs, playerId) : undefined;
    const player = playerOf(before, playerId);
    const question = qs ? questionById({ s: after }, qs.questionId) : undefined;
    if (!qs || !rec || !player || !question) return undefined;
    const key = this.keyFor(after.step, qs.questionId);
    const earlier = this.byPlayer.get(playerId);
    if (earlier) return earlier.sealed;
    const outcome = answerOutcome(question, rec, player.streak);
    const result: QuestionResult = {
      step: after.step,
      questionId: qs.questionId,
      answer: rec,
      score: player.score + outcome.points,
      streak: outcome.streak,
      changes: outcome.why ? [{ playerId, delta: outcome.points, why: [outcome.why] }] : [],
    };
    const sealed = sealUp(key, result);
    this.byPlayer.set(playerId, { sealed, score: result.score, streak: result.streak });
    return sealed;
  }

  /** The sealed result already given to this player for the state's question (a retried answer), if any. */
  again(state: GameState, playerId: string): SealedResult | undefined {
    const qs = state.question;
    if (!qs || qs.questionId !== this.questionId || state.step !== this.step) return undefined;
    return this.byPlayer.get(playerId)?.sealed;
  }

  /** The close scored the question: from now on its key is shown. */
  noteScored(questionId: string): void {
    if (questionId === this.questionId) this.scored = true;
  }

  /** Whether the player's sealed result of this question told it the score and streak it now has. */
  told(playerId: string, score: number, streak: number): boolean {
    const told = this.byPlayer.get(playerId);
    return told !== undefined && told.score === score && told.streak === streak;
  }

  /** The key of the state's question, hex, once it closed and was scored; undefined before (or if not sealed here). */
  resultKey(state: GameState): string | undefined {
    const qs = state.question;
    if (!this.key || !this.scored || !qs?.closed || qs.questionId !== this.questionId || state.step !== this.step)
      return undefined;
    return this.key.toString('hex');
  }

  /** A new question (step and id) gets a new key; the last one's sealed results are dropped. */
  private keyFor(step: number, questionId: string): Buffer {
    if (this.key && step === this.step && questionId === this.questionId) return this.key;
    this.step = step;
    this.questionId = questionId;
    this.key = randomBytes(RESULT_KEY_BYTES);
    this.scored = false;
    this.byPlayer.clear();
    return this.key;
  }
}

function sealUp(key: Buffer, result: QuestionResult): SealedResult {
  const nonce = randomBytes(RESULT_NONCE_BYTES);
  const plain = Buffer.from(JSON.stringify(result));
  const cipher = createCipheriv('chacha20-poly1305', key, nonce, { authTagLength: 16 });
  cipher.setAAD(sealedResultLabel(result.step, result.questionId), { plaintextLength: plain.length });
  const box = Buffer.concat([cipher.update(plain), cipher.final(), cipher.getAuthTag()]);
  return { step: result.step, questionId: result.questionId, nonce: nonce.toString('hex'), box: box.toString('hex') };
}
