// Each player's result of the open question, sealed into its answer's ack with a key made for that question; the
// reveal's shared view carries the key (issue 17: the close needs no private message per player, and no phone can
// read a result before the reveal). The format and the opening are shared/protocol/sealed.ts.
import { createCipheriv, randomBytes, type Cipher } from 'node:crypto';
import { answerOf, answerScore, playerOf, type GameState } from '../../shared/engine/index.js';
import {
  RESULT_BLOCK_BYTES,
  RESULT_KEY_BYTES,
  RESULT_NONCE,
  resultPlaintext,
  type SealedResult,
} from '../../shared/protocol/index.js';

/** What a player's sealed result told it: its sealed text (whole blocks), and the score and streak in it. */
interface Told {
  plain: string;
  score: number;
  streak: number;
}

export class SealedResults {
  private step = -1;
  private questionId = '';
  private key: Buffer | null = null;
  /** The question was scored: its key may be shown (a skipped question's never is). */
  private scored = false;
  /**
   * The result each player was sealed (a retried answer is sealed again from it, on blocks of its own): ~0.1 KB
   * per answer alive until the next question (what an answer keeps alive past two scavenges is what makes them
   * slow; docs/BENCHMARKS.md).
   */
  private readonly byPlayer = new Map<string, Told>();
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
    const { points, streak } = answerScore(rec, player.streak);
    const score = player.score + points;
    const told: Told = { plain: resultPlaintext(after.step, rec, score, streak), score, streak };
    this.byPlayer.set(playerId, told);
    return this.sealUp(key, told);
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

  /** The result encrypted from the next free block of the question's stream; the stream moves past its blocks. */
  private sealUp(key: Buffer, told: Told): SealedResult {
    // Node's chacha20 IV: a 4-byte little-endian block counter, then the 12-byte nonce.
    this.stream ??= createCipheriv('chacha20', key, Buffer.concat([Buffer.alloc(4), RESULT_NONCE]));
    // The text is whole blocks (resultPlaintext pads it), ASCII: one update, the next result on a block of its own.
    const box = this.stream.update(told.plain, 'latin1');
    const block = this.block;
    this.block += told.plain.length / RESULT_BLOCK_BYTES;
    return { step: this.step, questionId: this.questionId, block, box: box.toString('base64') };
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
