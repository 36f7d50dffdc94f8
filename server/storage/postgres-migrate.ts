// PostgreSQL's migrations (./migrations/postgres): the pending ones applied in order, each in its transaction,
// under an advisory lock so that two processes starting at once take turns.
import type { Pool } from 'pg';
import { checkNotNewer, migrationLabel, readMigrations } from './migrations.js';

/** Applies the pending migrations in `schema` (created if missing); returns their labels. */
export async function migratePostgres(pool: Pool, schema: string | null): Promise<string[]> {
  const migrations = readMigrations('postgres');
  const client = await pool.connect();
  const lockKey = `hostrush:migrations:${schema ?? ''}`;
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      if (schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${schema}"`);
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (id integer PRIMARY KEY, ' +
          'name text NOT NULL, applied_at bigint NOT NULL)',
      );
      const applied = (await client.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id);
      checkNotNewer(applied, migrations, `PostgreSQL schema ${schema ?? '(default)'}`);
      const done = new Set(applied);
      const names: string[] = [];
      for (const migration of migrations) {
        if (done.has(migration.id)) continue;
        await client.query('BEGIN');
        try {
          await client.query(migration.sql);
          await client.query('INSERT INTO schema_migrations (id, name, applied_at) VALUES ($1, $2, $3)', [
            migration.id,
            migration.name,
            Date.now(),
          ]);
          await client.query('COMMIT');
        } catch (error) {
          await client.query('ROLLBACK').catch(() => {});
          throw error;
        }
        names.push(migrationLabel(migration));
      }
      return names;
    } finally {
      await client.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]).catch((error: Error) => {
        broken = error;
      });
    }
  } finally {
    client.release(broken);
  }
}
