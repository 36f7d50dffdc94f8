// Built-in packs and the packs teachers imported (kept in memory: a room stores its own config, so a restart
// loses only the import list, never a game).
import { nanoid } from 'nanoid';
import { BUILTIN_PACKS } from '../../shared/content/builtin.js';
import type { GamePack } from '../../shared/content/pack.js';
import type { PackSummary } from '../../shared/protocol/index.js';

const MAX_IMPORTED = 500;

export class PackRegistry {
  private readonly builtin = new Map(BUILTIN_PACKS.map((p) => [p.meta.id, p]));
  private readonly imported = new Map<string, GamePack>();

  get(id: string): GamePack | undefined {
    return this.builtin.get(id) ?? this.imported.get(id);
  }

  list(): PackSummary[] {
    return [...this.builtin.values(), ...this.imported.values()].map((p) => summarize(p, this.builtin.has(p.meta.id)));
  }

  /** Stores a validated pack under a fresh id (an import never replaces another teacher's pack). */
  add(pack: GamePack): PackSummary {
    const id = `imp-${nanoid(12).replace(/[^A-Za-z0-9]/g, 'x')}`;
    const stored: GamePack = { ...pack, meta: { ...pack.meta, id } };
    this.imported.set(id, stored);
    // Oldest imports go first when the registry is full.
    if (this.imported.size > MAX_IMPORTED) {
      const oldest = this.imported.keys().next().value;
      if (oldest !== undefined) this.imported.delete(oldest);
    }
    return summarize(stored, false);
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
