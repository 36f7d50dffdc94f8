// The workshop's storage (migration 005): versions, conflicts, soft delete and undo, the per-owner cap, teacher
// admissions. Run on SQLite, and on PostgreSQL when DATABASE_URL is set (each test in a fresh schema).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinPack } from '../../shared/content/builtin.js';
import type { GamePack } from '../../shared/content/pack.js';
import { WORKSHOP_UNDO_MS } from '../../shared/protocol/workshop.js';
import { createStorage, isPostgresUrl, readMigrations } from '../../server/storage/index.js';
import type { ImportedPack, Storage } from '../../server/storage/index.js';

const PG_URL = isPostgresUrl(process.env.DATABASE_URL) ? process.env.DATABASE_URL : undefined;
const admin = PG_URL ? new pg.Pool({ connectionString: PG_URL, max: 1 }) : null;
afterAll(async () => {
  await admin?.end();
});
let counter = 0;
const runId = `${process.pid}_${Date.now().toString(36)}`;

const adapters: Array<{ name: string; open: () => Promise<{ storage: Storage; drop: () => Promise<void> }> }> = [
  {
    name: 'sqlite',
    open: async () => ({ storage: await createStorage({ sqlitePath: ':memory:' }), drop: async () => {} }),
  },
  ...(PG_URL && admin
    ? [
        {
          name: 'postgres',
          open: async () => {
            const schema = `test_workshop_${runId}_${++counter}`;
            return {
              storage: await createStorage({ databaseUrl: PG_URL, pgSchema: schema }),
              drop: async () => void (await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`)),
            };
          },
        },
      ]
    : []),
];

function pack(id: string, title: string): GamePack {
  const base = builtinPack('warmup-en')!;
  return { ...base, meta: { ...base.meta, id, title } };
}
const record = (id: string, at: number, owner = 'hash-a'): ImportedPack => ({
  id,
  createdAt: at,
  pack: pack(id, `${id} v1`),
  ownerKeyHash: owner,
  shared: false,
});

describe.each(adapters)('workshop storage on $name', (adapter) => {
  let storage: Storage;
  let drop: () => Promise<void>;
  beforeEach(async () => {
    ({ storage, drop } = await adapter.open());
  });
  afterEach(async () => {
    await storage.close();
    await drop();
  });

  it('saves versions, keeps the previous ones, refuses a stale base version, and reads any version', async () => {
    expect(await storage.saveImportedPack(record('imp-a', 1_000), 500)).toBe('saved');
    expect(await storage.getPackState('imp-a')).toEqual({
      ownerKeyHash: 'hash-a',
      shared: false,
      version: 1,
      createdAt: 1_000,
      updatedAt: 1_000,
    });
    expect(await storage.savePackVersion('imp-a', pack('imp-a', 'v2 "한글"'), 1, 2_000, 50)).toEqual({
      ok: true,
      version: 2,
    });
    // Someone saving from version 1 again is refused with the latest version; nothing changes.
    expect(await storage.savePackVersion('imp-a', pack('imp-a', 'lost'), 1, 3_000, 50)).toEqual({
      ok: false,
      reason: 'conflict',
      latest: 2,
    });
    expect(await storage.savePackVersion('imp-none', pack('imp-none', 'x'), 1, 3_000, 50)).toEqual({
      ok: false,
      reason: 'unknown',
    });
    expect(await storage.listPackVersions('imp-a')).toEqual([
      { version: 2, savedAt: 2_000, title: 'v2 "한글"', questionCount: pack('x', 'x').questions.length },
      { version: 1, savedAt: 1_000, title: 'imp-a v1', questionCount: pack('x', 'x').questions.length },
    ]);
    expect(await storage.getPackVersion('imp-a', 1)).toEqual(pack('imp-a', 'imp-a v1'));
    expect(await storage.getPackVersion('imp-a', 2)).toEqual(pack('imp-a', 'v2 "한글"'));
    expect(await storage.getPackVersion('imp-a', 3)).toBeNull();
    expect((await storage.getImportedPack('imp-a'))?.pack).toEqual(pack('imp-a', 'v2 "한글"'));
    const [summary] = await storage.listImportedPacks(10);
    expect(summary).toMatchObject({ id: 'imp-a', title: 'v2 "한글"', version: 2, updatedAt: 2_000, createdAt: 1_000 });
  });

  it('keeps only the newest versions it is told to keep', async () => {
    await storage.saveImportedPack(record('imp-a', 1_000), 500);
    for (let v = 1; v <= 4; v++) await storage.savePackVersion('imp-a', pack('imp-a', `v${v + 1}`), v, 1_000 + v, 3);
    expect((await storage.listPackVersions('imp-a')).map((v) => v.version)).toEqual([5, 4, 3]);
    expect(await storage.getPackVersion('imp-a', 2)).toBeNull();
  });

  it('soft-deletes: gone from lists and reads, undone within the window, out of the cap while deleted', async () => {
    await storage.saveImportedPack(record('imp-a', 1_000), 2);
    await storage.saveImportedPack(record('imp-b', 2_000), 2);
    expect(await storage.deletePack('imp-a', 5_000)).toBe(true);
    expect(await storage.deletePack('imp-a', 5_000)).toBe(false);
    expect(await storage.getPackState('imp-a')).toBeNull();
    expect(await storage.getImportedPack('imp-a')).toBeNull();
    expect(await storage.getImportedPackAccess('imp-a')).toBeNull();
    expect(await storage.getPackVersion('imp-a', 1)).toBeNull();
    expect(await storage.listPackVersions('imp-a')).toEqual([]);
    expect(await storage.setImportedPackShared('imp-a', true)).toBe(false);
    expect((await storage.listImportedPacks(10)).map((p) => p.id)).toEqual(['imp-b']);
    // Deleted, it leaves room under the cap; brought back, the owner would pass it: refused.
    expect(await storage.saveImportedPack(record('imp-c', 6_000), 2)).toBe('saved');
    expect(await storage.undeletePack('imp-a', 'hash-a', 4_000, 2)).toBe('limit');
    expect(await storage.deletePack('imp-c', 7_000)).toBe(true);
    // Deleted before the window's start: too late.
    expect(await storage.undeletePack('imp-a', 'hash-a', 5_001, 2)).toBe('unknown');
    // Only its owner (or an operator: null) brings it back.
    expect(await storage.undeletePack('imp-a', 'hash-b', 4_000, 2)).toBe('unknown');
    expect(await storage.undeletePack('imp-a', 'hash-a', 4_000, 2)).toBe('ok');
    expect(await storage.undeletePack('imp-a', 'hash-a', 4_000, 2)).toBe('unknown');
    expect((await storage.getPackState('imp-a'))?.version).toBe(1);
    // A pack deleted longer than the undo window ago goes for good at the next save.
    await storage.saveImportedPack(record('imp-d', 7_000 + WORKSHOP_UNDO_MS + 1, 'hash-b'), 2);
    expect(await storage.undeletePack('imp-c', 'hash-a', 0, 10)).toBe('unknown');
  });

  it("lists the viewer's own packs first, so shared ones never push them past the limit", async () => {
    await storage.saveImportedPack(record('imp-mine', 1_000, 'hash-a'), 500);
    for (const [i, id] of ['imp-s1', 'imp-s2'].entries()) {
      await storage.saveImportedPack({ ...record(id, 2_000 + i, 'hash-b'), shared: true }, 500);
    }
    const ids = async (owner: string, limit: number) =>
      (await storage.listImportedPacks(limit, { ownerKeyHash: owner })).map((p) => p.id);
    expect(await ids('hash-a', 1)).toEqual(['imp-mine']);
    expect(await ids('hash-a', 10)).toEqual(['imp-mine', 'imp-s2', 'imp-s1']);
    expect(await ids('hash-c', 10)).toEqual(['imp-s2', 'imp-s1']);
  });

  it('admits teacher host keys (hashed), idempotently', async () => {
    expect(await storage.isTeacherAdmitted('hash-a')).toBe(false);
    await storage.admitTeacher('hash-a', 1_000);
    await storage.admitTeacher('hash-a', 2_000);
    expect(await storage.isTeacherAdmitted('hash-a')).toBe(true);
    expect(await storage.isTeacherAdmitted('hash-b')).toBe(false);
  });
});

describe('migration 005 over an existing database', () => {
  it('an import stored before it becomes version 1 of a live pack, with its version kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hostrush-m005-'));
    try {
      const path = join(dir, 'old.db');
      // The database as the version before migration 005 left it, with one owned import.
      const db = new Database(path);
      db.exec(
        'CREATE TABLE schema_migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)',
      );
      for (const m of readMigrations('sqlite').filter((m) => m.id <= 4)) {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (id, name, applied_at) VALUES (?, ?, ?)').run(m.id, m.name, 0);
      }
      const old = pack('imp-oldoldoldold', 'Before the workshop');
      db.prepare(
        'INSERT INTO imported_packs (id, created_at, title, language, description, question_count, card_count, ' +
          'scenario_count, round_count, pack, owner_key_hash, shared) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(old.meta.id, 1_000, old.meta.title, 'en', '', old.questions.length, 0, 0, 1, JSON.stringify(old), 'h', 0);
      db.close();
      const storage = await createStorage({ sqlitePath: path });
      try {
        expect(await storage.getPackState('imp-oldoldoldold')).toEqual({
          ownerKeyHash: 'h',
          shared: false,
          version: 1,
          createdAt: 1_000,
          updatedAt: 1_000,
        });
        expect(await storage.getPackVersion('imp-oldoldoldold', 1)).toEqual(old);
        expect(await storage.savePackVersion('imp-oldoldoldold', old, 1, 2_000, 50)).toEqual({ ok: true, version: 2 });
      } finally {
        await storage.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
