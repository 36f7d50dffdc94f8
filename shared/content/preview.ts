// A pack as anyone may read it (GET /api/packs/:id): the questions as players see them while open, never the
// answer key. No correct answer, no explanation (it states the answer), ordering items and matching sides in text
// order rather than the correct one; cards, scenarios and rounds as they are (a race has no answer to hide: its
// cards are on every screen). The whole pack, answers included, is an export, for its owner (server/http/packs.ts).
import type { PublicQuestion, RoundSpec, Scenario, WorkloadCard } from '../engine/types.js';
import { publicQuestion } from '../engine/view.js';
import type { GamePack, PackMeta } from './pack.js';

export interface PackPreview {
  /** Says what this is: not a pack an import accepts. */
  kind: 'hostrush-pack-preview';
  meta: PackMeta;
  questions: PublicQuestion[];
  cards: WorkloadCard[];
  scenarios: Scenario[];
  rounds: RoundSpec[];
}

/** Indices of `texts` in code-unit order of their text (then index): an order that says nothing of the key. */
function textOrder(texts: readonly string[]): number[] {
  return texts.map((_, i) => i).sort((a, b) => (texts[a]! < texts[b]! ? -1 : texts[a]! > texts[b]! ? 1 : a - b));
}

export function previewPack(pack: GamePack): PackPreview {
  return {
    kind: 'hostrush-pack-preview',
    meta: { ...pack.meta },
    questions: pack.questions.map((q) =>
      publicQuestion(q, q.type === 'ordering' ? textOrder(q.items) : q.type === 'matching' ? textOrder(q.right) : []),
    ),
    cards: pack.cards,
    scenarios: pack.scenarios,
    rounds: pack.rounds,
  };
}
