// The reducer: next(state, action) -> { state, events }. Pure and deterministic: the same seed and action
// log give the same state bit for bit. Guards run in a fixed order (game over, malformed, time, actor,
// phase) and a rejected action returns the unchanged state with one error event that says why.
import { Draft, Rejection, reject } from './draft.js';
import { hashSeed } from './rng.js';
import { EMPTY_TABLE, withIn } from './table.js';
import { answerOf } from './quiz/answers.js';
import { answerQuestion, closeQuestion, openQuestion, questionTimeUp } from './quiz/quiz.js';
import { claimCard, deployCard, endRace, fireDueEvents, startRace } from './race/race.js';
import { activePlayerIds, currentStep, stepsOf } from './steps.js';
import type { Action, GameConfig, GameEvent, GameState, Player, StepResult } from './types.js';
import { playerOf } from './players.js';
import { balancedTeam, joinRefusal } from './seating.js';
import { nicknameKeys, nicknameShape } from '../protocol/nickname.js';

export function createGame(config: GameConfig, seed: string): GameState {
  const teams: GameState['teams'] = {};
  const teamSizes: GameState['teamSizes'] = {};
  if (config.mode === 'team')
    for (let i = 1; i <= Math.max(2, config.teamCount); i++) {
      teams[`t${i}`] = { id: `t${i}`, name: `Team ${i}` };
      teamSizes[`t${i}`] = 0;
    }
  return {
    config,
    seed,
    rng: hashSeed(seed),
    version: 0,
    phase: 'lobby',
    paused: false,
    pausedAt: null,
    step: -1,
    players: EMPTY_TABLE,
    playerOrder: [],
    nameIndex: EMPTY_TABLE,
    teams,
    teamSizes,
    question: null,
    race: null,
    lobbyLocked: false,
    finished: false,
    now: 0,
  };
}

const HOST_ACTIONS = new Set<Action['type']>([
  'remove-player',
  'move-player',
  'set-time-factor',
  'lock-lobby',
  'start',
  'next',
  'skip',
  'pause',
  'resume',
  'add-time',
  'end',
]);
const PLAYER_ACTIONS = new Set<Action['type']>(['answer', 'claim', 'release', 'deploy', 'take-layer']);

export function next(state: GameState, action: Action): StepResult {
  const actor = (action as { actor?: Action['actor'] } | null)?.actor ?? { role: 'system' as const };
  try {
    const d = new Draft(state, actor);
    apply(d, action);
    // Every change of phase, whatever caused it (a timer, the last answer, a bot, the host), is announced: the
    // room broadcasts on this event, so a race that times out reaches every screen as a host's "next" does.
    if (d.s.phase !== state.phase && !d.events.some((e) => e.type === 'phase'))
      d.emit({ type: 'phase', phase: d.s.phase, step: d.s.step });
    d.s.version = state.version + 1;
    d.s.now = Math.max(state.now, action.at);
    return { state: d.finish(), events: d.events };
  } catch (err) {
    const code = err instanceof Rejection ? err.code : 'engine/bug';
    const message = err instanceof Error ? err.message : String(err);
    const event: GameEvent = { type: 'error', code, message, actor };
    return { state, events: [event] };
  }
}

/** Replays an action log from the seed. Rejected actions stay rejected, exactly as they were live. */
export function replay(
  config: GameConfig,
  seed: string,
  actions: readonly Action[],
): StepResult & { rejected: number } {
  let state = createGame(config, seed);
  const events: GameEvent[] = [];
  let rejected = 0;
  for (const action of actions) {
    const result = next(state, action);
    if (result.state === state) rejected++;
    state = result.state;
    for (const e of result.events) events.push(e);
  }
  return { state, events, rejected };
}

function isHostActor(d: Draft): boolean {
  if (d.actor.role === 'host') return true;
  // Solo: the one human player is its own host.
  if (d.s.config.mode === 'solo' && d.actor.role === 'player') {
    const p = playerOf(d.s, d.actor.playerId);
    return p !== undefined && p.bot === null && !p.removed;
  }
  return false;
}

function apply(d: Draft, action: Action): void {
  if (typeof action !== 'object' || action === null || typeof action.type !== 'string')
    reject('action/malformed', 'An action must be an object with a type.');
  if (!Number.isFinite(action.at)) reject('action/malformed', 'An action needs a finite time stamp `at`.');
  if (d.s.finished) reject('action/game-over', 'The game is over.');
  if (action.at < d.s.now) reject('action/time-backwards', `Time stamp ${action.at} is before ${d.s.now}.`);

  // Actor checks: who may send what.
  const actor = d.actor;
  // A player may pick its own team in the lobby; every other team move is the host's.
  const selfTeamPick =
    action.type === 'move-player' &&
    actor.role === 'player' &&
    actor.playerId === action.playerId &&
    d.s.phase === 'lobby';
  if (HOST_ACTIONS.has(action.type) && !isHostActor(d) && !selfTeamPick)
    reject('action/forbidden', `Only the host may ${action.type}.`);
  if (PLAYER_ACTIONS.has(action.type)) {
    if (actor.role !== 'player') reject('action/forbidden', `Only a player may ${action.type}.`);
    const p = playerOf(d.s, actor.playerId);
    if (!p) reject('player/unknown', 'Unknown player.');
    if (p.removed) reject('player/removed', 'You were removed from this game.');
  }
  if (action.type === 'tick' && actor.role !== 'system') reject('action/forbidden', 'Only the authority sends ticks.');
  if (action.type === 'join' && actor.role === 'player') reject('action/forbidden', 'Joins come from the authority.');

  // Time passes first: race events due by now fire before the action is applied.
  if (!d.s.paused) fireDueEvents(d, action.at);
  if (d.s.paused && (PLAYER_ACTIONS.has(action.type) || ['next', 'skip'].includes(action.type)))
    reject('action/paused', 'The game is paused.');

  switch (action.type) {
    case 'join':
      return join(d, action);
    case 'remove-player': {
      const p = d.player(action.playerId);
      if (!p || p.removed) reject('player/unknown', 'No such player.');
      d.updatePlayer(action.playerId, { removed: true });
      countMember(d, p.teamId, -1);
      if (d.s.race)
        for (const host of Object.values(d.race().hosts))
          for (const slot of host.cards)
            if (slot.claimedBy === action.playerId && !slot.deploymentId) slot.claimedBy = null;
      d.emit({ type: 'player-removed', playerId: action.playerId });
      maybeCloseWhenAllAnswered(d);
      return;
    }
    case 'move-player': {
      const p = d.player(action.playerId);
      if (!p || p.removed) reject('player/unknown', 'No such player.');
      if (!Object.hasOwn(d.s.teams, action.teamId)) reject('team/unknown', `No team '${action.teamId}'.`);
      if (d.s.phase === 'race') reject('action/wrong-phase', 'Players cannot change teams during a race.');
      countMember(d, p.teamId, -1);
      countMember(d, action.teamId, 1);
      d.updatePlayer(action.playerId, { teamId: action.teamId });
      return;
    }
    case 'set-time-factor': {
      if (!d.player(action.playerId)) reject('player/unknown', 'No such player.');
      if (![1, 1.5, 2].includes(action.factor)) reject('action/malformed', 'Extended time is 1, 1.5 or 2.');
      d.updatePlayer(action.playerId, { timeFactor: action.factor });
      return;
    }
    case 'lock-lobby':
      d.s.lobbyLocked = action.locked;
      return;
    case 'start':
      if (d.s.phase !== 'lobby') reject('action/wrong-phase', 'The game has already started.');
      if (activePlayerIds({ ...d.s, step: 0 }).length === 0) reject('action/wrong-phase', 'Nobody has joined yet.');
      return goToStep(d, 0, action.at);
    case 'next':
      return advance(d, action.at);
    case 'skip':
      return skip(d, action.at);
    case 'pause':
      if (d.s.paused) reject('action/paused', 'Already paused.');
      d.s.paused = true;
      d.s.pausedAt = action.at;
      if (d.s.question && !d.s.question.closed) d.question().pausedAt = action.at;
      d.emit({ type: 'paused', paused: true });
      return;
    case 'resume': {
      if (!d.s.paused) reject('action/wrong-phase', 'The game is not paused.');
      d.s.paused = false;
      const pausedAt = d.s.pausedAt ?? action.at;
      d.s.pausedAt = null;
      const q = d.s.question;
      if (q && !q.closed && q.pausedAt !== null) {
        const qs = d.question();
        qs.openedAt += action.at - q.pausedAt; // the paused time does not count against anyone's deadline
        // Solo: the player paused its own question, after it was shown: the pause counts for speed (types.ts).
        if (d.s.config.mode === 'solo') qs.pausedMs = (q.pausedMs ?? 0) + (action.at - q.pausedAt);
        qs.pausedAt = null;
      }
      if (d.s.race && d.s.phase === 'race') {
        const pausedFor = action.at - pausedAt;
        const race = d.race();
        race.endsAt += pausedFor;
        for (const e of race.events) if (!e.fired) e.at += pausedFor;
        for (const h of Object.values(race.hosts))
          for (const c of h.cards) if (c.arrivesAt > pausedAt) c.arrivesAt += pausedFor;
        for (const h of Object.values(race.hosts))
          for (const dep of h.deployments)
            if (dep.downUntil !== undefined && dep.downUntil > pausedAt) dep.downUntil += pausedFor;
      }
      d.emit({ type: 'paused', paused: false });
      return;
    }
    case 'add-time':
      if (d.s.phase === 'question' && d.s.question && !d.s.question.closed) {
        if (!(action.seconds > 0 && action.seconds <= 120)) reject('action/malformed', 'Add 1-120 seconds.');
        d.question().limitMs += action.seconds * 1000;
        return;
      }
      if (d.s.phase === 'race' && d.s.race) {
        d.race().endsAt += action.seconds * 1000;
        return;
      }
      return reject('action/wrong-phase', 'Time can be added to an open question or a race.');
    case 'end':
      if (d.s.question && !d.s.question.closed) closeQuestion(d);
      if (d.s.phase === 'race') endRace(d);
      return finishGame(d);
    case 'answer':
      if (actor.role !== 'player') return;
      return answerQuestion(d, actor.playerId, action.questionId, action.answer, action.at, action.elapsedMs);
    case 'claim':
    case 'release':
      if (actor.role !== 'player') return;
      return claimCard(d, actor.playerId, action.cardId, action.at, action.type === 'claim');
    case 'deploy':
      if (actor.role !== 'player') return;
      return deployCard(d, actor.playerId, action.cardId, action.choice, action.at);
    case 'take-layer':
      if (actor.role !== 'player') return;
      return takeLayer(d, actor.playerId, action.layer);
    case 'tick':
      if (d.s.paused) return;
      if (d.s.phase === 'question' && questionTimeUp(d, action.at)) closeQuestion(d);
      else if (d.s.phase === 'race' && d.s.race && action.at >= d.s.race.endsAt) endRace(d);
      return;
    default:
      reject('action/unknown', `Unknown action type '${(action as { type: string }).type}'.`);
  }
}

function join(d: Draft, action: Extract<Action, { type: 'join' }>): void {
  if (d.player(action.playerId)) reject('player/duplicate', 'That player id is taken.');
  // The project's one nickname shape and comparison (shared/protocol/nickname.ts): the authority checked the name
  // already (and its abuse list), so this leaves it as it is; keys are confusable skeletons, locale-free.
  const shape = nicknameShape(typeof action.name === 'string' ? action.name : '');
  if (!shape.ok) reject(shape.code, shape.message);
  const name = shape.name;
  const keys = nicknameKeys(name);
  const refused = joinRefusal(d.s, name, keys);
  if (refused) reject(refused.code, refused.message);
  const started = d.s.phase !== 'lobby';
  let teamId: string | null = null;
  if (d.s.config.mode === 'team') {
    if (action.teamId !== undefined) {
      if (!Object.hasOwn(d.s.teams, action.teamId)) reject('team/unknown', `No team '${action.teamId}'.`);
      teamId = action.teamId;
    } else teamId = balancedTeam(d.s);
  }
  let score = 0;
  if (started && d.s.config.lateJoinScore === 'lowest') {
    const scores = activePlayerIds(d.s).map((id) => playerOf(d.s, id)!.score);
    score = scores.length > 0 ? Math.min(...scores) : 0;
  }
  const player: Player = {
    id: action.playerId,
    name,
    teamId,
    score,
    streak: 0,
    timeFactor: 1,
    bot: action.bot ?? null,
    removed: false,
    joinedAtStep: started ? d.s.step + 1 : 0,
    layer: null,
  };
  d.updatePlayer(player.id, player);
  d.s.playerOrder = [...d.s.playerOrder, player.id];
  countMember(d, teamId, 1);
  for (const key of keys) d.s.nameIndex = withIn(d.s.nameIndex, key, player.id);
  d.emit({ type: 'player-joined', playerId: player.id, name, teamId });
}

function takeLayer(d: Draft, playerId: string, layer: Player['layer']): void {
  if (d.s.config.mode !== 'team' || !d.s.config.teamRoles) reject('action/wrong-phase', 'This game has no team roles.');
  if (d.s.phase === 'race') reject('action/wrong-phase', 'Layers are chosen between races.');
  const me = d.player(playerId)!;
  if (layer !== null) {
    const holder = d.s.playerOrder
      .map((id) => playerOf(d.s, id)!)
      .find((p) => p.id !== playerId && p.teamId === me.teamId && p.layer === layer && !p.removed);
    if (holder) reject('team/layer-taken', `${holder.name} already owns the ${layer} layer.`);
  }
  d.updatePlayer(playerId, { layer });
}

/** Keeps the team sizes balancing reads (seating.ts): one seated, not removed member more or fewer. O(teams). */
function countMember(d: Draft, teamId: string | null, delta: 1 | -1): void {
  if (teamId === null || !Object.hasOwn(d.s.teams, teamId)) return;
  d.s.teamSizes = { ...d.s.teamSizes, [teamId]: (d.s.teamSizes[teamId] ?? 0) + delta };
}

function maybeCloseWhenAllAnswered(d: Draft): void {
  const q = d.s.question;
  if (d.s.phase !== 'question' || !q || q.closed) return;
  const active = activePlayerIds(d.s);
  if (active.length > 0 && active.every((id) => answerOf(q, id))) closeQuestion(d);
}

function goToStep(d: Draft, index: number, at: number): void {
  const step = stepsOf(d.s.config)[index];
  if (!step) return finishGame(d);
  d.s.step = index;
  d.setQuestion(null);
  d.setRace(null);
  if (step.kind === 'question') openQuestion(d, step.questionId, at);
  else startRace(d, step.scenarioId, at);
  d.emit({ type: 'phase', phase: d.s.phase, step: index });
}

/** The host's "next": closes what is open, or moves on. */
function advance(d: Draft, at: number): void {
  const step = currentStep(d.s);
  switch (d.s.phase) {
    case 'lobby':
      return reject('action/wrong-phase', 'Start the game first.');
    case 'question':
      closeQuestion(d);
      break;
    case 'reveal':
      if (step?.lastInRound) d.s.phase = 'leaderboard';
      else return goToStep(d, d.s.step + 1, at);
      break;
    case 'race':
      endRace(d);
      break;
    case 'race-result':
      d.s.phase = 'leaderboard';
      break;
    case 'leaderboard':
      return goToStep(d, d.s.step + 1, at);
    case 'podium':
      return reject('action/game-over', 'The game is over.');
  }
  d.emit({ type: 'phase', phase: d.s.phase, step: d.s.step });
}

/** Skip the current question or race without scoring it. */
function skip(d: Draft, at: number): void {
  if (d.s.phase === 'question') {
    closeQuestion(d, false);
    return goToStep(d, d.s.step + 1, at);
  }
  if (d.s.phase === 'race') {
    // Undo nothing: points already earned stay (they were shown); the race just ends without its audit.
    return goToStep(d, d.s.step + 1, at);
  }
  reject('action/wrong-phase', 'Only a question or a race can be skipped.');
}

function finishGame(d: Draft): void {
  d.s.phase = 'podium';
  d.s.finished = true;
  d.s.paused = false;
  d.s.pausedAt = null;
  d.emit({ type: 'phase', phase: 'podium', step: d.s.step });
  d.emit({ type: 'game-over' });
}
