// The retention setting (data about minors: nicknames and answers are kept no longer than needed): finished games,
// solo runs and rooms no longer active older than RETENTION_DAYS are purged once at start and then once a day.
import type { Storage } from './types.js';
import type { Logger } from '../log.js';

export const DEFAULT_RETENTION_DAYS = 365;
const DAY_MS = 86_400_000;

/**
 * RETENTION_DAYS from the environment: a positive number of days (fractions allowed), default 365; `0` or `off`
 * keeps everything (no purge). Anything else is refused with an Error naming the variable.
 */
export function retentionDaysFromEnv(env: Record<string, string | undefined>): number | null {
  const raw = env.RETENTION_DAYS?.trim();
  if (raw === undefined || raw === '') return DEFAULT_RETENTION_DAYS;
  if (raw === '0' || raw.toLowerCase() === 'off') return null;
  const days = Number(raw);
  if (!Number.isFinite(days) || days <= 0) {
    throw new Error(`RETENTION_DAYS must be a positive number of days, 0 or "off" (got "${raw}")`);
  }
  return days;
}

export interface RetentionOptions {
  clock?: () => number;
  /** Between purges; default one day. */
  intervalMs?: number;
}

/**
 * Purges now (in the background) and then every `intervalMs` (a day); returns a function that stops it. `days`
 * null: nothing is purged (returns a no-op). A failed purge is logged and tried again at the next interval. The
 * timer does not keep the process alive.
 */
export function startRetention(
  storage: Pick<Storage, 'purgeOlderThan'>,
  days: number | null,
  log: Logger,
  opts: RetentionOptions = {},
): () => void {
  if (days === null) return () => {};
  const clock = opts.clock ?? Date.now;
  let stopped = false;
  let running = false;
  const purge = async (): Promise<void> => {
    if (stopped || running) return;
    running = true;
    try {
      const removed = await storage.purgeOlderThan(clock() - days * DAY_MS);
      if (removed > 0)
        log.info(
          { removed, days },
          `retention: purged ${removed} finished game(s), solo run(s) and room(s) older than ${days} days`,
        );
    } catch (error) {
      log.error({ err: error }, 'retention: the purge failed (tried again at the next interval)');
    } finally {
      running = false;
    }
  };
  void purge();
  const timer = setInterval(() => void purge(), opts.intervalMs ?? DAY_MS);
  timer.unref();
  return () => {
    stopped = true;
    clearInterval(timer);
  };
}
