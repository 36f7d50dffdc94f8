// A small, hand-made content set for the engine's own tests (the built-in packs are tested separately).
import { DEFAULT_SCORING } from '../quiz/scoring.js';
import type { GameConfig, GameContent, GameMode, HostSpec, WorkloadCard } from '../types.js';

export const LINUX_SERVER: HostSpec = { cores: 32, ramGb: 64, diskGb: 2000, os: 'linux', machine: 'server' };
export const DESKTOP: HostSpec = { cores: 8, ramGb: 32, diskGb: 512, os: 'windows', machine: 'desktop' };

export function card(id: string, patch: Partial<WorkloadCard> = {}): WorkloadCard {
  return {
    id,
    title: id,
    description: id,
    topic: 'choosing',
    cpu: 2,
    ramGb: 2,
    diskGb: 10,
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
    ...patch,
  };
}

export const CARDS: WorkloadCard[] = [
  card('web', { traffic: 'bursty', profile: 'network', startDeadlineS: 5, sensitivity: 'public' }),
  card('plugins', { trust: 'untrusted', profile: 'syscall', sensitivity: 'public' }),
  card('payroll', {
    guestOs: 'windows',
    modifiableKernel: false,
    residency: 'on-prem',
    sensitivity: 'confidential',
    ramGb: 4,
    needsOsControl: true,
    startDeadlineS: 600,
  }),
  card('legacy', { needsCustomKernel: true, ramGb: 8, startDeadlineS: 600 }),
  card('office', { saasAvailable: true, startDeadlineS: 3600 }),
  card('db', { profile: 'io', ramGb: 16, diskGb: 200, sensitivity: 'confidential', startDeadlineS: 600 }),
];

export const CONTENT: GameContent = {
  questions: [
    {
      id: 'q1',
      type: 'single',
      topic: 'hypervisor-type1',
      prompt: 'Type 1 runs on?',
      explanation: 'Hardware.',
      timeLimitS: 20,
      options: ['Hardware', 'A host OS', 'A browser', 'A container'],
      correct: 0,
    },
    {
      id: 'q2',
      type: 'multi',
      topic: 'hypervisor-type1',
      prompt: 'Type 1 examples?',
      explanation: 'Xen, Hyper-V, KVM.',
      timeLimitS: 20,
      options: ['Xen', 'VirtualBox', 'Hyper-V', 'KVM'],
      correct: [0, 2, 3],
    },
    {
      id: 'q3',
      type: 'truefalse',
      topic: 'container',
      prompt: 'Containers share the host kernel.',
      explanation: 'Yes.',
      timeLimitS: 20,
      correct: true,
    },
    {
      id: 'q4',
      type: 'ordering',
      topic: 'docker',
      prompt: 'Order the Docker flow.',
      explanation: 'Dockerfile, build, image, run, container.',
      timeLimitS: 30,
      items: ['Dockerfile', 'build', 'image', 'run', 'container'],
    },
    {
      id: 'q5',
      type: 'matching',
      topic: 'service-models',
      prompt: 'Who manages the OS?',
      explanation: 'IaaS: you; PaaS, SaaS: the provider.',
      timeLimitS: 30,
      left: ['IaaS', 'PaaS', 'On-premise'],
      right: ['customer (OS and up)', 'provider', 'customer (everything)'],
      pairs: [0, 1, 2],
    },
    {
      id: 'q6',
      type: 'numeric',
      topic: 'virtualization',
      prompt: '32 GB host, 4 GB + 8 GB guests: GB left?',
      explanation: '20 GB before overhead.',
      timeLimitS: 30,
      correct: 20,
      tolerance: 0,
      unit: 'GB',
    },
  ],
  cards: CARDS,
  scenarios: [
    {
      id: 's1',
      title: 'Mixed shop',
      description: 'Everything at once.',
      host: LINUX_SERVER,
      deck: ['web', 'plugins', 'payroll', 'legacy', 'office', 'db'],
      events: [
        { kind: 'kernel-cve', atS: 75 },
        { kind: 'traffic-spike', atS: 80 },
        { kind: 'noisy-neighbour', atS: 85 },
        { kind: 'patch-day', atS: 90 },
        { kind: 'hardware-failure', atS: 95 },
      ],
      randomEvents: 1,
      lengthS: 120,
    },
    {
      id: 's-small',
      title: 'Small',
      description: 'Three cards.',
      host: { cores: 8, ramGb: 12, diskGb: 300, os: 'linux', machine: 'server' },
      deck: ['web', 'plugins', 'db'],
      events: [{ kind: 'kernel-cve', atS: 30 }],
      randomEvents: 0,
      lengthS: 60,
    },
  ],
};

export function config(mode: GameMode = 'classroom', patch: Partial<GameConfig> = {}): GameConfig {
  return {
    mode,
    content: CONTENT,
    rounds: [
      { kind: 'quiz', questionIds: ['q1', 'q2', 'q3', 'q4', 'q5', 'q6'] },
      { kind: 'race', scenarioId: 's1' },
    ],
    scoring: DEFAULT_SCORING,
    teamCount: mode === 'team' ? 2 : 0,
    lateJoin: true,
    lateJoinScore: 'zero',
    leaderboard: 'top5',
    showQuestionOnDevices: true,
    teamRoles: false,
    ...patch,
  };
}
