// The retention setting: RETENTION_DAYS parsing and the purge at start and on each interval (driven by fake timers).
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_RETENTION_DAYS, retentionDaysFromEnv, startRetention } from '../../server/storage/retention.js';
import { createStorage } from '../../server/storage/index.js';
import { captureLogger, createLogger, silentLogger } from '../../server/log.js';

const DAY = 86_400_000;

describe('retention', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('reads RETENTION_DAYS: default 365, a positive number, 0 or off for none; refuses nonsense', () => {
    expect(retentionDaysFromEnv({})).toBe(DEFAULT_RETENTION_DAYS);
    expect(DEFAULT_RETENTION_DAYS).toBe(365);
    expect(retentionDaysFromEnv({ RETENTION_DAYS: '30' })).toBe(30);
    expect(retentionDaysFromEnv({ RETENTION_DAYS: '0.5' })).toBe(0.5);
    expect(retentionDaysFromEnv({ RETENTION_DAYS: '0' })).toBeNull();
    expect(retentionDaysFromEnv({ RETENTION_DAYS: 'off' })).toBeNull();
    expect(() => retentionDaysFromEnv({ RETENTION_DAYS: '-3' })).toThrow(/RETENTION_DAYS/);
    expect(() => retentionDaysFromEnv({ RETENTION_DAYS: 'a year' })).toThrow(/RETENTION_DAYS/);
  });

  it('purges once at start and then daily with the cutoff days before now, until stopped', async () => {
    vi.useFakeTimers();
    const now = 1_800_000_000_000;
    const cutoffs: number[] = [];
    const storage = { purgeOlderThan: async (cutoff: number) => (cutoffs.push(cutoff), 2) };
    const logged: string[] = [];
    const stop = startRetention(storage, 30, captureLogger(logged), { clock: () => now });
    await vi.advanceTimersByTimeAsync(0);
    expect(cutoffs).toEqual([now - 30 * DAY]);
    await vi.advanceTimersByTimeAsync(DAY);
    expect(cutoffs).toHaveLength(2);
    stop();
    await vi.advanceTimersByTimeAsync(3 * DAY);
    expect(cutoffs).toHaveLength(2);
    expect(logged[0]).toMatch(/purged 2/);
  });

  it('a failed purge is logged and tried again at the next interval; null days purges nothing', async () => {
    vi.useFakeTimers();
    let calls = 0;
    const storage = {
      purgeOlderThan: async () => {
        calls++;
        if (calls === 1) throw new Error('disk full');
        return 0;
      },
    };
    const logged: string[] = [];
    const stop = startRetention(storage, 365, captureLogger(logged));
    await vi.advanceTimersByTimeAsync(DAY);
    expect(calls).toBe(2);
    expect(logged.some((m) => /failed/.test(m))).toBe(true);
    stop();
    const none = startRetention(storage, null, silentLogger);
    await vi.advanceTimersByTimeAsync(2 * DAY);
    expect(calls).toBe(2);
    none();
  });

  it("removes a real database's old finished games and keeps newer ones", async () => {
    const storage = await createStorage({ sqlitePath: ':memory:' });
    const game = (gameId: string, finishedAt: number) => ({
      gameId,
      roomCode: 'R1',
      hostKeyHash: 'h',
      packId: 'p',
      packTitle: 'P',
      mode: 'classroom' as const,
      seed: 's',
      startedAt: finishedAt - 1000,
      finishedAt,
      players: [],
      questions: [],
      answers: [],
      decisions: [],
      scoreChanges: [],
      actions: [],
    });
    const now = 1_800_000_000_000;
    await storage.saveFinishedGame(game('old', now - 400 * DAY));
    await storage.saveFinishedGame(game('new', now - 10 * DAY));
    let done!: () => void;
    const purged = new Promise<void>((resolve) => (done = resolve));
    const stop = startRetention(storage, 365, createLogger({ destination: { write: () => done() } }), {
      clock: () => now,
    });
    await purged;
    stop();
    expect(await storage.getGame('old')).toBeNull();
    expect(await storage.getGame('new')).not.toBeNull();
    await storage.close();
  });
});
