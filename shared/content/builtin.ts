// The built-in game packs, in Korean and English, made from the bilingual bank so both languages carry the
// same content (same ids, same answer keys, same rounds).
import type { Lang, RoundSpec, TopicId } from '../engine/types.js';
import {
  ALL_CARDS,
  ALL_QUESTIONS,
  ALL_SCENARIOS,
  bi,
  localizeCard,
  localizeQuestion,
  localizeScenario,
  type Bi,
  type BiQuestion,
} from './bank/index.js';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type GamePack } from './pack.js';

export const BUILTIN_LANGS: readonly Lang[] = ['ko', 'en'];
export const BUILTIN_KINDS = ['course', 'course2', 'warmup', 'team', 'daily'] as const;
export type BuiltinKind = (typeof BUILTIN_KINDS)[number];

// ---------------------------------------------------------------- question selection (deterministic)

/**
 * Takes up to n questions for the given topics, round-robin over the topics in bank order, skipping those in
 * `used` (and adding the picks to it), optionally filtered. Deterministic: depends only on the bank.
 */
function take(
  topics: TopicId[],
  n: number,
  used: Set<string>,
  filter: (q: BiQuestion) => boolean = () => true,
): string[] {
  const queues = topics.map((t) => ALL_QUESTIONS.filter((q) => q.topic === t && !used.has(q.id) && filter(q)));
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    let any = false;
    for (const queue of queues) {
      const q = queue[i];
      if (q && out.length < n) {
        out.push(q.id);
        used.add(q.id);
        any = true;
      }
    }
    if (!any) break;
  }
  return out;
}

const quiz = (questionIds: string[]): RoundSpec => ({ kind: 'quiz', questionIds });
const race = (scenarioId: string): RoundSpec => {
  if (!ALL_SCENARIOS.some((s) => s.id === scenarioId)) throw new Error(`builtin packs: unknown scenario ${scenarioId}`);
  return { kind: 'race', scenarioId };
};

/** The course's quiz rounds, in teaching order: each round's topics and question count. */
const COURSE_QUIZZES: Array<{ topics: TopicId[]; n: number }> = [
  { topics: ['traditional', 'virtualization'], n: 8 },
  { topics: ['hypervisor-type1', 'hypervisor-type2'], n: 8 },
  { topics: ['full-virt', 'para-virt', 'vm'], n: 9 },
  { topics: ['container', 'docker'], n: 8 },
  { topics: ['orchestration', 'choosing'], n: 8 },
  { topics: ['service-models', 'on-prem'], n: 8 },
];

/**
 * A course: every topic in teaching order, quiz rounds interleaved with three races (after the third, fifth and
 * sixth quiz). Questions in `used` are skipped, so a second course can be drawn from what the first left.
 */
function courseFrom(used: Set<string>, races: [string, string, string]): RoundSpec[] {
  const q = COURSE_QUIZZES.map(({ topics, n }) => quiz(take(topics, n, used)));
  return [q[0]!, q[1]!, q[2]!, race(races[0]), q[3]!, q[4]!, race(races[1]), q[5]!, race(races[2])];
}

/** The full course. */
function courseRounds(): RoundSpec[] {
  return courseFrom(new Set<string>(), ['s-legacy-bank', 's-black-friday', 's-hospital']);
}

/**
 * The course again, for a class's second time through: the same topics, none of the first course's questions, other
 * races.
 */
function course2Rounds(): RoundSpec[] {
  const used = new Set(courseRounds().flatMap((r) => (r.kind === 'quiz' ? r.questionIds : [])));
  return courseFrom(used, ['s-desktop-lab', 's-grading-farm', 's-windows-shop']);
}

/** A 10-minute warm-up: ten quick true/false and single-choice questions across topics, then one short race. */
function warmupRounds(): RoundSpec[] {
  const used = new Set<string>();
  const quick = (q: BiQuestion): boolean => (q.type === 'truefalse' || q.type === 'single') && q.timeLimitS <= 20;
  const topics: TopicId[] = [
    'traditional',
    'hypervisor-type1',
    'hypervisor-type2',
    'vm',
    'container',
    'docker',
    'service-models',
    'on-prem',
    'para-virt',
    'choosing',
  ];
  return [quiz(take(topics, 10, used, quick)), race('s-small-shop')];
}

/** Team training: a few questions, then three races on team-sized hosts (24 cores shared by a team). */
function teamRounds(): RoundSpec[] {
  const used = new Set<string>();
  return [
    quiz(take(['container', 'vm', 'choosing'], 5, used)),
    race('s-team-platform'),
    quiz(take(['service-models', 'on-prem', 'orchestration'], 5, used)),
    race('s-team-clinic'),
    race('s-team-campus'),
  ];
}

/** The solo daily-challenge pool: every question and scenario; the rounds are only a default order. */
function dailyRounds(): RoundSpec[] {
  const ids = ALL_QUESTIONS.map((q) => q.id);
  const quizzes: RoundSpec[] = [];
  for (let i = 0; i < ids.length; i += 10) quizzes.push(quiz(ids.slice(i, i + 10)));
  const races = ALL_SCENARIOS.map((s) => race(s.id));
  const rounds: RoundSpec[] = [];
  for (let i = 0; i < Math.max(quizzes.length, races.length); i++) {
    const q = quizzes[i];
    const r = races[i];
    if (q) rounds.push(q);
    if (r) rounds.push(r);
  }
  return rounds;
}

// ---------------------------------------------------------------- packs

interface PackPlan {
  kind: BuiltinKind;
  title: Bi;
  description: Bi;
  rounds: RoundSpec[];
  /** Include the whole bank, not only what the rounds use. */
  includeAll: boolean;
}

const PLANS: PackPlan[] = [
  {
    kind: 'course',
    title: bi('가상화 전체 과정', 'The full virtualization course'),
    description: bi(
      '전통적 배포부터 하이퍼바이저, VM과 컨테이너, Docker, 오케스트레이션, 클라우드 서비스 모델까지 모든 주제를 퀴즈와 세 번의 프로비저닝 레이스로 다룹니다.',
      'Every topic, from traditional deployment through hypervisors, VMs and ' +
        'containers, Docker and orchestration to cloud service models, in quiz ' +
        'rounds and three provisioning races.',
    ),
    rounds: courseRounds(),
    includeAll: true,
  },
  {
    kind: 'course2',
    title: bi('가상화 전체 과정 2(새 문제)', 'The full virtualization course 2 (new questions)'),
    description: bi(
      '전체 과정과 같은 주제를 같은 순서로 다시 다루되, 첫 번째 과정에서 나온 문제는 하나도 나오지 않습니다. 레이스도 다른 세 시나리오로 치릅니다.',
      'The same topics in the same order as the full course, with none of its questions, and three different races.',
    ),
    rounds: course2Rounds(),
    includeAll: true,
  },
  {
    kind: 'warmup',
    title: bi('10분 워밍업', '10-minute warm-up'),
    description: bi(
      '짧은 문제 10개와 짧은 레이스 하나로 수업을 시작합니다.',
      'Ten quick questions and one short race to open a class.',
    ),
    rounds: warmupRounds(),
    includeAll: false,
  },
  {
    kind: 'team',
    title: bi('팀 훈련', 'Team training'),
    description: bi(
      '몇 가지 문제로 몸을 푼 뒤, 팀마다 호스트 하나를 나눠 쓰며 세 번의 레이스를 치릅니다. 용량을 두고 팀원끼리 협력해야 합니다.',
      'A few questions, then three races where each team shares one host and must cooperate on capacity.',
    ),
    rounds: teamRounds(),
    includeAll: false,
  },
  {
    kind: 'daily',
    title: bi('오늘의 도전', 'Daily challenge'),
    description: bi(
      '혼자 하는 일일 도전용 문제와 시나리오 전체입니다. 라운드 순서는 기본값일 뿐, 매일 시드에 따라 골라 씁니다.',
      'The solo daily-challenge pool: every question and scenario. The round ' +
        "order is only a default; each day's seed picks from it.",
    ),
    rounds: dailyRounds(),
    includeAll: true,
  },
];

function buildPack(plan: PackPlan, lang: Lang): GamePack {
  const questionIds = new Set(plan.rounds.flatMap((r) => (r.kind === 'quiz' ? r.questionIds : [])));
  const scenarioIds = new Set(plan.rounds.flatMap((r) => (r.kind === 'race' ? [r.scenarioId] : [])));
  const scenarios = ALL_SCENARIOS.filter((s) => plan.includeAll || scenarioIds.has(s.id));
  const cardIds = new Set(scenarios.flatMap((s) => s.deck));
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    meta: {
      id: `${plan.kind}-${lang}`,
      title: plan.title[lang],
      language: lang,
      description: plan.description[lang],
      author: 'HostRush',
      version: '1.0.0',
    },
    questions: ALL_QUESTIONS.filter((q) => plan.includeAll || questionIds.has(q.id)).map((q) =>
      localizeQuestion(q, lang),
    ),
    cards: ALL_CARDS.filter((c) => plan.includeAll || cardIds.has(c.id)).map((c) => localizeCard(c, lang)),
    scenarios: scenarios.map((s) => localizeScenario(s, lang)),
    rounds: plan.rounds.map((r) => (r.kind === 'quiz' ? { kind: 'quiz', questionIds: [...r.questionIds] } : { ...r })),
  };
}

/** The ten built-in packs: course, second course, warm-up, team and daily, each in Korean and English. */
export const BUILTIN_PACKS: GamePack[] = BUILTIN_LANGS.flatMap((lang) => PLANS.map((plan) => buildPack(plan, lang)));

/** A built-in pack by id ('course-ko', 'warmup-en', ...), or undefined. */
export function builtinPack(id: string): GamePack | undefined {
  return BUILTIN_PACKS.find((p) => p.meta.id === id);
}
