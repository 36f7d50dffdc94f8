// The game's steps: rounds flattened into questions and races, and when the authority must wake the engine.
import type { GameConfig, GameState } from './types.js';
import { playerOf } from './players.js';

export type Step =
  | { kind: 'question'; questionId: string; round: number; lastInRound: boolean }
  | { kind: 'race'; scenarioId: string; round: number; lastInRound: true };

const stepsCache = new WeakMap<GameConfig, Step[]>();

export function stepsOf(config: GameConfig): Step[] {
  let steps = stepsCache.get(config);
  if (!steps) {
    steps = [];
    config.rounds.forEach((round, r) => {
      if (round.kind === 'race')
        steps!.push({ kind: 'race', scenarioId: round.scenarioId, round: r, lastInRound: true });
      else
        round.questionIds.forEach((questionId, i) =>
          steps!.push({ kind: 'question', questionId, round: r, lastInRound: i === round.questionIds.length - 1 }),
        );
    });
    stepsCache.set(config, steps);
  }
  return steps;
}

export function stepCount(state: GameState): number {
  return stepsOf(state.config).length;
}

export function currentStep(state: GameState): Step | null {
  return stepsOf(state.config)[state.step] ?? null;
}

/** Players who take part in the current step (not removed, joined before it). */
export function activePlayerIds(state: GameState): string[] {
  return state.playerOrder.filter((id) => {
    const p = playerOf(state, id);
    return p !== undefined && !p.removed && p.joinedAtStep <= state.step;
  });
}

interface ActiveSummary {
  step: number;
  count: number;
  /** The largest extended-time factor among them. */
  maxTimeFactor: number;
}
const activeCache = new WeakMap<object, ActiveSummary>();

/**
 * Who takes part in the current step, summarised once per players record: answers do not change that
 * record, so in a 2,000-player room an answer (and the authority's next wake-up) costs O(1), not O(N).
 */
function activeSummary(state: GameState): ActiveSummary {
  const cached = activeCache.get(state.players);
  if (cached && cached.step === state.step) return cached;
  const ids = activePlayerIds(state);
  let maxTimeFactor = 1;
  for (const id of ids) maxTimeFactor = Math.max(maxTimeFactor, playerOf(state, id)?.timeFactor ?? 1);
  const summary = { step: state.step, count: ids.length, maxTimeFactor };
  activeCache.set(state.players, summary);
  return summary;
}

export function activePlayerCount(state: GameState): number {
  return activeSummary(state).count;
}

/** The latest deadline of the open question, counting players' extended time. */
export function questionCloseAt(state: GameState): number | null {
  const q = state.question;
  if (!q || q.closed) return null;
  return q.openedAt + q.limitMs * activeSummary(state).maxTimeFactor;
}

/**
 * When the authority must send a `tick` (question deadline, card arrival, race event, recovery or end); null if never.
 */
export function nextWakeAt(state: GameState): number | null {
  if (state.paused || state.finished) return null;
  if (state.phase === 'question') return questionCloseAt(state);
  if (state.phase === 'race' && state.race) {
    let wake = state.race.endsAt;
    for (const e of state.race.events) if (!e.fired && e.at < wake) wake = e.at;
    for (const host of Object.values(state.race.hosts))
      for (const slot of host.cards) if (slot.arrivesAt > state.now && slot.arrivesAt < wake) wake = slot.arrivesAt;
    // A deployment a race event stopped comes back at its own time.
    for (const host of Object.values(state.race.hosts))
      for (const dep of host.deployments)
        if (dep.down && dep.downUntil !== undefined && dep.downUntil < wake) wake = dep.downUntil;
    return wake;
  }
  return null;
}
