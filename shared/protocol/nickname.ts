// Nickname rules, the same on both sides: the client checks before sending, the server decides.
import { LIMITS } from './names.js';

export type NicknameResult =
  | { ok: true; name: string; key: string }
  | { ok: false; code: 'name/invalid' | 'name/abusive'; message: string };

// Control, surrogate, private-use and unassigned code points; format characters except the emoji joiner (U+200D).
const FORBIDDEN = /[\p{Cc}\p{Cs}\p{Co}\p{Cn}]|(?!\u200D)\p{Cf}/u;

// A short list: words that are abusive wherever they appear in a name. Kept small on purpose (the host can remove
// anything else); matched after case-folding, leetspeak folding and removal of separators.
const ABUSIVE = [
  'fuck', 'shit', 'bitch', 'cunt', 'nigger', 'nigga', 'faggot', 'whore', 'slut', 'retard', 'asshole', 'dickhead',
  'motherfucker', 'wanker', 'penis', 'vagina', 'porn', 'rape', 'hitler', 'nazi',
  '씨발', '시발', '씨바', '병신', '개새끼', '새끼', '좆', '지랄', '미친놈', '미친년', '썅', '니미', '느금마', '애미',
  'ㅅㅂ', 'ㅂㅅ', 'ㅄ', 'ㅈㄹ', '걸레', '창녀',
];
const LEET: Record<string, string> = { '0': 'o', '1': 'i', '!': 'i', '3': 'e', '4': 'a', '@': 'a', '5': 's', '$': 's', '7': 't' };

/** The comparison key: two names with the same key are duplicates in a room. */
export function nicknameKey(name: string): string {
  return name.normalize('NFKC').replace(/\u200D/g, '').toLocaleLowerCase('en-US').replace(/\s+/g, ' ');
}

function folded(name: string): string {
  let out = '';
  for (const ch of nicknameKey(name)) out += LEET[ch] ?? ch;
  return out.replace(/[^\p{L}\p{N}]/gu, '');
}

// Folded the same way as names (NFKC turns compatibility jamo like ㅅ into conjoining jamo).
const ABUSIVE_FOLDED = ABUSIVE.map(folded);

export function isAbusive(name: string): boolean {
  const f = folded(name);
  return ABUSIVE_FOLDED.some((word) => f.includes(word));
}

/** Trims, NFC-normalises and checks a nickname. */
export function normalizeNickname(raw: string): NicknameResult {
  const name = raw.normalize('NFC').trim().replace(/\s+/g, ' ');
  const length = [...name].length;
  if (length < 1) return { ok: false, code: 'name/invalid', message: 'The nickname is empty.' };
  if (length > LIMITS.nicknameMax) {
    return { ok: false, code: 'name/invalid', message: `A nickname has at most ${LIMITS.nicknameMax} characters.` };
  }
  if (FORBIDDEN.test(name)) {
    return { ok: false, code: 'name/invalid', message: 'The nickname contains control or invisible characters.' };
  }
  if (isAbusive(name)) return { ok: false, code: 'name/abusive', message: 'Please choose another nickname.' };
  return { ok: true, name, key: nicknameKey(name) };
}
