// A deterministic synthetic finished game of a chosen size: for benchmarks (time saving 2,000 answers) and tests.
import { TOPICS } from '../../shared/engine/types.js';
import type { Action, TopicId } from '../../shared/engine/types.js';
import type { FinishedGame, FinishedPlayer, FinishedQuestion } from './types.js';

export interface SampleGameSize {
  gameId?: string;
  hostKeyHash?: string;
  players?: number;
  questions?: number;
  decisionsPerPlayer?: number;
  finishedAt?: number;
}

/** A fixed linear congruential sequence in [0, 1): the same game for the same size, every run. */
function sequence(): () => number {
  let rng = 42;
  return () => (rng = (rng * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

function sampleQuestions(count: number): FinishedQuestion[] {
  const topic = (i: number): TopicId => TOPICS[i % TOPICS.length] ?? 'vm';
  return Array.from({ length: count }, (_, i) => ({
    questionId: `q${i + 1}`,
    topic: topic(i),
    type: 'single',
    prompt: `Question ${i + 1}: which layer runs directly on the hardware?`,
  }));
}

function samplePlayers(count: number): FinishedPlayer[] {
  return Array.from({ length: count }, (_, i) => ({
    playerId: `p${i + 1}`,
    name: `Player ${i + 1}`,
    teamId: null as string | null,
    score: 0,
    rank: 0,
    bot: false,
  }));
}

/** Every player answers every question (60% right); the answers, their actions, and the players' scores. */
function sampleAnswers(
  questions: readonly FinishedQuestion[],
  players: FinishedPlayer[],
  random: () => number,
  startedAt: number,
): { answers: FinishedGame['answers']; actions: Action[] } {
  const answers: FinishedGame['answers'] = [];
  const actions: Action[] = [];
  questions.forEach((q, qi) => {
    for (const p of players) {
      const correctness = random() < 0.6 ? 1 : 0;
      const elapsedMs = Math.floor(500 + random() * 19_500);
      const points = correctness * Math.round(1000 - elapsedMs / 40);
      p.score += points;
      answers.push({ playerId: p.playerId, questionId: q.questionId, topic: q.topic, correctness, points, elapsedMs });
      actions.push({
        type: 'answer',
        actor: { role: 'player', playerId: p.playerId },
        at: startedAt + qi * 30_000 + elapsedMs,
        questionId: q.questionId,
        answer: { type: 'single', choice: correctness ? 0 : 1 },
      });
    }
  });
  return { answers, actions };
}

/** `perPlayer` race decisions for each player, added to their scores. */
function sampleDecisions(
  players: FinishedPlayer[],
  perPlayer: number,
  random: () => number,
): FinishedGame['decisions'] {
  const decisions: FinishedGame['decisions'] = [];
  players.forEach((p, pi) => {
    for (let d = 0; d < perPlayer; d++) {
      const points = Math.round(random() * 200);
      p.score += points;
      decisions.push({
        playerId: p.playerId,
        hostId: 'room',
        cardId: `card-${pi}-${d}`,
        cardTitle: 'Web shop front end',
        topic: 'container',
        kind: 'container',
        placement: 'on-prem',
        points,
        why: [
          {
            topic: 'container',
            ko: '컨테이너는 호스트 커널을 공유합니다.',
            en: 'Containers share the host kernel.',
            source: 'DS',
          },
        ],
      });
    }
  });
  return decisions;
}

export function sampleFinishedGame(size: SampleGameSize = {}): FinishedGame {
  const finishedAt = size.finishedAt ?? 1_750_000_000_000;
  const startedAt = finishedAt - 30 * 60_000;
  // One sequence for answers then decisions, in that order: the same numbers as ever for the same size.
  const random = sequence();
  const questions = sampleQuestions(size.questions ?? 20);
  const players = samplePlayers(size.players ?? 100);
  const joins: Action[] = players.map((p, i) => ({
    type: 'join',
    actor: { role: 'player', playerId: p.playerId },
    at: startedAt - 60_000 + i,
    playerId: p.playerId,
    name: p.name,
  }));
  const start: Action = { type: 'start', actor: { role: 'host' }, at: startedAt };
  const { answers, actions: answerActions } = sampleAnswers(questions, players, random, startedAt);
  const decisions = sampleDecisions(players, size.decisionsPerPlayer ?? 2, random);
  [...players].sort((a, b) => b.score - a.score).forEach((p, i) => (p.rank = i + 1));
  const scoreChanges = decisions.map((d) => ({ playerId: d.playerId, delta: d.points, why: d.why }));
  return {
    gameId: size.gameId ?? 'sample-game',
    roomCode: 'ABCD12',
    hostKeyHash: size.hostKeyHash ?? 'host-hash',
    packId: 'builtin-en',
    packTitle: 'Virtualization basics',
    mode: 'classroom',
    seed: 'sample-seed',
    startedAt,
    finishedAt,
    players,
    questions,
    answers,
    decisions,
    scoreChanges,
    actions: [...joins, start, ...answerActions],
  };
}
