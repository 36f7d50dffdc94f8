// Retrying writes that fail for a passing reason (a locked SQLite file, a dropped PostgreSQL connection).

export interface RetryOptions {
  /** Total tries, including the first. Default 3. */
  attempts?: number;
  /** Delay before the second try; doubles each time. Default 50 ms. */
  baseDelayMs?: number;
  /** Which errors are worth another try. Default: isTransientError. */
  retryIf?: (error: unknown) => boolean;
  /** Told about each failed try that will be retried. */
  onRetry?: (error: unknown, attempt: number) => void;
}

// SQLite result codes and PostgreSQL SQLSTATEs / socket errors that a later try may not meet.
const TRANSIENT_CODES = new Set([
  'SQLITE_BUSY',
  'SQLITE_BUSY_SNAPSHOT',
  'SQLITE_BUSY_RECOVERY',
  'SQLITE_LOCKED',
  'SQLITE_LOCKED_SHAREDCACHE',
  'ECONNRESET',
  'ECONNREFUSED',
  'EPIPE',
  'ETIMEDOUT',
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '53300', // too_many_connections
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
]);

export function isTransientError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (TRANSIENT_CODES.has(code)) return true;
    if (/^08/.test(code)) return true; // connection_exception class
  }
  const message = (error as { message?: unknown }).message;
  return typeof message === 'string' && /Connection terminated|connection timeout/i.test(message);
}

export async function withRetry<T>(fn: () => Promise<T>, options: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, options.attempts ?? 3);
  const baseDelayMs = options.baseDelayMs ?? 50;
  const retryIf = options.retryIf ?? isTransientError;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !retryIf(error)) throw error;
      options.onRetry?.(error, attempt);
      const delay = baseDelayMs * 2 ** (attempt - 1);
      if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
