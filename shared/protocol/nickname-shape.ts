// The shape of a nickname: length, forbidden and invisible characters. Light (no tables), so the join form on a
// phone checks it before sending; the server's full rules (look-alikes, abuse list) are in nickname.ts.
import { LIMITS } from './names.js';

export type NicknameShape = { ok: true; name: string } | { ok: false; code: 'name/invalid'; message: string };

// Control, surrogate, private-use and unassigned code points; format characters except the emoji joiner (U+200D).
const FORBIDDEN = /[\p{Cc}\p{Cs}\p{Co}\p{Cn}]|(?!\u200D)\p{Cf}/u;
/**
 * What does not make a name visible on its own: default-ignorable code points (U+200D, U+034F, U+FE0F, the Hangul
 * fillers U+3164, U+115F, U+1160, U+FFA0, ...), U+2800 (a blank braille cell), spaces, marks, controls, formats.
 */
const NOT_VISIBLE = /[\p{Default_Ignorable_Code_Point}\u2800\p{White_Space}\p{Z}\p{M}\p{C}]/gu;

/** Whether a name shows at least one character (not only spaces, marks, fillers or invisible characters). */
export function hasVisibleCharacter(name: string): boolean {
  return name.normalize('NFKC').replace(NOT_VISIBLE, '').length > 0;
}

/** Trims, NFC-normalises and checks a nickname's length and characters. */
export function nicknameShape(raw: string): NicknameShape {
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  const length = [...name].length;
  if (length < 1) return { ok: false, code: 'name/invalid', message: 'The nickname is empty.' };
  if (length > LIMITS.nicknameMax) {
    return { ok: false, code: 'name/invalid', message: `A nickname has at most ${LIMITS.nicknameMax} characters.` };
  }
  if (FORBIDDEN.test(name)) {
    return { ok: false, code: 'name/invalid', message: 'The nickname contains control or invisible characters.' };
  }
  if (!hasVisibleCharacter(name))
    return { ok: false, code: 'name/invalid', message: 'The nickname has no visible character.' };
  return { ok: true, name };
}
