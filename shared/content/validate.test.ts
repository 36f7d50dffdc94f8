import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { smallPack } from '../../test/fixtures/packs/small-pack.js';
import { parsePackJson } from './pack-io.js';
import { formatPackError, formatPath, validatePack, type PackError } from './validate.js';

type Mutable = any;

function errorsOf(input: unknown): PackError[] {
  const r = validatePack(input);
  if (r.ok) throw new Error('expected the pack to be rejected');
  return r.errors;
}

function mutated(change: (p: Mutable) => void): unknown {
  const p: Mutable = smallPack();
  change(p);
  return p;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('validatePack: a valid pack', () => {
  it('accepts the fixture pack and returns an equal pack', () => {
    const r = validatePack(smallPack());
    expect(r).toEqual({ ok: true, pack: smallPack() });
  });

  it('trims text fields', () => {
    const r = validatePack(mutated((p) => (p.questions[0].prompt = '  Which hypervisor?  ')));
    expect(r.ok && r.pack.questions[0]?.prompt).toBe('Which hypervisor?');
  });

  it('never mutates its input, valid or not', () => {
    const good = deepFreeze(smallPack());
    expect(validatePack(good).ok).toBe(true);
    const bad = mutated((p) => {
      p.questions[0].correct = 9;
      p.questions[1].prompt = '  padded  ';
      p.extra = 1;
    });
    const before = structuredClone(bad);
    deepFreeze(bad);
    expect(validatePack(bad).ok).toBe(false);
    expect(bad).toEqual(before);
  });

  it('accepts a Windows on-premise card on a Linux desktop host (a Type 2 VM is legal)', () => {
    // c-erp (Windows, residency on-prem) is in s-laptop (Linux desktop): it cannot be a container or traditional
    // install there, nor leave the premises, but it can run in a Type 2 VM, so the pack is valid.
    const r = validatePack(mutated((p) => (p.scenarios[0].deck = ['c-web', 'c-grader'])));
    expect(r.ok).toBe(true);
  });
});

// Each case: a broken pack and EXACTLY the errors it must produce (path and message), nothing else.
interface Case {
  name: string;
  input: () => unknown;
  errors: PackError[];
}

const cases: Case[] = [
  {
    name: 'not an object',
    input: () => [smallPack()],
    errors: [{ path: '$', message: 'must be an object, not a list' }],
  },
  {
    name: 'wrong type: time limit as text',
    input: () => mutated((p) => (p.questions[0].timeLimitS = '20')),
    errors: [{ path: 'questions[0].timeLimitS', message: 'must be a number, not the text "20"' }],
  },
  {
    name: 'wrong type: fractional time limit and a boolean given as text',
    input: () =>
      mutated((p) => {
        p.questions[0].timeLimitS = 20.5;
        p.cards[1].needsOsControl = 'yes';
      }),
    errors: [
      { path: 'questions[0].timeLimitS', message: 'must be a whole number, not the number 20.5' },
      { path: 'cards[1].needsOsControl', message: 'must be true or false, not the text "yes"' },
    ],
  },
  {
    name: 'points weight other than 0, 1 or 2',
    input: () =>
      mutated((p) => {
        p.questions[0].points = 3;
        p.questions[1].points = '2';
      }),
    errors: [
      { path: 'questions[0].points', message: 'unknown value 3: must be one of 0, 1, 2' },
      { path: 'questions[1].points', message: 'unknown value "2": must be one of 0, 1, 2' },
    ],
  },
  {
    name: 'missing field',
    input: () => mutated((p) => delete p.questions[1].explanation),
    errors: [{ path: 'questions[1].explanation', message: 'is required but missing' }],
  },
  {
    name: 'misspelt field (strict objects)',
    input: () =>
      mutated((p) => {
        p.questions[1].promt = p.questions[1].prompt;
        p.scenarios[0].host.kores = 4;
      }),
    errors: [
      {
        path: 'questions[1].promt',
        message: 'unknown field "promt": it is not part of the pack format (check the spelling)',
      },
      {
        path: 'scenarios[0].host.kores',
        message: 'unknown field "kores": it is not part of the pack format (check the spelling)',
      },
    ],
  },
  {
    name: 'wrong format and version',
    input: () =>
      mutated((p) => {
        p.format = 'kahoot';
        p.formatVersion = 2;
      }),
    errors: [
      { path: 'format', message: 'must be "hostrush-pack", not "kahoot"' },
      { path: 'formatVersion', message: 'must be 1, not 2' },
    ],
  },
  {
    name: 'duplicate ids',
    input: () =>
      mutated((p) => {
        p.questions.push({ ...p.questions[2], prompt: 'Again?' });
        p.cards.push({ ...p.cards[0] });
      }),
    errors: [
      { path: 'questions[6].id', message: 'duplicate question id "q-tf" (already used by questions[2])' },
      { path: 'cards[3].id', message: 'duplicate card id "c-web" (already used by cards[0])' },
    ],
  },
  {
    name: 'single choice: answer out of range',
    input: () => mutated((p) => (p.questions[0].correct = 5)),
    errors: [{ path: 'questions[0].correct', message: 'answer index 5 is out of range (4 options)' }],
  },
  {
    name: 'multi select: repeated and out-of-range answers',
    input: () => mutated((p) => (p.questions[1].correct = [0, 0, 7])),
    errors: [
      { path: 'questions[1].correct[1]', message: 'answer index 0 is listed more than once' },
      { path: 'questions[1].correct[2]', message: 'answer index 7 is out of range (4 options)' },
    ],
  },
  {
    name: 'multi select: no correct answer, duplicate option',
    input: () =>
      mutated((p) => {
        p.questions[1].correct = [];
        p.questions[1].options[2] = 'xen';
      }),
    errors: [
      { path: 'questions[1].options[2]', message: 'duplicate option "xen" (same as questions[1].options[0])' },
      { path: 'questions[1].correct', message: 'must list at least one correct option' },
    ],
  },
  {
    name: 'matching: pairs not a permutation',
    input: () => mutated((p) => (p.questions[4].pairs = [1, 1, 2])),
    errors: [
      {
        path: 'questions[4].pairs[1]',
        message: 'right-hand index 1 is already matched to left[0]: pairs must use each right-hand entry exactly once',
      },
    ],
  },
  {
    name: 'matching: pair index out of range',
    input: () => mutated((p) => (p.questions[4].pairs = [0, 1, 3])),
    errors: [{ path: 'questions[4].pairs[2]', message: 'right-hand index 3 is out of range (3 right-hand entries)' }],
  },
  {
    name: 'matching: left and right of different lengths',
    input: () =>
      mutated((p) => {
        p.questions[4].right.pop();
      }),
    errors: [
      {
        path: 'questions[4].right',
        message: 'has 2 entries but left has 3: each left entry needs exactly one right entry',
      },
    ],
  },
  {
    name: 'ordering: duplicate items',
    input: () => mutated((p) => (p.questions[3].items[3] = 'hardware')),
    errors: [{ path: 'questions[3].items[3]', message: 'duplicate item "hardware" (same as questions[3].items[0])' }],
  },
  {
    name: 'numeric: negative tolerance',
    input: () => mutated((p) => (p.questions[5].tolerance = -1)),
    errors: [{ path: 'questions[5].tolerance', message: 'must be 0 or more, not -1' }],
  },
  {
    name: 'unknown topic',
    input: () => mutated((p) => (p.questions[0].topic = 'kubernetes')),
    errors: [
      {
        path: 'questions[0].topic',
        message:
          'unknown topic "kubernetes": must be one of "traditional", "virtualization", "hypervisor-type1", ' +
          '"hypervisor-type2", "full-virt", "para-virt", "vm", "container", "docker", "orchestration", ' +
          '"service-models", "on-prem", "choosing"',
      },
    ],
  },
  {
    name: 'unknown question type',
    input: () => mutated((p) => (p.questions[2].type = 'essay')),
    errors: [
      {
        path: 'questions[2].type',
        message:
          'unknown question type "essay": must be one of "single", "multi", ' +
          '"truefalse", "ordering", "matching", "numeric"',
      },
    ],
  },
  {
    name: 'empty, too long and badly formed text',
    input: () =>
      mutated((p) => {
        p.questions[0].prompt = '   ';
        p.questions[1].explanation = 'x'.repeat(1501);
        p.meta.id = 'my pack!';
      }),
    errors: [
      {
        path: 'meta.id',
        message:
          '"my pack!" is not valid: must be an id of 1-64 letters, digits, "-", ' +
          '"_" or ".", starting with a letter or digit',
      },
      { path: 'questions[0].prompt', message: 'must not be empty' },
      { path: 'questions[1].explanation', message: 'must be at most 1500 characters long (it has 1501)' },
    ],
  },
  {
    name: 'a 50 MB prompt',
    input: () => mutated((p) => (p.questions[0].prompt = 'a'.repeat(50 * 1024 * 1024))),
    errors: [{ path: 'questions[0].prompt', message: 'must be at most 500 characters long (it has 52428800)' }],
  },
  {
    name: 'options and card sizes out of bounds',
    input: () =>
      mutated((p) => {
        p.questions[0].options = ['only one'];
        p.questions[0].correct = 0;
        p.cards[0].cpu = 0;
        p.cards[1].ramGb = 1e9;
      }),
    errors: [
      { path: 'questions[0].options', message: 'must have at least 2 entries (has 1)' },
      { path: 'cards[0].cpu', message: 'must be greater than 0, not 0' },
      { path: 'cards[1].ramGb', message: 'must be 4096 or less, not 1000000000' },
    ],
  },
  {
    name: 'unknown card in a scenario deck, card listed twice',
    input: () => mutated((p) => p.scenarios[0].deck.push('c-nope', 'c-web')),
    errors: [
      { path: 'scenarios[0].deck[3]', message: 'unknown card "c-nope": no card in this pack has that id' },
      { path: 'scenarios[0].deck[4]', message: 'card "c-web" is already in this deck (deck[0])' },
    ],
  },
  {
    name: 'event and card arrival after the race ends',
    input: () =>
      mutated((p) => {
        p.scenarios[0].events[1].atS = 500;
        p.cards[1].arrivesAtS = 100; // s-laptop lasts 90 s, s-server 120 s
      }),
    errors: [
      { path: 'scenarios[0].events[1].atS', message: 'the event at 500 s comes after the race ends (lengthS 120)' },
      { path: 'scenarios[1].deck[0]', message: 'card "c-erp" arrives at 100 s, after the race ends (lengthS 90)' },
    ],
  },
  {
    name: 'a round refers to a missing question and a missing scenario',
    input: () =>
      mutated((p) => {
        p.rounds[0].questionIds.push('q-nope', 'q-single');
        p.rounds[1].scenarioId = 's-nope';
      }),
    errors: [
      { path: 'rounds[0].questionIds[3]', message: 'unknown question "q-nope": no question in this pack has that id' },
      { path: 'rounds[0].questionIds[4]', message: 'question "q-single" is already in this round (questionIds[0])' },
      { path: 'rounds[1].scenarioId', message: 'unknown scenario "s-nope": no scenario in this pack has that id' },
    ],
  },
  {
    name: 'a pack with three errors reports all three (schema and cross checks together)',
    input: () =>
      mutated((p) => {
        p.questions[2].correct = 'true'; // schema
        p.questions[0].correct = 4; // cross check
        p.rounds[1].scenarioId = 's-gone'; // reference
      }),
    errors: [
      { path: 'questions[2].correct', message: 'must be true or false, not the text "true"' },
      { path: 'questions[0].correct', message: 'answer index 4 is out of range (4 options)' },
      { path: 'rounds[1].scenarioId', message: 'unknown scenario "s-gone": no scenario in this pack has that id' },
    ],
  },
  {
    name: '__proto__ and constructor keys in an already-parsed object are unknown fields',
    input: () =>
      JSON.parse(JSON.stringify(smallPack()).replace('"meta":{', '"meta":{"__proto__":{"x":1},"constructor":2,')),
    errors: [
      {
        path: 'meta.__proto__',
        message: 'unknown field "__proto__": it is not part of the pack format (check the spelling)',
      },
      {
        path: 'meta.constructor',
        message: 'unknown field "constructor": it is not part of the pack format (check the spelling)',
      },
    ],
  },
  {
    name: 'deeply nested junk in a field (10,000 levels) is reported, not recursed into',
    input: () =>
      mutated((p) => {
        let junk: unknown = 1;
        for (let i = 0; i < 10_000; i++) junk = [junk];
        p.meta.title = junk;
      }),
    errors: [{ path: 'meta.title', message: 'must be text, not a list' }],
  },
];

describe('validatePack: malformed packs', () => {
  it('has a table of at least 15 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });
  it.each(cases)('$name', ({ input, errors }) => {
    expect(errorsOf(input())).toEqual(errors);
  });
});

// Cases only a file can have: size, encoding, syntax, depth, forbidden keys.
const fileCases: { name: string; input: () => string | Uint8Array; errors: PackError[] }[] = [
  {
    name: 'a 50 MB file (string)',
    input: () => '"' + 'x'.repeat(50 * 1024 * 1024 - 2) + '"',
    errors: [{ path: '$', message: 'the pack is at least 52428800 bytes; the limit is 5242880 bytes (5 MB)' }],
  },
  {
    name: 'a 50 MB file (bytes)',
    input: () => new Uint8Array(50 * 1024 * 1024).fill(0x20),
    errors: [{ path: '$', message: 'the pack is 52428800 bytes; the limit is 5242880 bytes (5 MB)' }],
  },
  {
    name: 'just over 5 MB once encoded as UTF-8 (Korean text is 3 bytes a character)',
    input: () => JSON.stringify({ t: '가'.repeat(1_750_000) }),
    errors: [{ path: '$', message: 'the pack is 5250008 bytes; the limit is 5242880 bytes (5 MB)' }],
  },
  {
    name: 'non-UTF-8 bytes (Latin-1 é)',
    input: () => {
      const bytes = utf8(JSON.stringify(smallPack()));
      bytes[40] = 0xe9;
      bytes[41] = 0x41;
      return bytes;
    },
    errors: [
      {
        path: '$',
        message: 'the file is not UTF-8 text: invalid byte 0xE9 at byte offset 40 (save the pack as UTF-8)',
      },
    ],
  },
  {
    name: 'a JSON syntax error (trailing comma) with line and column',
    input: () => '{\n  "format": "hostrush-pack",\n  "rounds": [1, 2,]\n}',
    errors: [
      {
        path: '$',
        message:
          "JSON syntax error at line 3, column 19: expected a value after ',' " +
          '(trailing commas are not allowed in JSON)',
      },
    ],
  },
  {
    name: 'a JSON syntax error (missing comma)',
    input: () => '{\n  "a": 1\n  "b": 2\n}',
    errors: [
      { path: '$', message: "JSON syntax error at line 3, column 3: expected ',' or '}' after a value, found '\"'" },
    ],
  },
  {
    name: 'a JSON syntax error (single quotes)',
    input: () => "{'a': 1}",
    errors: [
      {
        path: '$',
        message: 'JSON syntax error at line 1, column 2: property names must be in double quotes, not single quotes',
      },
    ],
  },
  {
    name: 'an unterminated string',
    input: () => '{"a": "abc',
    errors: [
      {
        path: '$',
        message: 'JSON syntax error at line 1, column 7: this text is never closed (missing closing double quote)',
      },
    ],
  },
  {
    name: 'an empty file',
    input: () => '',
    errors: [{ path: '$', message: 'JSON syntax error at line 1, column 1: the file ends where a value was expected' }],
  },
  {
    name: 'deeply nested junk (10,000 levels)',
    input: () => '{"meta": ' + '['.repeat(10_000) + ']'.repeat(10_000) + '}',
    errors: [
      { path: 'meta' + '[0]'.repeat(63), message: 'nesting is deeper than 64 levels; a pack never needs that many' },
    ],
  },
  {
    name: '__proto__, constructor and prototype keys',
    input: () =>
      JSON.stringify(smallPack())
        .replace('"meta":{', '"meta":{"__proto__":{"isAdmin":true},')
        .replace('"host":{', '"host":{"constructor":{"prototype":{}},'),
    errors: [
      { path: 'meta.__proto__', message: 'the key "__proto__" is not allowed in a pack' },
      { path: 'scenarios[0].host.constructor', message: 'the key "constructor" is not allowed in a pack' },
    ],
  },
  {
    name: 'schema errors come through with their paths',
    input: () => JSON.stringify(mutated((p) => (p.questions[0].correct = 5))),
    errors: [{ path: 'questions[0].correct', message: 'answer index 5 is out of range (4 options)' }],
  },
];

describe('parsePackJson: malformed files', () => {
  it.each(fileCases)('$name', ({ input, errors }) => {
    const r = parsePackJson(input());
    expect(r.ok ? [] : r.errors).toEqual(errors);
  });

  it('accepts a valid pack as text and as UTF-8 bytes, with or without a BOM', () => {
    const text = JSON.stringify(smallPack());
    expect(parsePackJson(text)).toEqual({ ok: true, pack: smallPack() });
    expect(parsePackJson(utf8(text))).toEqual({ ok: true, pack: smallPack() });
    expect(parsePackJson(utf8('\uFEFF' + text))).toEqual({ ok: true, pack: smallPack() });
    expect(parsePackJson('\uFEFF' + text)).toEqual({ ok: true, pack: smallPack() });
  });

  it('does not let __proto__ reach the prototype', () => {
    parsePackJson('{"__proto__": {"polluted": true}}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('paths and messages', () => {
  it('formats zod paths', () => {
    expect(formatPath(['questions', 12, 'options', 3])).toBe('questions[12].options[3]');
    expect(formatPath([])).toBe('$');
    expect(formatPath([0, 'a b'])).toBe('[0]["a b"]');
    expect(
      formatPackError({ path: 'questions[12].correct', message: 'answer index 5 is out of range (4 options)' }),
    ).toBe('questions[12].correct: answer index 5 is out of range (4 options)');
  });
});

describe('validatePack: properties', () => {
  it('never throws on arbitrary values, and rejects them with located errors', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const r = validatePack(value);
        if (!r.ok) {
          expect(r.errors.length).toBeGreaterThan(0);
          for (const e of r.errors) {
            expect(typeof e.path).toBe('string');
            expect(e.message.length).toBeGreaterThan(0);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on JSON values grafted into a valid pack', () => {
    const keys = ['meta', 'questions', 'cards', 'scenarios', 'rounds'] as const;
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.nat(5), fc.jsonValue(), (key, i, junk) => {
        const p: Mutable = smallPack();
        if (Array.isArray(p[key]) && p[key].length > 0) p[key][i % p[key].length] = junk;
        else p[key] = junk;
        expect(() => validatePack(p)).not.toThrow();
      }),
      { numRuns: 500 },
    );
  });

  it('parsePackJson never throws on arbitrary text or bytes', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.uint8Array({ maxLength: 200 })), (input) => {
        const r = parsePackJson(input);
        if (!r.ok) expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });
});
