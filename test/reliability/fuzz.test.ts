// Short fuzz run inside `npm test` (the long one is `npm run fuzz`): see fuzz-runner.ts for what is thrown and checked.
import { describe, expect, it } from 'vitest';
import { formatReport, runFuzz } from './fuzz-runner.js';

const EVENTS = Number(process.env.FUZZ_EVENTS ?? 2_000);
// A fixed seed in `npm test` (reproducible); `npm run fuzz` takes a new one each run. FUZZ_SEED replays either.
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_124);

describe('fuzzing the running server', () => {
  it(`survives ${EVENTS} random and mutated socket events and HTTP requests, honest players untouched`, async () => {
    const report = await runFuzz({ events: EVENTS, seed: SEED });
    // The counts per error code, printed with the test output.
    console.log(formatReport(report));
    expect(report.tried).toBeGreaterThanOrEqual(EVENTS);
    expect(report.violations).toEqual([]);
    expect(report.healthy).toBe(true);
    expect(report.honestUnchanged).toBe(true);
    expect(report.honestMessages).toBe(0);
    expect(report.polluted).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // Every server/error is one of the known gaps (none of them on a socket event).
    const knownGapCount = Object.values(report.knownGaps).reduce((n, g) => n + g.count, 0);
    expect(report.serverErrors['server/error'] ?? 0).toBe(knownGapCount);
    // The validators, not luck, refused most of it.
    expect(report.serverErrors['input/invalid'] ?? 0).toBeGreaterThan(EVENTS / 4);
  }, 90_000);
});
