// The reading floor (quiz/reading.ts): pure, from the question's text in the language it is served, and what speed
// points count on.
import { describe, expect, it } from 'vitest';
import { builtinPack } from '../content/builtin.js';
import {
  FLOOR_MAX_SHARE,
  HANGUL_MS_PER_SYLLABLE,
  LATIN_MS_PER_CHAR,
  READING_BASE_MS,
  readingFloorMs,
  readingMs,
  scoredElapsedMs,
  REACTION_BAND_MS,
} from './quiz/reading.js';
import { DEFAULT_SCORING, quizPoints } from './quiz/scoring.js';
import type { Question } from './types.js';

const single = (prompt: string, options: string[]): Question => ({
  id: 'q',
  topic: 'hypervisors' as Question['topic'],
  type: 'single',
  prompt,
  explanation: 'never read before answering',
  timeLimitS: 20,
  options,
  correct: 0,
});

describe('the reading floor', () => {
  it('counts the prompt and the options, by script, runs of white space once', () => {
    expect(readingMs('  ab   c')).toBe(4 * LATIN_MS_PER_CHAR);
    expect(readingMs('가상 머신')).toBe(4 * HANGUL_MS_PER_SYLLABLE + LATIN_MS_PER_CHAR);
    const q = single('What shares the host kernel?', ['VM', 'Container']);
    expect(readingFloorMs(q, 20_000)).toBe(
      READING_BASE_MS + readingMs('What shares the host kernel?') + readingMs('VM') + readingMs('Container'),
    );
    // The explanation is read after the answer: it does not count.
    expect(readingFloorMs({ ...q, explanation: 'x'.repeat(5000) }, 20_000)).toBe(readingFloorMs(q, 20_000));
    // Never more than half the question's time.
    expect(readingFloorMs(single('x'.repeat(5000), ['a', 'b']), 20_000)).toBe(FLOOR_MAX_SHARE * 20_000);
  });

  it('is about as long for a question in Korean as for the same question in English', () => {
    const en = builtinPack('course-en')!.questions;
    const ko = new Map(builtinPack('course-ko')!.questions.map((q) => [q.id, q]));
    const ratios = en
      .map((q) => readingFloorMs(ko.get(q.id)!, 30_000) / readingFloorMs(q, 30_000))
      .sort((a, b) => a - b);
    const median = ratios[ratios.length >> 1]!;
    expect(median).toBeGreaterThan(0.7);
    expect(median).toBeLessThan(1.3);
  });

  it(
    'scores an answer before the floor (and its reaction band) as at the ' +
      'floor; the deadline still at the slowest share',
    () => {
      const floor = 4000;
      const at = (ms: number) => quizPoints(1, ms, 20_000, 0, DEFAULT_SCORING, floor).points;
      expect(at(0)).toBe(at(floor));
      expect(at(170)).toBe(at(floor + REACTION_BAND_MS));
      expect(at(floor + REACTION_BAND_MS + 1)).toBeLessThanOrEqual(at(floor));
      expect(at(20_000)).toBe(500);
      // Continuous and never increasing with time.
      let last = Infinity;
      for (let ms = 0; ms <= 20_000; ms += 50) {
        const s = scoredElapsedMs(ms, floor, 20_000);
        expect(s).toBeGreaterThanOrEqual(floor);
        expect(at(ms)).toBeLessThanOrEqual(last);
        last = at(ms);
      }
      // Without a floor, today's formula.
      expect(quizPoints(1, 0, 20_000, 0, DEFAULT_SCORING).points).toBe(1000);
      // Honest play past the band moves little: at most (band / limit) of the speed range.
      for (const ms of [6000, 10_000, 15_000]) {
        const before = quizPoints(1, ms, 20_000, 0, DEFAULT_SCORING).points;
        expect(at(ms) - before).toBeGreaterThanOrEqual(0);
        expect(at(ms) - before).toBeLessThanOrEqual(Math.ceil((500 * REACTION_BAND_MS) / 20_000));
      }
    },
  );
});
