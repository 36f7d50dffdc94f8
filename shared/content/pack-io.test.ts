import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { smallPack } from '../../test/fixtures/packs/small-pack.js';
import { EVENT_KINDS, TOPICS } from '../engine/types.js';
import type { Question, Scenario, WorkloadCard } from '../engine/types.js';
import type { GamePack } from './pack.js';
import { checkJsonTree, exportPack, findJsonSyntaxError, parsePackJson } from './pack-io.js';
import { validatePack } from './validate.js';

function roundTrip(pack: GamePack): { text: string; again: string; imported: GamePack } {
  const text = exportPack(pack);
  const r = parsePackJson(text);
  if (!r.ok) throw new Error(`re-import failed: ${JSON.stringify(r.errors)}`);
  return { text, again: exportPack(r.pack), imported: r.pack };
}

describe('exportPack', () => {
  it('writes pretty JSON with 2 spaces and a final newline', () => {
    const text = exportPack(smallPack());
    expect(
      text.startsWith('{\n  "format": "hostrush-pack",\n  "formatVersion": 1,\n  "meta": {\n    "id": "test-small",'),
    ).toBe(true);
    expect(text.endsWith('}\n')).toBe(true);
  });

  it('uses a fixed key order whatever the order of the input object', () => {
    const p = smallPack();
    const shuffled = JSON.parse(JSON.stringify(p), function (this: unknown, _k, v: unknown) {
      if (v === null || typeof v !== 'object' || Array.isArray(v)) return v;
      return Object.fromEntries(Object.entries(v).reverse());
    }) as GamePack;
    expect(Object.keys(shuffled)[0]).toBe('rounds');
    expect(exportPack(shuffled)).toBe(exportPack(p));
    const q = JSON.parse(exportPack(p)) as { questions: object[]; cards: object[] };
    expect(Object.keys(q.questions[0]!)).toEqual([
      'id',
      'type',
      'topic',
      'prompt',
      'options',
      'correct',
      'timeLimitS',
      'explanation',
    ]);
    expect(Object.keys(q.cards[0]!).slice(0, 5)).toEqual(['id', 'title', 'topic', 'description', 'guestOs']);
  });

  it('export -> import -> export is byte-identical and import(export(p)) equals p', () => {
    const p = smallPack();
    const { text, again, imported } = roundTrip(p);
    expect(again).toBe(text);
    expect(imported).toStrictEqual(p);
  });

  it("keeps a question's points weight (0 or 2) through export -> import, and absent stays absent", () => {
    const p = smallPack();
    p.questions[0] = { ...p.questions[0]!, points: 2 };
    p.questions[1] = { ...p.questions[1]!, points: 0 };
    const { text, imported } = roundTrip(p);
    expect(text).toContain('"timeLimitS": 20,\n      "points": 2,');
    expect(imported.questions.map((q) => q.points)).toEqual([2, 0, ...p.questions.slice(2).map(() => undefined)]);
  });

  it('test/fixtures/packs/small-pack.json is the export of the fixture pack (for tests that upload a file)', () => {
    const file = readFileSync(new URL('../../test/fixtures/packs/small-pack.json', import.meta.url));
    expect(new TextDecoder().decode(file)).toBe(exportPack(smallPack()));
    expect(parsePackJson(file)).toEqual({ ok: true, pack: smallPack() });
  });

  it('survives the UTF-8 byte path with Korean text', () => {
    const p = smallPack();
    p.meta.language = 'ko';
    p.questions[0]!.prompt = '하드웨어 위에서 직접 실행되는 하이퍼바이저는?';
    const bytes = new TextEncoder().encode(exportPack(p));
    const r = parsePackJson(bytes);
    expect(r).toEqual({ ok: true, pack: p });
  });
});

describe('findJsonSyntaxError / checkJsonTree', () => {
  it('finds nothing wrong in valid JSON, however deep', () => {
    expect(findJsonSyntaxError('['.repeat(100_000) + ']'.repeat(100_000))).toBeNull();
    expect(findJsonSyntaxError('{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"]}')).toBeNull();
  });
  it('locates errors', () => {
    expect(findJsonSyntaxError('[1 2]')).toEqual({
      offset: 3,
      message: "expected ',' or ']' after a value, found '2'",
    });
    expect(findJsonSyntaxError('{"a": 01}')).toEqual({ offset: 7, message: "invalid number (unexpected '1')" });
    expect(findJsonSyntaxError('{"a": tru}')).toEqual({
      offset: 6,
      message: "unexpected word 'tru': text values must be in double quotes",
    });
    expect(findJsonSyntaxError('{} x')).toEqual({
      offset: 3,
      message: "unexpected 'x' after the end of the JSON value",
    });
    expect(findJsonSyntaxError('["a\nb"]')).toEqual({
      offset: 3,
      message: 'a line break or control character inside a text value must be escaped (write \\n for a new line)',
    });
    expect(findJsonSyntaxError('// hi\n{}')).toEqual({ offset: 0, message: 'comments are not allowed in JSON' });
  });
  it('walks 10,000 levels without recursion and accepts a normal pack', () => {
    let deep: unknown = 0;
    for (let i = 0; i < 10_000; i++) deep = { a: deep };
    expect(checkJsonTree(deep)).toEqual([
      {
        path: Array(64).fill('a').join('.'),
        message: 'nesting is deeper than 64 levels; a pack never needs that many',
      },
    ]);
    expect(checkJsonTree(smallPack())).toEqual([]);
  });
});

// ---------------------------------------------------------------- a generator of valid packs

const word = fc.stringMatching(/^[A-Za-z0-9가-힣][A-Za-z0-9가-힣 ,.?!()'"\\/-]{0,30}[A-Za-z0-9가-힣.?!)]$/);
const uniqueWords = (min: number, max: number) =>
  fc.uniqueArray(word, { minLength: min, maxLength: max, selector: (s) => s.trim().toLowerCase() });
const finite = (min: number, max: number) =>
  fc.double({ min, max, noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x));
const topic = fc.constantFrom(...TOPICS);

function questionArb(id: string): fc.Arbitrary<Question> {
  const base = fc.record(
    {
      id: fc.constant(id),
      topic,
      prompt: word,
      explanation: word,
      timeLimitS: fc.integer({ min: 5, max: 240 }),
      note: word,
      points: fc.constantFrom(0 as const, 1 as const, 2 as const),
    },
    { requiredKeys: ['id', 'topic', 'prompt', 'explanation', 'timeLimitS'] },
  );
  const single = fc
    .tuple(base, uniqueWords(2, 6), fc.nat())
    .map(([b, options, c]): Question => ({ ...b, type: 'single', options, correct: c % options.length }));
  const multi = fc
    .tuple(base, uniqueWords(2, 6), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }))
    .map(([b, options, cs]): Question => ({
      ...b,
      type: 'multi',
      options,
      correct: [...new Set(cs.map((c) => c % options.length))],
    }));
  const tf = fc.tuple(base, fc.boolean()).map(([b, correct]): Question => ({ ...b, type: 'truefalse', correct }));
  const ordering = fc.tuple(base, uniqueWords(2, 8)).map(([b, items]): Question => ({ ...b, type: 'ordering', items }));
  const matching = fc
    .integer({ min: 2, max: 8 })
    .chain((n) =>
      fc.tuple(
        base,
        uniqueWords(n, n),
        uniqueWords(n, n),
        fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
      ),
    )
    .map(([b, left, right, pairs]): Question => ({ ...b, type: 'matching', left, right, pairs }));
  const numeric = fc
    .tuple(base, finite(-1e6, 1e6), finite(0, 100), fc.option(fc.constantFrom('GB', 'cores', '초'), { nil: undefined }))
    .map(([b, correct, tolerance, unit]): Question => ({
      ...b,
      type: 'numeric',
      correct,
      tolerance,
      ...(unit === undefined ? {} : { unit }),
    }));
  return fc.oneof(single, multi, tf, ordering, matching, numeric);
}

function cardArb(id: string): fc.Arbitrary<WorkloadCard> {
  return fc.record(
    {
      id: fc.constant(id),
      title: word,
      description: word,
      topic,
      cpu: finite(0.01, 64),
      ramGb: finite(0.01, 512),
      diskGb: finite(0.01, 10_000),
      guestOs: fc.constantFrom('linux', 'windows'),
      trust: fc.constantFrom('trusted', 'untrusted'),
      sensitivity: fc.constantFrom('public', 'internal', 'confidential'),
      residency: fc.constantFrom('any', 'on-prem'),
      traffic: fc.constantFrom('steady', 'bursty'),
      profile: fc.constantFrom('cpu', 'io', 'network', 'syscall'),
      startDeadlineS: finite(1, 3600),
      needsCustomKernel: fc.boolean(),
      modifiableKernel: fc.boolean(),
      needsOsControl: fc.boolean(),
      saasAvailable: fc.boolean(),
      arrivesAtS: fc.integer({ min: 0, max: 60 }),
    },
    {
      requiredKeys: [
        'id',
        'title',
        'description',
        'topic',
        'cpu',
        'ramGb',
        'diskGb',
        'guestOs',
        'trust',
        'sensitivity',
        'residency',
        'traffic',
        'profile',
        'startDeadlineS',
        'needsCustomKernel',
        'modifiableKernel',
        'needsOsControl',
        'saasAvailable',
      ],
    },
  );
}

function scenarioArb(id: string, cardIds: string[]): fc.Arbitrary<Scenario> {
  return fc.record({
    id: fc.constant(id),
    title: word,
    description: word,
    host: fc.record({
      cores: fc.integer({ min: 1, max: 128 }),
      ramGb: finite(1, 1024),
      diskGb: finite(1, 100_000),
      os: fc.constantFrom('linux', 'windows'),
      machine: fc.constantFrom('server', 'desktop'),
    }),
    deck: fc.shuffledSubarray(cardIds, { minLength: 1 }),
    events: fc.array(fc.record({ kind: fc.constantFrom(...EVENT_KINDS), atS: fc.integer({ min: 0, max: 60 }) }), {
      maxLength: 4,
    }),
    randomEvents: fc.integer({ min: 0, max: 5 }),
    lengthS: fc.integer({ min: 60, max: 600 }),
  });
}

const packArb: fc.Arbitrary<GamePack> = fc
  .record({
    nq: fc.integer({ min: 1, max: 8 }),
    nc: fc.integer({ min: 1, max: 5 }),
    ns: fc.integer({ min: 0, max: 3 }),
  })
  .chain(({ nq, nc, ns }) => {
    const qIds = Array.from({ length: nq }, (_, i) => `q${i}`);
    const cIds = Array.from({ length: nc }, (_, i) => `card.${i}`);
    const sIds = Array.from({ length: ns }, (_, i) => `S_${i}`);
    return fc.record({
      format: fc.constant('hostrush-pack' as const),
      formatVersion: fc.constant(1 as const),
      meta: fc.record({
        id: fc.stringMatching(/^[a-z0-9][a-z0-9_.-]{0,20}$/),
        title: word,
        language: fc.constantFrom('ko' as const, 'en' as const),
        description: fc.oneof(fc.constant(''), word),
        author: fc.oneof(fc.constant(''), word),
        version: fc.constantFrom('1', '1.0.0', '2024-03'),
      }),
      questions: fc.tuple(...qIds.map(questionArb)),
      cards: fc.tuple(...cIds.map(cardArb)),
      scenarios: ns === 0 ? fc.constant([]) : fc.tuple(...sIds.map((id) => scenarioArb(id, cIds))),
      rounds: fc.array(
        sIds.length === 0
          ? fc.shuffledSubarray(qIds, { minLength: 1 }).map((questionIds) => ({ kind: 'quiz' as const, questionIds }))
          : fc.oneof(
              fc
                .shuffledSubarray(qIds, { minLength: 1 })
                .map((questionIds) => ({ kind: 'quiz' as const, questionIds })),
              fc.constantFrom(...sIds).map((scenarioId) => ({ kind: 'race' as const, scenarioId })),
            ),
        { minLength: 1, maxLength: 6 },
      ),
    });
  });

describe('properties', () => {
  it('every generated pack is valid and survives export -> import unchanged, byte for byte', () => {
    fc.assert(
      fc.property(packArb, (generated) => {
        const pack = JSON.parse(JSON.stringify(generated)) as GamePack; // plain prototypes, as a file would give
        const v = validatePack(pack);
        if (!v.ok) throw new Error(JSON.stringify(v.errors));
        expect(v.pack).toStrictEqual(pack);
        const { text, again, imported } = roundTrip(pack);
        expect(imported).toStrictEqual(pack);
        expect(again).toBe(text);
      }),
      { numRuns: 200 },
    );
  });
});
