// What the SQLite and PostgreSQL adapters share: each table's columns, the mapping between rows and records, and
// the checks and messages both must give alike. A record's camelCase field is stored in the snake_case column.
import type { GamePack } from '../../shared/content/pack.js';
import type { Action, GameConfig } from '../../shared/engine/types.js';
import type { RaceBill } from '../../shared/protocol/types.js';
import { topPlayerName } from './summary.js';
import type {
  ActionText,
  FinishedAnswer,
  FinishedDecision,
  FinishedGame,
  FinishedPlayer,
  FinishedQuestion,
  FinishedScoreChange,
  GameSummary,
  GameToStore,
  ImportedPack,
  ImportedPackAccess,
  ImportedPackSummary,
  PackState,
  PackVersionInfo,
  RoomRecord,
  SeatRecord,
  SoloRunRecord,
} from './types.js';

/**
 * How a field is stored: 'id' identifiers and enum values, as they are; 'text' free text from people or packs
 * (PostgreSQL cannot hold U+0000 in it); 'int', 'float'; 'ms' epoch milliseconds (a bigint, which pg reads back
 * as a string); 'bool'; 'json'.
 */
export type Kind = 'id' | 'text' | 'int' | 'float' | 'ms' | 'bool' | 'json';

export type Row = Record<string, unknown>;

export interface Table<T> {
  readonly name: string;
  readonly fields: readonly string[];
  readonly columns: readonly string[];
  readonly kinds: readonly Kind[];
  /** Type only: the record a row maps to. */
  readonly record?: T;
}

function table<T>(name: string, kinds: { readonly [K in keyof T]-?: Kind }): Table<T> {
  const fields = Object.keys(kinds);
  return {
    name,
    fields,
    columns: fields.map((field) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)),
    kinds: Object.values(kinds),
  };
}

type GameHeader = Pick<
  FinishedGame,
  'gameId' | 'roomCode' | 'hostKeyHash' | 'packId' | 'packTitle' | 'mode' | 'seed' | 'startedAt' | 'finishedAt'
>;
/** The games row: a finished game without its lists and log, with two derived columns and migration 002's. */
interface GameRow extends GameHeader {
  playerCount: number;
  topPlayer: string | null;
  bills: RaceBill[] | null;
  config: GameConfig | null;
}
/** The imported_packs row: the pack's summary columns (derived when saved) and the pack as JSON. */
interface ImportedPackRow extends ImportedPackSummary {
  pack: unknown;
}
/** The imported_packs columns the pack list reads. */
const IMPORTED_PACK_SUMMARY: { readonly [K in keyof ImportedPackSummary]-?: Kind } = {
  id: 'id',
  createdAt: 'ms',
  title: 'text',
  language: 'id',
  description: 'text',
  questionCount: 'int',
  cardCount: 'int',
  scenarioCount: 'int',
  roundCount: 'int',
  ownerKeyHash: 'id',
  shared: 'bool',
  version: 'int',
  updatedAt: 'ms',
};
export const TABLES = {
  rooms: table<RoomRecord>('rooms', {
    code: 'id',
    mode: 'id',
    packId: 'id',
    packTitle: 'text',
    config: 'json',
    seed: 'id',
    hostKeyHash: 'id',
    createdAt: 'ms',
    status: 'id',
  }),
  seats: table<SeatRecord>('seats', { roomCode: 'id', playerId: 'id', tokenHash: 'id', name: 'text', teamId: 'id' }),
  soloRuns: table<SoloRunRecord>('solo_runs', {
    runId: 'id',
    board: 'id',
    playerName: 'text',
    score: 'float',
    bestPlanRatio: 'float',
    packId: 'id',
    seed: 'id',
    createdAt: 'ms',
    actions: 'json',
  }),
  games: table<GameRow>('games', {
    gameId: 'id',
    roomCode: 'id',
    hostKeyHash: 'id',
    packId: 'id',
    packTitle: 'text',
    mode: 'id',
    seed: 'id',
    startedAt: 'ms',
    finishedAt: 'ms',
    playerCount: 'int',
    topPlayer: 'text',
    bills: 'json',
    config: 'json',
  }),
  /** The games row as the host's game list reads it (player_count and top_player are derived when saved). */
  gameSummaries: table<GameSummary>('games', {
    gameId: 'id',
    packTitle: 'text',
    mode: 'id',
    finishedAt: 'ms',
    playerCount: 'int',
    topPlayer: 'text',
  }),
  importedPacks: table<ImportedPackRow>('imported_packs', { ...IMPORTED_PACK_SUMMARY, pack: 'json' }),
  /** The imported_packs row as the pack list reads it (never the pack itself: it may be 1 MB). */
  importedPackSummaries: table<ImportedPackSummary>('imported_packs', IMPORTED_PACK_SUMMARY),
};

export type GameList = 'players' | 'questions' | 'answers' | 'decisions' | 'scoreChanges';

/** A finished game's lists, one table each; a row also holds game_id and ord (its place in the list). */
export const GAME_LISTS: { readonly [K in GameList]: Table<FinishedGame[K][number]> } = {
  players: table<FinishedPlayer>('game_players', {
    playerId: 'id',
    name: 'text',
    teamId: 'id',
    score: 'float',
    rank: 'int',
    bot: 'bool',
  }),
  questions: table<FinishedQuestion>('game_questions', { questionId: 'id', topic: 'id', type: 'id', prompt: 'text' }),
  answers: table<FinishedAnswer>('game_answers', {
    playerId: 'id',
    questionId: 'id',
    topic: 'id',
    correctness: 'float',
    points: 'float',
    elapsedMs: 'float',
  }),
  decisions: table<FinishedDecision>('game_decisions', {
    playerId: 'id',
    hostId: 'id',
    cardId: 'id',
    cardTitle: 'text',
    topic: 'id',
    kind: 'id',
    placement: 'id',
    points: 'float',
    why: 'json',
  }),
  scoreChanges: table<FinishedScoreChange>('game_score_changes', { playerId: 'id', delta: 'float', why: 'json' }),
};
export const GAME_LIST_NAMES = Object.keys(GAME_LISTS) as GameList[];

/** `INSERT INTO table (leading..., columns...) VALUES (...)`, each value written by `mark` (1-based, with its kind). */
export function insertSql<T>(
  t: Table<T>,
  mark: (n: number, kind: Kind | undefined) => string,
  leading: string[] = [],
): string {
  const kinds = [...leading.map(() => undefined), ...t.kinds];
  return (
    `INSERT INTO ${t.name} (${[...leading, ...t.columns].join(', ')}) VALUES ` +
    `(${kinds.map((kind, i) => mark(i + 1, kind)).join(', ')})`
  );
}

type Convert = (value: unknown) => unknown;

/**
 * An adapter's mapping between records and rows: per kind, what its driver binds (write) and gives back (read).
 * null (SQL NULL) stays null either way.
 */
export class Codec {
  readonly write: Record<Kind, Convert>;
  readonly read: Record<Kind, Convert>;

  /** Every kind is kept as it is but where the adapter says otherwise. */
  constructor(write: Partial<Record<Kind, Convert>>, read: Partial<Record<Kind, Convert>>) {
    const kinds: Kind[] = ['id', 'text', 'int', 'float', 'ms', 'bool', 'json'];
    const fill = (given: Partial<Record<Kind, Convert>>) =>
      Object.fromEntries(
        kinds.map((kind) => {
          const convert = given[kind];
          return [
            kind,
            convert ? (value: unknown) => (value == null ? value : convert(value)) : (value: unknown) => value,
          ];
        }),
      ) as Record<Kind, Convert>;
    this.write = fill(write);
    this.read = fill(read);
  }

  /** The record a row holds. */
  record<T>(t: Table<T>, row: Row): T {
    const record: Row = {};
    t.fields.forEach((field, i) => {
      record[field] = this.read[t.kinds[i]!](row[t.columns[i]!]);
    });
    return record as T;
  }

  /** A record's values in column order, as the driver binds them. */
  values<T>(t: Table<T>, record: T): unknown[] {
    return t.fields.map((field, i) => this.write[t.kinds[i]!]((record as Row)[field]));
  }

  /** The games row's values for a finished game. */
  gameValues(game: GameToStore): unknown[] {
    return this.values(TABLES.games, {
      ...game,
      playerCount: game.players.length,
      topPlayer: topPlayerName(game),
      bills: game.bills && game.bills.length > 0 ? game.bills : null,
      config: game.config ?? null,
    });
  }

  /** The imported_packs row's values for an imported pack. */
  importedPackValues({ id, createdAt, pack, ownerKeyHash, shared }: ImportedPack): unknown[] {
    return this.values(TABLES.importedPacks, {
      id,
      createdAt,
      title: pack.meta.title,
      language: pack.meta.language,
      description: pack.meta.description,
      questionCount: pack.questions.length,
      cardCount: pack.cards.length,
      scenarioCount: pack.scenarios.length,
      roundCount: pack.rounds.length,
      ownerKeyHash: ownerKeyHash ?? '',
      shared: shared ?? false,
      version: 1,
      updatedAt: createdAt,
      pack,
    });
  }

  /** A pack_versions row's values (PACK_VERSION_COLUMNS) for a pack saved as `version` at `savedAt`. */
  packVersionValues(id: string, version: number, savedAt: number, pack: GamePack): unknown[] {
    return [id, version, savedAt, this.write.text(pack.meta.title), pack.questions.length, this.write.json(pack)];
  }

  /** The summary columns a new version updates, in PACK_UPDATE_COLUMNS order. */
  packUpdateValues(version: number, savedAt: number, pack: GamePack): unknown[] {
    return [
      version,
      savedAt,
      this.write.text(pack.meta.title),
      pack.meta.language,
      this.write.text(pack.meta.description),
      pack.questions.length,
      pack.cards.length,
      pack.scenarios.length,
      pack.rounds.length,
      this.write.json(pack),
    ];
  }

  /** A live pack's state (PACK_STATE_SQL's row). */
  packState(row: Row): PackState {
    return {
      ...this.importedPackAccess(row),
      version: Number(row.version),
      createdAt: Number(this.read.ms(row.created_at)),
      updatedAt: Number(this.read.ms(row.updated_at)),
    };
  }

  /** A pack_versions row without its pack. */
  packVersionInfo(row: Row): PackVersionInfo {
    return {
      version: Number(row.version),
      savedAt: Number(this.read.ms(row.saved_at)),
      title: String(row.title),
      questionCount: Number(row.question_count),
    };
  }

  /** An imported pack from its imported_packs row; the pack as stored, not validated again. */
  importedPack(row: Row): ImportedPack<unknown> {
    const { id, createdAt, pack } = this.record(TABLES.importedPacks, row);
    return { id, createdAt, pack };
  }

  /** An imported pack's access columns (importedPackAccessSql's row). */
  importedPackAccess(row: Row): ImportedPackAccess {
    return {
      ownerKeyHash: (this.read.id(row.owner_key_hash) as string | null) ?? '',
      shared: this.read.bool(row.shared) === true,
    };
  }

  /** A finished game from its games row, its lists' rows (each in ord order) and its stored action log, if any. */
  game(row: Row, lists: { [K in GameList]: Row[] }, actions: unknown): FinishedGame {
    const list = <K extends GameList>(name: K) => lists[name].map((r) => this.record(GAME_LISTS[name], r));
    const { playerCount: _count, topPlayer: _top, bills, config, ...header } = this.record(TABLES.games, row);
    return {
      ...header,
      players: list('players'),
      questions: list('questions'),
      answers: list('answers'),
      decisions: list('decisions'),
      scoreChanges: list('scoreChanges'),
      // Migration 002's columns: NULL for a game saved without them.
      ...(bills != null ? { bills } : {}),
      ...(config != null ? { config } : {}),
      actions: actions === undefined ? [] : (this.read.json(actions) as Action[]),
    };
  }
}

export function checkActionIndex(index: number): void {
  if (!Number.isSafeInteger(index) || index < 0) throw new Error(`storage: bad action index ${index}`);
}

/** A log's JSON array, each action (its object or its stored text) as the adapter writes one. */
export const logJson = (
  actions: ReadonlyArray<Action | ActionText>,
  actionJson: (action: Action | ActionText) => string,
): string => `[${actions.map(actionJson).join(',')}]`;

/** Appending at `firstIndex` to a log of `count` actions; an index already there is a retry and is skipped. */
export function checkNoGap(code: string, count: number, firstIndex: number): void {
  if (firstIndex > count) {
    throw new Error(`storage: room ${code} has ${count} actions; cannot append at index ${firstIndex} (a gap)`);
  }
}

export const activeRoomError = (code: string) => new Error(`storage: room ${code} already exists and is active`);
export const unknownRoomError = (code: string) => new Error(`storage: unknown room ${code}`);

/** A pack cap or a number of versions to keep: at least one. */
export function checkKeep(keep: number): void {
  if (!Number.isSafeInteger(keep) || keep < 1) throw new Error(`storage: bad number of packs or versions ${keep}`);
}

/** The pack_versions columns a version is inserted with (packVersionValues' order). */
export const PACK_VERSION_COLUMNS = 'pack_id, version, saved_at, title, question_count, pack';
/** The imported_packs columns a new version sets (packUpdateValues' order). */
export const PACK_UPDATE_COLUMNS = [
  'version',
  'updated_at',
  'title',
  'language',
  'description',
  'question_count',
  'card_count',
  'scenario_count',
  'round_count',
  'pack',
];
/** Live packs of one owner (the cap's count); `mark` writes the owner parameter. */
export const countLivePacksSql = (mark: string): string =>
  `SELECT count(*) AS n FROM imported_packs WHERE owner_key_hash = ${mark} AND deleted_at IS NULL`;
/** Packs deleted before the cutoff go for good (their versions with them). */
export const purgeDeletedPacksSql = (mark: string): string =>
  `DELETE FROM imported_packs WHERE deleted_at IS NOT NULL AND deleted_at < ${mark}`;
export const packStateSql = (mark: string): string =>
  'SELECT owner_key_hash, shared, version, created_at, updated_at FROM imported_packs ' +
  `WHERE id = ${mark} AND deleted_at IS NULL`;
/** Versions older than the newest `keep` of one pack: `id` and `below` mark the pack and the lowest version kept. */
export const prunePackVersionsSql = (id: string, below: string): string =>
  `DELETE FROM pack_versions WHERE pack_id = ${id} AND version < ${below}`;
export const listPackVersionsSql = (mark: string): string =>
  'SELECT v.version, v.saved_at, v.title, v.question_count FROM pack_versions v JOIN imported_packs p ' +
  `ON p.id = v.pack_id WHERE v.pack_id = ${mark} AND p.deleted_at IS NULL ORDER BY v.version DESC`;
export const packVersionSql = (id: string, version: string): string =>
  'SELECT v.pack FROM pack_versions v JOIN imported_packs p ON p.id = v.pack_id ' +
  `WHERE v.pack_id = ${id} AND v.version = ${version} AND p.deleted_at IS NULL`;

/**
 * The newest imported packs' summary columns (never the pack itself). `owner` given: only the shared ones and those
 * of the owner its parameter names, the owner's first (`owner` marks the owner, used twice, `limit` the count; ''
 * matches no owner).
 */
export const listImportedPacksSql = (limit: string, owner?: string): string =>
  `SELECT ${TABLES.importedPackSummaries.columns.join(', ')} FROM imported_packs` +
  ' WHERE deleted_at IS NULL' +
  (owner ? ` AND (shared OR (owner_key_hash = ${owner} AND owner_key_hash <> ''))` : '') +
  // The viewer's own first, so a server with many shared packs never pushes a teacher's own past the limit.
  ` ORDER BY ${owner ? `(owner_key_hash = ${owner}) DESC, ` : ''}created_at DESC, id DESC LIMIT ${limit}`;
export const importedPackAccessSql = (mark: string): string =>
  `SELECT owner_key_hash, shared FROM imported_packs WHERE id = ${mark} AND deleted_at IS NULL`;
