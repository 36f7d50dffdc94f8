// `npm run backup [-- <file>]`: a consistent copy of the SQLite database while the server runs. It uses SQLite's
// online backup API (better-sqlite3's db.backup), which copies pages under SQLite's own locking, so games going on
// meanwhile neither block nor tear the copy (a plain `cp` of a WAL database can). The copy is checked
// (PRAGMA integrity_check) before it is reported. Restore: README, "Backup and restore".
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const DEFAULT_SQLITE_PATH = 'data/hostrush.db'; // server/storage/index.ts DEFAULT_SQLITE_PATH

function fail(message) {
  console.error(`backup: ${message}`);
  process.exit(1);
}

if (process.env.DATABASE_URL?.trim()) {
  fail('DATABASE_URL is set, so games are in PostgreSQL: back it up with pg_dump (README, "Backup and restore").');
}
const source = resolve(process.env.SQLITE_PATH?.trim() || DEFAULT_SQLITE_PATH);
if (source.endsWith(':memory:') || !existsSync(source)) fail(`no database file at ${source} (SQLITE_PATH).`);

const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = resolve(process.argv[2] ?? join(dirname(source), 'backups', `hostrush-${stamp}.db`));
if (existsSync(target)) fail(`${target} exists already; name another file.`);
mkdirSync(dirname(target), { recursive: true });

const db = new Database(source, { fileMustExist: true });
db.pragma('busy_timeout = 5000');
try {
  await db.backup(target);
} catch (error) {
  fail(`could not copy ${source}: ${error instanceof Error ? error.message : String(error)}`);
} finally {
  db.close();
}

const copy = new Database(target, { readonly: true });
const check = copy.pragma('integrity_check', { simple: true });
const games = copy.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = 'games'").get();
const finished = games.n ? copy.prepare('SELECT count(*) AS n FROM games').get().n : 0;
copy.close();
if (check !== 'ok') fail(`the copy at ${target} failed its integrity check: ${check}`);
const kb = Math.round(statSync(target).size / 1024);
console.log(`backup: ${source} -> ${target} (${kb} KB, ${finished} finished game(s), integrity ok)`);
