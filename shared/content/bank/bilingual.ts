// The bilingual bank: every question, workload card and scenario is written once with both languages side by
// side, so the Korean and English packs always carry the same content (same ids, same answer keys). The
// localize* functions project it to the engine's monolingual types.
import type {
  Lang,
  MatchingQuestion,
  MultiSelectQuestion,
  NumericQuestion,
  Question,
  Scenario,
  SingleChoiceQuestion,
  TopicId,
  TrueFalseQuestion,
  WorkloadCard,
} from '../../engine/types.js';

/** One text in both languages. */
export interface Bi {
  ko: string;
  en: string;
}

/** Shorthand for a bilingual text: bi('한국어', 'English'). */
export function bi(ko: string, en: string): Bi {
  return { ko, en };
}

interface BiQuestionBase {
  id: string;
  topic: TopicId;
  prompt: Bi;
  /** Shown after the answer; teaches the accurate version. */
  explanation: Bi;
  timeLimitS: number;
  note?: Bi;
}
export interface BiSingle extends BiQuestionBase {
  type: 'single';
  options: Bi[];
  correct: SingleChoiceQuestion['correct'];
}
export interface BiMulti extends BiQuestionBase {
  type: 'multi';
  options: Bi[];
  correct: MultiSelectQuestion['correct'];
}
export interface BiTrueFalse extends BiQuestionBase {
  type: 'truefalse';
  correct: TrueFalseQuestion['correct'];
}
/** `items` in the correct order. */
export interface BiOrdering extends BiQuestionBase {
  type: 'ordering';
  items: Bi[];
}
/** `right[pairs[i]]` matches `left[i]`. */
export interface BiMatching extends BiQuestionBase {
  type: 'matching';
  left: Bi[];
  right: Bi[];
  pairs: MatchingQuestion['pairs'];
}
export interface BiNumeric extends BiQuestionBase {
  type: 'numeric';
  correct: NumericQuestion['correct'];
  tolerance: NumericQuestion['tolerance'];
  unit?: Bi;
}
export type BiQuestion = BiSingle | BiMulti | BiTrueFalse | BiOrdering | BiMatching | BiNumeric;

export interface BiCard extends Omit<WorkloadCard, 'title' | 'description'> {
  title: Bi;
  description: Bi;
}

export interface BiScenario extends Omit<Scenario, 'title' | 'description'> {
  title: Bi;
  description: Bi;
}

const pickAll = (texts: Bi[], lang: Lang): string[] => texts.map((t) => t[lang]);

export function localizeQuestion(q: BiQuestion, lang: Lang): Question {
  const base = {
    id: q.id,
    topic: q.topic,
    prompt: q.prompt[lang],
    explanation: q.explanation[lang],
    timeLimitS: q.timeLimitS,
    ...(q.note ? { note: q.note[lang] } : {}),
  };
  switch (q.type) {
    case 'single':
      return { ...base, type: 'single', options: pickAll(q.options, lang), correct: q.correct };
    case 'multi':
      return { ...base, type: 'multi', options: pickAll(q.options, lang), correct: [...q.correct] };
    case 'truefalse':
      return { ...base, type: 'truefalse', correct: q.correct };
    case 'ordering':
      return { ...base, type: 'ordering', items: pickAll(q.items, lang) };
    case 'matching':
      return {
        ...base,
        type: 'matching',
        left: pickAll(q.left, lang),
        right: pickAll(q.right, lang),
        pairs: [...q.pairs],
      };
    case 'numeric':
      return {
        ...base,
        type: 'numeric',
        correct: q.correct,
        tolerance: q.tolerance,
        ...(q.unit ? { unit: q.unit[lang] } : {}),
      };
  }
}

export function localizeCard(c: BiCard, lang: Lang): WorkloadCard {
  return { ...c, title: c.title[lang], description: c.description[lang] };
}

export function localizeScenario(s: BiScenario, lang: Lang): Scenario {
  return {
    ...s,
    title: s.title[lang],
    description: s.description[lang],
    host: { ...s.host },
    deck: [...s.deck],
    events: s.events.map((e) => ({ ...e })),
  };
}

/** What a card needs beyond its id, texts, topic, size and deadline; defaults fill the rest. */
export type CardInput = Pick<
  BiCard,
  'id' | 'topic' | 'title' | 'description' | 'cpu' | 'ramGb' | 'diskGb' | 'startDeadlineS'
> &
  Partial<Omit<BiCard, 'id' | 'topic' | 'title' | 'description' | 'cpu' | 'ramGb' | 'diskGb' | 'startDeadlineS'>>;

/**
 * Builds a card with consistent defaults: a trusted, internal, steady, CPU-bound Linux workload that may run
 * anywhere. modifiableKernel defaults to true for Linux (open-source kernel) and is always false for Windows.
 */
export function card(c: CardInput): BiCard {
  const guestOs = c.guestOs ?? 'linux';
  return {
    guestOs,
    trust: 'trusted',
    sensitivity: 'internal',
    residency: 'any',
    traffic: 'steady',
    profile: 'cpu',
    needsCustomKernel: false,
    needsOsControl: false,
    saasAvailable: false,
    ...c,
    modifiableKernel: guestOs === 'linux' ? (c.modifiableKernel ?? true) : false,
  };
}

/** A small deterministic hash of a string (FNV-1a), to seed per-question arrangements. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Authors write single and multiple-choice options with the correct ones first (easy to review); the engine
 * shows options in the order given, so the bank rearranges them with a permutation seeded by the question id.
 * The same permutation applies to both languages, so ko and en keep the same answer keys; it depends only on
 * the id, so it is stable across builds.
 */
export function arrangeOptions(q: BiQuestion): BiQuestion {
  if (q.type !== 'single' && q.type !== 'multi') return q;
  const n = q.options.length;
  const order = Array.from({ length: n }, (_, i) => i);
  let seed = hash(q.id) || 1;
  for (let i = n - 1; i > 0; i--) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const j = (seed >>> 8) % (i + 1);
    const a = order[i] as number;
    order[i] = order[j] as number;
    order[j] = a;
  }
  // order[newIndex] = oldIndex
  const options = order.map((old) => q.options[old] as Bi);
  const newIndexOf = (old: number): number => order.indexOf(old);
  if (q.type === 'single') return { ...q, options, correct: newIndexOf(q.correct) };
  return { ...q, options, correct: q.correct.map(newIndexOf).sort((a, b) => a - b) };
}
