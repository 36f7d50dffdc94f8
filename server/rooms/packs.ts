// Built-in packs (in memory) and the packs teachers imported (in storage, migration 003: a restart keeps them and
// every process of a multi-process deployment finds a pack another process imported). An imported pack belongs to
// the host key that imported it and is private to it unless shared (migration 004; docs/SECURITY.md, "The answer
// key"): who may use, export or share a pack is decided here (mayUse, mayManage).
import { nanoid } from 'nanoid';
import { BUILTIN_PACKS } from '../../shared/content/builtin.js';
import type { GamePack } from '../../shared/content/pack.js';
import { validatePack } from '../../shared/content/validate.js';
import type { PackSummary } from '../../shared/protocol/index.js';
import { withRetry } from '../storage/retry.js';
import type { ImportedPackSummary, Storage } from '../storage/types.js';
import type { Logger } from '../log.js';

/**
 * At most this many imports are kept: saving one more deletes the oldest, in the database (in the same
 * transaction), so every process lists and finds the same newest 500.
 */
export const MAX_IMPORTED = 500;
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
  /**
   * Imported packs already read (or written) by this process, least recently used first. A pack never changes
   * under its id, so a cached one is never stale; one deleted past the cap may still be found here, which is
   * harmless (a room stores its own config).
   */
  private readonly cache = new Map<string, GamePack>();

  constructor(private readonly opts: PackRegistryOptions) {}

  /**
   * A built-in pack, else an imported one (this process's cache, else storage); undefined when unknown. Throws when
   * storage fails.
   */
  async get(id: string): Promise<GamePack | undefined> {
    const builtin = this.builtin.get(id);
    if (builtin) return builtin;
    if (!IMPORTED_ID.test(id)) return undefined;
    const cached = this.cache.get(id);
    if (cached) {
      this.remember(cached);
      return cached;
    }
    const stored = await withRetry(() => this.opts.storage.getImportedPack(id));
    if (!stored) return undefined;
    // Validated again, not trusted: it was valid when written, but the database is outside this process (another
    // version of HostRush may have written it, or someone edited it). It costs one validation per pack and
    // process, thanks to the cache. A pack that no longer passes is unknown (and logged), not a crash mid-game.
    const result = validatePack(stored.pack);
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
    this.remember(result.pack);
    return result.pack;
  }

  /**
   * A pack with who may use it: built-in packs are everyone's; an imported one is its owner's (the host key that
   * imported it) unless shared. Access is read from storage each time (the owner may share it from any process);
   * the pack itself comes from the cache. undefined when unknown. Throws when storage fails.
   */
  async entry(id: string): Promise<PackEntry | undefined> {
    const builtin = this.builtin.get(id);
    if (builtin) return { pack: builtin, builtin: true, ownerKeyHash: '', shared: true };
    if (!IMPORTED_ID.test(id)) return undefined;
    const access = await withRetry(() => this.opts.storage.getImportedPackAccess(id));
    if (!access) return undefined;
    const pack = await this.get(id);
    return pack ? { pack, builtin: false, ...access } : undefined;
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
   * Stores a validated pack under a fresh id (an import never replaces another teacher's pack), owned by the host
   * key that imported it and private to it until shared, and answers once it is stored. Throws when storage fails;
   * nothing is kept then.
   */
  async add(pack: GamePack, ownerKeyHash: string): Promise<PackSummary> {
    const id = `imp-${nanoid(12).replace(/[^A-Za-z0-9]/g, 'x')}`;
    const stored: GamePack = { ...pack, meta: { ...pack.meta, id } };
    const record = { id, createdAt: this.opts.clock(), pack: stored, ownerKeyHash, shared: false };
    // Idempotent per id, so a retried write never stores the pack twice.
    await withRetry(() => this.opts.storage.saveImportedPack(record, MAX_IMPORTED));
    this.remember(stored);
    return { ...summarize(stored, false), shared: false, mine: true };
  }

  /** Shares an imported pack with every host on this server, or makes it private again. Throws when storage fails. */
  async setShared(id: string, shared: boolean): Promise<boolean> {
    return withRetry(() => this.opts.storage.setImportedPackShared(id, shared));
  }

  private remember(pack: GamePack): void {
    this.cache.delete(pack.meta.id);
    this.cache.set(pack.meta.id, pack);
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
}

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
