// Pack validation: the zod schema (./schema.ts) plus the checks a schema cannot express (ids unique, answer
// indexes in range, references resolved, every card deployable somewhere). Returns every error with its location,
// never throws, never mutates its input.
import type { z } from 'zod';
import { legalChoices } from '../engine/index.js';
import type { HostSpec, Question } from '../engine/types.js';
import type { GamePack } from './pack.js';
import { gamePackSchema, hostSpecSchema, questionSchema, workloadCardSchema } from './schema.js';

/** One problem in a pack. `path` locates it, like `questions[12].options[3]` ('$' for the whole input). */
export interface PackError {
  path: string;
  message: string;
  /** The same in Korean, where the importer says it (CSV); without `message`, only the place is translated. */
  ko?: { path: string; message?: string };
}

export type PackResult = { ok: true; pack: GamePack } | { ok: false; errors: PackError[] };

/** `questions[12].correct: answer index 5 is out of range (4 options)` */
export function formatPackError(error: PackError): string {
  return `${error.path}: ${error.message}`;
}

/** Hosts a card that is in no scenario is checked against: it must be deployable on at least one of them. */
export const DEFAULT_CHECK_HOSTS: readonly HostSpec[] = [
  { cores: 16, ramGb: 64, diskGb: 1000, os: 'linux', machine: 'server' },
  { cores: 16, ramGb: 64, diskGb: 1000, os: 'windows', machine: 'server' },
];

export function validatePack(input: unknown): PackResult {
  try {
    const parsed = gamePackSchema.safeParse(input, { reportInput: true });
    const errors: PackError[] = parsed.success ? [] : parsed.error.issues.flatMap(issueToErrors);
    errors.push(...crossCheck(input));
    if (parsed.success && errors.length === 0) return { ok: true, pack: parsed.data };
    if (errors.length === 0) errors.push({ path: '$', message: 'the pack is not valid' });
    return { ok: false, errors };
  } catch (err) {
    // Defensive: exotic inputs (getters that throw, proxies) must not crash the caller.
    const detail = err instanceof Error ? err.message : String(err);
    return { ok: false, errors: [{ path: '$', message: `the pack could not be read: ${detail}` }] };
  }
}

// ---------------------------------------------------------------- paths

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** ['questions', 12, 'options', 3] -> `questions[12].options[3]`; [] -> `$`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else {
      const name = String(key);
      if (IDENTIFIER.test(name)) out += out === '' ? name : `.${name}`;
      else out += `[${JSON.stringify(name)}]`;
    }
  }
  return out === '' ? '$' : out;
}

// ---------------------------------------------------------------- zod issues -> messages

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text ${quote(value)}`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `${value}`;
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** A short JSON rendering of a value for messages (long strings are cut). */
function quote(value: unknown): string {
  if (typeof value === 'string') {
    const cut = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return JSON.stringify(cut);
  }
  return JSON.stringify(value) ?? String(value);
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

const UNION_NOUNS: Record<string, string> = { type: 'question type', kind: 'round kind' };

function oneOf(values: readonly unknown[]): string {
  return values.map((v) => quote(v)).join(', ');
}

function issueToErrors(issue: z.core.$ZodIssue): PackError[] {
  const path = formatPath(issue.path);
  const input = (issue as { input?: unknown }).input;
  const last = issue.path[issue.path.length - 1];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: formatPath([...issue.path, key]),
        message: `unknown field ${quote(key)}: it is not part of the pack format (check the spelling)`,
      }));
    case 'invalid_type': {
      if (input === undefined) return [{ path, message: 'is required but missing' }];
      const expected = EXPECTED[issue.expected] ?? issue.expected;
      return [{ path, message: `must be ${expected}, not ${describe(input)}` }];
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') {
        if (min <= 1) return [{ path, message: 'must not be empty' }];
        return [{ path, message: `must be at least ${min} characters long` }];
      }
      if (issue.origin === 'array') {
        const has = Array.isArray(input) ? ` (has ${input.length})` : '';
        return [{ path, message: `must have at least ${min} ${min === 1 ? 'entry' : 'entries'}${has}` }];
      }
      if (issue.inclusive === false) return [{ path, message: `must be greater than ${min}, not ${quote(input)}` }];
      return [{ path, message: `must be ${min} or more, not ${quote(input)}` }];
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') {
        const len = typeof input === 'string' ? ` (it has ${input.length})` : '';
        return [{ path, message: `must be at most ${max} characters long${len}` }];
      }
      if (issue.origin === 'array') {
        const has = Array.isArray(input) ? ` (has ${input.length})` : '';
        return [{ path, message: `must have at most ${max} entries${has}` }];
      }
      if (issue.inclusive === false) return [{ path, message: `must be less than ${max}, not ${quote(input)}` }];
      return [{ path, message: `must be ${max} or less, not ${quote(input)}` }];
    }
    case 'invalid_value': {
      if (input === undefined) return [{ path, message: `is required but missing (expected ${oneOf(issue.values)})` }];
      if (issue.values.length === 1)
        return [{ path, message: `must be ${quote(issue.values[0])}, not ${quote(input)}` }];
      const noun = last === 'topic' ? 'topic' : 'value';
      return [{ path, message: `unknown ${noun} ${quote(input)}: must be one of ${oneOf(issue.values)}` }];
    }
    case 'invalid_union': {
      const disc = (issue as { discriminator?: string }).discriminator;
      const opts = (issue as { options?: unknown[] }).options;
      if (disc !== undefined && opts !== undefined) {
        const noun = UNION_NOUNS[disc] ?? disc;
        const obj = input !== null && typeof input === 'object' ? (input as Record<string, unknown>) : {};
        const got = obj[disc];
        if (got === undefined)
          return [{ path, message: `is required but missing (the ${noun}: one of ${oneOf(opts)})` }];
        return [{ path, message: `unknown ${noun} ${quote(got)}: must be one of ${oneOf(opts)}` }];
      }
      return [{ path, message: issue.message }];
    }
    case 'invalid_format':
      return [{ path, message: `${quote(input)} ${issue.format === 'regex' ? 'is not valid: ' : ''}${issue.message}` }];
    default:
      return [{ path, message: issue.message }];
  }
}

// ---------------------------------------------------------------- cross checks

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => v !== null && typeof v === 'object' && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const idOf = (v: unknown): string | undefined => (isObj(v) && typeof v['id'] === 'string' ? v['id'] : undefined);

/** Ids of one collection, reporting duplicates. */
function collectIds(items: unknown[], key: string, noun: string, errors: PackError[]): Set<string> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const id = idOf(item);
    if (id === undefined) return;
    const prev = first.get(id);
    if (prev === undefined) first.set(id, i);
    else
      errors.push({
        path: `${key}[${i}].id`,
        message: `duplicate ${noun} id ${quote(id)} (already used by ${key}[${prev}])`,
      });
  });
  return new Set(first.keys());
}

/** Reports entries of `values` that repeat an earlier entry (compared trimmed and case-insensitively). */
function checkUnique(values: readonly string[], at: string, noun: string, errors: PackError[]): void {
  const seen = new Map<string, number>();
  values.forEach((value, i) => {
    const norm = value.trim().toLowerCase();
    const prev = seen.get(norm);
    if (prev === undefined) seen.set(norm, i);
    else errors.push({ path: `${at}[${i}]`, message: `duplicate ${noun} ${quote(value)} (same as ${at}[${prev}])` });
  });
}

function outOfRange(index: number, count: number, noun: string): string {
  return `answer index ${index} is out of range (${count} ${noun}${count === 1 ? '' : 's'})`;
}

function checkQuestion(q: Question, at: string, errors: PackError[]): void {
  switch (q.type) {
    case 'single':
      checkUnique(q.options, `${at}.options`, 'option', errors);
      if (q.correct >= q.options.length) {
        errors.push({ path: `${at}.correct`, message: outOfRange(q.correct, q.options.length, 'option') });
      }
      return;
    case 'multi': {
      checkUnique(q.options, `${at}.options`, 'option', errors);
      if (q.correct.length === 0) {
        errors.push({ path: `${at}.correct`, message: 'must list at least one correct option' });
        return;
      }
      const seen = new Set<number>();
      q.correct.forEach((c, j) => {
        if (c >= q.options.length) {
          errors.push({ path: `${at}.correct[${j}]`, message: outOfRange(c, q.options.length, 'option') });
        } else if (seen.has(c)) {
          errors.push({ path: `${at}.correct[${j}]`, message: `answer index ${c} is listed more than once` });
        }
        seen.add(c);
      });
      return;
    }
    case 'ordering':
      checkUnique(q.items, `${at}.items`, 'item', errors);
      return;
    case 'matching': {
      checkUnique(q.left, `${at}.left`, 'entry', errors);
      checkUnique(q.right, `${at}.right`, 'entry', errors);
      if (q.right.length !== q.left.length) {
        errors.push({
          path: `${at}.right`,
          message:
            `has ${q.right.length} entries but left has ${q.left.length}: each left ` +
            `entry needs exactly one right entry`,
        });
        return;
      }
      if (q.pairs.length !== q.left.length) {
        errors.push({
          path: `${at}.pairs`,
          message:
            `has ${q.pairs.length} entries but left has ${q.left.length}: give one right-hand ` +
            `index per left entry`,
        });
        return;
      }
      const usedBy = new Map<number, number>();
      q.pairs.forEach((p, j) => {
        if (p >= q.right.length) {
          errors.push({
            path: `${at}.pairs[${j}]`,
            message: `right-hand index ${p} is out of range (${q.right.length} right-hand entries)`,
          });
          return;
        }
        const prev = usedBy.get(p);
        if (prev !== undefined) {
          errors.push({
            path: `${at}.pairs[${j}]`,
            message:
              `right-hand index ${p} is already matched to left[${prev}]: pairs must use ` +
              `each right-hand entry exactly once`,
          });
        } else usedBy.set(p, j);
      });
      return;
    }
    case 'truefalse':
    case 'numeric':
      return;
  }
}

function crossCheck(input: unknown): PackError[] {
  const errors: PackError[] = [];
  if (!isObj(input)) return errors;
  const questions = list(input['questions']);
  const cards = list(input['cards']);
  const scenarios = list(input['scenarios']);
  const rounds = list(input['rounds']);

  const questionIds = collectIds(questions, 'questions', 'question', errors);
  const cardIds = collectIds(cards, 'cards', 'card', errors);
  const scenarioIds = collectIds(scenarios, 'scenarios', 'scenario', errors);

  questions.forEach((raw, i) => {
    const q = questionSchema.safeParse(raw);
    if (q.success) checkQuestion(q.data, `questions[${i}]`, errors);
  });

  // Scenario decks and events.
  const cardById = new Map<string, Obj>();
  for (const c of cards) {
    const id = idOf(c);
    if (id !== undefined && !cardById.has(id) && isObj(c)) cardById.set(id, c);
  }
  scenarios.forEach((s, i) => {
    if (!isObj(s)) return;
    const at = `scenarios[${i}]`;
    const lengthS = typeof s['lengthS'] === 'number' && s['lengthS'] > 0 ? s['lengthS'] : undefined;
    const seen = new Map<string, number>();
    list(s['deck']).forEach((cardId, j) => {
      if (typeof cardId !== 'string') return;
      const prev = seen.get(cardId);
      if (prev !== undefined) {
        errors.push({
          path: `${at}.deck[${j}]`,
          message: `card ${quote(cardId)} is already in this deck (deck[${prev}])`,
        });
        return;
      }
      seen.set(cardId, j);
      if (!cardIds.has(cardId)) {
        errors.push({
          path: `${at}.deck[${j}]`,
          message: `unknown card ${quote(cardId)}: no card in this pack has that id`,
        });
        return;
      }
      const arrives = cardById.get(cardId)?.['arrivesAtS'];
      if (lengthS !== undefined && typeof arrives === 'number' && arrives > lengthS) {
        errors.push({
          path: `${at}.deck[${j}]`,
          message: `card ${quote(cardId)} arrives at ${arrives} s, after the race ends (lengthS ${lengthS})`,
        });
      }
    });
    if (lengthS !== undefined) {
      list(s['events']).forEach((e, j) => {
        const atS = isObj(e) ? e['atS'] : undefined;
        if (typeof atS === 'number' && atS > lengthS) {
          errors.push({
            path: `${at}.events[${j}].atS`,
            message: `the event at ${atS} s comes after the race ends (lengthS ${lengthS})`,
          });
        }
      });
    }
  });

  // Rounds refer to existing questions and scenarios.
  rounds.forEach((r, i) => {
    if (!isObj(r)) return;
    const at = `rounds[${i}]`;
    if (r['kind'] === 'quiz') {
      const seen = new Map<string, number>();
      list(r['questionIds']).forEach((qid, j) => {
        if (typeof qid !== 'string') return;
        const prev = seen.get(qid);
        if (prev !== undefined) {
          errors.push({
            path: `${at}.questionIds[${j}]`,
            message: `question ${quote(qid)} is already in this round (questionIds[${prev}])`,
          });
        } else if (!questionIds.has(qid)) {
          errors.push({
            path: `${at}.questionIds[${j}]`,
            message: `unknown question ${quote(qid)}: no question in this pack has that id`,
          });
        }
        seen.set(qid, j);
      });
    } else if (r['kind'] === 'race') {
      const sid = r['scenarioId'];
      if (typeof sid === 'string' && !scenarioIds.has(sid)) {
        errors.push({
          path: `${at}.scenarioId`,
          message: `unknown scenario ${quote(sid)}: no scenario in this pack has that id`,
        });
      }
    }
  });

  // Every card can be deployed somehow on a host that uses it.
  const hostsByCard = new Map<string, { scenario: string; host: HostSpec }[]>();
  for (const s of scenarios) {
    if (!isObj(s)) continue;
    const host = hostSpecSchema.safeParse(s['host']);
    if (!host.success) continue;
    const sid = idOf(s) ?? '?';
    for (const cardId of new Set(list(s['deck']))) {
      if (typeof cardId !== 'string') continue;
      const entry = hostsByCard.get(cardId) ?? [];
      entry.push({ scenario: sid, host: host.data });
      hostsByCard.set(cardId, entry);
    }
  }
  cards.forEach((raw, i) => {
    const card = workloadCardSchema.safeParse(raw);
    if (!card.success) return;
    const uses = hostsByCard.get(card.data.id);
    const hosts = uses ?? DEFAULT_CHECK_HOSTS.map((host) => ({ scenario: '', host }));
    if (hosts.length === 0) return;
    const deployable = hosts.some(({ host }) => legalChoices(card.data, host).length > 0);
    if (deployable) return;
    const where =
      uses === undefined
        ? 'on a Linux server or a Windows server host (it is in no scenario)'
        : `on the host of any scenario that uses it (${[...new Set(uses.map((u) => quote(u.scenario)))].join(', ')})`;
    errors.push({
      path: `cards[${i}]`,
      message:
        `card ${quote(card.data.id)} cannot be deployed ${where}: no deploy kind ` + `and placement is allowed for it`,
    });
  });

  return errors;
}
