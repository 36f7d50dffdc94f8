// Built-in packs (in memory) and the packs teachers imported (in storage, migration 003: a restart keeps them and
// every process of a multi-process deployment finds a pack another process imported).
import { nanoid } from 'nanoid';
import { BUILTIN_PACKS } from '../../shared/content/builtin.js';
import type { GamePack } from '../../shared/content/pack.js';
import { validatePack } from '../../shared/content/validate.js';
import type { PackSummary } from '../../shared/protocol/index.js';
import { withRetry } from '../storage/retry.js';
import type { ImportedPackSummary, Storage } from '../storage/types.js';

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
  log: (message: string, error?: unknown) => void;
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

  /** A built-in pack, else an imported one (this process's cache, else storage); undefined when unknown. Throws when storage fails. */
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
      const why = result.ok ? `it holds pack ${result.pack.meta.id}` : result.errors.slice(0, 3).map((e) => `${e.path}: ${e.message}`).join('; ');
      this.opts.log(`imported pack ${id} in storage is not valid (${why}); treated as unknown`);
      return undefined;
    }
    this.remember(result.pack);
    return result.pack;
  }

  /** The built-in packs, then the imported ones, newest first. Throws when storage fails. */
  async list(): Promise<PackSummary[]> {
    const imported = await withRetry(() => this.opts.storage.listImportedPacks(MAX_IMPORTED));
    return [...[...this.builtin.values()].map((p) => summarize(p, true)), ...imported.map(importedSummary)];
  }

  /**
   * Stores a validated pack under a fresh id (an import never replaces another teacher's pack) and answers once it
   * is stored. Throws when storage fails; nothing is kept then.
   */
  async add(pack: GamePack): Promise<PackSummary> {
    const id = `imp-${nanoid(12).replace(/[^A-Za-z0-9]/g, 'x')}`;
    const stored: GamePack = { ...pack, meta: { ...pack.meta, id } };
    const record = { id, createdAt: this.opts.clock(), pack: stored };
    // Idempotent per id, so a retried write never stores the pack twice.
    await withRetry(() => this.opts.storage.saveImportedPack(record, MAX_IMPORTED));
    this.remember(stored);
    return summarize(stored, false);
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
  };
}

function importedSummary(s: ImportedPackSummary): PackSummary {
  return {
    id: s.id,
    title: s.title,
    language: s.language,
    description: s.description,
    builtin: false,
    counts: { questions: s.questionCount, cards: s.cardCount, scenarios: s.scenarioCount, rounds: s.roundCount },
  };
}
