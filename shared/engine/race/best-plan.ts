// The best-known plan for a scenario: greedy by quote, then local search by whole-race simulation,
// bounded by a simulation budget (a step count, never a clock).
import { createGame, next } from '../reducer.js';
import { DEFAULT_SCORING } from '../quiz/scoring.js';
import type { Action, DeployChoice, GameConfig, GameContent, GameState, RaceState } from '../types.js';
import { legalChoices, quoteOnHost } from './quote.js';
import { contextOf, layerOf } from './race.js';
import { playerOf } from '../players.js';

export interface Plan {
  scenarioId: string;
  /** In the order the cards arrive; null = leave the card undeployed. */
  choices: Array<{ cardId: string; choice: DeployChoice | null }>;
  score: number;
  simulations: number;
}

const PLANNER = 'planner';
const system = { role: 'system' as const };
const planner = { role: 'player' as const, playerId: PLANNER };

/**
 * The planner's start, optionally facing a live race's own events (their kinds and offsets from the race's
 * start), so "the best plan" is judged against what the players actually met.
 */
export function raceStart(
  content: GameContent,
  scenarioId: string,
  seed: string,
  liveEvents?: RaceState['events'],
  liveStart?: number,
): GameState {
  const config: GameConfig = {
    mode: 'solo',
    content,
    rounds: [{ kind: 'race', scenarioId }],
    scoring: DEFAULT_SCORING,
    teamCount: 0,
    lateJoin: false,
    lateJoinScore: 'zero',
    leaderboard: 'never',
    showQuestionOnDevices: true,
    teamRoles: false,
  };
  let state = createGame(config, seed);
  state = next(state, { type: 'join', actor: system, at: 0, playerId: PLANNER, name: 'planner' }).state;
  state = next(state, { type: 'start', actor: planner, at: 0 }).state;
  if (liveEvents && liveStart !== undefined && state.race) {
    const events = liveEvents.map((e) => ({ kind: e.kind, at: e.at - liveStart, fired: false }));
    state = { ...state, race: { ...state.race, events } };
  }
  return state;
}

/** Plays a whole race with a plan: each card deployed the moment it arrives. Returns the planner's score. */
export function simulatePlan(start: GameState, choices: Plan['choices']): number {
  return playerOf(simulatePlanState(start, choices), PLANNER)!.score;
}

/** The race's final state (after its end and audit) under a plan. */
export function simulatePlanState(start: GameState, choices: Plan['choices']): GameState {
  let state = start;
  const host = start.race!.hosts[`player:${PLANNER}`]!;
  for (const { cardId, choice } of choices) {
    if (!choice) continue;
    const slot = host.cards.find((c) => c.cardId === cardId)!;
    const action: Action = { type: 'deploy', actor: planner, at: Math.max(state.now, slot.arrivesAt), cardId, choice };
    state = next(state, action).state;
  }
  return next(state, { type: 'tick', actor: system, at: start.race!.endsAt }).state;
}

export function bestPlan(
  content: GameContent,
  scenarioId: string,
  seed: string,
  budget = 300,
  start = raceStart(content, scenarioId, seed),
): Plan {
  const host = start.race!.hosts[`player:${PLANNER}`]!;
  const slots = [...host.cards].sort((a, b) => a.arrivesAt - b.arrivesAt);
  const cards = Object.fromEntries(content.cards.map((c) => [c.id, c]));

  // Greedy: best quote on the host as it fills up.
  let ctx = contextOf({ s: start }, host);
  const choices: Plan['choices'] = [];
  for (const slot of slots) {
    const card = cards[slot.cardId]!;
    const quotes = legalChoices(card, host.spec)
      .map((c) => quoteOnHost(ctx, card, c))
      .filter((q) => q.fits);
    const best = quotes.length > 0 ? quotes.reduce((a, b) => (b.points > a.points ? b : a)) : null;
    choices.push({ cardId: slot.cardId, choice: best?.choice ?? null });
    if (best) {
      const dep = {
        id: `g${choices.length}`,
        cardId: card.id,
        playerId: PLANNER,
        hostId: host.id,
        choice: best.choice,
        at: 0,
        readyAt: 0,
        cpu: best.cpu,
        ramGb: best.ramGb,
        diskGb: best.diskGb,
        points: best.points,
        auditPoints: 0,
        eventPoints: 0,
        down: false,
        layer: layerOf(best.choice),
      };
      ctx = { ...ctx, deployments: [...ctx.deployments, dep] };
    }
  }
  let score = simulatePlan(start, choices);
  let simulations = 1;

  // Local search: change one card's choice at a time, keep what raises the whole-race score.
  let improved = true;
  while (improved && simulations < budget) {
    improved = false;
    for (let i = 0; i < choices.length && simulations < budget; i++) {
      const card = cards[choices[i]!.cardId]!;
      for (const alt of [null, ...legalChoices(card, host.spec)]) {
        if (simulations >= budget) break;
        const current = choices[i]!.choice;
        if (alt === current || (alt && current && alt.kind === current.kind && alt.placement === current.placement))
          continue;
        const trial = choices.map((c, j) => (j === i ? { ...c, choice: alt } : c));
        const trialScore = simulatePlan(start, trial);
        simulations++;
        if (trialScore > score) {
          score = trialScore;
          choices[i] = trial[i]!;
          improved = true;
        }
      }
    }
  }
  return { scenarioId, choices, score, simulations };
}

/** Exhaustive search, for small scenarios only (benchmarks compare bestPlan against it). */
export function bruteForcePlan(content: GameContent, scenarioId: string, seed: string): Plan {
  const start = raceStart(content, scenarioId, seed);
  const host = start.race!.hosts[`player:${PLANNER}`]!;
  const slots = [...host.cards].sort((a, b) => a.arrivesAt - b.arrivesAt);
  const cards = Object.fromEntries(content.cards.map((c) => [c.id, c]));
  const options = slots.map((s) => [null, ...legalChoices(cards[s.cardId]!, host.spec)]);
  let best: Plan = { scenarioId, choices: [], score: -Infinity, simulations: 0 };
  let simulations = 0;
  const pick: Array<DeployChoice | null> = [];
  const walk = (i: number) => {
    if (i === slots.length) {
      const choices = slots.map((s, j) => ({ cardId: s.cardId, choice: pick[j] ?? null }));
      const score = simulatePlan(start, choices);
      simulations++;
      if (score > best.score) best = { scenarioId, choices, score, simulations: 0 };
      return;
    }
    for (const o of options[i]!) {
      pick[i] = o;
      walk(i + 1);
    }
  };
  walk(0);
  return { ...best, simulations };
}
