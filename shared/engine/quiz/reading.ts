// The reading floor (issue 13, docs/SECURITY.md "Faster than reading"): the least time a person needs to read a
// question and its options before answering it. Answers are learnable (by playing, or from the open-source bank), so
// speed points must be a person's: an answer given before its question could be read scores as if given at the
// floor, for everyone (classroom, team and solo alike), and a script that answers in 170 ms earns no more than a fast
// reader who knows the answer. Pure and deterministic: the floor is a function of the question's own text (in the
// language the game serves it: the room's pack) and its time limit, nothing else.
import type { Question } from '../types.js';

/**
 * Seeing that a question opened, finding the options and tapping one, before any reading (GUESS: a two-choice
 * reaction to a new screen is 0.4-0.6 s; the rest is moving the eyes and the thumb to the right option).
 */
export const READING_BASE_MS = 1000;
/**
 * A fast reader's time per character of Latin-script text (spaces included; runs of white space count once). GUESS
 * from reading-speed research: Brysbaert (2019), "How many words do we read per minute? A review and meta-analysis
 * of reading rate" (Journal of Memory and Language 109, 104047) puts adults' silent reading of English non-fiction at
 * 238 words a minute (fiction 260). A fast reader at about 400 words a minute, at about 5.7 characters a word with its
 * space, reads about 2,300 characters a minute: 26 ms a character, rounded down to 25.
 */
export const LATIN_MS_PER_CHAR = 25;
/**
 * A fast reader's time per Hangul syllable block. GUESS: the same 400 words a minute, at about three syllables to a
 * Korean word (eojeol), is about 1,200 syllables a minute: 50 ms a syllable.
 */
export const HANGUL_MS_PER_SYLLABLE = 50;
/**
 * The floor never takes more than this share of the question's time: a long question with a short limit still
 * leaves its speed points to be earned (a game-design choice, not a measurement).
 */
export const FLOOR_MAX_SHARE = 0.5;
/**
 * How close to the floor an answer still scores as at the floor: a person cannot time a tap to the millisecond (tap
 * timing varies by a few hundred ms; the measured time also carries some network jitter), a script can. Without the
 * band, a script answering exactly at the floor would beat by a few points every person who read as fast (GUESS).
 * Speed points count over what is left of the question's time after the band (see `scoredElapsedMs`).
 */
export const REACTION_BAND_MS = 500;

const HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3]/u;
const SPACE = /\s/u;

/** The time a fast reader takes over `text` (ms), by script: Hangul syllables and jamo, everything else. */
export function readingMs(text: string): number {
  let ms = 0;
  let space = true; // leading white space counts for nothing
  for (const ch of text) {
    if (SPACE.test(ch)) {
      if (!space) ms += LATIN_MS_PER_CHAR;
      space = true;
      continue;
    }
    space = false;
    ms += HANGUL.test(ch) ? HANGUL_MS_PER_SYLLABLE : LATIN_MS_PER_CHAR;
  }
  return ms;
}

/** Everything a player reads before answering: the prompt, its figure note and the options it chooses among. */
export function questionText(q: Question): string[] {
  const texts = [q.prompt, q.note ?? ''];
  switch (q.type) {
    case 'single':
    case 'multi':
      return [...texts, ...q.options];
    case 'ordering':
      return [...texts, ...q.items];
    case 'matching':
      return [...texts, ...q.left, ...q.right];
    case 'numeric':
      return [...texts, q.unit ?? ''];
    case 'truefalse':
      return texts;
  }
}

/**
 * The question's reading floor (ms): READING_BASE_MS plus a fast reader's time over its text, at most
 * FLOOR_MAX_SHARE of `limitMs` (the question's time before any extended-time factor).
 */
export function readingFloorMs(q: Question, limitMs: number): number {
  let reading = readingCache.get(q);
  if (reading === undefined) {
    reading = questionText(q).reduce((ms, text) => ms + readingMs(text), 0);
    readingCache.set(q, reading);
  }
  return Math.round(Math.min(READING_BASE_MS + reading, FLOOR_MAX_SHARE * limitMs));
}

/**
 * A question's reading time, once per question object (questions are never changed in place): every answer reads
 * its floor, and scanning the texts per answer cost ~18 us of the server's ~250 us per answer at 4,100 players
 * (docs/BENCHMARKS.md, issue 17).
 */
const readingCache = new WeakMap<Question, number>();

/**
 * The response time speed points are counted on: any answer before the end of the reaction band (floor + band)
 * counts as given at the floor, and the rest of the question's time, from the band's end to the limit, is stretched
 * over floor..limit so the scale stays continuous and an answer at the deadline still scores SLOWEST_SHARE. Today's
 * formula is unchanged for floorMs = 0.
 */
export function scoredElapsedMs(elapsedMs: number, floorMs: number, limitMs: number): number {
  if (floorMs <= 0) return elapsedMs;
  const bandEnd = Math.min(limitMs, floorMs + REACTION_BAND_MS);
  if (elapsedMs <= bandEnd) return floorMs;
  if (limitMs <= bandEnd) return limitMs;
  return floorMs + ((Math.min(elapsedMs, limitMs) - bandEnd) * (limitMs - floorMs)) / (limitMs - bandEnd);
}
