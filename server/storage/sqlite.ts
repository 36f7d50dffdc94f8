// The embedded default: better-sqlite3, synchronous under the hood, prepared statements, one transaction per write.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { GamePack } from '../../shared/content/pack.js';
import type { Action } from '../../shared/engine/types.js';
import { WORKSHOP_UNDO_MS } from '../../shared/protocol/workshop.js';
import {
  GAME_LISTS,
  GAME_LIST_NAMES,
  TABLES,
  Codec,
  activeRoomError,
  checkActionIndex,
  checkKeep,
  checkNoGap,
  importedPackAccessSql,
  insertSql,
  listImportedPacksSql,
  logJson,
  unknownRoomError,
} from './common.js';
import { workshopStatements } from './workshop-sql.js';
import type { GameList, Row, Table } from './common.js';
import { checkNotNewer, migrationLabel, readMigrations } from './migrations.js';
import { DEFAULT_LIST_LIMIT, clampLimit } from './summary.js';
import type {
  ActionText,
  GameToStore,
  FinishedGame,
  GameSummary,
  ImportedPack,
  ImportedPackAccess,
  ImportedPackSummary,
  ImportedPackViewer,
  LoadedRoom,
  PackState,
  PackVersionInfo,
  SaveVersionResult,
  RoomRecord,
  RoomStatus,
  SeatRecord,
  SoloRunRecord,
  Storage,
} from './types.js';

type Db = Database.Database;

// Result codes (and their extended forms, e.g. SQLITE_IOERR_READ) meaning the file itself cannot be used.
const UNREADABLE = [
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT',
  'SQLITE_CANTOPEN',
  'SQLITE_IOERR',
  'SQLITE_READONLY',
  'SQLITE_PERM',
];

/** Opens (creating when needed) and migrates the SQLite database; a clear Error when the file is unusable. */
export function openSqliteStorage(path: string): SqliteStorage {
  const memory = path === ':memory:';
  const where = memory ? 'in-memory SQLite database' : `SQLite database at ${resolve(path)}`;
  let db: Db | undefined;
  try {
    if (!memory) mkdirSync(dirname(resolve(path)), { recursive: true });
    db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const storage = new SqliteStorage(db, where);
    storage.migrateSync();
    return storage;
  } catch (error) {
    db?.close();
    const code = (error as { code?: unknown }).code;
    const reason = error instanceof Error ? error.message : String(error);
    if (isUnreadable(code)) {
      throw new Error(
        `storage: cannot read the ${where} (${reason}). The file is corrupt, not ` +
          `a SQLite database, or not accessible. ` +
          'Stop HostRush, move the file aside (or restore it from a backup) and start again: a new empty database ' +
          'will be created. Set DATABASE_URL to use PostgreSQL instead.',
        { cause: error },
      );
    }
    if (error instanceof Error && error.message.startsWith('storage:')) throw error;
    throw new Error(`storage: cannot open the ${where}: ${reason}`, { cause: error });
  }
}

function isUnreadable(code: unknown): boolean {
  if (typeof code !== 'string') return false;
  return UNREADABLE.some((base) => code === base || code.startsWith(`${base}_`));
}

const json = (value: unknown): string => JSON.stringify(value);
/** An action's JSON: its stored text as it is, or the action's. */
const actionJson = (action: Action | ActionText): string => (typeof action === 'string' ? action : json(action));
// SQLite keeps booleans as 0/1 and JSON as text.
const CODEC = new Codec(
  { bool: (value) => (value ? 1 : 0), json },
  { bool: (value) => value === 1, json: (text): unknown => JSON.parse(String(text)) },
);

export class SqliteStorage implements Storage {
  readonly kind = 'sqlite' as const;
  private closed = false;
  private readonly s;
  /** The workshop's statements (migration 005), prepared lazily as well. */
  private readonly w;

  constructor(
    private readonly db: Db,
    readonly where: string,
  ) {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, ' +
        'name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
    );
    // Statements over the migrated tables are prepared lazily, after migrateSync() created them.
    this.s = lazyStatements(db);
    this.w = lazy(() =>
      workshopStatements(
        (sql) => db.prepare(sql),
        () => '?',
      ),
    );
  }

  /** Applies pending migrations; returns the names applied (empty when up to date). */
  migrateSync(): string[] {
    const migrations = readMigrations('sqlite');
    // IMMEDIATE takes the write lock first, so a second process waits and then sees the migrations applied.
    const run = this.db.transaction(() => {
      const applied = this.db.prepare('SELECT id FROM schema_migrations').pluck().all() as number[];
      checkNotNewer(applied, migrations, this.where);
      const done = new Set(applied);
      const names: string[] = [];
      for (const migration of migrations) {
        if (done.has(migration.id)) continue;
        this.db.exec(migration.sql);
        this.db
          .prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)')
          .run(migration.id, migration.name, Date.now());
        names.push(migrationLabel(migration));
      }
      return names;
    });
    return run.immediate();
  }

  async migrate(): Promise<string[]> {
    return this.migrateSync();
  }

  async createRoom(room: RoomRecord): Promise<void> {
    this.db
      .transaction(() => {
        // A short room code may come round again once its old room is over: the old room makes way.
        const existing = this.s().roomStatus.get(room.code) as { status: string } | undefined;
        if (existing?.status === 'active') throw activeRoomError(room.code);
        if (existing) this.s().deleteRoom.run(room.code);
        this.s().insertRoom.run(...CODEC.values(TABLES.rooms, room));
      })
      .immediate();
  }

  async appendActions(code: string, firstIndex: number, actions: ReadonlyArray<Action | ActionText>): Promise<void> {
    checkActionIndex(firstIndex);
    if (actions.length === 0) return;
    this.db
      .transaction(() => {
        if (!this.s().roomStatus.get(code)) throw unknownRoomError(code);
        // max(idx) is one index probe (count(*) walked the room's whole log on every append).
        const last = this.s().actionLast.pluck().get(code) as number | null;
        const count = last === null ? 0 : last + 1;
        checkNoGap(code, count, firstIndex);
        const insert = this.s().insertAction;
        actions.forEach((action, i) => insert.run(code, firstIndex + i, actionJson(action)));
      })
      .immediate();
  }

  async setRoomStatus(code: string, status: RoomStatus): Promise<void> {
    this.s().setStatus.run(status, code);
  }

  async upsertSeat(seat: SeatRecord): Promise<void> {
    this.s().upsertSeat.run(...CODEC.values(TABLES.seats, seat));
  }

  async loadRoom(code: string): Promise<LoadedRoom | null> {
    return this.db.transaction(() => {
      const row = this.s().room.get(code) as Row | undefined;
      if (!row) return null;
      const room = CODEC.record(TABLES.rooms, row);
      const actions = (this.s().actions.pluck().all(code) as string[]).map((text) => CODEC.read.json(text) as Action);
      const seats = (this.s().seats.all(code) as Row[]).map((r) => CODEC.record(TABLES.seats, r));
      return { room, actions, seats };
    })();
  }

  async activeRoomCodes(): Promise<string[]> {
    return this.s().activeCodes.pluck().all() as string[];
  }

  async saveFinishedGame(game: GameToStore): Promise<void> {
    this.saveFinishedGameSync(game);
  }

  /** The synchronous core of saveFinishedGame: one IMMEDIATE transaction, prepared statements. */
  saveFinishedGameSync(game: GameToStore): void {
    const s = this.s();
    this.db
      .transaction(() => {
        const inserted = s.insertGame.run(...CODEC.gameValues(game));
        if (inserted.changes === 0) return; // saved before: a retry
        const id = game.gameId;
        for (const name of GAME_LIST_NAMES) {
          const t: Table<unknown> = GAME_LISTS[name];
          const insert = s.insertList[name];
          (game[name] as unknown[]).forEach((item, i) => insert.run(id, i, ...CODEC.values(t, item)));
        }
        s.insertActionLog.run(id, logJson(game.actions, actionJson));
      })
      .immediate();
  }

  async listGames(hostKeyHash: string, limit?: number): Promise<GameSummary[]> {
    const rows = this.s().listGames.all(hostKeyHash, clampLimit(limit, DEFAULT_LIST_LIMIT)) as Row[];
    return rows.map((row) => CODEC.record(TABLES.gameSummaries, row));
  }

  async getGame(gameId: string): Promise<FinishedGame | null> {
    const s = this.s();
    return this.db.transaction((): FinishedGame | null => {
      const row = s.game.get(gameId) as Row | undefined;
      if (!row) return null;
      const lists = Object.fromEntries(GAME_LIST_NAMES.map((name) => [name, s.list[name].all(gameId) as Row[]]));
      return CODEC.game(row, lists as Record<GameList, Row[]>, s.actionLog.pluck().get(gameId));
    })();
  }

  async saveSoloRun(run: SoloRunRecord): Promise<void> {
    this.s().insertSolo.run(...CODEC.values(TABLES.soloRuns, run));
  }

  async soloLeaderboard(board: string, limit: number): Promise<SoloRunRecord[]> {
    const rows = this.s().leaderboard.all(board, clampLimit(limit, DEFAULT_LIST_LIMIT)) as Row[];
    return rows.map((row) => CODEC.record(TABLES.soloRuns, row));
  }

  async purgeOlderThan(cutoffMs: number): Promise<number> {
    const s = this.s();
    return this.db
      .transaction(() => {
        const games = s.purgeGames.run(cutoffMs).changes;
        const runs = s.purgeSolo.run(cutoffMs).changes;
        const rooms = s.purgeRooms.run(cutoffMs).changes;
        return games + runs + rooms;
      })
      .immediate();
  }

  async saveImportedPack(pack: ImportedPack, cap: number): Promise<'saved' | 'limit'> {
    checkKeep(cap);
    const w = this.w();
    return this.db
      .transaction((): 'saved' | 'limit' => {
        if (this.s().packAccessAny.get(pack.id)) return 'saved'; // saved before: a retry
        w.purgeDeleted.run(pack.createdAt - WORKSHOP_UNDO_MS);
        if ((w.countLive.pluck().get(pack.ownerKeyHash ?? '') as number) >= cap) return 'limit';
        this.s().insertPack.run(...CODEC.importedPackValues(pack));
        w.insertVersion.run(...CODEC.packVersionValues(pack.id, 1, pack.createdAt, pack.pack));
        return 'saved';
      })
      .immediate();
  }

  async getPackState(id: string): Promise<PackState | null> {
    const row = this.w().state.get(id) as Row | undefined;
    return row ? CODEC.packState(row) : null;
  }

  async getPackVersion(id: string, version: number): Promise<unknown> {
    const text = this.w().version.pluck().get(id, version) as string | undefined;
    return text === undefined ? null : CODEC.read.json(text);
  }

  async savePackVersion(
    id: string,
    pack: GamePack,
    baseVersion: number,
    savedAt: number,
    keepVersions: number,
  ): Promise<SaveVersionResult> {
    checkKeep(keepVersions);
    const w = this.w();
    return this.db
      .transaction((): SaveVersionResult => {
        const latest = w.latest.pluck().get(id) as number | undefined;
        if (latest === undefined) return { ok: false, reason: 'unknown' };
        if (latest !== baseVersion) return { ok: false, reason: 'conflict', latest };
        const version = latest + 1;
        w.insertVersion.run(...CODEC.packVersionValues(id, version, savedAt, pack));
        w.update.run(...CODEC.packUpdateValues(version, savedAt, pack), id);
        w.pruneVersions.run(id, version - keepVersions + 1);
        return { ok: true, version };
      })
      .immediate();
  }

  async listPackVersions(id: string): Promise<PackVersionInfo[]> {
    return (this.w().versions.all(id) as Row[]).map((row) => CODEC.packVersionInfo(row));
  }

  async deletePack(id: string, at: number): Promise<boolean> {
    return this.w().softDelete.run(at, id).changes > 0;
  }

  async undeletePack(
    id: string,
    ownerKeyHash: string | null,
    deletedSince: number,
    cap: number,
  ): Promise<'ok' | 'unknown' | 'limit'> {
    checkKeep(cap);
    const w = this.w();
    return this.db
      .transaction((): 'ok' | 'unknown' | 'limit' => {
        const owner = w.deletedOwner.pluck().get(id, deletedSince) as string | undefined;
        if (owner === undefined || (ownerKeyHash !== null && owner !== ownerKeyHash)) return 'unknown';
        if ((w.countLive.pluck().get(owner) as number) >= cap) return 'limit';
        w.undelete.run(id);
        return 'ok';
      })
      .immediate();
  }

  async admitTeacher(hostKeyHash: string, at: number): Promise<void> {
    this.w().admit.run(hostKeyHash, at);
  }

  async isTeacherAdmitted(hostKeyHash: string): Promise<boolean> {
    return this.w().admitted.get(hostKeyHash) !== undefined;
  }

  async getImportedPack(id: string): Promise<ImportedPack<unknown> | null> {
    const row = this.s().pack.get(id) as Row | undefined;
    return row ? CODEC.importedPack(row) : null;
  }

  async listImportedPacks(limit: number, viewer: ImportedPackViewer = 'all'): Promise<ImportedPackSummary[]> {
    const n = clampLimit(limit, DEFAULT_LIST_LIMIT);
    const rows = (
      viewer === 'all'
        ? this.s().listPacks.all(n)
        : this.s().listPacksFor.all(viewer.ownerKeyHash ?? '', viewer.ownerKeyHash ?? '', n)
    ) as Row[];
    return rows.map((row) => CODEC.record(TABLES.importedPackSummaries, row));
  }

  async getImportedPackAccess(id: string): Promise<ImportedPackAccess | null> {
    const row = this.s().packAccess.get(id) as Row | undefined;
    return row ? CODEC.importedPackAccess(row) : null;
  }

  async setImportedPackShared(id: string, shared: boolean): Promise<boolean> {
    return this.s().sharePack.run(shared ? 1 : 0, id).changes > 0;
  }

  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

function lazy<T>(make: () => T): () => T {
  let cached: T | undefined;
  return () => (cached ??= make());
}

function lazyStatements(db: Db) {
  let cached: ReturnType<typeof prepareAll> | undefined;
  return () => (cached ??= prepareAll(db));
}

function prepareAll(db: Db) {
  const p = (sql: string) => db.prepare(sql);
  const perList = (sql: (t: Table<unknown>) => string) =>
    Object.fromEntries(GAME_LIST_NAMES.map((name) => [name, p(sql(GAME_LISTS[name]))])) as Record<
      GameList,
      Database.Statement
    >;
  const q = () => '?';
  return {
    roomStatus: p('SELECT status FROM rooms WHERE code = ?'),
    deleteRoom: p('DELETE FROM rooms WHERE code = ?'),
    insertRoom: p(insertSql(TABLES.rooms, q)),
    actionLast: p('SELECT max(idx) FROM room_actions WHERE room_code = ?'),
    insertAction: p(
      'INSERT INTO room_actions (room_code, idx, action) VALUES (?, ?, ?) ON CONFLICT (room_code, idx) DO NOTHING',
    ),
    setStatus: p('UPDATE rooms SET status = ? WHERE code = ?'),
    upsertSeat: p(
      `${insertSql(TABLES.seats, q)} ` +
        'ON CONFLICT (room_code, player_id) DO UPDATE SET token_hash = ' +
        'excluded.token_hash, name = excluded.name, team_id = excluded.team_id',
    ),
    room: p('SELECT * FROM rooms WHERE code = ?'),
    actions: p('SELECT action FROM room_actions WHERE room_code = ? ORDER BY idx'),
    seats: p('SELECT room_code, player_id, token_hash, name, team_id FROM seats WHERE room_code = ? ORDER BY rowid'),
    activeCodes: p("SELECT code FROM rooms WHERE status = 'active' ORDER BY created_at, code"),
    insertGame: p(`${insertSql(TABLES.games, q)} ON CONFLICT (game_id) DO NOTHING`),
    insertList: perList((t) => insertSql(t, q, ['game_id', 'ord'])),
    insertActionLog: p('INSERT INTO game_action_logs (game_id, actions) VALUES (?, ?)'),
    listGames: p('SELECT * FROM games WHERE host_key_hash = ? ORDER BY finished_at DESC, game_id LIMIT ?'),
    game: p('SELECT * FROM games WHERE game_id = ?'),
    list: perList((t) => `SELECT * FROM ${t.name} WHERE game_id = ? ORDER BY ord`),
    actionLog: p('SELECT actions FROM game_action_logs WHERE game_id = ?'),
    insertSolo: p(`${insertSql(TABLES.soloRuns, q)} ON CONFLICT (run_id) DO NOTHING`),
    leaderboard: p('SELECT * FROM solo_runs WHERE board = ? ORDER BY score DESC, created_at, run_id LIMIT ?'),
    purgeGames: p('DELETE FROM games WHERE finished_at < ?'),
    purgeSolo: p('DELETE FROM solo_runs WHERE created_at < ?'),
    purgeRooms: p("DELETE FROM rooms WHERE status <> 'active' AND created_at < ?"),
    insertPack: p(`${insertSql(TABLES.importedPacks, q)} ON CONFLICT (id) DO NOTHING`),
    pack: p('SELECT * FROM imported_packs WHERE id = ? AND deleted_at IS NULL'),
    packAccessAny: p('SELECT 1 FROM imported_packs WHERE id = ?'),
    listPacks: p(listImportedPacksSql('?')),
    // The owner is bound twice (WHERE, ORDER BY), then the limit.
    listPacksFor: p(listImportedPacksSql('?', '?')),
    packAccess: p(importedPackAccessSql('?')),
    sharePack: p('UPDATE imported_packs SET shared = ? WHERE id = ? AND deleted_at IS NULL'),
  };
}
