// Storage entry point: PostgreSQL when a postgres:// URL is given (or in DATABASE_URL), else embedded SQLite.
import { openPostgresStorage } from './postgres.js';
import { openSqliteStorage } from './sqlite.js';
import type { Storage, StorageOptions } from './types.js';

export type * from './types.js';
export { withRetry, isTransientError } from './retry.js';
export type { RetryOptions } from './retry.js';
export { readMigrations, type Migration } from './migrations.js';
export { SqliteStorage, openSqliteStorage } from './sqlite.js';
export { PostgresStorage, openPostgresStorage } from './postgres.js';
// A synthetic finished game of any size, for benchmarks (e.g. 2,000 answers) and tests.
export { sampleFinishedGame, type SampleGameSize } from './sample.js';

export const DEFAULT_SQLITE_PATH = 'data/hostrush.db';

export function isPostgresUrl(url: string | undefined): url is string {
  return url !== undefined && /^postgres(ql)?:\/\//i.test(url);
}

/**
 * PostgreSQL at `databaseUrl`, else SQLite at `sqlitePath` (default data/hostrush.db). Reads no environment: the
 * server's DATABASE_URL and SQLITE_PATH are read by server/config.ts and passed here.
 */
export async function createStorage(opts: StorageOptions = {}): Promise<Storage> {
  const { databaseUrl } = opts;
  if (isPostgresUrl(databaseUrl)) {
    return openPostgresStorage({ databaseUrl, ...(opts.pgSchema ? { schema: opts.pgSchema } : {}) });
  }
  return openSqliteStorage(opts.sqlitePath ?? DEFAULT_SQLITE_PATH);
}
