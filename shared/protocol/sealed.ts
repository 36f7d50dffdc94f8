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
import type { AnswerRecord } from '../engine/types.js';

/** ChaCha20's key size and block size, in bytes; the nonce is all zeros (the key is used for one question only). */
export const RESULT_KEY_BYTES = 32;
export const RESULT_BLOCK_BYTES = 64;
export const RESULT_NONCE = new Uint8Array(12);

/**
 * What the player will learn at the reveal: its answer's record and the score and streak it leaves it with. The
 * score change's why is not in it: the phone makes it from the record and the revealed question with the engine's
 * own rule (`answerOutcome`), as the close did, so each answer's ack carries a third of the bytes.
 */
export interface QuestionResult {
  step: number;
  questionId: string;
  answer: AnswerRecord;
  score: number;
  streak: number;
}

/** A QuestionResult sealed with its question's key: the block of the question's stream it starts at, hex. */
export interface SealedResult {
  step: number;
  questionId: string;
  block: number;
  box: string;
}

/** Opens a sealed result with the key of its question's reveal (hex); null when it does not open (another key). */
export function openResult(sealed: SealedResult, keyHex: string): QuestionResult | null {
  try {
    const plain = chacha20(hexToBytes(keyHex), RESULT_NONCE, hexToBytes(sealed.box), undefined, sealed.block);
    const result = JSON.parse(bytesToUtf8(plain)) as QuestionResult;
    return result.step === sealed.step && result.questionId === sealed.questionId ? result : null;
  } catch {
    return null;
  }
}
