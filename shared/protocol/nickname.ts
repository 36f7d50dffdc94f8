// Nickname rules, the same on both sides: the client checks before sending, the server decides. The one
// normalisation of names in the project: the room's duplicate and ban checks, the engine's own duplicate check and
// the abuse list all compare names through the keys made here (docs/SECURITY.md, "Name abuse").
import unhomoglyph from 'unhomoglyph';
import { nicknameShape } from './nickname-shape.js';

export { hasVisibleCharacter, nicknameShape, type NicknameShape } from './nickname-shape.js';

export type NicknameResult =
  | { ok: true; name: string; keys: readonly [string, string] }
  | { ok: false; code: 'name/invalid' | 'name/abusive'; message: string };

// A short list: words that are abusive wherever they appear in a name. Kept small on purpose (the host can remove
// anything else); matched after case-folding, leetspeak folding and removal of separators.
const ABUSIVE = [
  'fuck',
  'shit',
  'bitch',
  'cunt',
  'nigger',
  'nigga',
  'faggot',
  'whore',
  'slut',
  'retard',
  'asshole',
  'dickhead',
  'motherfucker',
  'wanker',
  'penis',
  'vagina',
  'porn',
  'rape',
  'hitler',
  'nazi',
  '씨발',
  '시발',
  '씨바',
  '병신',
  '개새끼',
  '새끼',
  '좆',
  '지랄',
  '미친놈',
  '미친년',
  '썅',
  '니미',
  '느금마',
  '애미',
  'ㅅㅂ',
  'ㅂㅅ',
  'ㅄ',
  'ㅈㄹ',
  '걸레',
  '창녀',
];
const LEET: Record<string, string> = {
  '0': 'o',
  '1': 'i',
  '!': 'i',
  '3': 'e',
  '4': 'a',
  '@': 'a',
  '5': 's',
  $: 's',
  '7': 't',
};

/**
 * Characters that draw nothing: default-ignorable ones (U+200D, U+034F, U+FE0F, U+3164, ...) and U+2800 (a blank
 * braille cell).
 */
const HIDDEN = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;
/**
 * Unicode's confusable skeleton (UTS #39, section 4): NFD, default-ignorable code points removed, each character
 * mapped to its prototype in Unicode's confusables.txt (the `unhomoglyph` package's copy of it), NFD again. Two
 * strings that look alike have the same skeleton: `аlice` (Cyrillic а) and `alice`, `aIice` and `alice`. Not for
 * display. Pure and locale-free (the engine uses it inside its deterministic reducer).
 */
export function skeleton(text: string): string {
  return unhomoglyph(text.normalize('NFD').replace(HIDDEN, '')).normalize('NFD');
}

/** NFKC, hidden characters removed, spaces collapsed: what the keys are made from. */
function keyBase(name: string): string {
  return name.normalize('NFKC').replace(HIDDEN, '').replace(/\s+/g, ' ').trim();
}

/**
 * The comparison keys of a name: two names that share a key are the same name in a room (duplicate, or a removed
 * player's banned name). Two keys, because look-alike is case-sensitive (`aIice`, with a capital i, looks like
 * `alice`; its lower case `aiice` does not) while duplicates are case-insensitive (`Ada` = `ada`): the skeleton of
 * the name as written, and the skeleton of the name in lower case. `toLowerCase` is Unicode's default mapping, whatever
 * the
 * machine's locale.
 */
export function nicknameKeys(name: string): readonly [string, string] {
  const base = keyBase(name);
  return [`v:${skeleton(base)}`, `c:${skeleton(base.toLowerCase()).toLowerCase()}`];
}

/** The case-insensitive key alone (one of nicknameKeys): `Ａｄａ`, `ADA` and `ada` share it. */
export function nicknameKey(name: string): string {
  return nicknameKeys(name)[1];
}

/**
 * A name folded for the abuse list: lower case, leetspeak, confusable skeleton (so `fuсk` with a Cyrillic с and
 * `nаzi` match), marks dropped (`fück`), separators dropped. Hangul stays whole: its jamo prototypes would make
 * words across syllable boundaries (`조지` would hold the skeleton of `좆`).
 */
function folded(name: string): string {
  let out = '';
  for (const ch of keyBase(name).toLowerCase()) out += LEET[ch] ?? ch;
  out = out
    .split(/(\p{Script=Hangul}+)/u)
    .map((part, i) => (i % 2 === 1 ? part : skeleton(part).toLowerCase().replace(/\p{M}/gu, '')))
    .join('');
  return out.normalize('NFC').replace(/[^\p{L}\p{N}]/gu, '');
}

// Folded the same way as names (NFKC turns compatibility jamo like ㅅ into conjoining jamo).
const ABUSIVE_FOLDED = ABUSIVE.map(folded);

export function isAbusive(name: string): boolean {
  const f = folded(name);
  return ABUSIVE_FOLDED.some((word) => f.includes(word));
}

/** Trims, NFC-normalises and checks a nickname: its shape, the abuse list, and its comparison keys. */
export function normalizeNickname(raw: string): NicknameResult {
  const shape = nicknameShape(raw);
  if (!shape.ok) return shape;
  const name = shape.name;
  if (isAbusive(name)) return { ok: false, code: 'name/abusive', message: 'Please choose another nickname.' };
  return { ok: true, name, keys: nicknameKeys(name) };
}
