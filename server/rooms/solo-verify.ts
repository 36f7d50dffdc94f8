// Verifies a solo run by replaying its log with the engine, checking on the way that every action could only
// have come from the honest authority: the one player, its bots (exactly what botMoves gives) and the clock.
import {
  botMoves,
  createGame,
  next,
  playerOf,
  type Action,
  type GameConfig,
  type GameState,
} from '../../shared/engine/index.js';
import type { RaceBill } from '../../shared/protocol/index.js';

export type Verdict =
  { ok: true; score: number; playerId: string; playerName: string; board: string } | { ok: false; reason: string };

export interface VerifyOptions {
  packId: string;
  /** Server time now: a run cannot end in the future. */
  now: number;
  /** A score the client claims; it must equal the replay's. */
  claimedScore?: number;
}

/** The longest a solo run may last. */
const MAX_RUN_MS = 6 * 3600_000;
const FUTURE_SLACK_MS = 60_000;

export function utcDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function dailySeed(ms: number): string {
  return `daily-${utcDay(ms)}`;
}

/** Key order does not matter: a log may have gone through JSON in any order. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A solo run's race points over the best-known plan's score for the same scenarios: the run's race bills (the
 * player's own, each with its `best`) summed; null without a race or a best plan worth more than 0 points.
 */
export function bestPlanRatio(bills: readonly RaceBill[], playerId: string): number | null {
  let points = 0;
  let best = 0;
  for (const b of bills) {
    if (b.owner.kind !== 'player' || b.owner.id !== playerId || !b.best) continue;
    points += b.bill.points;
    best += b.best.score;
  }
  return best > 0 ? Math.round((points / best) * 1000) / 1000 : null;
}

export function verifySoloRun(
  config: GameConfig,
  seed: string,
  actions: readonly Action[],
  opts: VerifyOptions,
): Verdict {
  if (config.mode !== 'solo') return { ok: false, reason: 'not a solo game' };
  const first = actions[0];
  if (!first) return { ok: false, reason: 'the log is empty' };
  const daily = opts.packId.startsWith('daily-');
  const wrongDay = daily ? dailyProblem(seed, first.at, opts.now) : null;
  if (wrongDay) return { ok: false, reason: wrongDay };
  const replayed = replayRun(config, seed, actions, opts.now);
  if (typeof replayed === 'string') return { ok: false, reason: replayed };
  const { state, human } = replayed;
  if (!human) return { ok: false, reason: 'no player joined' };
  if (!state.finished) return { ok: false, reason: 'the run is not finished' };
  const player = playerOf(state, human)!;
  if (opts.claimedScore !== undefined && opts.claimedScore !== player.score) {
    return { ok: false, reason: `replay result differs: claimed ${opts.claimedScore}, replayed ${player.score}` };
  }
  return {
    ok: true,
    score: player.score,
    playerId: human,
    playerName: player.name,
    board: daily ? seed : `pack-${opts.packId}`,
  };
}

/** Why a daily challenge's run is not the day's (its seed names the day it started, and that day is now), or null. */
function dailyProblem(seed: string, startedAt: number, now: number): string | null {
  const expected = dailySeed(startedAt);
  if (seed !== expected) return `wrong daily seed: a run started on ${utcDay(startedAt)} uses ${expected}`;
  if (Math.abs(now - startedAt) > 2 * 86_400_000) return 'the daily challenge is not from today';
  return null;
}

/**
 * The log replayed by the engine: the final state and the human's id, or the first action's reason for refusal
 * (its time, who acted, or the rules).
 */
function replayRun(
  config: GameConfig,
  seed: string,
  actions: readonly Action[],
  now: number,
): { state: GameState; human: string | null } | string {
  let state: GameState = createGame(config, seed);
  let human: string | null = null;
  let previousAt = -Infinity;
  const startedAt = actions[0]?.at ?? 0;
  for (let i = 0; i < actions.length; i++) {
    const action = actions[i]!;
    const problem = timeProblem(action.at, previousAt, startedAt, now) ?? seatProblem(action, human);
    if (problem) return `action ${i} (${action.type}): ${problem}`;
    // The seat check above refused a second human: a human's join is the first.
    if (action.type === 'join' && !action.bot) human = action.playerId;
    previousAt = action.at;
    const botMove = botProblem(state, action, human);
    if (botMove) return `action ${i} (${action.type}): ${botMove}`;
    // No speed rule of its own: the replay is the engine's, and the engine scores an answer given before its question
    // could be read as given at the question's reading floor (shared/engine/quiz/reading.ts; the same floor for
    // everyone). A run is not refused for a fast answer: a player who knows a question by heart is no cheat, and
    // speed below the floor earns nothing to refuse. The times themselves must be the server's (sameAsPlayed).
    const result = next(state, action);
    const error = result.events.find((e) => e.type === 'error');
    if (error && error.type === 'error') return `action ${i} (${action.type}): refused by the rules (${error.code})`;
    state = result.state;
  }
  return { state, human };
}

/** Why an action's time cannot be the authority's clock (backwards, ahead of now, too long a run), or null. */
function timeProblem(at: number, previousAt: number, startedAt: number, now: number): string | null {
  if (!(at >= previousAt)) return 'time goes backwards';
  if (at > now + FUTURE_SLACK_MS) return 'time is in the future';
  if (at - startedAt > MAX_RUN_MS) return 'the run lasts implausibly long';
  return null;
}

/** Why an action's actor does not fit a solo run (no host; the authority only joins and ticks; one human), or null. */
function seatProblem(action: Action, human: string | null): string | null {
  const actor = action.actor;
  if (actor.role === 'host') return 'a solo game has no host';
  if (actor.role === 'system' && action.type !== 'join' && action.type !== 'tick')
    return 'only joins and ticks come from the authority';
  if (action.type !== 'join') return null;
  if (action.bot) return human ? null : 'bots join after the player';
  return human ? 'a second human player' : null;
}

/** Why a move by someone other than the human is not exactly one of its bot's moves (botMoves), or null. */
function botProblem(state: GameState, action: Action, human: string | null): string | null {
  const actor = action.actor;
  if (actor.role !== 'player' || actor.playerId === human) return null;
  const p = playerOf(state, actor.playerId);
  if (!p || p.bot === null) return `acted by ${actor.playerId}, who is not this run's player`;
  const wanted = botMoves(state, actor.playerId).map(canonical);
  return wanted.includes(canonical(action)) ? null : 'a bot move botMoves would not produce';
}

/**
 * Whether a submitted solo log is the log of a run this server played (the one it stored under that game id), action
 * for action, times included: null if it is, else the reason. A log that replays cleanly is not enough: its times
 * must be the ones the server itself stamped (issue 13), or a script could claim answers it never sent in time.
 */
export function sameAsPlayed(submitted: readonly Action[], played: readonly Action[]): string | null {
  for (let i = 0; i < Math.max(submitted.length, played.length); i++) {
    const mine = submitted[i];
    const theirs = played[i];
    if (!mine) return `the log stops at action ${i}; the run the server played has ${played.length}`;
    if (!theirs) return `action ${i} (${mine.type}) was never played on this server`;
    if (canonical(mine) !== canonical(theirs)) {
      const what =
        mine.type === theirs.type && mine.at !== theirs.at
          ? `its time (${mine.at}) is not the server's (${theirs.at})`
          : 'it is not what the server played';
      return `action ${i} (${mine.type}) differs from the run the server played: ${what}`;
    }
  }
  return null;
}
