// PostgreSQL through a pg Pool: jsonb for configs, actions and whys; multi-row inserts through unnest(); one client
// per transaction. An optional schema isolates a deployment (or a test run) from others in the same database.
import pg from 'pg';
import type { Pool as PoolType, PoolClient } from 'pg';
import type { Action, DeployKind, GameConfig, GameMode, Placement, TopicId, Why } from '../../shared/engine/types.js';
import { checkNotNewer, readMigrations } from './migrations.js';
import { DEFAULT_LIST_LIMIT, clampLimit, topPlayerName } from './summary.js';
import type {
  FinishedGame,
  GameSummary,
  LoadedRoom,
  RoomRecord,
  RoomStatus,
  SeatRecord,
  SoloRunRecord,
  Storage,
} from './types.js';
import type { RaceBill } from '../../shared/protocol/types.js';

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
const NUL = /\u0000/g;
const txt = <T extends string | null>(value: T): T => (value === null ? value : (value.replace(NUL, '\uFFFD') as T));
const json = (value: unknown): string => {
  const text = JSON.stringify(value);
  return text.includes('\\u0000') ? JSON.stringify(value, (_key, v: unknown) => (typeof v === 'string' ? txt(v) : v)) : text;
};
const num = (value: unknown): number => Number(value);

export class PostgresStorage implements Storage {
  readonly kind = 'postgres' as const;
  private closed = false;

  constructor(
    readonly pool: PoolType,
    readonly schema: string | null,
  ) {}

  /** Applies pending migrations under an advisory lock, so two processes starting at once take turns. */
  async migrate(): Promise<string[]> {
    const migrations = readMigrations('postgres');
    const client = await this.pool.connect();
    const lockKey = `hostrush:migrations:${this.schema ?? ''}`;
    let broken: Error | undefined;
    try {
      await client.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
      try {
        if (this.schema) await client.query(`CREATE SCHEMA IF NOT EXISTS "${this.schema}"`);
        await client.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (id integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)',
        );
        const applied = (await client.query<{ id: number }>('SELECT id FROM schema_migrations')).rows.map((r) => r.id);
        checkNotNewer(applied, migrations, `PostgreSQL schema ${this.schema ?? '(default)'}`);
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
          names.push(`${String(migration.id).padStart(3, '0')}_${migration.name}`);
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
      const existing = await c.query<{ status: string }>('SELECT status FROM rooms WHERE code = $1 FOR UPDATE', [room.code]);
      if (existing.rows[0]?.status === 'active') throw new Error(`storage: room ${room.code} already exists and is active`);
      if (existing.rows[0]) await c.query('DELETE FROM rooms WHERE code = $1', [room.code]);
      await c.query(
        'INSERT INTO rooms (code, mode, pack_id, pack_title, config, seed, host_key_hash, created_at, status) VALUES ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9)',
        [room.code, room.mode, room.packId, txt(room.packTitle), json(room.config), room.seed, room.hostKeyHash, room.createdAt, room.status],
      );
    });
  }

  async appendActions(code: string, firstIndex: number, actions: Action[]): Promise<void> {
    if (!Number.isSafeInteger(firstIndex) || firstIndex < 0) throw new Error(`storage: bad action index ${firstIndex}`);
    if (actions.length === 0) return;
    await this.tx(async (c) => {
      // Locking the room row serialises appends to one room.
      const room = await c.query('SELECT 1 FROM rooms WHERE code = $1 FOR UPDATE', [code]);
      if (room.rowCount === 0) throw new Error(`storage: unknown room ${code}`);
      // max(idx) is one index probe (count(*) walked the room's whole log on every append).
      const count = num(
        (await c.query<{ n: string }>('SELECT coalesce(max(idx) + 1, 0) AS n FROM room_actions WHERE room_code = $1', [code])).rows[0]?.n,
      );
      if (firstIndex > count) {
        throw new Error(`storage: room ${code} has ${count} actions; cannot append at index ${firstIndex} (a gap)`);
      }
      await c.query(
        'INSERT INTO room_actions (room_code, idx, action) SELECT $1, t.idx, t.action FROM unnest($2::int[], $3::jsonb[]) AS t(idx, action) ' +
          'ON CONFLICT (room_code, idx) DO NOTHING',
        [code, actions.map((_, i) => firstIndex + i), actions.map(json)],
      );
    });
  }

  async setRoomStatus(code: string, status: RoomStatus): Promise<void> {
    await this.pool.query('UPDATE rooms SET status = $1 WHERE code = $2', [status, code]);
  }

  async upsertSeat(seat: SeatRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO seats (room_code, player_id, token_hash, name, team_id) VALUES ($1, $2, $3, $4, $5) ' +
        'ON CONFLICT (room_code, player_id) DO UPDATE SET token_hash = excluded.token_hash, name = excluded.name, team_id = excluded.team_id',
      [seat.roomCode, seat.playerId, seat.tokenHash, txt(seat.name), seat.teamId],
    );
  }

  async loadRoom(code: string): Promise<LoadedRoom | null> {
    return this.readTx(async (c) => {
      const row = (await c.query('SELECT * FROM rooms WHERE code = $1', [code])).rows[0];
      if (!row) return null;
      const room: RoomRecord = {
        code: row.code,
        mode: row.mode as GameMode,
        packId: row.pack_id,
        packTitle: row.pack_title,
        config: row.config as GameConfig,
        seed: row.seed,
        hostKeyHash: row.host_key_hash,
        createdAt: num(row.created_at),
        status: row.status as RoomStatus,
      };
      const actions = (await c.query('SELECT action FROM room_actions WHERE room_code = $1 ORDER BY idx', [code])).rows.map(
        (r) => r.action as Action,
      );
      const seats = (
        await c.query('SELECT room_code, player_id, token_hash, name, team_id FROM seats WHERE room_code = $1 ORDER BY seq', [code])
      ).rows.map((r): SeatRecord => ({
        roomCode: r.room_code,
        playerId: r.player_id,
        tokenHash: r.token_hash,
        name: r.name,
        teamId: r.team_id,
      }));
      return { room, actions, seats };
    });
  }

  async activeRoomCodes(): Promise<string[]> {
    const result = await this.pool.query<{ code: string }>("SELECT code FROM rooms WHERE status = 'active' ORDER BY created_at, code");
    return result.rows.map((r) => r.code);
  }

  async saveFinishedGame(game: FinishedGame): Promise<void> {
    await this.tx(async (c) => {
      const inserted = await c.query(
        'INSERT INTO games (game_id, room_code, host_key_hash, pack_id, pack_title, mode, seed, started_at, finished_at, player_count, top_player, bills, config) ' +
          'VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb) ON CONFLICT (game_id) DO NOTHING',
        [
          game.gameId,
          game.roomCode,
          game.hostKeyHash,
          game.packId,
          txt(game.packTitle),
          game.mode,
          game.seed,
          game.startedAt,
          game.finishedAt,
          game.players.length,
          txt(topPlayerName(game)),
          game.bills && game.bills.length > 0 ? json(game.bills) : null,
          game.config ? json(game.config) : null,
        ],
      );
      if (inserted.rowCount === 0) return; // saved before: a retry
      const id = game.gameId;
      const ords = (n: number) => Array.from({ length: n }, (_, i) => i);
      const { players, questions, answers, decisions, scoreChanges } = game;
      // One statement per table whatever the row count: arrays travel as parameters, unnest() makes the rows.
      if (players.length > 0) {
        await c.query(
          'INSERT INTO game_players (game_id, ord, player_id, name, team_id, score, rank, bot) ' +
            'SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::int[], $8::boolean[])',
          [
            id,
            ords(players.length),
            players.map((p) => p.playerId),
            players.map((p) => txt(p.name)),
            players.map((p) => p.teamId),
            players.map((p) => p.score),
            players.map((p) => p.rank),
            players.map((p) => p.bot),
          ],
        );
      }
      if (questions.length > 0) {
        await c.query(
          'INSERT INTO game_questions (game_id, ord, question_id, topic, type, prompt) ' +
            'SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[])',
          [
            id,
            ords(questions.length),
            questions.map((q) => q.questionId),
            questions.map((q) => q.topic),
            questions.map((q) => q.type),
            questions.map((q) => txt(q.prompt)),
          ],
        );
      }
      if (answers.length > 0) {
        await c.query(
          'INSERT INTO game_answers (game_id, ord, player_id, question_id, topic, correctness, points, elapsed_ms) ' +
            'SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::float8[])',
          [
            id,
            ords(answers.length),
            answers.map((a) => a.playerId),
            answers.map((a) => a.questionId),
            answers.map((a) => a.topic),
            answers.map((a) => a.correctness),
            answers.map((a) => a.points),
            answers.map((a) => a.elapsedMs),
          ],
        );
      }
      if (decisions.length > 0) {
        await c.query(
          'INSERT INTO game_decisions (game_id, ord, player_id, host_id, card_id, card_title, topic, kind, placement, points, why) ' +
            'SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::float8[], $11::jsonb[])',
          [
            id,
            ords(decisions.length),
            decisions.map((d) => d.playerId),
            decisions.map((d) => d.hostId),
            decisions.map((d) => d.cardId),
            decisions.map((d) => txt(d.cardTitle)),
            decisions.map((d) => d.topic),
            decisions.map((d) => d.kind),
            decisions.map((d) => d.placement),
            decisions.map((d) => d.points),
            decisions.map((d) => json(d.why)),
          ],
        );
      }
      if (scoreChanges.length > 0) {
        await c.query(
          'INSERT INTO game_score_changes (game_id, ord, player_id, delta, why) SELECT $1, * FROM unnest($2::int[], $3::text[], $4::float8[], $5::jsonb[])',
          [
            id,
            ords(scoreChanges.length),
            scoreChanges.map((s) => s.playerId),
            scoreChanges.map((s) => s.delta),
            scoreChanges.map((s) => json(s.why)),
          ],
        );
      }
      await c.query('INSERT INTO game_action_logs (game_id, actions) VALUES ($1, $2::jsonb)', [id, json(game.actions)]);
    });
  }

  async listGames(hostKeyHash: string, limit?: number): Promise<GameSummary[]> {
    const result = await this.pool.query(
      'SELECT game_id, pack_title, mode, finished_at, player_count, top_player FROM games WHERE host_key_hash = $1 ' +
        'ORDER BY finished_at DESC, game_id LIMIT $2',
      [hostKeyHash, clampLimit(limit, DEFAULT_LIST_LIMIT)],
    );
    return result.rows.map((r) => ({
      gameId: r.game_id,
      packTitle: r.pack_title,
      mode: r.mode as GameMode,
      finishedAt: num(r.finished_at),
      playerCount: r.player_count,
      topPlayer: r.top_player,
    }));
  }

  async getGame(gameId: string): Promise<FinishedGame | null> {
    return this.readTx(async (c) => {
      const row = (await c.query('SELECT * FROM games WHERE game_id = $1', [gameId])).rows[0];
      if (!row) return null;
      const rows = async (table: string) =>
        (await c.query(`SELECT * FROM ${table} WHERE game_id = $1 ORDER BY ord`, [gameId])).rows as Array<Record<string, unknown>>;
      const players = (await rows('game_players')).map((r) => ({
        playerId: r.player_id as string,
        name: r.name as string,
        teamId: r.team_id as string | null,
        score: r.score as number,
        rank: r.rank as number,
        bot: r.bot as boolean,
      }));
      const questions = (await rows('game_questions')).map((r) => ({
        questionId: r.question_id as string,
        topic: r.topic as TopicId,
        type: r.type as string,
        prompt: r.prompt as string,
      }));
      const answers = (await rows('game_answers')).map((r) => ({
        playerId: r.player_id as string,
        questionId: r.question_id as string,
        topic: r.topic as TopicId,
        correctness: r.correctness as number,
        points: r.points as number,
        elapsedMs: r.elapsed_ms as number,
      }));
      const decisions = (await rows('game_decisions')).map((r) => ({
        playerId: r.player_id as string,
        hostId: r.host_id as string,
        cardId: r.card_id as string,
        cardTitle: r.card_title as string,
        topic: r.topic as TopicId,
        kind: r.kind as DeployKind | null,
        placement: r.placement as Placement,
        points: r.points as number,
        why: r.why as Why[],
      }));
      const scoreChanges = (await rows('game_score_changes')).map((r) => ({
        playerId: r.player_id as string,
        delta: r.delta as number,
        why: r.why as Why[],
      }));
      const log = (await c.query('SELECT actions FROM game_action_logs WHERE game_id = $1', [gameId])).rows[0];
      return {
        gameId: row.game_id,
        roomCode: row.room_code,
        hostKeyHash: row.host_key_hash,
        packId: row.pack_id,
        packTitle: row.pack_title,
        mode: row.mode as GameMode,
        seed: row.seed,
        startedAt: num(row.started_at),
        finishedAt: num(row.finished_at),
        players,
        questions,
        answers,
        decisions,
        scoreChanges,
        ...(row.bills !== null && row.bills !== undefined ? { bills: row.bills as RaceBill[] } : {}),
        ...(row.config !== null && row.config !== undefined ? { config: row.config as GameConfig } : {}),
        actions: (log?.actions as Action[] | undefined) ?? [],
      };
    });
  }

  async saveSoloRun(run: SoloRunRecord): Promise<void> {
    await this.pool.query(
      'INSERT INTO solo_runs (run_id, board, player_name, score, best_plan_ratio, pack_id, seed, created_at, actions) ' +
        'VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::jsonb) ON CONFLICT (run_id) DO NOTHING',
      [run.runId, run.board, txt(run.playerName), run.score, run.bestPlanRatio, run.packId, run.seed, run.createdAt, json(run.actions)],
    );
  }

  async soloLeaderboard(board: string, limit: number): Promise<SoloRunRecord[]> {
    const result = await this.pool.query(
      'SELECT * FROM solo_runs WHERE board = $1 ORDER BY score DESC, created_at, run_id LIMIT $2',
      [board, clampLimit(limit, DEFAULT_LIST_LIMIT)],
    );
    return result.rows.map((r) => ({
      runId: r.run_id,
      board: r.board,
      playerName: r.player_name,
      score: r.score,
      bestPlanRatio: r.best_plan_ratio,
      packId: r.pack_id,
      seed: r.seed,
      createdAt: num(r.created_at),
      actions: r.actions as Action[],
    }));
  }

  async purgeOlderThan(cutoffMs: number): Promise<number> {
    return this.tx(async (c) => {
      const games = (await c.query('DELETE FROM games WHERE finished_at < $1', [cutoffMs])).rowCount ?? 0;
      const runs = (await c.query('DELETE FROM solo_runs WHERE created_at < $1', [cutoffMs])).rowCount ?? 0;
      const rooms = (await c.query("DELETE FROM rooms WHERE status <> 'active' AND created_at < $1", [cutoffMs])).rowCount ?? 0;
      return games + runs + rooms;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.pool.end();
  }
}
