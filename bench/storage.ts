// Storage figures: one question's 2,000 answers saved in one transaction (saveFinishedGame), a 100 x 20 game, and
// the room's action log of 2,000 answers appended at once; on SQLite (WAL, a temporary file) and, when
// DATABASE_URL is set, on PostgreSQL (in a schema of its own, dropped afterwards). Goal: within 50 ms.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { builtinPack } from '../shared/content/builtin.js';
import { configFromPack } from '../shared/content/config.js';
import type { Action } from '../shared/engine/index.js';
import { createStorage, isPostgresUrl, sampleFinishedGame } from '../server/storage/index.js';
import type { Storage } from '../server/storage/index.js';
import type { Figure } from './engine.js';

const RUNS = 15;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timeRuns(runs: number, fn: (i: number) => Promise<void>): Promise<{ p50: number; max: number }> {
  await fn(-1); // warm up: statements prepared, pages allocated
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn(i);
    times.push(performance.now() - t);
  }
  return { p50: median(times), max: Math.max(...times) };
}

const verdict = (ms: number) => `<= 50 ms: ${ms <= 50 ? 'PASS' : 'MISS'}`;

async function figuresFor(label: string, storage: Storage): Promise<Figure[]> {
  const out: Figure[] = [];
  // One question answered by 2,000 players: the finished game's rows, in one transaction.
  const oneQuestion = await timeRuns(RUNS, (i) =>
    storage.saveFinishedGame(
      sampleFinishedGame({ gameId: `bench-q-${label}-${i}`, players: 2000, questions: 1, decisionsPerPlayer: 0 }),
    ),
  );
  out.push({
    name: `${label}: 1 question x 2,000 answers, 1 tx, p50`,
    value: oneQuestion.p50,
    unit: 'ms',
    goal: verdict(oneQuestion.p50),
  });
  out.push({
    name: `${label}: 1 question x 2,000 answers, 1 tx, max`,
    value: oneQuestion.max,
    unit: 'ms',
    goal: verdict(oneQuestion.max),
  });
  // A whole class game of the same answer count: 100 players x 20 questions, 2 decisions each.
  const game = await timeRuns(RUNS, (i) =>
    storage.saveFinishedGame(sampleFinishedGame({ gameId: `bench-g-${label}-${i}` })),
  );
  out.push({ name: `${label}: game of 100 players x 20 questions, p50`, value: game.p50, unit: 'ms' });
  // The live room's log: 2,000 answer actions appended at once (the server writes batches of 500 off the hot path).
  const pack = builtinPack('warmup-en');
  if (pack) {
    const config = configFromPack(pack, { mode: 'classroom' });
    const answers: Action[] = Array.from({ length: 2000 }, (_, p) => ({
      type: 'answer',
      actor: { role: 'player', playerId: `p${p}` },
      at: 1_750_000_000_000 + p,
      questionId: 'q1',
      answer: { type: 'single', choice: p % 4 },
    }));
    const append = await timeRuns(RUNS, async (i) => {
      const code = `${900000 + i + 1}`;
      await storage.createRoom({
        code,
        mode: 'classroom',
        packId: pack.meta.id,
        packTitle: pack.meta.title,
        config,
        seed: 's',
        hostKeyHash: 'h',
        createdAt: Date.now(),
        status: 'active',
      });
      await storage.appendActions(code, 0, answers);
    });
    out.push({
      name: `${label}: append 2,000 answers to room log, p50`,
      value: append.p50,
      unit: 'ms',
      goal: verdict(append.p50),
    });
  }
  return out;
}

export async function storageBench(): Promise<Figure[]> {
  const figures: Figure[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'hostrush-bench-storage-'));
  try {
    const sqlite = await createStorage({ sqlitePath: join(dir, 'bench.db') });
    try {
      figures.push(...(await figuresFor('SQLite WAL', sqlite)));
    } finally {
      await sqlite.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const url = process.env.DATABASE_URL;
  if (isPostgresUrl(url)) {
    const schema = `bench_${process.pid}_${Date.now()}`;
    try {
      const postgres = await createStorage({ databaseUrl: url, pgSchema: schema });
      try {
        figures.push(...(await figuresFor('PostgreSQL', postgres)));
      } finally {
        await postgres.close();
      }
    } catch (error) {
      figures.push({
        name: `PostgreSQL: failed (${error instanceof Error ? error.message : String(error)})`.slice(0, 58),
        value: Number.NaN,
        unit: '',
      });
    } finally {
      const client = new pg.Client({ connectionString: url });
      try {
        await client.connect();
        await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      } catch {
        /* nothing to clean */
      } finally {
        await client.end().catch(() => {});
      }
    }
  } else {
    figures.push({ name: 'PostgreSQL: skipped (DATABASE_URL not set)', value: Number.NaN, unit: '' });
  }
  return figures;
}
