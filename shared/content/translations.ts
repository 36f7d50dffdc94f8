// A game's texts in the language of each device. The built-in packs are bilingual (bank/bilingual.ts): the Korean
// and English packs carry the same questions, cards and scenarios under the same ids with the same answer keys,
// so a room made from one can show any device the other's texts. `localizeView` swaps only texts: ids, answer
// keys, option order and the presented order of shuffled items (the engine's `perm`) stay exactly as they are, so
// an answer given on an English screen is the very answer a Korean screen would have sent. Pure: no I/O.
import type { GameView, Lang, PublicQuestion, Question, Scenario, WorkloadCard } from '../engine/types.js';
import { BUILTIN_PACKS, builtinPack } from './builtin.js';

/** One language's texts of a pack, by id. */
export interface PackTexts {
  lang: Lang;
  questions: ReadonlyMap<string, Question>;
  cards: ReadonlyMap<string, WorkloadCard>;
  scenarios: ReadonlyMap<string, Scenario>;
}

/** The languages a room's texts exist in: its pack's own (`base`) and the others, with their texts. */
export interface PackLanguages {
  base: Lang;
  /** Texts in languages other than `base` (never `base` itself). */
  others: ReadonlyMap<Lang, PackTexts>;
}

const byId = <T extends { id: string }>(list: readonly T[]): Map<string, T> => new Map(list.map((x) => [x.id, x]));

/** Built once per pack id and language for the whole process (the built-in packs never change). */
const textsCache = new Map<string, PackTexts>();

function textsOf(packId: string): PackTexts | undefined {
  const cached = textsCache.get(packId);
  if (cached) return cached;
  const pack = builtinPack(packId);
  if (!pack) return undefined;
  const texts: PackTexts = {
    lang: pack.meta.language,
    questions: byId(pack.questions),
    cards: byId(pack.cards),
    scenarios: byId(pack.scenarios),
  };
  textsCache.set(packId, texts);
  return texts;
}

/** A built-in pack's kind ('course' of 'course-ko'): its twins in other languages share it. */
const kindOf = (packId: string): string | null => {
  const dash = packId.lastIndexOf('-');
  return dash > 0 ? packId.slice(0, dash) : null;
};

/**
 * The languages a pack's texts exist in, looked up by pack id: a built-in pack has its twins (same kind, same
 * ids) in every other language; an imported pack has only its own language (null: served as it is to everyone).
 */
export function packLanguages(packId: string): PackLanguages | null {
  const own = builtinPack(packId);
  const kind = kindOf(packId);
  if (!own || kind === null) return null;
  const others = new Map<Lang, PackTexts>();
  for (const twin of BUILTIN_PACKS) {
    const lang = twin.meta.language;
    if (lang === own.meta.language || twin.meta.id !== `${kind}-${lang}`) continue;
    const texts = textsOf(twin.meta.id);
    if (texts) others.set(lang, texts);
  }
  return others.size > 0 ? { base: own.meta.language, others } : null;
}

/** Same length as the original, or the original: a twin that does not line up is never half-applied. */
function sameShape(a: readonly string[] | undefined, b: readonly string[] | undefined): b is string[] {
  return a !== undefined && b !== undefined && a.length === b.length;
}

/** Texts of a list in another language, keeping blanks blank (a question hidden on devices stays hidden). */
function swapList(shown: readonly string[], to: readonly string[]): string[] {
  return shown.map((text, i) => (text === '' ? '' : (to[i] ?? text)));
}

/** `list` in presented order (`perm`: presented -> original index), or undefined when they do not line up. */
function presented(
  shown: readonly string[] | undefined,
  list: readonly string[],
  perm: readonly number[],
): string[] | undefined {
  if (!shown || shown.length !== perm.length || perm.some((i) => list[i] === undefined)) return undefined;
  return perm.map((i) => list[i]!);
}

/** The question as presented, in `to`'s texts; `perm` is the engine's presented -> original order. */
function localizePublic(pub: PublicQuestion, to: Question, perm: readonly number[]): PublicQuestion {
  if (to.type !== pub.type) return pub;
  const out: PublicQuestion = { ...pub, prompt: pub.prompt === '' ? '' : to.prompt };
  if (pub.note !== undefined && to.note !== undefined) out.note = pub.note === '' ? '' : to.note;
  switch (to.type) {
    case 'single':
    case 'multi':
      if (sameShape(pub.options, to.options)) out.options = swapList(pub.options!, to.options);
      break;
    case 'ordering': {
      const items = presented(pub.items, to.items, perm);
      if (items) out.items = items;
      break;
    }
    case 'matching': {
      if (sameShape(pub.left, to.left)) out.left = [...to.left];
      const right = presented(pub.right, to.right, perm);
      if (right) out.right = right;
      break;
    }
    case 'numeric':
      if (pub.unit !== undefined && to.unit !== undefined) out.unit = to.unit;
      break;
    case 'truefalse':
      break;
  }
  return out;
}

/** The full question (shown once it closed) in `to`'s texts, its answer key and every number kept. */
function localizeSolution(q: Question, to: Question): Question {
  if (to.type !== q.type) return q;
  const texts = {
    prompt: to.prompt,
    explanation: to.explanation,
    ...(q.note !== undefined && to.note !== undefined ? { note: to.note } : {}),
  };
  switch (q.type) {
    case 'single':
    case 'multi':
      return {
        ...q,
        ...texts,
        options: sameShape(q.options, (to as typeof q).options) ? [...(to as typeof q).options] : q.options,
      };
    case 'ordering':
      return {
        ...q,
        ...texts,
        items: sameShape(q.items, (to as typeof q).items) ? [...(to as typeof q).items] : q.items,
      };
    case 'matching': {
      const t = to as typeof q;
      return {
        ...q,
        ...texts,
        left: sameShape(q.left, t.left) ? [...t.left] : q.left,
        right: sameShape(q.right, t.right) ? [...t.right] : q.right,
      };
    }
    case 'numeric': {
      const t = to as typeof q;
      return q.unit !== undefined && t.unit !== undefined ? { ...q, ...texts, unit: t.unit } : { ...q, ...texts };
    }
    case 'truefalse':
      return { ...q, ...texts };
  }
}

const localizeCard = (c: WorkloadCard, texts: PackTexts): WorkloadCard => {
  const to = texts.cards.get(c.id);
  return to ? { ...c, title: to.title, description: to.description } : c;
};

/**
 * A view with the game's texts in `texts`' language: the question's prompt, options, items, matching sides,
 * note and unit, after the close its explanation, the race's scenario and cards. Everything else (ids, answer
 * keys, option order, the presented order given by `perm`, scores, times) is the view's own. `perm`: the open
 * question's `QuestionState.perm` (presented -> original index). Shares every part it does not change.
 */
export function localizeView(view: GameView, texts: PackTexts, perm: readonly number[]): GameView {
  let question = view.question;
  if (question) {
    const to = texts.questions.get(question.question.id);
    if (to) {
      question = {
        ...question,
        question: localizePublic(question.question, to, perm),
        solution: question.solution ? localizeSolution(question.solution, to) : null,
      };
    }
  }
  let race = view.race;
  if (race) {
    const scenario = texts.scenarios.get(race.scenario.id);
    race = {
      ...race,
      scenario: scenario
        ? { ...race.scenario, title: scenario.title, description: scenario.description }
        : race.scenario,
      cards: race.cards.map((c) => localizeCard(c, texts)),
    };
  }
  return question === view.question && race === view.race ? view : { ...view, question, race };
}

/** A scenario's title in `texts`' language (race bills), or the one given. */
export function scenarioTitleIn(scenarioId: string, title: string, texts: PackTexts | undefined): string {
  return texts?.scenarios.get(scenarioId)?.title ?? title;
}
