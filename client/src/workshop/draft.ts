// The workshop's pack draft: a new pack, new questions, cards and scenarios with fresh ids, a question turned into
// another type keeping what both share, and the validator's errors indexed by place. The draft is edited in place;
// the shared validator (shared/content/validate.ts) is the one judge of whether it can be saved.
import type { GamePack } from '../../../shared/content/pack.js';
import { PACK_FORMAT, PACK_FORMAT_VERSION } from '../../../shared/content/pack.js';
import { validatePack, type PackError } from '../../../shared/content/validate.js';
import type {
  Lang,
  Question,
  QuestionPoints,
  QuestionType,
  Scenario,
  WorkloadCard,
} from '../../../shared/engine/types.js';
import { randomToken } from '../session/tokens.js';

/** An id not yet used in `taken`: prefix + the smallest free number. */
export function freshId(prefix: string, taken: Iterable<{ id: string }>): string {
  const used = new Set([...taken].map((x) => x.id));
  let n = 1;
  while (used.has(`${prefix}${n}`)) n++;
  return `${prefix}${n}`;
}

/** The route id of a pack not saved yet: /workshop/new. */
export const NEW_PACK = 'new';
let pending: GamePack | null = null;
/** Hands a new pack (blank, or read from an import) to the editor about to open /workshop/new. */
export function setPending(pack: GamePack): void {
  pending = pack;
}
export function takePending(): GamePack | null {
  const p = pending;
  pending = null;
  return p;
}

export function blankPack(title: string, language: Lang): GamePack {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    meta: {
      id: `my-${randomToken(10)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, 'x')}`,
      title,
      language,
      description: '',
      author: '',
      version: '1',
    },
    questions: [],
    cards: [],
    scenarios: [],
    rounds: [],
  };
}

type Base = Pick<Question, 'id' | 'topic' | 'prompt' | 'explanation' | 'timeLimitS' | 'note' | 'points'>;

/** Standard (1) is stored as no field at all, so a pack the teacher never weighted stays as it was. */
export function setQuestionPoints(q: Question, points: QuestionPoints): void {
  if (points === 1) delete q.points;
  else q.points = points;
}

/** A question of `type` carrying over the base fields and, where they fit, the texts of `from`. */
export function questionOfType(type: QuestionType, base: Base, from?: Question): Question {
  const texts = from
    ? from.type === 'single' || from.type === 'multi'
      ? from.options
      : from.type === 'ordering'
        ? from.items
        : from.type === 'matching'
          ? from.left
          : []
    : [];
  const two = [texts[0] ?? '', texts[1] ?? ''];
  // Only the fields every type shares: `base` may be the old question, whose answer fields must not carry over.
  const { id, topic, prompt, explanation, timeLimitS, note, points } = base;
  const b: Base = { id, topic, prompt, explanation, timeLimitS };
  if (note !== undefined) b.note = note;
  if (points !== undefined) b.points = points;
  switch (type) {
    case 'single':
      return { ...b, type, options: texts.length >= 2 ? [...texts] : [...two, '', ''], correct: 0 };
    case 'multi':
      return { ...b, type, options: texts.length >= 2 ? [...texts] : [...two, '', ''], correct: [0] };
    case 'truefalse':
      return { ...b, type, correct: true };
    case 'ordering':
      return { ...b, type, items: texts.length >= 2 ? [...texts] : [...two, ''] };
    case 'matching': {
      const left = texts.length >= 2 ? [...texts] : two;
      const right = from?.type === 'matching' ? [...from.right] : left.map(() => '');
      return {
        ...b,
        type,
        left,
        right,
        pairs: left.map((_, i) => (from?.type === 'matching' ? (from.pairs[i] ?? i) : i)),
      };
    }
    case 'numeric':
      return { ...b, type, correct: 0, tolerance: 0 };
  }
}

export function newQuestion(pack: GamePack, type: QuestionType): Question {
  const base: Base = {
    id: freshId('q', pack.questions),
    topic: 'virtualization',
    prompt: '',
    explanation: '',
    timeLimitS: 20,
  };
  return questionOfType(type, base);
}

export function newCard(pack: GamePack): WorkloadCard {
  return {
    id: freshId('card', pack.cards),
    title: '',
    description: '',
    topic: 'choosing',
    cpu: 2,
    ramGb: 4,
    diskGb: 20,
    guestOs: 'linux',
    trust: 'trusted',
    sensitivity: 'internal',
    residency: 'any',
    traffic: 'steady',
    profile: 'cpu',
    startDeadlineS: 60,
    needsCustomKernel: false,
    modifiableKernel: true,
    needsOsControl: false,
    saasAvailable: false,
  };
}

export function newScenario(pack: GamePack): Scenario {
  return {
    id: freshId('scenario', pack.scenarios),
    title: '',
    description: '',
    host: { cores: 16, ramGb: 64, diskGb: 1000, os: 'linux', machine: 'server' },
    deck: pack.cards.map((c) => c.id),
    events: [],
    randomEvents: 0,
    lengthS: 90,
  };
}

/** A question joins the last quiz round (a new one when the pack ends with a race or has no round). */
export function addToRounds(pack: GamePack, questionId: string): void {
  const last = pack.rounds[pack.rounds.length - 1];
  if (last?.kind === 'quiz') last.questionIds.push(questionId);
  else pack.rounds.push({ kind: 'quiz', questionIds: [questionId] });
}

/** Removes an id everywhere it is referred to; a quiz round left empty goes too. */
export function removeQuestionRefs(pack: GamePack, id: string): void {
  for (const r of pack.rounds) if (r.kind === 'quiz') r.questionIds = r.questionIds.filter((q) => q !== id);
  pack.rounds = pack.rounds.filter((r) => r.kind !== 'quiz' || r.questionIds.length > 0);
}
export function removeCardRefs(pack: GamePack, id: string): void {
  for (const s of pack.scenarios) s.deck = s.deck.filter((c) => c !== id);
}
export function removeScenarioRefs(pack: GamePack, id: string): void {
  pack.rounds = pack.rounds.filter((r) => r.kind !== 'race' || r.scenarioId !== id);
}

/** Moves list[i] by `by` places (kept inside the list). */
export function move<T>(list: T[], i: number, by: number): void {
  const j = i + by;
  if (j < 0 || j >= list.length) return;
  [list[i], list[j]] = [list[j]!, list[i]!];
}

/** The validator's verdict, errors listed in order and grouped by path. */
export interface Checked {
  errors: PackError[];
  byPath: Map<string, PackError[]>;
}
export function check(pack: GamePack): Checked {
  // A JSON copy: the validator judges what a save would send (a field set to `undefined` is absent, as in a file).
  const result = validatePack(JSON.parse(JSON.stringify(pack)) as unknown);
  const errors = result.ok ? [] : result.errors;
  const byPath = new Map<string, PackError[]>();
  for (const e of errors) byPath.set(e.path, [...(byPath.get(e.path) ?? []), e]);
  return { errors, byPath };
}

/** A copy with empty texts shown as "…", so a part being written can be previewed and quoted before it is complete. */
export function filled<T>(value: T): unknown {
  return JSON.parse(JSON.stringify(value), (_k, v: unknown) => (typeof v === 'string' && v.trim() === '' ? '…' : v));
}
