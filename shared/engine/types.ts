// The engine's data model: content (questions, workload cards, scenarios), game state, actions and events.
// Everything here is plain JSON-compatible data so a state can be sent, stored and replayed.
import type { Table } from './table.js';

export const TOPICS = [
  'traditional',
  'virtualization',
  'hypervisor-type1',
  'hypervisor-type2',
  'full-virt',
  'para-virt',
  'vm',
  'container',
  'docker',
  'orchestration',
  'service-models',
  'on-prem',
  'choosing',
] as const;
export type TopicId = (typeof TOPICS)[number];

/**
 * Source tags: the rows of the project's sources table (./race/facts.ts as data, docs/FACTS.md for people). GUESS
 * marks a number the game chose itself (no published figure): the client shows it as the game's estimate.
 */
export type FactTag =
  | 'F'
  | 'FC'
  | 'FCS'
  | 'X'
  | 'G'
  | 'GV'
  | 'K'
  | 'DS'
  | 'DP'
  | 'MH'
  | 'PH'
  | 'AL'
  | 'WS'
  | 'WR'
  | 'UB'
  | 'K8S'
  | 'KA'
  | 'K8T'
  | 'DL'
  | 'SO'
  | 'CVE1'
  | 'CVE2'
  | 'VEN'
  | 'MS'
  | 'NIST'
  | '190'
  | 'GUESS';

export type Lang = 'ko' | 'en';

/** A short explanation attached to every score change: the game teaches through these. */
export interface Why {
  topic: TopicId;
  ko: string;
  en: string;
  /** The row of the sources table that gives the number(s) the text states (GUESS: the game's own estimate). */
  source?: FactTag;
}

// ---------------------------------------------------------------- questions

interface QuestionBase {
  id: string;
  topic: TopicId;
  prompt: string;
  /** Shown after the answer; teaches the accurate version. */
  explanation: string;
  /** Seconds to answer before extended-time factors. */
  timeLimitS: number;
  /** Optional image-free figure text (e.g. a layer diagram in words). */
  note?: string;
  /** Points weight: 0 = no points (still right/wrong), 1 = standard (when absent), 2 = double. */
  points?: QuestionPoints;
}
export type QuestionPoints = 0 | 1 | 2;
export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single';
  options: string[];
  correct: number;
}
export interface MultiSelectQuestion extends QuestionBase {
  type: 'multi';
  options: string[];
  correct: number[];
}
export interface TrueFalseQuestion extends QuestionBase {
  type: 'truefalse';
  correct: boolean;
}
/** `items` are listed in the correct order; players see them in a seeded shuffle. */
export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  items: string[];
}
/** `right[pairs[i]]` matches `left[i]`; players see `right` in a seeded shuffle. */
export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  left: string[];
  right: string[];
  pairs: number[];
}
export interface NumericQuestion extends QuestionBase {
  type: 'numeric';
  correct: number;
  tolerance: number;
  unit?: string;
}
export type Question =
  | SingleChoiceQuestion
  | MultiSelectQuestion
  | TrueFalseQuestion
  | OrderingQuestion
  | MatchingQuestion
  | NumericQuestion;
export type QuestionType = Question['type'];
export const QUESTION_TYPES = ['single', 'multi', 'truefalse', 'ordering', 'matching', 'numeric'] as const;

/** An answer as a player sends it. Ordering and matching use the *presented* (shuffled) positions. */
export type Answer =
  | { type: 'single'; choice: number }
  | { type: 'multi'; choices: number[] }
  | { type: 'truefalse'; value: boolean }
  | { type: 'ordering'; order: number[] }
  | { type: 'matching'; pairs: number[] }
  | { type: 'numeric'; value: number };

// ---------------------------------------------------------------- provisioning

export type GuestOs = 'linux' | 'windows';
export const DEPLOY_KINDS = [
  'traditional',
  'container',
  'sandboxed-container',
  'microvm',
  'vm-full',
  'vm-para',
  'vm-type2',
  /** Containers run by an orchestrator (Kubernetes) on the on-premise host pool: scheduled, scaled, restarted. */
  'orchestrated-container',
] as const;
export type DeployKind = (typeof DEPLOY_KINDS)[number];
export const PLACEMENTS = ['on-prem', 'iaas', 'paas', 'saas'] as const;
export type Placement = (typeof PLACEMENTS)[number];

export interface DeployChoice {
  kind: DeployKind;
  placement: Placement;
}

export interface WorkloadCard {
  id: string;
  title: string;
  description: string;
  topic: TopicId;
  /** Cores of bare-metal throughput the workload needs. */
  cpu: number;
  /** The application's own memory and disk, before any guest OS or runtime overhead. */
  ramGb: number;
  diskGb: number;
  guestOs: GuestOs;
  /** Runs code from outside the organisation (tenants' plugins, students' submissions...). */
  trust: 'trusted' | 'untrusted';
  sensitivity: 'public' | 'internal' | 'confidential';
  /** 'on-prem': data must stay on the premises (residency rule). */
  residency: 'any' | 'on-prem';
  traffic: 'steady' | 'bursty';
  /** What dominates its work: decides which performance factor matters most. */
  profile: 'cpu' | 'io' | 'network' | 'syscall';
  /** Must be serving within this many (real) seconds of being deployed. */
  startDeadlineS: number;
  /** Needs its own kernel, a custom kernel or a kernel module. */
  needsCustomKernel: boolean;
  /** The guest kernel can be modified (open-source Linux): para-virtualization is possible. */
  modifiableKernel: boolean;
  /** Needs control of the operating system (agents, drivers, OS settings): rules out PaaS and SaaS. */
  needsOsControl: boolean;
  /** A ready-made SaaS product does this job (office suite, mail...). */
  saasAvailable: boolean;
  /** Seconds into the race when the card arrives. */
  arrivesAtS?: number;
  /**
   * The container image it runs from: a base image (its layers are shared by every container built on it, stored
   * once per host) and the workload's own layers on top. Absent: the flat model (a debian-sized image already on the
   * host, nothing shared, nothing to pull).
   */
  image?: ContainerImage;
  /** Copies (pods) it runs as under an orchestrator; counts against a node's pod limit. Absent: 1. */
  replicas?: number;
}

/** The base images the race knows, with their published sizes (params BASE_IMAGE_MB, [AL]). */
export const BASE_IMAGES = ['alpine', 'ubuntu', 'debian'] as const;
export type BaseImage = (typeof BASE_IMAGES)[number];

export interface ContainerImage {
  base: BaseImage;
  /** The workload's own layers (its code, libraries, build output), MB: built or pulled before it first runs. */
  ownMb: number;
}

export interface HostSpec {
  cores: number;
  ramGb: number;
  diskGb: number;
  /** The one host kernel and OS. */
  os: GuestOs;
  /** 'server': bare metal with a Type 1 hypervisor available; 'desktop': a PC where Type 2 is the way to run VMs. */
  machine: 'server' | 'desktop';
  /**
   * Machines (nodes) in the on-premise pool; the resources above are their sum. A hardware failure stops one node:
   * what ran on it is down, except orchestrated containers, which are restarted on the other nodes. Absent: 1.
   */
  nodes?: number;
}

export const EVENT_KINDS = ['kernel-cve', 'traffic-spike', 'noisy-neighbour', 'hardware-failure', 'patch-day'] as const;
export type RaceEventKind = (typeof EVENT_KINDS)[number];

export interface ScheduledEvent {
  kind: RaceEventKind;
  atS: number;
}

export interface Scenario {
  id: string;
  title: string;
  description: string;
  host: HostSpec;
  /** Card ids from the pack, in arrival order (a card's own arrivesAtS, or spread over the round). */
  deck: string[];
  events: ScheduledEvent[];
  /** Extra events the seeded PRNG picks (kind and time) when the race starts. */
  randomEvents: number;
  lengthS: number;
}

// ---------------------------------------------------------------- game config

export type GameMode = 'classroom' | 'team' | 'solo';

export type RoundSpec = { kind: 'quiz'; questionIds: string[] } | { kind: 'race'; scenarioId: string };

export interface ScoringOptions {
  /** Faster correct answers earn more ("accuracy mode" when false). */
  speedPoints: boolean;
  streakBonus: boolean;
  /** Points per question: 0, 1 or 2 times the base. */
  pointsMultiplier: 0 | 1 | 2;
  partialCredit: boolean;
}

export interface GameContent {
  questions: Question[];
  cards: WorkloadCard[];
  scenarios: Scenario[];
}

export interface GameConfig {
  mode: GameMode;
  content: GameContent;
  rounds: RoundSpec[];
  scoring: ScoringOptions;
  /** Number of teams in team mode. */
  teamCount: number;
  /** Overrides every question's time limit when set. */
  questionTimeS?: number;
  /** Players may join after the start; they begin at the next question. */
  lateJoin: boolean;
  /** Score given to a late joiner: zero or the class's lowest score. */
  lateJoinScore: 'zero' | 'lowest';
  /** What the leaderboard between rounds shows to the room; a player always sees its own rank. */
  leaderboard: LeaderboardMode;
  /** Players' devices show the question text too (screen-reader users read it there). */
  showQuestionOnDevices: boolean;
  /** Team mode: members take layers (application, OS/runtime, infrastructure) and only a layer's owner acts on it. */
  teamRoles: boolean;
}

export const LEADERBOARD_MODES = ['top3', 'top5', 'top10', 'end', 'never'] as const;
export type LeaderboardMode = (typeof LEADERBOARD_MODES)[number];

/** Layers of the shared responsibility model a team member can own. */
export const TEAM_LAYERS = ['application', 'os-runtime', 'infrastructure'] as const;
export type TeamLayer = (typeof TEAM_LAYERS)[number];

// ---------------------------------------------------------------- state

export type Phase = 'lobby' | 'question' | 'reveal' | 'race' | 'race-result' | 'leaderboard' | 'podium';

export interface Player {
  id: string;
  name: string;
  teamId: string | null;
  score: number;
  streak: number;
  /** Answer-time factor granted by the host for accessibility (1, 1.5 or 2). */
  timeFactor: number;
  bot: null | 'easy' | 'medium' | 'hard';
  removed: boolean;
  /** Index of the first step this player takes part in (late joiners start later). */
  joinedAtStep: number;
  /** The layer this member owns in a team game with roles. */
  layer: TeamLayer | null;
}

export interface Team {
  id: string;
  name: string;
}

export interface AnswerRecord {
  answer: Answer;
  at: number;
  elapsedMs: number;
  /** 0..1 correctness (partial credit already applied or not per options). */
  correctness: number;
  points: number;
  streakBonus: number;
}

export interface QuestionState {
  questionId: string;
  openedAt: number;
  /** Base deadline; a player's own is openedAt + limit * timeFactor. */
  limitMs: number;
  /** Seeded shuffle for ordering items or matching right-hand options: presented index -> original index. */
  perm: number[];
  /** By player, in a bucketed table (see table.ts); read through quiz/answers.ts: answerOf, allAnswers. */
  answers: Table<AnswerRecord>;
  answerCount: number;
  closed: boolean;
  /** Time left when paused, to resume fairly. */
  pausedAt: number | null;
  /**
   * Solo: how long this question was paused while open. A solo player pauses its own game, and a question seen is a
   * question known: the pause moves the deadline (never late for it) but counts in the response time for speed
   * points, so pause-read-resume is worth nothing (issue 13). Absent: never paused.
   */
  pausedMs?: number;
}

export interface Deployment {
  id: string;
  cardId: string;
  playerId: string;
  hostId: string;
  choice: DeployChoice;
  at: number;
  readyAt: number;
  /** Resources taken from the on-premise host (zero off-premise). */
  cpu: number;
  ramGb: number;
  diskGb: number;
  /** Points at deploy, then as the race's final audit set them (the neighbours it ended with). */
  points: number;
  /** What the final audit changed of `points` (0 until the race ends). */
  auditPoints: number;
  /** Points race events gave it or took from it (a CVE, a spike, a failure...). */
  eventPoints: number;
  /** Stopped by a race event (a hardware failure, a patch reboot) and not back yet. */
  down: boolean;
  /** While down: when the race brings it back (authority ms; see params DOWNTIME_MIN). Absent when up. */
  downUntil?: number;
  /** Real-world minutes of downtime race events caused it so far (the bill reads it). Absent: none. */
  downtimeMin?: number;
  /** The responsibility layer this decision belongs to (who, in a team with roles, could make it). */
  layer: TeamLayer;
}

export interface CardSlot {
  cardId: string;
  arrivesAt: number;
  claimedBy: string | null;
  deploymentId: string | null;
}

export interface RaceHost {
  id: string;
  /** Whose host: 'room' in classroom mode, a team id, or a player id in solo. */
  owner: string;
  spec: HostSpec;
  cards: CardSlot[];
  deployments: Deployment[];
}

export interface PendingEvent {
  kind: RaceEventKind;
  at: number;
  fired: boolean;
}

export interface RaceState {
  scenarioId: string;
  startedAt: number;
  endsAt: number;
  hosts: Record<string, RaceHost>;
  events: PendingEvent[];
  /** Counter for deployment ids, deterministic. */
  nextDeploymentId: number;
}

export interface GameState {
  config: GameConfig;
  seed: string;
  rng: number;
  /** Number of accepted actions: a state id for stale-action checks. */
  version: number;
  phase: Phase;
  paused: boolean;
  /** Authority time when the game was paused, to shift deadlines on resume. */
  pausedAt: number | null;
  /** Index into the flattened steps (see steps.ts). -1 in the lobby. */
  step: number;
  /** By id, in a bucketed table (see table.ts); read through playerOf (players.ts); the order is playerOrder. */
  players: Table<Player>;
  playerOrder: string[];
  /**
   * Nickname key (shared/protocol/nickname.ts nicknameKeys) -> the id of the player who took it: a join checks its
   * name in O(1), not O(N). A removed player keeps its keys: its name stays banned for the room.
   */
  nameIndex: Table<string>;
  teams: Record<string, Team>;
  /**
   * Team id -> members seated and not removed, kept as players join, move and leave: balancing is O(teams), not O(N).
   */
  teamSizes: Record<string, number>;
  question: QuestionState | null;
  race: RaceState | null;
  lobbyLocked: boolean;
  finished: boolean;
  /** Last authority time seen, so time never runs backwards. */
  now: number;
}

// ---------------------------------------------------------------- actions

export type Actor = { role: 'host' } | { role: 'player'; playerId: string } | { role: 'system' };

/** Every action carries the authority's clock stamp `at` (ms); the engine never reads a clock. */
export type Action =
  | { type: 'join'; actor: Actor; at: number; playerId: string; name: string; teamId?: string; bot?: Player['bot'] }
  | { type: 'remove-player'; actor: Actor; at: number; playerId: string }
  | { type: 'move-player'; actor: Actor; at: number; playerId: string; teamId: string }
  | { type: 'set-time-factor'; actor: Actor; at: number; playerId: string; factor: number }
  | { type: 'lock-lobby'; actor: Actor; at: number; locked: boolean }
  | { type: 'start'; actor: Actor; at: number }
  | { type: 'next'; actor: Actor; at: number }
  | { type: 'skip'; actor: Actor; at: number }
  | { type: 'pause'; actor: Actor; at: number }
  | { type: 'resume'; actor: Actor; at: number }
  | { type: 'add-time'; actor: Actor; at: number; seconds: number }
  | { type: 'end'; actor: Actor; at: number }
  | { type: 'answer'; actor: Actor; at: number; questionId: string; answer: Answer; elapsedMs?: number }
  | { type: 'claim'; actor: Actor; at: number; cardId: string }
  | { type: 'release'; actor: Actor; at: number; cardId: string }
  | { type: 'deploy'; actor: Actor; at: number; cardId: string; choice: DeployChoice }
  | { type: 'take-layer'; actor: Actor; at: number; layer: TeamLayer | null }
  | { type: 'tick'; actor: Actor; at: number };
export type ActionType = Action['type'];

// ---------------------------------------------------------------- events

export const ERROR_CODES = [
  'action/unknown',
  'action/malformed',
  'engine/bug',
  'action/forbidden',
  'action/wrong-phase',
  'action/paused',
  'action/game-over',
  'action/time-backwards',
  'player/unknown',
  'player/duplicate',
  'player/removed',
  // Join refusals: the engine's join rule (seating.ts) decides them; the protocol documents them (docs/PROTOCOL.md).
  'room/started',
  'name/invalid',
  'name/taken',
  'name/banned',
  'lobby/locked',
  'team/unknown',
  'team/layer-taken',
  'team/not-your-layer',
  'question/unknown',
  'question/closed',
  'answer/late',
  'answer/duplicate',
  'answer/malformed',
  'card/unknown',
  'card/not-arrived',
  'card/claimed',
  'card/deployed',
  'deploy/not-allowed',
  'deploy/no-capacity',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ScoreChange {
  playerId: string;
  delta: number;
  why: Why[];
}

/**
 * What a race event did to one deployment: whose it is, the points it cost or earned, and why. Public (the room's
 * projector and every phone show it): deployments are public already, and it carries no quiz answer or total score.
 */
export interface RaceEventEffect {
  playerId: string;
  deploymentId: string;
  cardId: string;
  delta: number;
  why: Why[];
}

export type GameEvent =
  | { type: 'error'; code: ErrorCode; message: string; actor: Actor }
  | { type: 'player-joined'; playerId: string; name: string; teamId: string | null }
  | { type: 'player-removed'; playerId: string }
  | { type: 'phase'; phase: Phase; step: number }
  | { type: 'question-opened'; questionId: string; openedAt: number; limitMs: number }
  | { type: 'answer-accepted'; playerId: string; questionId: string }
  | { type: 'question-closed'; questionId: string; results: Record<string, { correctness: number; points: number }> }
  | { type: 'score'; change: ScoreChange }
  | { type: 'card-arrived'; hostId: string; cardId: string }
  | { type: 'card-claimed'; hostId: string; cardId: string; playerId: string | null }
  | { type: 'deployed'; hostId: string; deployment: Deployment }
  | {
      type: 'race-event';
      hostId: string;
      kind: RaceEventKind;
      affected: string[];
      /** Each score change the event made, in the order of `affected` (a deployment may appear once). */
      effects: RaceEventEffect[];
      /** Noisy neighbour: the deployment that hogged the host (null for other kinds, or with fewer than two on it). */
      culprit: string | null;
      why: Why[];
    }
  /** Deployments a hardware failure or a patch reboot stopped are back (their `down` is false again). */
  | { type: 'recovered'; hostId: string; deploymentIds: string[] }
  | { type: 'paused'; paused: boolean }
  | { type: 'game-over' };

export interface StepResult {
  state: GameState;
  events: GameEvent[];
}

// ---------------------------------------------------------------- quotes (deployment previews)

export interface PerfFactors {
  /** Throughput relative to bare metal = 1. */
  cpu: number;
  randomIo: number;
  /** Network latency relative to native = 1 (higher is slower). */
  netLatency: number;
  /** System-call speed relative to native = 1. */
  syscall: number;
}

export interface Quote {
  choice: DeployChoice;
  /** The choice is legal for this card on this host (ignoring free capacity). */
  allowed: boolean;
  /** It is legal and fits the host's free capacity now. */
  fits: boolean;
  /** Why it is not allowed or does not fit (empty when fits). */
  blockers: Why[];
  /** Taken from the on-premise host (zero off-premise). */
  cpu: number;
  ramGb: number;
  diskGb: number;
  /** Guest OS / runtime overhead part of ramGb and diskGb. */
  overheadRamGb: number;
  overheadDiskGb: number;
  startS: number;
  startGameMs: number;
  meetsDeadline: boolean;
  perf: PerfFactors;
  costPerHour: number;
  opsHoursPerMonth: number;
  /** 0..100 sub-scores. */
  efficiency: number;
  isolation: number;
  points: number;
  why: Why[];
  /** How efficiency, isolation and points were reached, so every number on the screen has its why. */
  breakdown: QuoteBreakdown;
}

/**
 * The parts of an efficiency score (each 0..100 with its weight), the steps of an isolation score, the point formula.
 */
export interface QuoteBreakdown {
  efficiency: Record<'resources' | 'performance' | 'start' | 'cost' | 'ops', { score: number; weight: number }>;
  /** Starts from the boundary of where and how it runs; each later step changes it by `delta` (then 0..100). */
  isolation: Array<{ part: IsolationPart; delta: number }>;
  /** points = perCard x ((1 - isolationWeight) x efficiency + isolationWeight x isolation) / 100. */
  perCard: number;
  isolationWeight: number;
}

export type IsolationPart =
  'boundary' | 'iaas-vm-cap' | 'untrusted-shared-kernel' | 'mixed-sensitivity' | 'noisy-neighbours';

// ---------------------------------------------------------------- views

/** What one client may see: no seed, no correct answers before the reveal, no other players' answers. */
export interface GameView {
  mode: GameMode;
  phase: Phase;
  paused: boolean;
  step: number;
  stepCount: number;
  version: number;
  now: number;
  finished: boolean;
  lobbyLocked: boolean;
  /** The host sees every player; a player sees the leaderboard the host chose and itself (see playerCount). */
  players: Array<Pick<Player, 'id' | 'name' | 'teamId' | 'score' | 'streak' | 'bot' | 'layer'>>;
  leaderboard: LeaderboardMode;
  playerCount: number;
  /**
   * Players' views in the phases that show results (reveal, leaderboard, race result, podium): every seated
   * player's score, highest first, compact (engine/ladder.ts), for each phone to count its own rank; else null.
   */
  ladder?: string | null;
  /** The viewer's own standing, for a player viewer. */
  me: null | { id: string; name: string; teamId: string | null; score: number; streak: number; rank: number };
  teams: Team[];
  /** The current question as players see it (correct answer only after it closed). */
  question: null | {
    question: PublicQuestion;
    /** The full question with its correct answer: only once it closed. */
    solution: Question | null;
    openedAt: number;
    limitMs: number;
    closed: boolean;
    answeredCount: number;
    /** The viewer's own answer record, if any. */
    mine: AnswerRecord | null;
    /** Answer distribution, after the question closed (option index -> count, or correct/incorrect). */
    distribution: number[] | null;
    /**
     * Once it closed and was scored: the key that opens each player's own result, sealed in its answer's ack
     * (protocol/sealed.ts; set by the server, which alone holds the key until then).
     */
    resultKey?: string;
  };
  race: null | {
    scenario: Scenario;
    startedAt: number;
    endsAt: number;
    hosts: RaceHost[];
    cards: WorkloadCard[];
    events: PendingEvent[];
  };
}

/** A question as players see it while it is open: no correct answer, shuffled items already applied. */
export interface PublicQuestion {
  id: string;
  type: QuestionType;
  topic: TopicId;
  prompt: string;
  timeLimitS: number;
  note?: string;
  /** The question's points weight when not standard (0 = no points, 2 = double); absent = standard. */
  points?: 0 | 2;
  /** single / multi options. */
  options?: string[];
  /** ordering: the items in presented (shuffled) order. */
  items?: string[];
  /** matching: left column in order, right column presented (shuffled). */
  left?: string[];
  right?: string[];
  /** multi: how many options are correct (players are told, as most quiz games do). */
  selectCount?: number;
  unit?: string;
}
