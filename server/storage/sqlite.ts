// The embedded default: better-sqlite3, synchronous under the hood, prepared statements, one transaction per write.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import type { Action, GameConfig, GameMode, Placement, TopicId, Why, DeployKind } from '../../shared/engine/types.js';
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

type Db = Database.Database;

// Result codes (and their extended forms, e.g. SQLITE_IOERR_READ) meaning the file itself cannot be used.
const UNREADABLE = ['SQLITE_NOTADB', 'SQLITE_CORRUPT', 'SQLITE_CANTOPEN', 'SQLITE_IOERR', 'SQLITE_READONLY', 'SQLITE_PERM'];

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
        `storage: cannot read the ${where} (${reason}). The file is corrupt, not a SQLite database, or not accessible. ` +
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
const parse = <T>(text: unknown): T => JSON.parse(String(text)) as T;

interface RoomRow {
  code: string;
  mode: string;
  pack_id: string;
  pack_title: string;
  config: string;
  seed: string;
  host_key_hash: string;
  created_at: number;
  status: string;
}
interface SeatRow {
  room_code: string;
  player_id: string;
  token_hash: string;
  name: string;
  team_id: string | null;
}
interface GameRow {
  game_id: string;
  room_code: string;
  host_key_hash: string;
  pack_id: string;
  pack_title: string;
  mode: string;
  seed: string;
  started_at: number;
  finished_at: number;
  player_count: number;
  top_player: string | null;
  bills: string | null;
  config: string | null;
}
interface SoloRow {
  run_id: string;
  board: string;
  player_name: string;
  score: number;
  best_plan_ratio: number | null;
  pack_id: string;
  seed: string;
  created_at: number;
  actions: string;
}

function seatFromRow(row: SeatRow): SeatRecord {
  return { roomCode: row.room_code, playerId: row.player_id, tokenHash: row.token_hash, name: row.name, teamId: row.team_id };
}
function soloFromRow(row: SoloRow): SoloRunRecord {
  return {
    runId: row.run_id,
    board: row.board,
    playerName: row.player_name,
    score: row.score,
    bestPlanRatio: row.best_plan_ratio,
    packId: row.pack_id,
    seed: row.seed,
    createdAt: row.created_at,
    actions: parse<Action[]>(row.actions),
  };
}

export class SqliteStorage implements Storage {
  readonly kind = 'sqlite' as const;
  private closed = false;
  private readonly s;

  constructor(
    private readonly db: Db,
    readonly where: string,
  ) {
    db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
    );
    // Statements over the migrated tables are prepared lazily, after migrateSync() created them.
    this.s = lazyStatements(db);
  }

  /** Applies pending migrations; returns the names applied (empty when up to date). */
  migrateSync(): string[] {
    const migrations = readMigrations('sqlite');
    // IMMEDIATE takes the write lock first, so a second process waits and then sees the migrations applied.
    const run = this.db.transaction(() => {
      const applied = (this.db.prepare('SELECT id FROM schema_migrations').pluck().all() as number[]);
      checkNotNewer(applied, migrations, this.where);
      const done = new Set(applied);
      const names: string[] = [];
      for (const migration of migrations) {
        if (done.has(migration.id)) continue;
        this.db.exec(migration.sql);
        this.db
          .prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)')
          .run(migration.id, migration.name, Date.now());
        names.push(`${String(migration.id).padStart(3, '0')}_${migration.name}`);
      }
      return names;
    });
    return run.immediate();
  }

  async migrate(): Promise<string[]> {
    return this.migrateSync();
  }

  async createRoom(room: RoomRecord): Promise<void> {
    this.db.transaction(() => {
      // A short room code may come round again once its old room is over: the old room makes way.
      const existing = this.s().roomStatus.get(room.code) as { status: string } | undefined;
      if (existing?.status === 'active') throw new Error(`storage: room ${room.code} already exists and is active`);
      if (existing) this.s().deleteRoom.run(room.code);
      this.s().insertRoom.run(
        room.code,
        room.mode,
        room.packId,
        room.packTitle,
        json(room.config),
        room.seed,
        room.hostKeyHash,
        room.createdAt,
        room.status,
      );
    }).immediate();
  }

  async appendActions(code: string, firstIndex: number, actions: Action[]): Promise<void> {
    checkIndex(firstIndex);
    if (actions.length === 0) return;
    this.db.transaction(() => {
      if (!this.s().roomStatus.get(code)) throw new Error(`storage: unknown room ${code}`);
      // max(idx) is one index probe (count(*) walked the room's whole log on every append).
      const last = this.s().actionLast.pluck().get(code) as number | null;
      const count = last === null ? 0 : last + 1;
      if (firstIndex > count) {
        throw new Error(`storage: room ${code} has ${count} actions; cannot append at index ${firstIndex} (a gap)`);
      }
      const insert = this.s().insertAction;
      actions.forEach((action, i) => insert.run(code, firstIndex + i, json(action)));
    }).immediate();
  }

  async setRoomStatus(code: string, status: RoomStatus): Promise<void> {
    this.s().setStatus.run(status, code);
  }

  async upsertSeat(seat: SeatRecord): Promise<void> {
    this.s().upsertSeat.run(seat.roomCode, seat.playerId, seat.tokenHash, seat.name, seat.teamId);
  }

  async loadRoom(code: string): Promise<LoadedRoom | null> {
    return this.db.transaction(() => {
      const row = this.s().room.get(code) as RoomRow | undefined;
      if (!row) return null;
      const room: RoomRecord = {
        code: row.code,
        mode: row.mode as GameMode,
        packId: row.pack_id,
        packTitle: row.pack_title,
        config: parse<GameConfig>(row.config),
        seed: row.seed,
        hostKeyHash: row.host_key_hash,
        createdAt: row.created_at,
        status: row.status as RoomStatus,
      };
      const actions = (this.s().actions.pluck().all(code) as string[]).map((text) => parse<Action>(text));
      const seats = (this.s().seats.all(code) as SeatRow[]).map(seatFromRow);
      return { room, actions, seats };
    })();
  }

  async activeRoomCodes(): Promise<string[]> {
    return this.s().activeCodes.pluck().all() as string[];
  }

  async saveFinishedGame(game: FinishedGame): Promise<void> {
    this.saveFinishedGameSync(game);
  }

  /** The synchronous core of saveFinishedGame: one IMMEDIATE transaction, prepared statements. */
  saveFinishedGameSync(game: FinishedGame): void {
    const s = this.s();
    this.db.transaction(() => {
      const inserted = s.insertGame.run(
        game.gameId,
        game.roomCode,
        game.hostKeyHash,
        game.packId,
        game.packTitle,
        game.mode,
        game.seed,
        game.startedAt,
        game.finishedAt,
        game.players.length,
        topPlayerName(game),
        game.bills && game.bills.length > 0 ? json(game.bills) : null,
        game.config ? json(game.config) : null,
      );
      if (inserted.changes === 0) return; // saved before: a retry
      const id = game.gameId;
      game.players.forEach((p, i) => s.insertPlayer.run(id, i, p.playerId, p.name, p.teamId, p.score, p.rank, p.bot ? 1 : 0));
      game.questions.forEach((q, i) => s.insertQuestion.run(id, i, q.questionId, q.topic, q.type, q.prompt));
      game.answers.forEach((a, i) =>
        s.insertAnswer.run(id, i, a.playerId, a.questionId, a.topic, a.correctness, a.points, a.elapsedMs),
      );
      game.decisions.forEach((d, i) =>
        s.insertDecision.run(id, i, d.playerId, d.hostId, d.cardId, d.cardTitle, d.topic, d.kind, d.placement, d.points, json(d.why)),
      );
      game.scoreChanges.forEach((c, i) => s.insertScoreChange.run(id, i, c.playerId, c.delta, json(c.why)));
      s.insertActionLog.run(id, json(game.actions));
    }).immediate();
  }

  async listGames(hostKeyHash: string, limit?: number): Promise<GameSummary[]> {
    const rows = this.s().listGames.all(hostKeyHash, clampLimit(limit, DEFAULT_LIST_LIMIT)) as GameRow[];
    return rows.map((row) => ({
      gameId: row.game_id,
      packTitle: row.pack_title,
      mode: row.mode as GameMode,
      finishedAt: row.finished_at,
      playerCount: row.player_count,
      topPlayer: row.top_player,
    }));
  }

  async getGame(gameId: string): Promise<FinishedGame | null> {
    const s = this.s();
    return this.db.transaction((): FinishedGame | null => {
      const row = s.game.get(gameId) as GameRow | undefined;
      if (!row) return null;
      const players = (s.players.all(gameId) as Array<Record<string, unknown>>).map((r) => ({
        playerId: r.player_id as string,
        name: r.name as string,
        teamId: r.team_id as string | null,
        score: r.score as number,
        rank: r.rank as number,
        bot: r.bot === 1,
      }));
      const questions = (s.questions.all(gameId) as Array<Record<string, unknown>>).map((r) => ({
        questionId: r.question_id as string,
        topic: r.topic as TopicId,
        type: r.type as string,
        prompt: r.prompt as string,
      }));
      const answers = (s.answers.all(gameId) as Array<Record<string, unknown>>).map((r) => ({
        playerId: r.player_id as string,
        questionId: r.question_id as string,
        topic: r.topic as TopicId,
        correctness: r.correctness as number,
        points: r.points as number,
        elapsedMs: r.elapsed_ms as number,
      }));
      const decisions = (s.decisions.all(gameId) as Array<Record<string, unknown>>).map((r) => ({
        playerId: r.player_id as string,
        hostId: r.host_id as string,
        cardId: r.card_id as string,
        cardTitle: r.card_title as string,
        topic: r.topic as TopicId,
        kind: r.kind as DeployKind | null,
        placement: r.placement as Placement,
        points: r.points as number,
        why: parse<Why[]>(r.why),
      }));
      const scoreChanges = (s.scoreChanges.all(gameId) as Array<Record<string, unknown>>).map((r) => ({
        playerId: r.player_id as string,
        delta: r.delta as number,
        why: parse<Why[]>(r.why),
      }));
      const log = s.actionLog.pluck().get(gameId) as string | undefined;
      return {
        gameId: row.game_id,
        roomCode: row.room_code,
        hostKeyHash: row.host_key_hash,
        packId: row.pack_id,
        packTitle: row.pack_title,
        mode: row.mode as GameMode,
        seed: row.seed,
        startedAt: row.started_at,
        finishedAt: row.finished_at,
        players,
        questions,
        answers,
        decisions,
        scoreChanges,
        ...(row.bills !== null ? { bills: parse<RaceBill[]>(row.bills) } : {}),
        ...(row.config !== null ? { config: parse<GameConfig>(row.config) } : {}),
        actions: log === undefined ? [] : parse<Action[]>(log),
      };
    })();
  }

  async saveSoloRun(run: SoloRunRecord): Promise<void> {
    this.s().insertSolo.run(
      run.runId,
      run.board,
      run.playerName,
      run.score,
      run.bestPlanRatio,
      run.packId,
      run.seed,
      run.createdAt,
      json(run.actions),
    );
  }

  async soloLeaderboard(board: string, limit: number): Promise<SoloRunRecord[]> {
    return (this.s().leaderboard.all(board, clampLimit(limit, DEFAULT_LIST_LIMIT)) as SoloRow[]).map(soloFromRow);
  }

  async purgeOlderThan(cutoffMs: number): Promise<number> {
    const s = this.s();
    return this.db.transaction(() => {
      const games = s.purgeGames.run(cutoffMs).changes;
      const runs = s.purgeSolo.run(cutoffMs).changes;
      const rooms = s.purgeRooms.run(cutoffMs).changes;
      return games + runs + rooms;
    }).immediate();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.db.close();
  }
}

function checkIndex(index: number): void {
  if (!Number.isSafeInteger(index) || index < 0) throw new Error(`storage: bad action index ${index}`);
}

function lazyStatements(db: Db) {
  let cached: ReturnType<typeof prepareAll> | undefined;
  return () => (cached ??= prepareAll(db));
}

function prepareAll(db: Db) {
  const p = (sql: string) => db.prepare(sql);
  return {
    roomStatus: p('SELECT status FROM rooms WHERE code = ?'),
    deleteRoom: p('DELETE FROM rooms WHERE code = ?'),
    insertRoom: p(
      'INSERT INTO rooms (code, mode, pack_id, pack_title, config, seed, host_key_hash, created_at, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    actionLast: p('SELECT max(idx) FROM room_actions WHERE room_code = ?'),
    insertAction: p('INSERT INTO room_actions (room_code, idx, action) VALUES (?, ?, ?) ON CONFLICT (room_code, idx) DO NOTHING'),
    setStatus: p('UPDATE rooms SET status = ? WHERE code = ?'),
    upsertSeat: p(
      'INSERT INTO seats (room_code, player_id, token_hash, name, team_id) VALUES (?, ?, ?, ?, ?) ' +
        'ON CONFLICT (room_code, player_id) DO UPDATE SET token_hash = excluded.token_hash, name = excluded.name, team_id = excluded.team_id',
    ),
    room: p('SELECT * FROM rooms WHERE code = ?'),
    actions: p('SELECT action FROM room_actions WHERE room_code = ? ORDER BY idx'),
    seats: p('SELECT room_code, player_id, token_hash, name, team_id FROM seats WHERE room_code = ? ORDER BY rowid'),
    activeCodes: p("SELECT code FROM rooms WHERE status = 'active' ORDER BY created_at, code"),
    insertGame: p(
      'INSERT INTO games (game_id, room_code, host_key_hash, pack_id, pack_title, mode, seed, started_at, finished_at, player_count, top_player, bills, config) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (game_id) DO NOTHING',
    ),
    insertPlayer: p('INSERT INTO game_players (game_id, ord, player_id, name, team_id, score, rank, bot) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'),
    insertQuestion: p('INSERT INTO game_questions (game_id, ord, question_id, topic, type, prompt) VALUES (?, ?, ?, ?, ?, ?)'),
    insertAnswer: p(
      'INSERT INTO game_answers (game_id, ord, player_id, question_id, topic, correctness, points, elapsed_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertDecision: p(
      'INSERT INTO game_decisions (game_id, ord, player_id, host_id, card_id, card_title, topic, kind, placement, points, why) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ),
    insertScoreChange: p('INSERT INTO game_score_changes (game_id, ord, player_id, delta, why) VALUES (?, ?, ?, ?, ?)'),
    insertActionLog: p('INSERT INTO game_action_logs (game_id, actions) VALUES (?, ?)'),
    listGames: p('SELECT * FROM games WHERE host_key_hash = ? ORDER BY finished_at DESC, game_id LIMIT ?'),
    game: p('SELECT * FROM games WHERE game_id = ?'),
    players: p('SELECT * FROM game_players WHERE game_id = ? ORDER BY ord'),
    questions: p('SELECT * FROM game_questions WHERE game_id = ? ORDER BY ord'),
    answers: p('SELECT * FROM game_answers WHERE game_id = ? ORDER BY ord'),
    decisions: p('SELECT * FROM game_decisions WHERE game_id = ? ORDER BY ord'),
    scoreChanges: p('SELECT * FROM game_score_changes WHERE game_id = ? ORDER BY ord'),
    actionLog: p('SELECT actions FROM game_action_logs WHERE game_id = ?'),
    insertSolo: p(
      'INSERT INTO solo_runs (run_id, board, player_name, score, best_plan_ratio, pack_id, seed, created_at, actions) ' +
        'VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (run_id) DO NOTHING',
    ),
    leaderboard: p('SELECT * FROM solo_runs WHERE board = ? ORDER BY score DESC, created_at, run_id LIMIT ?'),
    purgeGames: p('DELETE FROM games WHERE finished_at < ?'),
    purgeSolo: p('DELETE FROM solo_runs WHERE created_at < ?'),
    purgeRooms: p("DELETE FROM rooms WHERE status <> 'active' AND created_at < ?"),
  };
}
