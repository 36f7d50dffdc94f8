// Each player's result of the open question, sealed into its answer's ack with a key made for that question; the
// reveal's shared view carries the key (issue 17: the close needs no private message per player, and no phone can
// read a result before the reveal). The format and the opening are shared/protocol/sealed.ts.
import { createCipheriv, randomBytes, type Cipher } from 'node:crypto';
import { answerOf, answerScore, playerOf, type GameState } from '../../shared/engine/index.js';
import {
  RESULT_BLOCK_BYTES,
  RESULT_KEY_BYTES,
  RESULT_NONCE,
  type QuestionResult,
  type SealedResult,
} from '../../shared/protocol/index.js';

/** Keystream skipped to start the next result on a block of its own. */
const PADDING = Buffer.alloc(RESULT_BLOCK_BYTES);

export class SealedResults {
  private step = -1;
  private questionId = '';
  private key: Buffer | null = null;
  /** The question was scored: its key may be shown (a skipped question's never is). */
  private scored = false;
  /**
   * The result each player was sealed (a retried answer is sealed again from it, on blocks of its own): the result,
   * not its sealed text, so each answer keeps ~0.3 KB alive until the next question rather than ~1.5 KB (what an
   * answer keeps alive past two scavenges is what makes them slow; docs/BENCHMARKS.md).
   */
  private readonly byPlayer = new Map<string, QuestionResult>();
  /** The question's stream (ChaCha20 from block 0) and the block its next result starts at. */
  private stream: Cipher | null = null;
  private block = 0;

  /**
   * Seals a player's result of the answer it just gave: `before` is the state before the answer (the answer may
   * have closed the question and applied the result already), `after` the state with it. Undefined if there is
   * no such answer. A retry gets the same result, sealed again.
   */
  seal(before: GameState, after: GameState, playerId: string): SealedResult | undefined {
    const qs = after.question;
    const rec = qs ? answerOf(qs, playerId) : undefined;
    const player = playerOf(before, playerId);
    if (!qs || !rec || !player) return undefined;
    const key = this.keyFor(after.step, qs.questionId);
    const earlier = this.byPlayer.get(playerId);
    if (earlier) return this.sealUp(key, earlier);
    const outcome = answerScore(rec, player.streak);
    const result: QuestionResult = {
      step: after.step,
      questionId: qs.questionId,
      answer: rec,
      score: player.score + outcome.points,
      streak: outcome.streak,
    };
    this.byPlayer.set(playerId, result);
    return this.sealUp(key, result);
  }

  /** The result already sealed for this player for the state's question, sealed again (a retried answer). */
  again(state: GameState, playerId: string): SealedResult | undefined {
    const qs = state.question;
    const earlier = this.byPlayer.get(playerId);
    if (!qs || !this.key || !earlier || qs.questionId !== this.questionId || state.step !== this.step) return undefined;
    return this.sealUp(this.key, earlier);
  }

  /** The close scored the question: from now on its key is shown. */
  noteScored(questionId: string): void {
    if (questionId === this.questionId) this.scored = true;
  }

  /** Whether this question's result was sealed for the player. */
  sealedFor(playerId: string): boolean {
    return this.byPlayer.has(playerId);
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

  /** The result encrypted from the next free block of the question's stream; the stream moves past its last block. */
  private sealUp(key: Buffer, result: QuestionResult): SealedResult {
    // Node's chacha20 IV: a 4-byte little-endian block counter, then the 12-byte nonce.
    this.stream ??= createCipheriv('chacha20', key, Buffer.concat([Buffer.alloc(4), RESULT_NONCE]));
    const plain = Buffer.from(JSON.stringify(result));
    const box = this.stream.update(plain);
    const block = this.block;
    const tail = plain.length % RESULT_BLOCK_BYTES;
    if (tail > 0) this.stream.update(PADDING.subarray(0, RESULT_BLOCK_BYTES - tail));
    this.block += Math.ceil(plain.length / RESULT_BLOCK_BYTES);
    return { step: result.step, questionId: result.questionId, block, box: box.toString('hex') };
  }

  /** A new question (step and id) gets a new key; the last one's sealed results are dropped. */
  private keyFor(step: number, questionId: string): Buffer {
    if (this.key && step === this.step && questionId === this.questionId) return this.key;
    this.step = step;
    this.questionId = questionId;
    this.key = randomBytes(RESULT_KEY_BYTES);
    this.scored = false;
    this.stream = null;
    this.block = 0;
    this.byPlayer.clear();
    return this.key;
  }
}
