// Built-in packs (in memory) and the packs teachers imported (in storage, migration 003: a restart keeps them and
// every process of a multi-process deployment finds a pack another process imported). An imported pack belongs to
// the host key that imported it and is private to it unless shared (migration 004; docs/SECURITY.md, "The answer
// key"): who may use, export or share a pack is decided here (mayUse, mayManage). Since migration 005 (the
// teacher's workshop, server/http/workshop.ts) a pack has versions: a version never changes once saved, so packs are
// cached by id and version, and a room keeps the content of the version it was made from (its config).
import { nanoid } from 'nanoid';
import { BUILTIN_PACKS } from '../../shared/content/builtin.js';
import type { GamePack } from '../../shared/content/pack.js';
import { validatePack } from '../../shared/content/validate.js';
import type { PackSummary } from '../../shared/protocol/index.js';
import { WORKSHOP_PACK_CAP } from '../../shared/protocol/workshop.js';
import { withRetry } from '../storage/retry.js';
import type { ImportedPackSummary, Storage } from '../storage/types.js';
import type { Logger } from '../log.js';

/**
 * Packs one owner keeps (deleted ones aside): one more is refused (409 pack/limit), never a silent deletion. The
 * list shows at most this many other teachers' shared packs.
 */
export const MAX_IMPORTED = WORKSHOP_PACK_CAP;
/** Imported packs kept parsed and validated in this process (the most recently used). */
const CACHE_SIZE = 50;
/** The ids `add` gives: any other id is never looked up in storage. */
const IMPORTED_ID = /^imp-[A-Za-z0-9]{12}$/;

export interface PackRegistryOptions {
  storage: Storage;
  clock: () => number;
  log: Logger;
}

export class PackRegistry {
  private readonly builtin = new Map(BUILTIN_PACKS.map((p) => [p.meta.id, p]));
  /** Pack versions already read (or written) by this process, least recently used first, keyed `id@version`. */
  private readonly cache = new Map<string, GamePack>();

  constructor(private readonly opts: PackRegistryOptions) {}

  /** A built-in pack, else an imported one's latest version; undefined when unknown. Throws when storage fails. */
  async get(id: string): Promise<GamePack | undefined> {
    return (await this.entry(id))?.pack;
  }

  /**
   * A pack's version (validated again: the database is outside this process); undefined when unknown, pruned or
   * deleted, or no longer valid (logged). Throws when storage fails.
   */
  async version(id: string, version: number): Promise<GamePack | undefined> {
    const key = `${id}@${version}`;
    const cached = this.cache.get(key);
    if (cached) {
      this.remember(key, cached);
      return cached;
    }
    const stored = await withRetry(() => this.opts.storage.getPackVersion(id, version));
    if (stored === null) return undefined;
    // Validated again, not trusted: it was valid when written, but another version of HostRush may have written
    // it, or someone edited it. One validation per version and process, thanks to the cache. A pack that no longer
    // passes is unknown (and logged), not a crash mid-game.
    const result = validatePack(stored);
    if (!result.ok || result.pack.meta.id !== id) {
      const why = result.ok
        ? `it holds pack ${result.pack.meta.id}`
        : result.errors
            .slice(0, 3)
            .map((e) => `${e.path}: ${e.message}`)
            .join('; ');
      this.opts.log.warn({ pack: id }, `imported pack ${id} in storage is not valid (${why}); treated as unknown`);
      return undefined;
    }
    this.remember(key, result.pack);
    return result.pack;
  }

  /**
   * A pack with who may use it and its latest version: built-in packs are everyone's; an imported one is its
   * owner's (the host key that imported it) unless shared. Access is read from storage each time (the owner may
   * share, save or delete it from any process); the pack itself comes from the cache. undefined when unknown.
   * Throws when storage fails.
   */
  async entry(id: string): Promise<PackEntry | undefined> {
    const builtin = this.builtin.get(id);
    if (builtin) return { pack: builtin, builtin: true, ownerKeyHash: '', shared: true, version: 1, updatedAt: 0 };
    if (!IMPORTED_ID.test(id)) return undefined;
    const state = await withRetry(() => this.opts.storage.getPackState(id));
    if (!state) return undefined;
    const pack = await this.version(id, state.version);
    return pack
      ? { pack, builtin: false, ownerKeyHash: state.ownerKeyHash, shared: state.shared, ...versionOf(state) }
      : undefined;
  }

  /**
   * The built-in packs, then the imported ones `viewer` may see (shared, or its own; every one for an operator), newest
   * first. Throws when storage fails.
   */
  async list(viewer: PackViewer = NOBODY): Promise<PackSummary[]> {
    const imported = await withRetry(() =>
      this.opts.storage.listImportedPacks(MAX_IMPORTED, viewer.operator ? 'all' : { ownerKeyHash: viewer.hostKeyHash }),
    );
    return [
      // The daily pools are the operator's only (isDailyPool): the daily challenge is offered on its own.
      ...[...this.builtin.values()]
        .filter((p) => viewer.operator === true || !isDailyPool({ builtin: true, pack: p }))
        .map((p) => summarize(p, true)),
      ...imported.map((s) => importedSummary(s, isOwner(s.ownerKeyHash, viewer))),
    ];
  }

  /**
   * Stores a validated pack under a fresh id (an import never replaces another teacher's pack) as its version 1,
   * owned by the host key that sent it and private to it until shared, and answers once it is stored; 'limit'
   * (nothing stored) when that owner already keeps MAX_IMPORTED packs. Throws when storage fails; nothing is kept then.
   */
  async add(pack: GamePack, ownerKeyHash: string): Promise<PackSummary | 'limit'> {
    const id = `imp-${nanoid(12).replace(/[^A-Za-z0-9]/g, 'x')}`;
    const stored: GamePack = { ...pack, meta: { ...pack.meta, id } };
    const record = { id, createdAt: this.opts.clock(), pack: stored, ownerKeyHash, shared: false };
    // Idempotent per id, so a retried write never stores the pack twice.
    const saved = await withRetry(() => this.opts.storage.saveImportedPack(record, MAX_IMPORTED));
    if (saved === 'limit') return 'limit';
    this.remember(`${id}@1`, stored);
    return { ...summarize(stored, false), shared: false, mine: true };
  }

  /** Shares an imported pack with every host on this server, or makes it private again. Throws when storage fails. */
  async setShared(id: string, shared: boolean): Promise<boolean> {
    return withRetry(() => this.opts.storage.setImportedPackShared(id, shared));
  }

  private remember(key: string, pack: GamePack): void {
    this.cache.delete(key);
    this.cache.set(key, pack);
    if (this.cache.size > CACHE_SIZE) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.cache.delete(oldest);
    }
  }
}

/** Who asks: the hash of the host key it sent (null: none), and whether it proved to be an operator. */
export interface PackViewer {
  hostKeyHash: string | null;
  operator?: boolean;
  /** The server's own daily challenge, drawing the day's questions from its pool (and verifying such a run). */
  dailyChallenge?: boolean;
}
/** Nobody in particular: a player, a solo run, an anonymous client. */
export const NOBODY: PackViewer = { hostKeyHash: null };
/** The daily challenge: plays the day's draw from a daily pool (manager.createSolo, /api/solo/verify). */
export const DAILY_CHALLENGE: PackViewer = { hostKeyHash: null, dailyChallenge: true };

/**
 * A daily-challenge pool (built-in `daily-*`): the daily challenge draws each day's questions from it. Nobody but the
 * operator reads it, hosts it, plays it whole or exports it, in any form (issue 13: the daily leaderboard).
 */
export function isDailyPool(entry: Pick<PackEntry, 'builtin' | 'pack'>): boolean {
  return entry.builtin && entry.pack.meta.id.startsWith('daily-');
}

export interface PackEntry {
  pack: GamePack;
  builtin: boolean;
  /** The importer's host key hash; '' for built-in packs and for imports made before owners existed. */
  ownerKeyHash: string;
  shared: boolean;
  /** The latest version (1 for a built-in pack) and when it was saved (0 for a built-in pack). */
  version: number;
  updatedAt: number;
}

const versionOf = (state: { version: number; updatedAt: number }) => ({
  version: state.version,
  updatedAt: state.updatedAt,
});

/** `viewer` imported the pack: the same non-empty host key hash. */
export function isOwner(ownerKeyHash: string, viewer: PackViewer): boolean {
  return ownerKeyHash !== '' && viewer.hostKeyHash !== null && ownerKeyHash === viewer.hostKeyHash;
}

/**
 * May host a room with it, play it solo and read its preview: built-in, shared, its owner, or an operator. A daily
 * pool: the operator, and the daily challenge itself (which serves only the day's draw).
 */
export function mayUse(entry: PackEntry, viewer: PackViewer): boolean {
  if (isDailyPool(entry)) return viewer.operator === true || viewer.dailyChallenge === true;
  return entry.builtin || entry.shared || viewer.operator === true || isOwner(entry.ownerKeyHash, viewer);
}

/**
 * May export the pack with its answer key: an imported one, its owner or an operator (mayManage); a built-in one
 * (its answers are the daily challenge's too), the operator only. Teachers preview built-in packs without answers
 * and see each answer at the reveal while hosting.
 */
export function mayExport(entry: PackEntry, viewer: PackViewer): boolean {
  return entry.builtin ? viewer.operator === true : mayManage(entry, viewer);
}

/** May export an imported pack with its answers, or share it: its owner or an operator. */
export function mayManage(entry: PackEntry, viewer: PackViewer): boolean {
  return !entry.builtin && (viewer.operator === true || isOwner(entry.ownerKeyHash, viewer));
}

export function summarize(pack: GamePack, builtin: boolean): PackSummary {
  return {
    id: pack.meta.id,
    title: pack.meta.title,
    language: pack.meta.language,
    description: pack.meta.description,
    builtin,
    counts: {
      questions: pack.questions.length,
      cards: pack.cards.length,
      scenarios: pack.scenarios.length,
      rounds: pack.rounds.length,
    },
    shared: builtin,
    mine: false,
  };
}

function importedSummary(s: ImportedPackSummary, mine: boolean): PackSummary {
  return {
    id: s.id,
    title: s.title,
    language: s.language,
    description: s.description,
    builtin: false,
    counts: { questions: s.questionCount, cards: s.cardCount, scenarios: s.scenarioCount, rounds: s.roundCount },
    shared: s.shared,
    mine,
  };
}
