// The storage contract the rooms server codes against. Two adapters implement it: SQLite (default, embedded)
// and PostgreSQL. Times are epoch milliseconds; configs and action logs are stored as JSON.
import type { GamePack } from '../../shared/content/pack.js';
import type {
  Action,
  DeployKind,
  GameConfig,
  GameMode,
  Lang,
  Placement,
  TopicId,
  Why,
} from '../../shared/engine/types.js';
import type { Standing } from '../../shared/engine/standings.js';
import type { RaceBill } from '../../shared/protocol/types.js';

/** An action's stored form: its JSON text (what appendActions writes, and what a live room keeps). */
export type ActionText = string & { readonly __actionText: true };

export type RoomStatus = 'active' | 'finished' | 'abandoned';

export interface RoomRecord {
  code: string;
  mode: GameMode;
  packId: string;
  packTitle: string;
  config: GameConfig;
  seed: string;
  hostKeyHash: string;
  createdAt: number;
  status: RoomStatus;
}

export interface SeatRecord {
  roomCode: string;
  playerId: string;
  tokenHash: string;
  name: string;
  teamId: string | null;
}

/** A player's final standing (stored in join order, not by rank). */
export type FinishedPlayer = Standing;
export interface FinishedQuestion {
  questionId: string;
  topic: TopicId;
  type: string;
  prompt: string;
}
export interface FinishedAnswer {
  playerId: string;
  questionId: string;
  topic: TopicId;
  correctness: number;
  points: number;
  elapsedMs: number;
}
export interface FinishedDecision {
  playerId: string;
  hostId: string;
  cardId: string;
  cardTitle: string;
  topic: TopicId;
  kind: DeployKind | null;
  placement: Placement;
  points: number;
  why: Why[];
}
export interface FinishedScoreChange {
  playerId: string;
  delta: number;
  why: Why[];
}

export interface FinishedGame {
  gameId: string;
  roomCode: string;
  hostKeyHash: string;
  packId: string;
  packTitle: string;
  mode: GameMode;
  seed: string;
  startedAt: number;
  finishedAt: number;
  players: FinishedPlayer[];
  questions: FinishedQuestion[];
  answers: FinishedAnswer[];
  decisions: FinishedDecision[];
  scoreChanges: FinishedScoreChange[];
  /** Each race's cloud bills, in race order (games.bills, migration 002); absent when no race was billed. */
  bills?: RaceBill[];
  /** The game's config (games.config, migration 002), for a step-by-step replay with `seed` and `actions`. */
  config?: GameConfig;
  /** The full log, so the game can be replayed step by step. */
  actions: Action[];
}

/**
 * A finished game as a room hands it to storage: its log as the room keeps it, each action as its stored text (or
 * the action): a 4,100-player game's ~100,000 actions are written as they are, not read back and written again.
 */
export type GameToStore = Omit<FinishedGame, 'actions'> & { actions: ReadonlyArray<Action | ActionText> };

export interface GameSummary {
  gameId: string;
  packTitle: string;
  mode: GameMode;
  finishedAt: number;
  playerCount: number;
  topPlayer: string | null;
}

export interface SoloRunRecord {
  runId: string;
  board: string;
  playerName: string;
  score: number;
  bestPlanRatio: number | null;
  packId: string;
  seed: string;
  createdAt: number;
  actions: Action[];
}

/**
 * A pack a teacher imported (imported_packs, migration 003) under the id the server gave it. Saved as validated;
 * read back as `ImportedPack<unknown>`: the reader validates it again before use (server/rooms/packs.ts).
 */
export interface ImportedPack<P = GamePack> {
  id: string;
  createdAt: number;
  pack: P;
  /** Written with the pack (migration 004); not read back by getImportedPack (see getImportedPackAccess). */
  ownerKeyHash?: string;
  shared?: boolean;
}

/** Who may use an imported pack (migration 004): its owner's host key hash ('' for none), and whether it is shared. */
export interface ImportedPackAccess {
  ownerKeyHash: string;
  shared: boolean;
}

/** Whose imported packs a list shows: every one ('all', an operator), or the shared ones and this owner's. */
export type ImportedPackViewer = 'all' | { ownerKeyHash: string | null };

/** An imported pack as the pack list shows it (columns derived when saved), without the pack itself. */
export interface ImportedPackSummary {
  id: string;
  createdAt: number;
  title: string;
  language: Lang;
  description: string;
  questionCount: number;
  cardCount: number;
  scenarioCount: number;
  roundCount: number;
  /** Migration 004: the importer's host key hash ('' for a pack imported before owners existed), and sharing. */
  ownerKeyHash: string;
  shared: boolean;
  /** Migration 005: the latest version (1 when imported) and when it was saved. */
  version: number;
  updatedAt: number;
}

/** A live (not deleted) pack's state (migration 005): who may use it, and its latest version. */
export interface PackState extends ImportedPackAccess {
  version: number;
  createdAt: number;
  updatedAt: number;
}

/** One stored version of a pack, without the pack (GET /api/workshop/packs/:id/versions). */
export interface PackVersionInfo {
  version: number;
  savedAt: number;
  title: string;
  questionCount: number;
}

/** A new version's outcome: saved as `version`, or refused (no such live pack; `baseVersion` is not the latest). */
export type SaveVersionResult =
  { ok: true; version: number } | { ok: false; reason: 'unknown' } | { ok: false; reason: 'conflict'; latest: number };

export interface LoadedRoom {
  room: RoomRecord;
  actions: Action[];
  seats: SeatRecord[];
}

export interface Storage {
  readonly kind: 'sqlite' | 'postgres';
  /** Replaces a finished or abandoned room with the same code; throws if that code is still active. */
  createRoom(room: RoomRecord): Promise<void>;
  /**
   * Appends to a room's action log; idempotent per (code, index) so a retried write never duplicates.
   * Rejects a firstIndex past the end of the log (a gap) and an unknown room. An action may come as its stored text
   * already (a live room keeps its log so: server/rooms/action-log.ts).
   */
  appendActions(code: string, firstIndex: number, actions: ReadonlyArray<Action | ActionText>): Promise<void>;
  setRoomStatus(code: string, status: RoomStatus): Promise<void>;
  upsertSeat(seat: SeatRecord): Promise<void>;
  loadRoom(code: string): Promise<LoadedRoom | null>;
  activeRoomCodes(): Promise<string[]>;
  /** One transaction: the game and all its rows. Idempotent per gameId. */
  saveFinishedGame(game: GameToStore): Promise<void>;
  /** Newest first. */
  listGames(hostKeyHash: string, limit?: number): Promise<GameSummary[]>;
  getGame(gameId: string): Promise<FinishedGame | null>;
  /** Idempotent per runId. */
  saveSoloRun(run: SoloRunRecord): Promise<void>;
  /** Score descending, then earliest createdAt first. */
  soloLeaderboard(board: string, limit: number): Promise<SoloRunRecord[]>;
  /**
   * Deletes finished games and solo runs older than the cutoff (retention setting for data about minors), and rooms
   * no longer active created before it (their seats hold names). Returns how many games, runs and rooms went.
   */
  purgeOlderThan(cutoffMs: number): Promise<number>;
  /**
   * Stores an imported (or new workshop) pack as its version 1; idempotent per id (a second save changes nothing).
   * Refused ('limit', nothing stored) when its owner already has `cap` live packs: the cap is per owner, never a
   * silent deletion. In the same transaction, packs deleted more than WORKSHOP_UNDO_MS before `createdAt` go for good.
   */
  saveImportedPack(pack: ImportedPack, cap: number): Promise<'saved' | 'limit'>;
  /** The latest version as saved, not validated again (the caller does that); null when unknown or deleted. */
  getImportedPack(id: string): Promise<ImportedPack<unknown> | null>;
  /**
   * Live packs, newest first (createdAt, then id, descending): every pack, or those `viewer` may see (shared, or
   * its own).
   */
  listImportedPacks(limit: number, viewer?: ImportedPackViewer): Promise<ImportedPackSummary[]>;
  /** A live pack's owner and sharing, read fresh (the owner may share it from any process); null if none. */
  getImportedPackAccess(id: string): Promise<ImportedPackAccess | null>;
  /** Shares (or unshares) a live pack on this server; false when there is no such pack. */
  setImportedPackShared(id: string, shared: boolean): Promise<boolean>;
  /** Migration 005: a live pack's access and latest version, read fresh; null when unknown or deleted. */
  getPackState(id: string): Promise<PackState | null>;
  /** A stored version's pack (never changes once saved), not validated again; null when unknown, pruned or deleted. */
  getPackVersion(id: string, version: number): Promise<unknown>;
  /**
   * Saves `pack` as the next version of a live pack if `baseVersion` is its latest (one transaction); the summary
   * columns follow; only the newest `keepVersions` versions are kept.
   */
  savePackVersion(
    id: string,
    pack: GamePack,
    baseVersion: number,
    savedAt: number,
    keepVersions: number,
  ): Promise<SaveVersionResult>;
  /** A live pack's stored versions, newest first. */
  listPackVersions(id: string): Promise<PackVersionInfo[]>;
  /** Soft-deletes a live pack at `at`; false when there is no such live pack. */
  deletePack(id: string, at: number): Promise<boolean>;
  /**
   * Brings back a pack deleted at or after `deletedSince`, unless its owner has `cap` live packs by now: 'limit';
   * 'unknown' when there is no such deleted pack of `owner` (null: any owner, an operator), or it was deleted
   * before `deletedSince`.
   */
  undeletePack(
    id: string,
    owner: string | null,
    deletedSince: number,
    cap: number,
  ): Promise<'ok' | 'unknown' | 'limit'>;
  /** Admits a host key (its hash) as a teacher (HOSTRUSH_TEACHER_PASSWORD); idempotent. */
  admitTeacher(hostKeyHash: string, at: number): Promise<void>;
  isTeacherAdmitted(hostKeyHash: string): Promise<boolean>;
  /**
   * Applies pending schema migrations (createStorage already does); returns the names applied, none when up to date.
   */
  migrate(): Promise<string[]>;
  /** One trivial query (GET /readyz): resolves when the database answers, rejects when it does not. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** PostgreSQL when it starts with postgres:// or postgresql://; else SQLite. */
  databaseUrl?: string;
  /** SQLite file; default data/hostrush.db. ':memory:' allowed. */
  sqlitePath?: string;
  /** PostgreSQL schema to use (created if missing), so tests can run isolated. */
  pgSchema?: string;
}
