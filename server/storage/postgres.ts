// PostgreSQL through a pg Pool: jsonb for configs, actions and whys; multi-row inserts through unnest(); one client
// per transaction. An optional schema isolates a deployment (or a test run) from others in the same database.
import pg from 'pg';
import type { Pool as PoolType, PoolClient } from 'pg';
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
import { workshopSql } from './workshop-sql.js';
import type { GameList, Kind, Row, Table } from './common.js';
import { migratePostgres } from './postgres-migrate.js';
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

const { Pool } = pg;

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export interface PostgresOptions {
  databaseUrl: string;
  schema?: string;
  /** Pool size; default 10. */
  max?: number;
}

export async function openPostgresStorage(options: PostgresOptions): Promise<PostgresStorage> {
  const { schema } = options;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`storage: PostgreSQL schema name "${schema}" must match ${SCHEMA_NAME}`);
  }
  const pool = new Pool({
    connectionString: options.databaseUrl,
    max: options.max ?? 10,
    // Every pooled connection starts with the schema on its search_path (it need not exist yet).
    ...(schema ? { options: `-c search_path=${schema}` } : {}),
  });
  // An idle client's connection dropping must not crash the process; the next query reconnects.
  pool.on('error', () => {});
  const storage = new PostgresStorage(pool, schema ?? null);
  try {
    await storage.migrate();
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    if (reason.startsWith('storage:')) throw error;
    throw new Error(`storage: cannot prepare the PostgreSQL database (${redact(options.databaseUrl)}): ${reason}`, {
      cause: error,
    });
  }
  return storage;
}

function redact(url: string): string {
  return url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
}

// PostgreSQL text and jsonb cannot hold U+0000; an imported pack or a log could carry one. It becomes U+FFFD
// rather than making a write fail for good (SQLite keeps it as is).
const txt = <T extends string | null>(value: T): T =>
  value === null ? value : (value.replaceAll('\u0000', '\uFFFD') as T);
const json = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text.includes('\\u0000')
    ? JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? txt(v) : v))
    : text;
};
/** An action's JSON: its stored text as it is (unless it holds a U+0000), or the action's. */
const actionJson = (action: Action | ActionText): string =>
  typeof action !== 'string' ? json(action) : action.includes('\\u0000') ? json(JSON.parse(action)) : action;
const num = (value: unknown): number => Number(value);
// jsonb comes back parsed; bigint epoch ms comes back as a string.
const CODEC = new Codec({ text: (value) => txt(value as string | null), json }, { ms: num });
/** The PostgreSQL type of a kind's column, for casting parameters. */
const PG_TYPE: Record<Kind, string> = {
  id: 'text',
  text: 'text',
  int: 'int',
  float: 'float8',
  ms: 'bigint',
  bool: 'boolean',
  json: 'jsonb',
};
// A JSON value travels as text: the cast makes it jsonb.
const mark = (n: number, kind: Kind | undefined) => (kind === 'json' ? `$${n}::jsonb` : `$${n}`);
/** The workshop's statements (workshop-sql.ts) in PostgreSQL's parameter marks. */
const W = workshopSql((n, isJson) => (isJson ? `$${n}::jsonb` : `$${n}`));

export class PostgresStorage implements Storage {
  readonly kind = 'postgres' as const;
  private closed = false;

  constructor(
    readonly pool: PoolType,
    readonly schema: string | null,
  ) {}

  /** Applies pending migrations under an advisory lock, so two processes starting at once take turns. */
  migrate(): Promise<string[]> {
    return migratePostgres(this.pool, this.schema);
  }

  private async tx<T>(fn: (client: PoolClient) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const client = await this.pool.connect();
    let broken: Error | undefined;
    try {
      await client.query(begin);
      const result = await fn(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch((rollbackError: Error) => {
        broken = rollbackError; // the connection is unusable: drop it from the pool
      });
      throw error;
    } finally {
      client.release(broken);
    }
  }

  private readTx<T>(fn: (client: PoolClient) => Promise<T>): Promise<T> {
    return this.tx(fn, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  async createRoom(room: RoomRecord): Promise<void> {
    await this.tx(async (c) => {
      // A short room code may come round again once its old room is over: the old room makes way.
      const existing = await c.query<{ status: string }>('SELECT status FROM rooms WHERE code = $1 FOR UPDATE', [
        room.code,
      ]);
      if (existing.rows[0]?.status === 'active') throw activeRoomError(room.code);
      if (existing.rows[0]) await c.query('DELETE FROM rooms WHERE code = $1', [room.code]);
      await c.query(insertSql(TABLES.rooms, mark), CODEC.values(TABLES.rooms, room));
    });
  }

  async appendActions(code: string, firstIndex: number, actions: ReadonlyArray<Action | ActionText>): Promise<void> {
    checkActionIndex(firstIndex);
    if (actions.length === 0) return;
    await this.tx(async (c) => {
      // Locking the room row serialises appends to one room.
      const room = await c.query('SELECT 1 FROM rooms WHERE code = $1 FOR UPDATE', [code]);
      if (room.rowCount === 0) throw unknownRoomError(code);
      // max(idx) is one index probe (count(*) walked the room's whole log on every append).
      const count = num(
        (
          await c.query<{ n: string }>('SELECT coalesce(max(idx) + 1, 0) AS n FROM room_actions WHERE room_code = $1', [
            code,
          ])
        ).rows[0]?.n,
      );
      checkNoGap(code, count, firstIndex);
      await c.query(
        'INSERT INTO room_actions (room_code, idx, action) SELECT $1, t.idx, ' +
          't.action FROM unnest($2::int[], $3::jsonb[]) AS t(idx, action) ' +
          'ON CONFLICT (room_code, idx) DO NOTHING',
        [code, actions.map((_, i) => firstIndex + i), actions.map(actionJson)],
      );
    });
  }

  async setRoomStatus(code: string, status: RoomStatus): Promise<void> {
    await this.pool.query('UPDATE rooms SET status = $1 WHERE code = $2', [status, code]);
  }

  async upsertSeat(seat: SeatRecord): Promise<void> {
    await this.pool.query(
      `${insertSql(TABLES.seats, mark)} ` +
        'ON CONFLICT (room_code, player_id) DO UPDATE SET token_hash = ' +
        'excluded.token_hash, name = excluded.name, team_id = excluded.team_id',
      CODEC.values(TABLES.seats, seat),
    );
  }

  async loadRoom(code: string): Promise<LoadedRoom | null> {
    return this.readTx(async (c) => {
      const row = (await c.query<Row>('SELECT * FROM rooms WHERE code = $1', [code])).rows[0];
      if (!row) return null;
      const room = CODEC.record(TABLES.rooms, row);
      const actions = (
        await c.query<{ action: unknown }>('SELECT action FROM room_actions WHERE room_code = $1 ORDER BY idx', [code])
      ).rows.map((r) => r.action as Action);
      const seats = (
        await c.query<Row>(
          'SELECT room_code, player_id, token_hash, name, team_id FROM seats WHERE room_code = $1 ORDER BY seq',
          [code],
        )
      ).rows.map((r) => CODEC.record(TABLES.seats, r));
      return { room, actions, seats };
    });
  }

  async activeRoomCodes(): Promise<string[]> {
    const result = await this.pool.query<{ code: string }>(
      "SELECT code FROM rooms WHERE status = 'active' ORDER BY created_at, code",
    );
    return result.rows.map((r) => r.code);
  }

  async saveFinishedGame(game: GameToStore): Promise<void> {
    await this.tx(async (c) => {
      const inserted = await c.query(
        `${insertSql(TABLES.games, mark)} ON CONFLICT (game_id) DO NOTHING`,
        CODEC.gameValues(game),
      );
      if (inserted.rowCount === 0) return; // saved before: a retry
      const id = game.gameId;
      for (const name of GAME_LIST_NAMES) {
        const t: Table<unknown> = GAME_LISTS[name];
        await insertList(c, id, t, game[name]);
      }
      await c.query('INSERT INTO game_action_logs (game_id, actions) VALUES ($1, $2::jsonb)', [
        id,
        logJson(game.actions, actionJson),
      ]);
    });
  }

  async listGames(hostKeyHash: string, limit?: number): Promise<GameSummary[]> {
    const result = await this.pool.query(
      'SELECT game_id, pack_title, mode, finished_at, player_count, top_player FROM games WHERE host_key_hash = $1 ' +
        'ORDER BY finished_at DESC, game_id LIMIT $2',
      [hostKeyHash, clampLimit(limit, DEFAULT_LIST_LIMIT)],
    );
    return result.rows.map((row: Row) => CODEC.record(TABLES.gameSummaries, row));
  }

  async getGame(gameId: string): Promise<FinishedGame | null> {
    return this.readTx(async (c) => {
      const row = (await c.query<Row>('SELECT * FROM games WHERE game_id = $1', [gameId])).rows[0];
      if (!row) return null;
      const lists: Partial<Record<GameList, Row[]>> = {};
      for (const name of GAME_LIST_NAMES) {
        lists[name] = (
          await c.query<Row>(`SELECT * FROM ${GAME_LISTS[name].name} WHERE game_id = $1 ORDER BY ord`, [gameId])
        ).rows;
      }
      const log = (
        await c.query<{ actions: unknown }>('SELECT actions FROM game_action_logs WHERE game_id = $1', [gameId])
      ).rows[0];
      return CODEC.game(row, lists as Record<GameList, Row[]>, log?.actions);
    });
  }

  async saveSoloRun(run: SoloRunRecord): Promise<void> {
    await this.pool.query(
      `${insertSql(TABLES.soloRuns, mark)} ON CONFLICT (run_id) DO NOTHING`,
      CODEC.values(TABLES.soloRuns, run),
    );
  }

  async soloLeaderboard(board: string, limit: number): Promise<SoloRunRecord[]> {
    const result = await this.pool.query(
      'SELECT * FROM solo_runs WHERE board = $1 ORDER BY score DESC, created_at, run_id LIMIT $2',
      [board, clampLimit(limit, DEFAULT_LIST_LIMIT)],
    );
    return result.rows.map((row: Row) => CODEC.record(TABLES.soloRuns, row));
  }

  async purgeOlderThan(cutoffMs: number): Promise<number> {
    return this.tx(async (c) => {
      const games = (await c.query('DELETE FROM games WHERE finished_at < $1', [cutoffMs])).rowCount ?? 0;
      const runs = (await c.query('DELETE FROM solo_runs WHERE created_at < $1', [cutoffMs])).rowCount ?? 0;
      const rooms =
        (await c.query("DELETE FROM rooms WHERE status <> 'active' AND created_at < $1", [cutoffMs])).rowCount ?? 0;
      return games + runs + rooms;
    });
  }

  async saveImportedPack(pack: ImportedPack, cap: number): Promise<'saved' | 'limit'> {
    checkKeep(cap);
    const owner = pack.ownerKeyHash ?? '';
    return this.tx(async (c) => {
      // One owner's saves take turns, so two at once cannot both pass the cap.
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`hostrush:packs:${owner}`]);
      if ((await c.query('SELECT 1 FROM imported_packs WHERE id = $1', [pack.id])).rowCount) return 'saved'; // a retry
      await c.query(W.purgeDeleted, [pack.createdAt - WORKSHOP_UNDO_MS]);
      if (num((await c.query<{ n: string }>(W.countLive, [owner])).rows[0]?.n) >= cap) return 'limit';
      await c.query(insertSql(TABLES.importedPacks, mark), CODEC.importedPackValues(pack));
      await c.query(W.insertVersion, CODEC.packVersionValues(pack.id, 1, pack.createdAt, pack.pack));
      return 'saved';
    });
  }

  async getPackState(id: string): Promise<PackState | null> {
    const row = (await this.pool.query<Row>(W.state, [id])).rows[0];
    return row ? CODEC.packState(row) : null;
  }

  async getPackVersion(id: string, version: number): Promise<unknown> {
    const row = (await this.pool.query<{ pack: unknown }>(W.version, [id, version])).rows[0];
    return row ? row.pack : null;
  }

  async savePackVersion(
    id: string,
    pack: GamePack,
    baseVersion: number,
    savedAt: number,
    keepVersions: number,
  ): Promise<SaveVersionResult> {
    checkKeep(keepVersions);
    return this.tx(async (c): Promise<SaveVersionResult> => {
      const row = (await c.query<{ version: number }>(`${W.latest} FOR UPDATE`, [id])).rows[0];
      if (!row) return { ok: false, reason: 'unknown' };
      const latest = Number(row.version);
      if (latest !== baseVersion) return { ok: false, reason: 'conflict', latest };
      const version = latest + 1;
      await c.query(W.insertVersion, CODEC.packVersionValues(id, version, savedAt, pack));
      await c.query(W.update, [...CODEC.packUpdateValues(version, savedAt, pack), id]);
      await c.query(W.pruneVersions, [id, version - keepVersions + 1]);
      return { ok: true, version };
    });
  }

  async listPackVersions(id: string): Promise<PackVersionInfo[]> {
    return (await this.pool.query<Row>(W.versions, [id])).rows.map((row) => CODEC.packVersionInfo(row));
  }

  async deletePack(id: string, at: number): Promise<boolean> {
    return ((await this.pool.query(W.softDelete, [at, id])).rowCount ?? 0) > 0;
  }

  async undeletePack(
    id: string,
    ownerKeyHash: string | null,
    deletedSince: number,
    cap: number,
  ): Promise<'ok' | 'unknown' | 'limit'> {
    checkKeep(cap);
    return this.tx(async (c) => {
      const row = (await c.query<{ owner_key_hash: string }>(`${W.deletedOwner} FOR UPDATE`, [id, deletedSince]))
        .rows[0];
      if (!row || (ownerKeyHash !== null && row.owner_key_hash !== ownerKeyHash)) return 'unknown';
      await c.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`hostrush:packs:${row.owner_key_hash}`]);
      if (num((await c.query<{ n: string }>(W.countLive, [row.owner_key_hash])).rows[0]?.n) >= cap) return 'limit';
      await c.query(W.undelete, [id]);
      return 'ok';
    });
  }

  async admitTeacher(hostKeyHash: string, at: number): Promise<void> {
    await this.pool.query(W.admit, [hostKeyHash, at]);
  }

  async isTeacherAdmitted(hostKeyHash: string): Promise<boolean> {
    return ((await this.pool.query(W.admitted, [hostKeyHash])).rowCount ?? 0) > 0;
  }

  async getImportedPack(id: string): Promise<ImportedPack<unknown> | null> {
    const row = (await this.pool.query<Row>('SELECT * FROM imported_packs WHERE id = $1 AND deleted_at IS NULL', [id]))
      .rows[0];
    return row ? CODEC.importedPack(row) : null;
  }

  async listImportedPacks(limit: number, viewer: ImportedPackViewer = 'all'): Promise<ImportedPackSummary[]> {
    const n = clampLimit(limit, DEFAULT_LIST_LIMIT);
    const result =
      viewer === 'all'
        ? await this.pool.query(listImportedPacksSql('$1'), [n])
        : await this.pool.query(listImportedPacksSql('$2', '$1'), [viewer.ownerKeyHash ?? '', n]);
    return result.rows.map((row: Row) => CODEC.record(TABLES.importedPackSummaries, row));
  }

  async getImportedPackAccess(id: string): Promise<ImportedPackAccess | null> {
    const row = (await this.pool.query<Row>(importedPackAccessSql('$1'), [id])).rows[0];
    return row ? CODEC.importedPackAccess(row) : null;
  }

  async setImportedPackShared(id: string, shared: boolean): Promise<boolean> {
    const result = await this.pool.query('UPDATE imported_packs SET shared = $1 WHERE id = $2 AND deleted_at IS NULL', [
      shared,
      id,
    ]);
    return (result.rowCount ?? 0) > 0;
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}

/**
 * Inserts one list of a finished game in one statement whatever its length: each column travels as an array
 * parameter and unnest() makes the rows.
 */
async function insertList<T>(c: PoolClient, gameId: string, t: Table<T>, items: readonly T[]): Promise<void> {
  if (items.length === 0) return;
  const types = ['int', ...t.kinds.map((kind) => PG_TYPE[kind])];
  const rows = items.map((item) => CODEC.values(t, item));
  await c.query(
    `INSERT INTO ${t.name} (game_id, ord, ${t.columns.join(', ')}) ` +
      `SELECT $1, * FROM unnest(${types.map((type, i) => `$${i + 2}::${type}[]`).join(', ')})`,
    [gameId, items.map((_, i) => i), ...t.columns.map((_, col) => rows.map((values) => values[col]))],
  );
}
