// A player's own result of a question, sealed into its answer's ack and opened on its phone when the reveal
// broadcast carries the question's key (issue 17). The one reveal then tells every phone its result with no private
// message per player at the close, and no phone reads a result early: the key stays on the server until the
// question is scored, and each sealed result goes only to the player it belongs to, so a key opens nobody else's.
//
// ChaCha20-Poly1305 (RFC 8439): the server seals with node:crypto (server/rooms/sealed-results.ts), phones open
// with @noble/ciphers (pages served over plain HTTP on a classroom network have no WebCrypto). The additional data
// binds a result to its step and question, so a result cannot be passed off as another question's.
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';
import { bytesToUtf8, hexToBytes, utf8ToBytes } from '@noble/ciphers/utils.js';
import type { AnswerRecord, ScoreChange } from '../engine/types.js';

/** Key and nonce sizes of ChaCha20-Poly1305, in bytes. */
export const RESULT_KEY_BYTES = 32;
export const RESULT_NONCE_BYTES = 12;

/** What the player will learn at the reveal: its answer's record and the score and streak it leaves it with. */
export interface QuestionResult {
  step: number;
  questionId: string;
  answer: AnswerRecord;
  score: number;
  streak: number;
  /** The score change the close makes, with its why (none when the answer scored nothing). */
  changes: ScoreChange[];
}

/** A QuestionResult sealed with its question's key: hex nonce and ciphertext (with its 16-byte tag). */
export interface SealedResult {
  step: number;
  questionId: string;
  nonce: string;
  box: string;
}

/** The additional data a sealed result is bound to (its step and question). */
export const sealedResultLabel = (step: number, questionId: string): Uint8Array =>
  utf8ToBytes(`hostrush-result:${step}:${questionId}`);

/** Opens a sealed result with the key of its question's reveal (hex); null when it does not open (another key). */
export function openResult(sealed: SealedResult, keyHex: string): QuestionResult | null {
  try {
    const cipher = chacha20poly1305(
      hexToBytes(keyHex),
      hexToBytes(sealed.nonce),
      sealedResultLabel(sealed.step, sealed.questionId),
    );
    const result = JSON.parse(bytesToUtf8(cipher.decrypt(hexToBytes(sealed.box)))) as QuestionResult;
    return result.step === sealed.step && result.questionId === sealed.questionId ? result : null;
  } catch {
    return null;
  }
}
