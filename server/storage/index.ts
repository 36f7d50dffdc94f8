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

export async function createStorage(opts: StorageOptions = {}): Promise<Storage> {
  // An explicit sqlitePath means SQLite, whatever DATABASE_URL says (tests rely on it).
  const databaseUrl = opts.databaseUrl ?? (opts.sqlitePath === undefined ? process.env.DATABASE_URL : undefined);
  if (isPostgresUrl(databaseUrl)) {
    return openPostgresStorage({ databaseUrl, ...(opts.pgSchema ? { schema: opts.pgSchema } : {}) });
  }
  // SQLITE_PATH lets a benchmark or a test start the real entry point on a database of its own (':memory:' too).
  const envPath = process.env.SQLITE_PATH?.trim();
  return openSqliteStorage(opts.sqlitePath ?? (envPath ? envPath : DEFAULT_SQLITE_PATH));
}
