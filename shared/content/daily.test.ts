import { describe, expect, it } from 'vitest';
import { builtinPack } from './builtin.js';
import { configFromPack } from './config.js';
import { dailyRounds } from './daily.js';

describe('daily challenge', () => {
  const pool = builtinPack('daily-en')!;
  it('draws ten questions on distinct topics and one race, the same for everyone that day', () => {
    const rounds = dailyRounds(pool, 'daily-2026-11-24');
    expect(rounds.map((r) => r.kind)).toEqual(['quiz', 'race', 'quiz']);
    const ids = rounds.flatMap((r) => (r.kind === 'quiz' ? r.questionIds : []));
    expect(ids).toHaveLength(10);
    const topics = new Set(ids.map((id) => pool.questions.find((q) => q.id === id)!.topic));
    expect(topics.size).toBe(10);
    expect(dailyRounds(pool, 'daily-2026-11-24')).toEqual(rounds);
    expect(dailyRounds(pool, 'daily-2026-11-25')).not.toEqual(rounds);
  });
  it('the Korean and English pools give the same challenge', () => {
    expect(dailyRounds(builtinPack('daily-ko')!, 'daily-2026-11-24')).toEqual(dailyRounds(pool, 'daily-2026-11-24'));
  });
  it('configFromPack uses it when given the day’s seed', () => {
    expect(configFromPack(pool, { mode: 'solo', dailySeed: 'daily-2026-11-24' }).rounds).toEqual(
      dailyRounds(pool, 'daily-2026-11-24'),
    );
  });
});
