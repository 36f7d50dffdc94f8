// A player's own result of a question, sealed into its answer's ack and opened on its phone when the reveal
// broadcast carries the question's key (issue 17). The one reveal then tells every phone its result with no private
// message per player at the close, and no phone reads a result early: the key stays on the server until the
// question is scored, and each sealed result goes only to the player it belongs to, so a key opens nobody else's.
//
// ChaCha20 (RFC 8439) with a fresh random key per question and a zero nonce: the server encrypts every result of a
// question as one stream (server/rooms/sealed-results.ts, node:crypto), each result starting on its own 64-byte
// block, so no two results share keystream; `block` says where a result starts. A cipher set up per answer (an
// AEAD: 11 us, measured) cost more than the engine's whole answer; one stream's update costs under a microsecond.
// No tag: only the server writes to a player's socket, and a wrong key or block gives no valid result (it fails to
// parse, or names another question). Phones open with @noble/ciphers (plain-HTTP classroom pages have no WebCrypto).
import { chacha20 } from '@noble/ciphers/chacha.js';
import { bytesToUtf8, hexToBytes } from '@noble/ciphers/utils.js';
import type { Answer, AnswerRecord } from '../engine/types.js';

/** ChaCha20's key size and block size, in bytes; the nonce is all zeros (the key is used for one question only). */
export const RESULT_KEY_BYTES = 32;
export const RESULT_BLOCK_BYTES = 64;
export const RESULT_NONCE = new Uint8Array(12);

/**
 * What the player learns at the reveal: its answer's record and the score and streak it leaves it with. The score
 * change's why is not sealed: the phone makes it from the record and the revealed question with the engine's own
 * rule (`answerOutcome`), as the close did. Nor is the answer itself: the phone sent it (`openResult` puts it back).
 */
export interface QuestionResult {
  step: number;
  questionId: string;
  answer: AnswerRecord;
  score: number;
  streak: number;
}

/** A QuestionResult sealed with its question's key: the block of the question's stream it starts at, base64. */
export interface SealedResult {
  step: number;
  questionId: string;
  block: number;
  box: string;
}

/** A sealed result as its phone holds it until the reveal: with the answer it sent (which the box leaves out). */
export interface HeldResult extends SealedResult {
  answer: Answer;
}

/**
 * A result's sealed text: only the numbers, `[step, correctness, points, streakBonus, elapsedMs, at, score,
 * streak]`, padded with spaces (JSON allows them) to whole 64-byte blocks, one block for any everyday result.
 * Every byte of an ack is paid for 4,100 times a question: the result's full JSON took three blocks, sent as hex,
 * and made each answer's ack 2.5x the size (docs/BENCHMARKS.md, "A result in one block").
 */
export function resultPlaintext(step: number, rec: AnswerRecord, score: number, streak: number): string {
  const text = JSON.stringify([
    step,
    rec.correctness,
    rec.points,
    rec.streakBonus,
    rec.elapsedMs,
    rec.at,
    score,
    streak,
  ]);
  return text.padEnd(Math.ceil(text.length / RESULT_BLOCK_BYTES) * RESULT_BLOCK_BYTES, ' ');
}

/**
 * Opens a sealed result with the key of its question's reveal (hex), given the answer the phone sent; null when it
 * does not open (another key or block: the bytes are no such list of numbers, or name another step).
 */
export function openResult(sealed: SealedResult, keyHex: string, answer: Answer): QuestionResult | null {
  try {
    const box = Uint8Array.from(atob(sealed.box), (c) => c.charCodeAt(0));
    const plain = chacha20(hexToBytes(keyHex), RESULT_NONCE, box, undefined, sealed.block);
    const v: unknown = JSON.parse(bytesToUtf8(plain));
    if (!Array.isArray(v) || v.length !== 8 || !v.every((n) => Number.isFinite(n)) || v[0] !== sealed.step) return null;
    const [step, correctness, points, streakBonus, elapsedMs, at, score, streak] = v as number[];
    return {
      step: step!,
      questionId: sealed.questionId,
      answer: {
        answer,
        at: at!,
        elapsedMs: elapsedMs!,
        correctness: correctness!,
        points: points!,
        streakBonus: streakBonus!,
      },
      score: score!,
      streak: streak!,
    };
  } catch {
    return null;
  }
}
