// One suite, run once per storage adapter (SQLite in memory, SQLite on disk, PostgreSQL when DATABASE_URL is set),
// in the style of a driver test: every adapter must behave the same.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinPack } from '../../shared/content/builtin.js';
import type { GamePack } from '../../shared/content/pack.js';
import type { Action, GameConfig } from '../../shared/engine/types.js';
import type { RaceBill } from '../../shared/protocol/types.js';
import { readConfig } from '../../server/config.js';
import {
  createStorage,
  DEFAULT_SQLITE_PATH,
  isPostgresUrl,
  isTransientError,
  readMigrations,
  sampleFinishedGame,
  withRetry,
} from '../../server/storage/index.js';
import type {
  ActionText,
  FinishedGame,
  ImportedPack,
  RoomRecord,
  SoloRunRecord,
  Storage,
} from '../../server/storage/index.js';

const DATABASE_URL = process.env.DATABASE_URL;
const PG_URL = isPostgresUrl(DATABASE_URL) ? DATABASE_URL : undefined;

interface Adapter {
  name: string;
  /** A fresh, empty storage. */
  open(): Promise<Storage>;
  /** Opens the same database again (a restart); undefined for an in-memory database. */
  reopen?: () => Promise<Storage>;
  cleanup(): Promise<void>;
}

let runCounter = 0;
const runId = `${process.pid}_${Date.now().toString(36)}`;

function sqliteMemory(): Adapter {
  return { name: 'sqlite :memory:', open: () => createStorage({ sqlitePath: ':memory:' }), cleanup: async () => {} };
}

function sqliteFile(): Adapter {
  let dir = '';
  const adapter: Adapter = {
    name: 'sqlite file',
    async open() {
      dir = mkdtempSync(join(tmpdir(), 'hostrush-storage-'));
      return createStorage({ sqlitePath: join(dir, 'nested', 'hostrush.db') });
    },
    reopen: () => createStorage({ sqlitePath: join(dir, 'nested', 'hostrush.db') }),
    async cleanup() {
      if (dir) rmSync(dir, { recursive: true, force: true });
    },
  };
  return adapter;
}

const adminPools: pg.Pool[] = [];
afterAll(async () => {
  await Promise.all(adminPools.map((pool) => pool.end()));
});

function postgres(url: string): Adapter {
  let schema = '';
  const admin = new pg.Pool({ connectionString: url, max: 1 });
  adminPools.push(admin);
  return {
    name: 'postgres',
    async open() {
      schema = `test_storage_${runId}_${++runCounter}`;
      return createStorage({ databaseUrl: url, pgSchema: schema });
    },
    reopen: () => createStorage({ databaseUrl: url, pgSchema: schema }),
    async cleanup() {
      if (schema) await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
  };
}

const adapters: Adapter[] = [sqliteMemory(), sqliteFile(), ...(PG_URL ? [postgres(PG_URL)] : [])];

// ---------------------------------------------------------------- fixtures

const config = {
  mode: 'classroom',
  rounds: [],
  teamCount: 0,
  lateJoin: true,
  lateJoinScore: 'zero',
} as unknown as GameConfig;

function room(code: string, over: Partial<RoomRecord> = {}): RoomRecord {
  return {
    code,
    mode: 'classroom',
    packId: 'builtin-ko',
    packTitle: '가상화 기초',
    config,
    seed: `seed-${code}`,
    hostKeyHash: 'host-a',
    createdAt: 1_700_000_000_000,
    status: 'active',
    ...over,
  };
}

const tick = (at: number): Action => ({ type: 'tick', actor: { role: 'system' }, at });
const join_ = (playerId: string, name: string, at: number): Action => ({
  type: 'join',
  actor: { role: 'player', playerId },
  at,
  playerId,
  name,
});

/** A small game with awkward values: Korean, quotes, commas, newlines, nulls, fractions, a bot. */
function trickyGame(gameId: string, over: Partial<FinishedGame> = {}): FinishedGame {
  return {
    gameId,
    roomCode: 'KOR123',
    hostKeyHash: 'host-a',
    packId: 'builtin-ko',
    packTitle: '가상화 "기초", 1부',
    mode: 'team',
    seed: 'seed-1',
    startedAt: 1_700_000_000_000,
    finishedAt: 1_700_000_900_000,
    players: [
      { playerId: 'p1', name: '김민준', teamId: 't1', score: 1234.5, rank: 1, bot: false },
      { playerId: 'p2', name: 'O\'Brien, "Bob"\nline2', teamId: 't2', score: 800, rank: 2, bot: false },
      { playerId: 'b1', name: 'Bot 🤖', teamId: null, score: 0, rank: 3, bot: true },
    ],
    questions: [
      {
        questionId: 'q1',
        topic: 'hypervisor-type1',
        type: 'single',
        prompt: 'Type 1 하이퍼바이저는 어디에서 실행되나요?',
      },
      { questionId: 'q2', topic: 'container', type: 'multi', prompt: '=SUM(A1), "quoted", comma' },
    ],
    answers: [
      { playerId: 'p1', questionId: 'q1', topic: 'hypervisor-type1', correctness: 1, points: 950, elapsedMs: 2_000 },
      { playerId: 'p2', questionId: 'q1', topic: 'hypervisor-type1', correctness: 0, points: 0, elapsedMs: 9_999.5 },
      {
        playerId: 'p1',
        questionId: 'q2',
        topic: 'container',
        correctness: 0.1 + 0.2,
        points: 284.5,
        elapsedMs: 15_000,
      },
    ],
    decisions: [
      {
        playerId: 'p1',
        hostId: 't1',
        cardId: 'c1',
        cardTitle: '급여 DB',
        topic: 'on-prem',
        kind: 'vm-full',
        placement: 'on-prem',
        points: 120,
        why: [
          {
            topic: 'on-prem',
            ko: '데이터는 사내에 있어야 합니다.',
            en: 'Data must stay on the premises.',
            source: 'NIST',
          },
        ],
      },
      {
        playerId: 'p2',
        hostId: 't2',
        cardId: 'c2',
        cardTitle: 'Mail',
        topic: 'service-models',
        kind: null,
        placement: 'saas',
        points: -15.25,
        why: [],
      },
    ],
    scoreChanges: [
      {
        playerId: 'p1',
        delta: 120,
        why: [{ topic: 'vm', ko: '게스트 OS', en: 'Guest OS "overhead"\\', source: 'GUESS' }],
      },
    ],
    bills: [bill('p1', '김민준')],
    config,
    actions: [join_('p1', '김민준', 1), { type: 'start', actor: { role: 'host' }, at: 2 }, tick(3)],
    ...over,
  };
}

/** A race bill as the recorder stores it (games.bills, migration 002). */
function bill(playerId: string, name: string): RaceBill {
  const b = {
    deployments: 2,
    reserved: { cpu: 4, ramGb: 8.5, diskGb: 100 },
    used: { cpu: 3, ramGb: 6, diskGb: 40 },
    offPremCostPerHour: 0.75,
    onPremCostPerHour: 1.25,
    opsHoursPerMonth: 12,
    downtimeMinutes: 0,
    deployPoints: 200,
    eventPoints: -30,
    auditPoints: 10,
    points: 180,
  };
  return {
    step: 4,
    scenarioId: 'payroll',
    scenarioTitle: '급여 "시스템"',
    owner: { kind: 'player', id: playerId, name },
    bill: b,
    best: { ...b, points: 240, score: 240 },
  };
}

function solo(runId: string, score: number, createdAt: number, over: Partial<SoloRunRecord> = {}): SoloRunRecord {
  return {
    runId,
    board: 'daily-2025-06-01',
    playerName: `runner ${runId}`,
    score,
    bestPlanRatio: 0.87,
    packId: 'builtin-en',
    seed: 'daily-2025-06-01',
    createdAt,
    actions: [tick(createdAt)],
    ...over,
  };
}

/** An imported pack (a built-in one under an import's id), with awkward text in its title and description. */
function imported(
  id: string,
  createdAt: number,
  over: Partial<GamePack['meta']> = {},
  from = 'warmup-en',
): ImportedPack {
  const pack = builtinPack(from);
  if (!pack) throw new Error(`no built-in pack ${from}`);
  return {
    id,
    createdAt,
    pack: {
      ...pack,
      meta: { ...pack.meta, id, title: `가상화 "퀴즈", ${id}`, description: "line 1\nline 2, 'quoted'", ...over },
    },
  };
}

// ---------------------------------------------------------------- the driver suite

describe.each(adapters)('storage: $name', (adapter) => {
  let storage: Storage;

  beforeEach(async () => {
    storage = await adapter.open();
  });
  afterEach(async () => {
    await storage.close();
    await adapter.cleanup();
  });

  it('creates a room and loads it back with its seats in join order and its action log in order', async () => {
    await storage.createRoom(room('ROOM01', { hostKeyHash: 'h1' }));
    await storage.upsertSeat({ roomCode: 'ROOM01', playerId: 'p2', tokenHash: 't2', name: '지우', teamId: null });
    await storage.upsertSeat({ roomCode: 'ROOM01', playerId: 'p1', tokenHash: 't1', name: 'Ann', teamId: 'red' });
    // A later upsert (new token after a reconnect, a team move) updates in place and keeps the seat's place.
    await storage.upsertSeat({ roomCode: 'ROOM01', playerId: 'p2', tokenHash: 't2b', name: '지우', teamId: 'blue' });
    const log = [
      join_('p2', '지우', 10),
      join_('p1', 'Ann', 11),
      { type: 'start', actor: { role: 'host' }, at: 12 } as Action,
    ];
    await storage.appendActions('ROOM01', 0, log.slice(0, 2));
    await storage.appendActions('ROOM01', 2, log.slice(2));

    const loaded = await storage.loadRoom('ROOM01');
    expect(loaded?.room).toEqual(room('ROOM01', { hostKeyHash: 'h1' }));
    expect(loaded?.actions).toEqual(log);
    expect(loaded?.seats).toEqual([
      { roomCode: 'ROOM01', playerId: 'p2', tokenHash: 't2b', name: '지우', teamId: 'blue' },
      { roomCode: 'ROOM01', playerId: 'p1', tokenHash: 't1', name: 'Ann', teamId: 'red' },
    ]);
    expect(await storage.loadRoom('NOPE00')).toBeNull();
  });

  it('appendActions is idempotent per index: a retried or overlapping write never duplicates', async () => {
    await storage.createRoom(room('ROOM02'));
    const actions = [tick(1), tick(2), tick(3), tick(4)];
    await storage.appendActions('ROOM02', 0, actions.slice(0, 3));
    await storage.appendActions('ROOM02', 0, actions.slice(0, 3)); // the same write retried
    await storage.appendActions('ROOM02', 2, actions.slice(2, 4)); // overlaps the last one
    await storage.appendActions('ROOM02', 4, []);
    expect((await storage.loadRoom('ROOM02'))?.actions).toEqual(actions);

    await expect(storage.appendActions('ROOM02', 9, [tick(9)])).rejects.toThrow(/gap/);
    await expect(storage.appendActions('NOPE00', 0, [tick(9)])).rejects.toThrow(/unknown room NOPE00/);
    await expect(storage.appendActions('ROOM02', -1, [tick(9)])).rejects.toThrow(/bad action index/);
    expect((await storage.loadRoom('ROOM02'))?.actions).toHaveLength(4);
  });

  it('tracks room status: active codes only, a finished code can be reused, an active one cannot', async () => {
    await storage.createRoom(room('AAA111', { createdAt: 3 }));
    await storage.createRoom(room('BBB222', { createdAt: 1 }));
    await storage.createRoom(room('CCC333', { createdAt: 2 }));
    await storage.setRoomStatus('CCC333', 'finished');
    expect(await storage.activeRoomCodes()).toEqual(['BBB222', 'AAA111']);
    expect((await storage.loadRoom('CCC333'))?.room.status).toBe('finished');

    await expect(storage.createRoom(room('AAA111'))).rejects.toThrow(/already exists and is active/);

    await storage.upsertSeat({ roomCode: 'CCC333', playerId: 'old', tokenHash: 'x', name: 'old', teamId: null });
    await storage.appendActions('CCC333', 0, [tick(1)]);
    await storage.createRoom(room('CCC333', { seed: 'new-seed', createdAt: 4 }));
    const reused = await storage.loadRoom('CCC333');
    expect(reused).toEqual({ room: room('CCC333', { seed: 'new-seed', createdAt: 4 }), actions: [], seats: [] });
    expect(await storage.activeRoomCodes()).toEqual(['BBB222', 'AAA111', 'CCC333']);
  });

  it('saves a finished game completely and getGame round-trips it exactly', async () => {
    const game = trickyGame('game-1');
    await storage.saveFinishedGame(game);
    expect(await storage.getGame('game-1')).toEqual(game);
    expect(await storage.getGame('missing')).toBeNull();
  });

  it(
    'stores race bills and the config with the game (migration 002), not as ' + 'score changes; both optional',
    async () => {
      const game = trickyGame('billed');
      await storage.saveFinishedGame(game);
      const back = await storage.getGame('billed');
      expect(back?.bills).toEqual([bill('p1', '김민준')]);
      expect(back?.config).toEqual(config);
      expect(back?.scoreChanges).toEqual(game.scoreChanges);
      const { bills: _b, config: _c, ...plain } = trickyGame('plain');
      await storage.saveFinishedGame(plain);
      const plainBack = await storage.getGame('plain');
      expect(plainBack).toEqual(plain);
      expect(plainBack && 'bills' in plainBack).toBe(false);
    },
  );

  it('stores text with a NUL character (PostgreSQL turns it into U+FFFD instead of failing)', async () => {
    const game = trickyGame('nul-game');
    game.questions[0]!.prompt = 'before\u0000after';
    game.players[0]!.name = 'nul\u0000name';
    game.actions = [join_('p1', 'nul\u0000name', 1)];
    await storage.createRoom(room('NUL001', { packTitle: 'pack\u0000title' }));
    await storage.appendActions('NUL001', 0, game.actions);
    await storage.saveFinishedGame(game);
    const back = JSON.stringify(await storage.getGame('nul-game')).replaceAll('\uFFFD', '\\u0000');
    expect(JSON.parse(back)).toEqual(game);
    expect((await storage.loadRoom('NUL001'))?.room.packTitle.replace('\uFFFD', '\u0000')).toBe('pack\u0000title');
  });

  it('saves a game whose log comes as a live room keeps it (stored texts) and reads the actions back', async () => {
    const game = trickyGame('texts');
    const kept = game.actions.map((action, i) => (i % 2 === 0 ? (JSON.stringify(action) as ActionText) : action));
    await storage.saveFinishedGame({ ...game, actions: kept });
    expect(await storage.getGame('texts')).toEqual(game);
    // A text with a NUL character: PostgreSQL stores U+FFFD, as for an action that comes as itself.
    const nul = trickyGame('texts-nul', { actions: [join_('p1', 'nul\u0000name', 1)] });
    await storage.saveFinishedGame({ ...nul, actions: [JSON.stringify(nul.actions[0]) as ActionText] });
    const back = JSON.stringify(await storage.getGame('texts-nul')).replaceAll('\uFFFD', '\\u0000');
    expect(JSON.parse(back)).toEqual(nul);
  });

  it('saveFinishedGame is idempotent per gameId: a retry changes nothing', async () => {
    const game = trickyGame('game-2');
    await storage.saveFinishedGame(game);
    await storage.saveFinishedGame(game);
    await storage.saveFinishedGame({ ...game, packTitle: 'changed', answers: [] });
    expect(await storage.getGame('game-2')).toEqual(game);
    expect(await storage.listGames('host-a')).toHaveLength(1);
  });

  it('saveFinishedGame is all or nothing', async () => {
    const broken = trickyGame('game-3');
    // A row the database refuses (NOT NULL) halfway through: nothing of the game may remain.
    (broken.decisions[1] as { placement: unknown }).placement = null;
    await expect(storage.saveFinishedGame(broken)).rejects.toThrow();
    expect(await storage.getGame('game-3')).toBeNull();
    expect(await storage.listGames('host-a')).toEqual([]);
    await storage.saveFinishedGame(trickyGame('game-3'));
    expect(await storage.getGame('game-3')).toEqual(trickyGame('game-3'));
  });

  it('saves a large game (100 players x 20 questions = 2,000 answers) and reads it back', async () => {
    const game = sampleFinishedGame({ players: 100, questions: 20, gameId: 'big' });
    expect(game.answers).toHaveLength(2_000);
    await storage.saveFinishedGame(game);
    expect(await storage.getGame('big')).toEqual(game);
  });

  it("lists a host its own games, newest first, with player count and top player; never another host's", async () => {
    await storage.saveFinishedGame(trickyGame('a-old', { finishedAt: 1_000 }));
    await storage.saveFinishedGame(trickyGame('a-new', { finishedAt: 3_000, players: [] }));
    await storage.saveFinishedGame(trickyGame('a-mid', { finishedAt: 2_000, mode: 'classroom' }));
    await storage.saveFinishedGame(trickyGame('b-1', { hostKeyHash: 'host-b', finishedAt: 5_000 }));

    expect(await storage.listGames('host-a')).toEqual([
      {
        gameId: 'a-new',
        packTitle: '가상화 "기초", 1부',
        mode: 'team',
        finishedAt: 3_000,
        playerCount: 0,
        topPlayer: null,
      },
      {
        gameId: 'a-mid',
        packTitle: '가상화 "기초", 1부',
        mode: 'classroom',
        finishedAt: 2_000,
        playerCount: 3,
        topPlayer: '김민준',
      },
      {
        gameId: 'a-old',
        packTitle: '가상화 "기초", 1부',
        mode: 'team',
        finishedAt: 1_000,
        playerCount: 3,
        topPlayer: '김민준',
      },
    ]);
    expect((await storage.listGames('host-a', 2)).map((g) => g.gameId)).toEqual(['a-new', 'a-mid']);
    expect((await storage.listGames('host-b')).map((g) => g.gameId)).toEqual(['b-1']);
    expect(await storage.listGames('host-c')).toEqual([]);
  });

  it('ranks a solo board by score, then the earliest run; saveSoloRun is idempotent', async () => {
    await storage.saveSoloRun(solo('r1', 500, 300));
    await storage.saveSoloRun(solo('r2', 900, 200, { bestPlanRatio: null }));
    await storage.saveSoloRun(solo('r3', 500, 100, { playerName: '서연' }));
    await storage.saveSoloRun(solo('r4', 700, 400));
    await storage.saveSoloRun(solo('other', 9_999, 1, { board: 'pack:builtin-en' }));
    await storage.saveSoloRun(solo('r1', 100_000, 300)); // a retry of r1 (with a different score) changes nothing

    const board = await storage.soloLeaderboard('daily-2025-06-01', 10);
    expect(board.map((r) => r.runId)).toEqual(['r2', 'r4', 'r3', 'r1']);
    expect(board[0]).toEqual(solo('r2', 900, 200, { bestPlanRatio: null }));
    expect(board[2]).toEqual(solo('r3', 500, 100, { playerName: '서연' }));
    expect((await storage.soloLeaderboard('daily-2025-06-01', 2)).map((r) => r.runId)).toEqual(['r2', 'r4']);
    expect((await storage.soloLeaderboard('pack:builtin-en', 10)).map((r) => r.runId)).toEqual(['other']);
    expect(await storage.soloLeaderboard('empty', 10)).toEqual([]);
  });

  it('purges finished games, solo runs and closed rooms older than the cutoff, and nothing newer', async () => {
    const cutoff = 1_000_000;
    await storage.saveFinishedGame(trickyGame('old-game', { finishedAt: cutoff - 1 }));
    await storage.saveFinishedGame(trickyGame('new-game', { finishedAt: cutoff }));
    await storage.saveSoloRun(solo('old-run', 1, cutoff - 10));
    await storage.saveSoloRun(solo('new-run', 1, cutoff + 10));
    await storage.createRoom(room('OLDFIN', { createdAt: cutoff - 5, status: 'finished' }));
    await storage.upsertSeat({ roomCode: 'OLDFIN', playerId: 'p', tokenHash: 't', name: 'minor', teamId: null });
    await storage.createRoom(room('OLDACT', { createdAt: cutoff - 5 }));

    expect(await storage.purgeOlderThan(cutoff)).toBe(3);
    expect(await storage.getGame('old-game')).toBeNull();
    expect(await storage.getGame('new-game')).toEqual(trickyGame('new-game', { finishedAt: cutoff }));
    expect((await storage.soloLeaderboard('daily-2025-06-01', 10)).map((r) => r.runId)).toEqual(['new-run']);
    expect(await storage.loadRoom('OLDFIN')).toBeNull();
    expect(await storage.loadRoom('OLDACT')).not.toBeNull(); // a game still in play is never purged
    expect(await storage.purgeOlderThan(cutoff)).toBe(0);
  });

  it('applying the migrations again is a no-op, and a restart keeps the data', async () => {
    expect(await storage.migrate()).toEqual([]);
    await storage.createRoom(room('KEEP01'));
    await storage.saveFinishedGame(trickyGame('kept'));
    if (!adapter.reopen) return;
    const again = await adapter.reopen();
    try {
      expect(await again.migrate()).toEqual([]);
      expect(await again.activeRoomCodes()).toEqual(['KEEP01']);
      expect(await again.getGame('kept')).toEqual(trickyGame('kept'));
    } finally {
      await again.close();
    }
  });

  it('saves an imported pack (migration 003) and gets it back exactly; an unknown id is null', async () => {
    const a = imported('imp-aaaaaaaaaaaa', 1_000);
    await storage.saveImportedPack(a, 500);
    expect(await storage.getImportedPack('imp-aaaaaaaaaaaa')).toEqual(a);
    expect(await storage.getImportedPack('imp-missing00000')).toBeNull();
    const ko = imported('imp-kokokokokoko', 2_000, {}, 'course-ko');
    await storage.saveImportedPack(ko, 500);
    expect(await storage.getImportedPack('imp-kokokokokoko')).toEqual(ko);
  });

  it('saveImportedPack is idempotent per id: a retry, even with another pack, changes nothing', async () => {
    const a = imported('imp-aaaaaaaaaaaa', 1_000);
    await storage.saveImportedPack(a, 500);
    await storage.saveImportedPack(a, 500);
    await storage.saveImportedPack(imported('imp-aaaaaaaaaaaa', 9_000, { title: 'changed' }), 500);
    expect(await storage.getImportedPack('imp-aaaaaaaaaaaa')).toEqual(a);
    expect(await storage.listImportedPacks(10)).toHaveLength(1);
  });

  it('lists imported packs newest first, as summaries, within the limit', async () => {
    await storage.saveImportedPack(imported('imp-old', 1_000), 500);
    await storage.saveImportedPack(imported('imp-new', 3_000, {}, 'course-ko'), 500);
    await storage.saveImportedPack(imported('imp-mid', 2_000), 500);
    const warmup = builtinPack('warmup-en')!;
    const course = builtinPack('course-ko')!;
    expect(await storage.listImportedPacks(10)).toEqual([
      {
        id: 'imp-new',
        createdAt: 3_000,
        title: '가상화 "퀴즈", imp-new',
        language: 'ko',
        description: "line 1\nline 2, 'quoted'",
        questionCount: course.questions.length,
        cardCount: course.cards.length,
        scenarioCount: course.scenarios.length,
        roundCount: course.rounds.length,
        ownerKeyHash: '',
        shared: false,
        version: 1,
        updatedAt: 3_000,
      },
      expect.objectContaining({
        id: 'imp-mid',
        createdAt: 2_000,
        language: 'en',
        questionCount: warmup.questions.length,
      }),
      expect.objectContaining({ id: 'imp-old', createdAt: 1_000 }),
    ]);
    expect((await storage.listImportedPacks(2)).map((p) => p.id)).toEqual(['imp-new', 'imp-mid']);
  });

  it(
    'imported packs have an owner and a shared flag (migration 004): a ' + 'viewer lists the shared ones and its own',
    async () => {
      await storage.saveImportedPack({ ...imported('imp-alice', 1_000), ownerKeyHash: 'hash-alice' }, 500);
      await storage.saveImportedPack({ ...imported('imp-bob', 2_000), ownerKeyHash: 'hash-bob' }, 500);
      await storage.saveImportedPack({ ...imported('imp-none', 3_000) }, 500);
      const ids = async (viewer?: Parameters<Storage['listImportedPacks']>[1]) =>
        (await storage.listImportedPacks(10, viewer)).map((p) => p.id);
      expect(await ids()).toEqual(['imp-none', 'imp-bob', 'imp-alice']);
      expect(await ids({ ownerKeyHash: 'hash-alice' })).toEqual(['imp-alice']);
      expect(await ids({ ownerKeyHash: null })).toEqual([]);
      // An ownerless pack is nobody's: an empty hash does not make its viewer the owner.
      expect(await ids({ ownerKeyHash: '' })).toEqual([]);
      expect(await storage.getImportedPackAccess('imp-alice')).toEqual({ ownerKeyHash: 'hash-alice', shared: false });
      expect(await storage.setImportedPackShared('imp-alice', true)).toBe(true);
      expect(await storage.getImportedPackAccess('imp-alice')).toEqual({ ownerKeyHash: 'hash-alice', shared: true });
      expect(await ids({ ownerKeyHash: 'hash-bob' })).toEqual(['imp-bob', 'imp-alice']);
      expect(await ids({ ownerKeyHash: null })).toEqual(['imp-alice']);
      expect((await storage.listImportedPacks(10, { ownerKeyHash: 'hash-bob' }))[1]).toMatchObject({
        ownerKeyHash: 'hash-alice',
        shared: true,
      });
      expect(await storage.setImportedPackShared('imp-alice', false)).toBe(true);
      expect(await ids({ ownerKeyHash: null })).toEqual([]);
      expect(await storage.setImportedPackShared('imp-missing00000', true)).toBe(false);
      expect(await storage.getImportedPackAccess('imp-missing00000')).toBeNull();
    },
  );

  it("refuses a pack past its owner's cap (migration 005), never deleting another one", async () => {
    const mine = (id: string, at: number, owner = 'hash-a') => ({ ...imported(id, at), ownerKeyHash: owner });
    expect(await storage.saveImportedPack(mine('imp-1', 1_000), 2)).toBe('saved');
    expect(await storage.saveImportedPack(mine('imp-2', 2_000), 2)).toBe('saved');
    expect(await storage.saveImportedPack(mine('imp-3', 3_000), 2)).toBe('limit');
    expect(await storage.getImportedPack('imp-3')).toBeNull();
    // Per owner: another owner is not held back; a retry of a kept pack is 'saved' and changes nothing.
    expect(await storage.saveImportedPack(mine('imp-4', 4_000, 'hash-b'), 2)).toBe('saved');
    expect(await storage.saveImportedPack(mine('imp-2', 2_000), 2)).toBe('saved');
    expect((await storage.listImportedPacks(10)).map((p) => p.id)).toEqual(['imp-4', 'imp-2', 'imp-1']);
    await expect(storage.saveImportedPack(imported('imp-5', 5_000), 0)).rejects.toThrow(/bad number/);
    // Imported packs are the teachers' content, not data about players: the retention purge leaves them.
    expect(await storage.purgeOlderThan(10_000)).toBe(0);
    expect(await storage.getImportedPack('imp-4')).not.toBeNull();
  });

  it('stores an imported pack with a NUL character (PostgreSQL turns it into U+FFFD)', async () => {
    const a = imported('imp-nul', 1_000, { title: 'nul\u0000title', description: 'nul\u0000description' });
    a.pack.questions = a.pack.questions.map((q, i) => (i === 0 ? { ...q, prompt: 'before\u0000after' } : q));
    await storage.saveImportedPack(a, 500);
    const back = JSON.stringify(await storage.getImportedPack('imp-nul')).replaceAll('\uFFFD', '\\u0000');
    expect(JSON.parse(back)).toEqual(a);
    expect((await storage.listImportedPacks(1))[0]?.title.replace('\uFFFD', '\u0000')).toBe('nul\u0000title');
  });

  it('a restart keeps the imported packs', async () => {
    const a = imported('imp-kept', 1_000);
    await storage.saveImportedPack(a, 500);
    if (!adapter.reopen) return;
    const again = await adapter.reopen();
    try {
      expect(await again.getImportedPack('imp-kept')).toEqual(a);
      expect((await again.listImportedPacks(10)).map((p) => p.id)).toEqual(['imp-kept']);
    } finally {
      await again.close();
    }
  });

  it('close() can be called twice', async () => {
    await storage.close();
    await storage.close();
  });
});

// ---------------------------------------------------------------- adapter-specific and helpers

describe('storage: SQLite specifics', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('refuses a corrupt database file with a message naming the path and what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostrush-corrupt-'));
    dirs.push(dir);
    const path = join(dir, 'hostrush.db');
    writeFileSync(path, Buffer.from('this is not a database, just junk bytes '.repeat(200)));
    const error = await createStorage({ sqlitePath: path }).then(
      () => null,
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect(error?.message).toContain(path);
    expect(error?.message).toMatch(/corrupt|not a SQLite database/);
    expect(error?.message).toMatch(/move the file aside/);
  });

  it('uses SQLite for an explicit sqlitePath even when DATABASE_URL points to PostgreSQL', async () => {
    const storage = await createStorage({ sqlitePath: ':memory:' });
    expect(storage.kind).toBe('sqlite');
    await storage.close();
  });

  it(
    'reads no environment: SQLITE_PATH and DATABASE_URL reach it through ' + 'server/config.ts (":memory:" allowed)',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'hostrush-env-'));
      try {
        const fromConfig = (env: Record<string, string>) => {
          const { databaseUrl, sqlitePath } = readConfig(env).config.app;
          return createStorage({ ...(databaseUrl ? { databaseUrl } : {}), ...(sqlitePath ? { sqlitePath } : {}) });
        };
        const onDisk = await fromConfig({ SQLITE_PATH: join(dir, 'env.db') });
        expect((onDisk as unknown as { where: string }).where).toContain(join(dir, 'env.db'));
        await onDisk.close();
        const memory = await fromConfig({ SQLITE_PATH: ':memory:' });
        expect((memory as unknown as { where: string }).where).toBe('in-memory SQLite database');
        await memory.close();
        // The process's own variables are not read here (CI sets DATABASE_URL for the PostgreSQL tests).
        expect(readConfig({}).config.app.sqlitePath).toBe(DEFAULT_SQLITE_PATH);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );

  it('has the same migrations for both databases', () => {
    const names = (dialect: 'sqlite' | 'postgres') => readMigrations(dialect).map((m) => `${m.id}_${m.name}`);
    expect(names('sqlite')).toEqual(names('postgres'));
    expect(names('sqlite').length).toBeGreaterThan(0);
  });
});

describe.skipIf(!PG_URL)('storage: PostgreSQL specifics', () => {
  const admin = PG_URL ? new pg.Pool({ connectionString: PG_URL, max: 1 }) : null;
  const schema = `test_storage_${runId}_race`;
  afterAll(async () => {
    await admin?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin?.end();
  });

  it('two processes starting at once migrate once (advisory lock)', async () => {
    const [a, b] = await Promise.all([
      createStorage({ databaseUrl: PG_URL, pgSchema: schema }),
      createStorage({ databaseUrl: PG_URL, pgSchema: schema }),
    ]);
    await Promise.all([a.close(), b.close()]);
    const rows = await admin?.query(`SELECT id FROM "${schema}".schema_migrations`);
    expect(rows?.rows).toEqual(readMigrations('postgres').map((m) => ({ id: m.id })));
  });

  it('rejects an unsafe schema name', async () => {
    await expect(createStorage({ databaseUrl: PG_URL, pgSchema: 'x"; drop table y; --' })).rejects.toThrow(
      /schema name/,
    );
  });
});

describe('withRetry', () => {
  const transient = () => Object.assign(new Error('database is locked'), { code: 'SQLITE_BUSY' });

  it('retries a transient failure and returns the eventual result', async () => {
    let calls = 0;
    const retried: number[] = [];
    const result = await withRetry(
      async () => {
        calls++;
        if (calls < 3) throw transient();
        return 'saved';
      },
      { attempts: 3, baseDelayMs: 0, onRetry: (_e, attempt) => retried.push(attempt) },
    );
    expect(result).toBe('saved');
    expect(calls).toBe(3);
    expect(retried).toEqual([1, 2]);
  });

  it('gives up after the given attempts with the last error', async () => {
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls++;
        throw transient();
      },
      { attempts: 3, baseDelayMs: 0 },
    );
    await expect(failing).rejects.toThrow('database is locked');
    expect(calls).toBe(3);
  });

  it('does not retry a permanent failure', async () => {
    let calls = 0;
    const failing = withRetry(
      async () => {
        calls++;
        throw Object.assign(new Error('NOT NULL constraint failed'), { code: 'SQLITE_CONSTRAINT_NOTNULL' });
      },
      { baseDelayMs: 0 },
    );
    await expect(failing).rejects.toThrow('NOT NULL');
    expect(calls).toBe(1);
  });

  it('knows transient errors of both databases', () => {
    expect(isTransientError({ code: 'SQLITE_BUSY' })).toBe(true);
    expect(isTransientError({ code: '40001' })).toBe(true);
    expect(isTransientError({ code: '08006' })).toBe(true);
    expect(isTransientError(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isTransientError({ code: '23505' })).toBe(false);
    expect(isTransientError('boom')).toBe(false);
  });
});

// Migration 004 on a database that already holds imports: they were open to everyone, so they stay usable (shared),
// with no owner (only an operator exports their answers).
describe('migration 004 on imported packs stored before it (SQLite file)', () => {
  it('keeps earlier imports shared and ownerless; new ones are private to their owner', async () => {
    const Database = (await import('better-sqlite3')).default;
    const dir = mkdtempSync(join(tmpdir(), 'hostrush-m004-'));
    try {
      const path = join(dir, 'old.db');
      // The database as the version before migration 004 left it, with one import.
      const db = new Database(path);
      db.exec(
        'CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
      );
      for (const m of readMigrations('sqlite').filter((m) => m.id <= 3)) {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, 0);
      }
      const old = imported('imp-oldoldoldold', 1_000);
      db.prepare(
        'INSERT INTO imported_packs (id, created_at, title, language, ' +
          'description, question_count, card_count, scenario_count, round_count, ' +
          'pack) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        old.id,
        old.createdAt,
        old.pack.meta.title,
        old.pack.meta.language,
        old.pack.meta.description,
        1,
        1,
        1,
        1,
        JSON.stringify(old.pack),
      );
      db.close();

      const storage = await createStorage({ sqlitePath: path });
      try {
        expect(await storage.getImportedPackAccess('imp-oldoldoldold')).toEqual({ ownerKeyHash: '', shared: true });
        await storage.saveImportedPack(
          { ...imported('imp-newnewnewnew', 2_000), ownerKeyHash: 'hash-owner', shared: false },
          500,
        );
        expect((await storage.listImportedPacks(10, { ownerKeyHash: null })).map((p) => p.id)).toEqual([
          'imp-oldoldoldold',
        ]);
        expect((await storage.listImportedPacks(10, { ownerKeyHash: 'hash-owner' })).map((p) => p.id)).toEqual([
          'imp-newnewnewnew',
          'imp-oldoldoldold',
        ]);
      } finally {
        await storage.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
