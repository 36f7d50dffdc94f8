// Habits of the built-in content that a careful instructor checks on every read-through, held as tests so they
// stay kept: multiple-select questions do not share one guessable shape, Korean is written as Korean (no
// English-style colons), every explanation teaches in both languages and names its topic, no game gives one
// question's answer away in another, and the second course meets none of the first course's questions.
import { describe, expect, it } from 'vitest';
import { TOPICS, type TopicId } from '../engine/types.js';
import { ALL_CARDS, ALL_QUESTIONS, ALL_SCENARIOS, type Bi, type BiQuestion } from './bank/index.js';
import { BUILTIN_PACKS, builtinPack } from './builtin.js';
import { dailyRounds } from './daily.js';

const HANGUL = /[\uac00-\ud7a3]/;

/** Every bilingual text of the bank, with where it is (for the failure message). */
function allTexts(): Array<{ where: string; text: Bi }> {
  const out: Array<{ where: string; text: Bi }> = [];
  const walk = (value: unknown, where: string): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${where}[${i}]`));
    else if (value && typeof value === 'object') {
      const o = value as Record<string, unknown>;
      if (typeof o.ko === 'string' && typeof o.en === 'string' && Object.keys(o).length === 2)
        out.push({ where, text: o as unknown as Bi });
      else for (const [k, v] of Object.entries(o)) walk(v, `${where}.${k}`);
    }
  };
  for (const q of ALL_QUESTIONS) walk(q, q.id);
  for (const c of ALL_CARDS) walk(c, c.id);
  for (const s of ALL_SCENARIOS) walk(s, s.id);
  return out;
}

/**
 * An English-style colon in Korean text: any ':' (or full-width '：') except between digits (a time such as
 * 10:30, a ratio such as 1:1) and the abbreviation "예:" inside parentheses, "(예: Windows, macOS)", which Korean
 * writing uses. "원인: 공유 라이브러리", "팀전: 캠퍼스" and "빠릅니다: Xen은..." all count.
 */
export function englishColons(korean: string): string[] {
  const allowed = korean.replace(/\d\s?:\s?\d/g, '').replace(/\(예: /g, '');
  return [...allowed.matchAll(/.{0,12}[:：].{0,12}/g)].map((m) => m[0]);
}

/** Words that name each topic in an explanation, per language. */
const TOPIC_WORDS: Record<TopicId, { ko: RegExp; en: RegExp }> = {
  traditional: { ko: /전통적|한 OS|하나의 OS|물리 서버|물리적/, en: /traditional|one OS|physical server|physically/i },
  virtualization: { ko: /가상화|게스트|VM|하이퍼바이저/, en: /virtuali[sz]|guest|VM|hypervisor/i },
  'hypervisor-type1': { ko: /Type 1|하이퍼바이저|Dom0/, en: /Type 1|hypervisor|Dom0/i },
  'hypervisor-type2': { ko: /Type 2|호스트형|호스트 OS/, en: /Type 2|hosted|host OS/i },
  'full-virt': { ko: /전가상화|가로채|에뮬레이트|QEMU/, en: /full(y)? virtuali[sz]|trap|emulat|QEMU/i },
  'para-virt': { ko: /반가상화|하이퍼콜|virtio/, en: /para-virtuali[sz]|hypercall|virtio|\bPV\b/i },
  vm: { ko: /VM|게스트 OS|가상 머신/, en: /\bVMs?\b|guest OS|virtual machine/i },
  container: { ko: /컨테이너|네임스페이스|cgroups/, en: /container|namespace|cgroups/i },
  docker: { ko: /이미지|Docker|Dockerfile|레이어/, en: /image|Docker|layer/i },
  orchestration: { ko: /Kubernetes|오케스트레이|파드|복제본/, en: /Kubernetes|orchestrat|pods?\b|replica/i },
  'service-models': { ko: /IaaS|PaaS|SaaS|제공자|서비스 모델/, en: /IaaS|PaaS|SaaS|provider|service model/i },
  'on-prem': {
    ko: /온프레미스|오프프레미스|자체 (IDC|시설)/,
    en: /on-premise|off-premise|own (data centre|facility|IDC)/i,
  },
  choosing: {
    ko: /VM|컨테이너|마이크로VM|샌드박스|SaaS|gVisor|Firecracker/,
    en: /VM|container|microVM|sandbox|SaaS|gVisor|Firecracker/i,
  },
};

const optionTexts = (q: BiQuestion): Bi[] => (q.type === 'single' || q.type === 'multi' ? q.options : []);
const correctTexts = (q: BiQuestion): Bi[] =>
  q.type === 'single' ? [q.options[q.correct]!] : q.type === 'multi' ? q.correct.map((i) => q.options[i]!) : [];

/** The question ids one play of a pack asks, in round order. */
const gameQuestions = (packId: string): string[] =>
  builtinPack(packId)!.rounds.flatMap((r) => (r.kind === 'quiz' ? r.questionIds : []));

describe('multiple-select questions are not guessable by shape', () => {
  const multis = ALL_QUESTIONS.filter((q) => q.type === 'multi');
  const counts = multis.map((q) => (q.type === 'multi' ? q.correct.length : 0));

  it(
    'the number of correct options varies: no count is shared by more than ' +
      '40% of them, and at least four counts occur',
    () => {
      const byCount = new Map<number, string[]>();
      multis.forEach((q, i) => byCount.set(counts[i]!, [...(byCount.get(counts[i]!) ?? []), q.id]));
      for (const [count, ids] of byCount)
        expect(
          ids.length / multis.length,
          `${ids.length} of ${multis.length} have ${count} correct: ${ids.join(', ')}`,
        ).toBeLessThanOrEqual(0.4);
      expect(byCount.size).toBeGreaterThanOrEqual(4);
    },
  );

  it('"exactly one option wrong" and "exactly one option right" are both used, neither as a habit', () => {
    const allButOne = multis.filter((q) => q.type === 'multi' && q.correct.length === q.options.length - 1).length;
    const one = multis.filter((q) => q.type === 'multi' && q.correct.length === 1).length;
    expect(one).toBeGreaterThanOrEqual(1);
    expect(allButOne).toBeGreaterThanOrEqual(1);
    expect(allButOne / multis.length).toBeLessThanOrEqual(0.25);
  });
});

describe('Korean is written as Korean', () => {
  const texts = allTexts();
  const packTexts = BUILTIN_PACKS.filter((p) => p.meta.language === 'ko').flatMap((p) => [
    p.meta.title,
    p.meta.description,
  ]);

  it('the colon rule: flags English-style colons, allows times and "(예: ...)"', () => {
    expect(englishColons('수업은 10:30에 시작합니다')).toEqual([]);
    expect(englishColons('호스트 OS(예: Windows, macOS)')).toEqual([]);
    expect(englishColons('비율은 1:1입니다')).toEqual([]);
    expect(englishColons('I/O 작업에서 빠릅니다: Xen은 1% 이내였습니다')).toHaveLength(1);
    expect(englishColons('팀전: 캠퍼스 IT')).toHaveLength(1);
    expect(englishColons('유연성: 여러 OS를 동시에 실행')).toHaveLength(1);
    expect(englishColons('커널은 없습니다： 호스트 커널을 씁니다')).toHaveLength(1);
    expect(englishColons('예: runc CVE-2019-5736')).toHaveLength(1);
  });

  it('no Korean text in the bank or the pack titles has an English-style colon', () => {
    const bad = [
      ...texts.flatMap(({ where, text }) => englishColons(text.ko).map((m) => `${where}: …${m}…`)),
      ...packTexts.flatMap((t) => englishColons(t).map((m) => `pack: …${m}…`)),
    ];
    expect(bad).toEqual([]);
  });

  it('no semicolons or English punctuation habits in Korean prose', () => {
    const bad = texts.filter(({ text }) => /;/.test(text.ko)).map(({ where }) => where);
    expect(bad).toEqual([]);
  });

  it('no calques the review found: "데이터 거주" for residency, "그냥 글", a container called a guest', () => {
    const bad = texts
      .filter(({ text }) => /거주 요건|데이터 거주|그냥 글|공격 면(?!적)|컨테이너[^.]*게스트가 호스트와/.test(text.ko))
      .map(({ where, text }) => `${where}: ${text.ko}`);
    expect(bad).toEqual([]);
  });

  it('every Korean text is Korean and every English text is not, wherever there is prose', () => {
    for (const { where, text } of texts) {
      expect(text.ko.trim().length, where).toBeGreaterThan(0);
      expect(text.en.trim().length, where).toBeGreaterThan(0);
      expect(HANGUL.test(text.en), `${where}: Hangul in English`).toBe(false);
      if (text.en.split(' ').length >= 6) expect(HANGUL.test(text.ko), `${where}: no Korean in a sentence`).toBe(true);
    }
  });
});

describe('explanations teach', () => {
  it(
    'every explanation is non-empty in both languages, longer than its ' + 'prompt-sized answer, and names its topic',
    () => {
      const bad: string[] = [];
      for (const q of ALL_QUESTIONS) {
        for (const lang of ['ko', 'en'] as const) {
          const e = q.explanation[lang].trim();
          if (e.length < (lang === 'ko' ? 40 : 80)) bad.push(`${q.id} ${lang}: too short to teach`);
          if (!TOPIC_WORDS[q.topic][lang].test(e)) bad.push(`${q.id} ${lang}: does not name ${q.topic}`);
        }
      }
      expect(bad).toEqual([]);
    },
  );

  it('no two questions have the same prompt, and no two have the same correct answer text on one topic', () => {
    const prompts = new Map<string, string>();
    const answers = new Map<string, string>();
    for (const q of ALL_QUESTIONS) {
      const p = q.prompt.en.toLowerCase();
      expect(prompts.get(p), `${q.id} repeats the prompt of ${prompts.get(p)}`).toBeUndefined();
      prompts.set(p, q.id);
      for (const c of correctTexts(q)) {
        if (c.en.length < 20) continue; // names such as "KVM" may be right in several questions
        const key = `${q.topic}|${c.en.toLowerCase()}`;
        expect(answers.get(key), `${q.id} has the same correct answer as ${answers.get(key)}`).toBeUndefined();
        answers.set(key, q.id);
      }
    }
  });

  it('the hospital and residency texts say policy, not a law that keeps records in the hospital', () => {
    const hospital = [
      ...ALL_CARDS.filter((c) => ['c-emr-db', 'c-pacs-archive'].includes(c.id)).map((c) => c.description),
      ...ALL_SCENARIOS.filter((s) => s.id === 's-hospital').map((s) => s.description),
    ];
    expect(hospital).toHaveLength(3);
    for (const t of hospital) {
      expect(t.en, t.en).toMatch(/policy/);
      expect(t.ko, t.ko).toMatch(/정책/);
      expect(t.en).not.toMatch(/law (says|forbids)|may not leave/);
      expect(t.ko).not.toMatch(/법에 따라|반출이 금지/);
    }
  });
});

describe('a game gives nothing away and a class can play the course twice', () => {
  const gameIds = BUILTIN_PACKS.filter((p) => p.meta.language === 'en').map((p) => p.meta.id.replace(/-en$/, ''));
  const byId = new Map(ALL_QUESTIONS.map((q) => [q.id, q]));

  it('no two questions in one game share three or more options, and none marks wrong what another marks right', () => {
    for (const kind of gameIds.filter((k) => k !== 'daily')) {
      const qs = gameQuestions(`${kind}-en`).map((id) => byId.get(id)!);
      for (let i = 0; i < qs.length; i++) {
        for (let j = i + 1; j < qs.length; j++) {
          const a = qs[i]!;
          const b = qs[j]!;
          const aOpts = new Set(optionTexts(a).map((o) => o.en.toLowerCase()));
          const shared = optionTexts(b).filter((o) => aOpts.has(o.en.toLowerCase()));
          expect(
            shared.length,
            `${kind}: ${a.id} and ${b.id} share ${shared.map((o) => o.en).join(', ')}`,
          ).toBeLessThan(3);
          const right = (q: BiQuestion) => new Set(correctTexts(q).map((o) => o.en.toLowerCase()));
          const wrong = (q: BiQuestion) =>
            optionTexts(q)
              .map((o) => o.en.toLowerCase())
              .filter((o) => !right(q).has(o));
          const flipped = [...wrong(a).filter((o) => right(b).has(o)), ...wrong(b).filter((o) => right(a).has(o))];
          expect(flipped.length, `${kind}: ${a.id} and ${b.id} answer each other: ${flipped.join(', ')}`).toBeLessThan(
            2,
          );
        }
      }
    }
  });

  it('the daily challenge asks at most one question per topic, so same-topic give-aways cannot meet there', () => {
    const pool = builtinPack('daily-en')!;
    for (let day = 1; day <= 28; day++) {
      const ids = dailyRounds(pool, `daily-2026-02-${String(day).padStart(2, '0')}`).flatMap((r) =>
        r.kind === 'quiz' ? r.questionIds : [],
      );
      const topics = ids.map((id) => byId.get(id)!.topic);
      expect(new Set(topics).size, `day ${day}`).toBe(topics.length);
    }
  });

  it("the second course meets none of the first course's questions, and both cover every topic", () => {
    const first = new Set(gameQuestions('course-en'));
    const second = gameQuestions('course2-en');
    expect(second.filter((id) => first.has(id))).toEqual([]);
    for (const ids of [[...first], second]) {
      const topics = new Set(ids.map((id) => byId.get(id)!.topic));
      for (const t of TOPICS) expect(topics.has(t), t).toBe(true);
    }
    expect(second.length).toBe(first.size);
    const races = (id: string) => builtinPack(id)!.rounds.flatMap((r) => (r.kind === 'race' ? [r.scenarioId] : []));
    expect(races('course2-en').filter((s) => races('course-en').includes(s))).toEqual([]);
  });

  it(
    'para-virtualization has ordering and matching questions, and ' +
      'orchestration and on-premise are no longer the thinnest topics',
    () => {
      const pv = ALL_QUESTIONS.filter((q) => q.topic === 'para-virt').map((q) => q.type);
      expect(pv).toContain('ordering');
      expect(pv).toContain('matching');
      const byIdAll = new Map(ALL_QUESTIONS.map((q) => [q.id, q]));
      const coursePv = [...gameQuestions('course-en'), ...gameQuestions('course2-en')]
        .map((id) => byIdAll.get(id)!)
        .filter((q) => q.topic === 'para-virt')
        .map((q) => q.type);
      expect(coursePv, 'a course asks them').toContain('ordering');
      expect(coursePv, 'a course asks them').toContain('matching');
      for (const t of TOPICS) expect(ALL_QUESTIONS.filter((q) => q.topic === t).length, t).toBeGreaterThanOrEqual(7);
      for (const t of ['orchestration', 'on-prem'] as const)
        expect(ALL_QUESTIONS.filter((q) => q.topic === t).length, t).toBeGreaterThanOrEqual(10);
    },
  );
});
