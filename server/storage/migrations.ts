// Schema migrations: numbered SQL files in ./migrations/<dialect>/, applied in order, each in a transaction,
// recorded in schema_migrations. The runners live in the adapters; this module finds and checks the files.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Dialect = 'sqlite' | 'postgres';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

const FILE_NAME = /^(\d{3})_([a-z0-9_]+)\.sql$/;

export function migrationsDir(dialect: Dialect): string {
  return fileURLToPath(new URL(`./migrations/${dialect}/`, import.meta.url));
}

/** The dialect's migrations in id order; throws on a misnamed file or a duplicate id. */
export function readMigrations(dialect: Dialect): Migration[] {
  const dir = migrationsDir(dialect);
  const migrations: Migration[] = [];
  for (const file of readdirSync(dir).sort()) {
    const match = FILE_NAME.exec(file);
    if (!match) throw new Error(`storage: migration file ${dir}${file} must be named NNN_name.sql`);
    const id = Number(match[1]);
    if (migrations.some((m) => m.id === id)) throw new Error(`storage: two ${dialect} migrations numbered ${match[1]}`);
    migrations.push({ id, name: match[2] ?? '', sql: readFileSync(dir + file, 'utf8') });
  }
  return migrations;
}

/** Refuses a database that a newer version of the code has migrated past what this code knows. */
export function checkNotNewer(applied: number[], known: Migration[], where: string): void {
  const knownIds = new Set(known.map((m) => m.id));
  const unknown = applied.filter((id) => !knownIds.has(id));
  if (unknown.length > 0) {
    throw new Error(
      `storage: ${where} has migration(s) ${unknown.join(', ')} that this version of HostRush does not know; ` +
        'run the newer version or restore a matching backup',
    );
  }
}

/** The name migrate() reports for an applied migration, e.g. 002_game_bills_config. */
export const migrationLabel = (migration: Migration): string =>
  `${String(migration.id).padStart(3, '0')}_${migration.name}`;
