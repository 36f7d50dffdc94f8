// A finished game's report for the teacher: pure functions over FinishedGame, no I/O.
// Bots appear in the player list and the teams, but class-wide figures (summary accuracy, topics, most missed)
// count humans only: they describe what the class understood.
import { TEAM_LAYERS, TOPICS } from '../../shared/engine/types.js';
import type { DeployKind, GameMode, Placement, TeamLayer, TopicId } from '../../shared/engine/types.js';
import { layerOf } from '../../shared/engine/index.js';
import type { RaceBill } from '../../shared/protocol/index.js';
import type { FinishedAnswer, FinishedDecision, FinishedGame } from '../storage/types.js';
import { billsOf } from './bills.js';

export interface ReportSummary {
  gameId: string;
  roomCode: string;
  packId: string;
  packTitle: string;
  mode: GameMode;
  startedAt: number;
  finishedAt: number;
  durationMs: number;
  playerCount: number;
  botCount: number;
  questionCount: number;
  answerCount: number;
  decisionCount: number;
  /** Mean correctness (0..1) of the humans' answers; null when nobody answered. */
  accuracy: number | null;
  topPlayer: string | null;
}

export interface PlayerReport {
  playerId: string;
  rank: number;
  name: string;
  team: string | null;
  score: number;
  bot: boolean;
  /** Mean correctness (0..1) of the player's answers; null when none. */
  accuracy: number | null;
  answered: number;
  meanElapsedMs: number | null;
  decisions: number;
  decisionPoints: number;
}

export interface TopicReport {
  topic: TopicId;
  questions: number;
  answers: number;
  /** Mean correctness (0..1); null when the topic's questions got no answer. */
  accuracy: number | null;
  decisions: number;
}

export interface QuestionReport {
  questionId: string;
  topic: TopicId;
  type: string;
  prompt: string;
  answers: number;
  accuracy: number;
}

export interface DecisionTally {
  count: number;
  points: number;
}

export interface PlayerDecisions extends DecisionTally {
  playerId: string;
  name: string;
  byKind: Partial<Record<DeployKind | 'none', number>>;
  byPlacement: Partial<Record<Placement, number>>;
}

/** Decisions by layer of the shared responsibility model (who, in a team with roles, could make them). */
export interface LayerDecisions extends DecisionTally {
  layer: TeamLayer;
  decisions: Array<{
    playerId: string;
    name: string;
    cardId: string;
    cardTitle: string;
    kind: DeployKind | 'none';
    placement: Placement;
    points: number;
  }>;
}

export interface DecisionsReport {
  byPlayer: PlayerDecisions[];
  /** Every layer, in the model's order (application, os-runtime, infrastructure), empty ones included. */
  byLayer: LayerDecisions[];
  byPlacement: Array<DecisionTally & { placement: Placement }>;
  /** 'none' for decisions without a deployment kind (SaaS). */
  byKind: Array<DecisionTally & { kind: DeployKind | 'none' }>;
}

export interface TeamReport {
  teamId: string;
  rank: number;
  /** Sum of the members' scores. */
  score: number;
  members: Array<{
    playerId: string;
    name: string;
    score: number;
    bot: boolean;
    /** Share of the team score (0..1); null when it is 0. */ share: number | null;
  }>;
}

export interface GameReport {
  summary: ReportSummary;
  /** By rank. */
  players: PlayerReport[];
  /** Worst accuracy first; topics with no answers last. */
  topics: TopicReport[];
  /** The (at most 5) questions with the lowest accuracy, lowest first. */
  mostMissed: QuestionReport[];
  decisions: DecisionsReport;
  /** Highest score first; empty outside team games. */
  teams: TeamReport[];
  /** Each race's cloud bills (per player, or per team, and the class's), with the best-known plan's. */
  bills: RaceBill[];
}

/** The layer a decision belongs to: the lowest layer the customer still manages for its placement. */
export function decisionLayer(d: Pick<FinishedDecision, 'placement'>): TeamLayer {
  return layerOf({ kind: 'container', placement: d.placement });
}

export const MOST_MISSED_COUNT = 5;

const mean = (values: number[]): number | null =>
  values.length === 0 ? null : values.reduce((sum, v) => sum + v, 0) / values.length;

function groupBy<T, K>(items: T[], key: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Competition ranking (1, 2, 2, 4) over values already sorted best first. */
function ranks(values: number[]): number[] {
  const out: number[] = [];
  values.forEach((v, i) => out.push(i > 0 && v === values[i - 1] ? (out[i - 1] ?? i + 1) : i + 1));
  return out;
}

export function buildReport(game: FinishedGame): GameReport {
  const botIds = new Set(game.players.filter((p) => p.bot).map((p) => p.playerId));
  const humanAnswers = game.answers.filter((a) => !botIds.has(a.playerId));
  const answersByPlayer = groupBy(game.answers, (a) => a.playerId);
  const decisionsByPlayer = groupBy(game.decisions, (d) => d.playerId);

  const players: PlayerReport[] = [...game.players]
    .sort((a, b) => a.rank - b.rank)
    .map((p) => {
      const answers = answersByPlayer.get(p.playerId) ?? [];
      const decisions = decisionsByPlayer.get(p.playerId) ?? [];
      return {
        playerId: p.playerId,
        rank: p.rank,
        name: p.name,
        team: p.teamId,
        score: p.score,
        bot: p.bot,
        accuracy: mean(answers.map((a) => a.correctness)),
        answered: answers.length,
        meanElapsedMs: mean(answers.map((a) => a.elapsedMs)),
        decisions: decisions.length,
        decisionPoints: decisions.reduce((sum, d) => sum + d.points, 0),
      };
    });

  return {
    summary: {
      gameId: game.gameId,
      roomCode: game.roomCode,
      packId: game.packId,
      packTitle: game.packTitle,
      mode: game.mode,
      startedAt: game.startedAt,
      finishedAt: game.finishedAt,
      durationMs: game.finishedAt - game.startedAt,
      playerCount: game.players.length - botIds.size,
      botCount: botIds.size,
      questionCount: game.questions.length,
      answerCount: game.answers.length,
      decisionCount: game.decisions.length,
      accuracy: mean(humanAnswers.map((a) => a.correctness)),
      topPlayer: players[0]?.name ?? null,
    },
    players,
    topics: topicReports(game, humanAnswers),
    mostMissed: mostMissed(game, humanAnswers),
    decisions: decisionsReport(game),
    teams: teamReports(game),
    bills: billsOf(game),
  };
}

function topicReports(game: FinishedGame, answers: FinishedAnswer[]): TopicReport[] {
  const topics = new Set<TopicId>([
    ...game.questions.map((q) => q.topic),
    ...answers.map((a) => a.topic),
    ...game.decisions.map((d) => d.topic),
  ]);
  const answersByTopic = groupBy(answers, (a) => a.topic);
  const order = (t: TopicId) => TOPICS.indexOf(t);
  return [...topics]
    .map((topic) => {
      const topicAnswers = answersByTopic.get(topic) ?? [];
      return {
        topic,
        questions: game.questions.filter((q) => q.topic === topic).length,
        answers: topicAnswers.length,
        accuracy: mean(topicAnswers.map((a) => a.correctness)),
        decisions: game.decisions.filter((d) => d.topic === topic).length,
      };
    })
    .sort((a, b) => {
      if (a.accuracy === null || b.accuracy === null) {
        if (a.accuracy !== b.accuracy) return a.accuracy === null ? 1 : -1;
      } else if (a.accuracy !== b.accuracy) return a.accuracy - b.accuracy;
      return order(a.topic) - order(b.topic);
    });
}

function mostMissed(game: FinishedGame, answers: FinishedAnswer[]): QuestionReport[] {
  const byQuestion = groupBy(answers, (a) => a.questionId);
  return (
    game.questions
      .map((q, index) => {
        const qAnswers = byQuestion.get(q.questionId) ?? [];
        return {
          index,
          report: { ...q, answers: qAnswers.length, accuracy: mean(qAnswers.map((a) => a.correctness)) },
        };
      })
      .filter((entry): entry is { index: number; report: QuestionReport } => entry.report.accuracy !== null)
      // Lowest accuracy first; on a tie, the question more players got wrong, then game order.
      .sort((a, b) => a.report.accuracy - b.report.accuracy || b.report.answers - a.report.answers || a.index - b.index)
      .slice(0, MOST_MISSED_COUNT)
      .map((entry) => entry.report)
  );
}

function decisionsReport(game: FinishedGame): DecisionsReport {
  const names = new Map(game.players.map((p) => [p.playerId, p.name]));
  const tally = <K extends string>(key: (d: FinishedGame['decisions'][number]) => K) =>
    [...groupBy(game.decisions, key)].map(([k, list]) => ({
      key: k,
      count: list.length,
      points: list.reduce((sum, d) => sum + d.points, 0),
    }));
  const byPlayer = [...groupBy(game.decisions, (d) => d.playerId)].map(([playerId, list]): PlayerDecisions => {
    const byKind: PlayerDecisions['byKind'] = {};
    const byPlacement: PlayerDecisions['byPlacement'] = {};
    for (const d of list) {
      const kind = d.kind ?? 'none';
      byKind[kind] = (byKind[kind] ?? 0) + 1;
      byPlacement[d.placement] = (byPlacement[d.placement] ?? 0) + 1;
    }
    return {
      playerId,
      name: names.get(playerId) ?? playerId,
      count: list.length,
      points: list.reduce((sum, d) => sum + d.points, 0),
      byKind,
      byPlacement,
    };
  });
  const byCount = (a: DecisionTally, b: DecisionTally) => b.count - a.count;
  const byLayer: LayerDecisions[] = TEAM_LAYERS.map((layer) => {
    const list = game.decisions.filter((d) => decisionLayer(d) === layer);
    return {
      layer,
      count: list.length,
      points: list.reduce((sum, d) => sum + d.points, 0),
      decisions: list.map((d) => ({
        playerId: d.playerId,
        name: names.get(d.playerId) ?? d.playerId,
        cardId: d.cardId,
        cardTitle: d.cardTitle,
        kind: d.kind ?? 'none',
        placement: d.placement,
        points: d.points,
      })),
    };
  });
  return {
    byPlayer,
    byLayer,
    byPlacement: tally((d) => d.placement)
      .map(({ key, ...t }) => ({ placement: key, ...t }))
      .sort(byCount),
    byKind: tally((d) => d.kind ?? 'none')
      .map(({ key, ...t }) => ({ kind: key, ...t }))
      .sort(byCount),
  };
}

function teamReports(game: FinishedGame): TeamReport[] {
  const byTeam = groupBy(
    game.players.filter((p) => p.teamId !== null),
    (p) => p.teamId as string,
  );
  const teams = [...byTeam].map(([teamId, members]) => {
    const score = members.reduce((sum, m) => sum + m.score, 0);
    return {
      teamId,
      score,
      members: [...members]
        .sort((a, b) => b.score - a.score)
        .map((m) => ({
          playerId: m.playerId,
          name: m.name,
          score: m.score,
          bot: m.bot,
          share: score === 0 ? null : m.score / score,
        })),
    };
  });
  teams.sort((a, b) => b.score - a.score || a.teamId.localeCompare(b.teamId));
  const teamRanks = ranks(teams.map((t) => t.score));
  return teams.map((t, i) => ({ teamId: t.teamId, rank: teamRanks[i] ?? i + 1, score: t.score, members: t.members }));
}
