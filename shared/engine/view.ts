// What one client may see: no seed or PRNG state, no correct answer while a question is open, no other
// player's answer, and for a player only its own host in team and solo races. A player's view is made of two parts,
// each one rule: the part every member of its room (classroom) or team shares (sharedView: the leaderboard's visible
// top, no one's answer), and its own (personalView: its row, standing and answer). The authority caches the shared
// part per version and adds the personal part per player (server/rooms/room.ts), so it never shapes a view itself.
import { allAnswers, answerOf } from './quiz/answers.js';
import { questionById } from './quiz/quiz.js';
import { cardIndex } from './race/quote.js';
import { hostIdFor } from './race/race.js';
import { leaderboard, rankOf } from './standings.js';
import { ladderOf } from './ladder.js';
import { visibleTopFor } from './board-limit.js';
import { stepsOf } from './steps.js';
import type { Actor, AnswerRecord, GameState, GameView, PublicQuestion, Question, QuestionState } from './types.js';
import { playerOf } from './players.js';

type ViewPlayer = GameView['players'][number];

/** How many of the leaderboard a player's device shows, by the host's leaderboard option and the phase. */
export function visibleTop(state: GameState): number {
  return visibleTopFor(state.config.leaderboard, state.phase === 'podium');
}

export function publicQuestion(q: Question, perm: readonly number[]): PublicQuestion {
  const base: PublicQuestion = { id: q.id, type: q.type, topic: q.topic, prompt: q.prompt, timeLimitS: q.timeLimitS };
  if (q.note !== undefined) base.note = q.note;
  if (q.points === 0 || q.points === 2) base.points = q.points;
  switch (q.type) {
    case 'single':
      return { ...base, options: q.options };
    case 'multi':
      return { ...base, options: q.options, selectCount: q.correct.length };
    case 'ordering':
      return { ...base, items: perm.map((i) => q.items[i]!) };
    case 'matching':
      return { ...base, left: q.left, right: perm.map((i) => q.right[i]!) };
    case 'numeric':
      return q.unit !== undefined ? { ...base, unit: q.unit } : base;
    case 'truefalse':
      return base;
  }
}

/** Answer distribution once closed: per option for single/multi, [true, false] counts, else [right, partly, wrong]. */
export function distribution(q: Question, qs: QuestionState): number[] {
  const answers = allAnswers(qs).map(([, a]) => a);
  if (q.type === 'single' || q.type === 'multi') {
    const counts = q.options.map(() => 0);
    for (const a of answers) {
      if (a.answer.type === 'single') counts[a.answer.choice]!++;
      else if (a.answer.type === 'multi') for (const c of a.answer.choices) counts[c]!++;
    }
    return counts;
  }
  if (q.type === 'truefalse') {
    const yes = answers.filter((a) => a.answer.type === 'truefalse' && a.answer.value).length;
    return [yes, answers.length - yes];
  }
  const right = answers.filter((a) => a.correctness >= 1).length;
  const wrong = answers.filter((a) => a.correctness === 0).length;
  return [right, answers.length - right - wrong, wrong];
}

/** The view of a state as the host sees it, or as a player sees it (its own host's race only in team and solo). */
export function viewFor(state: GameState, viewer: Actor): GameView {
  if (viewer.role === 'host' || viewer.role === 'system') return baseView(state, true, null);
  const shared = baseView(state, false, hostIdFor({ s: state }, viewer.playerId));
  return personalView(shared, state, viewer.playerId, rankOf(state, viewer.playerId));
}

/**
 * What every member of the room (classroom; `teamId` null) or of one team (team mode: its own host in a race)
 * sees alike: the leaderboard's visible top, `me` null, no one's answer, no answer count. One per state version
 * serves them all; `personalView` adds each one's own part.
 */
export function sharedView(state: GameState, teamId: string | null): GameView {
  const mode = state.config.mode;
  return baseView(
    state,
    false,
    mode === 'classroom' ? 'room' : mode === 'team' && teamId !== null ? `team:${teamId}` : null,
  );
}

const rowOf = (p: NonNullable<ReturnType<typeof playerOf>>): ViewPlayer => ({
  id: p.id,
  name: p.name,
  teamId: p.teamId,
  score: p.score,
  streak: p.streak,
  bot: p.bot,
  layer: p.layer,
});

/**
 * A player's own answer record as its device may see it: while the question is open, what it answered and when, not
 * how right it was nor its points (a student with two seats would learn the answer key from one of them). Those
 * come at the reveal (its sealed result, or the record once closed).
 */
export function ownAnswer(q: QuestionState, playerId: string): AnswerRecord | null {
  const rec = answerOf(q, playerId);
  if (!rec) return null;
  return q.closed ? rec : { ...rec, correctness: 0, points: 0, streakBonus: 0 };
}

/**
 * A player's view: a shared view of its room or team (`sharedView`, possibly of an earlier version while only
 * lobby joins are waiting to be broadcast) plus its own row (after the visible top when it is not in it), its
 * standing (`rank`: `rankOf`) and its answer to the question that view shows. O(visible top): no sort, no walk.
 */
export function personalView(shared: GameView, state: GameState, playerId: string, rank: number): GameView {
  const p = playerOf(state, playerId);
  if (!p || p.removed) return shared;
  const q = state.question;
  const mine = q && shared.question && q.questionId === shared.question.question.id ? ownAnswer(q, playerId) : null;
  const players = shared.players.some((r) => r.id === playerId) ? shared.players : [...shared.players, rowOf(p)];
  // Object.assign, not spreads followed by new keys (`me`, `mine`): see standings.ts rankBy.
  return Object.assign({}, shared, {
    players,
    me: { id: p.id, name: p.name, teamId: p.teamId, score: p.score, streak: p.streak, rank },
    question: shared.question ? Object.assign({}, shared.question, { mine }) : null,
  });
}

/** The host's view (`isHost`), or a view every player whose race host is `ownHost` shares (no "me", no answers). */
function baseView(state: GameState, isHost: boolean, ownHost: string | null): GameView {
  const board = leaderboard(state);
  const top = isHost ? board.length : Math.min(board.length, visibleTop(state));
  const players: ViewPlayer[] = [];
  for (let i = 0; i < top; i++) players.push(rowOf(playerOf(state, board[i]!.playerId)!));

  let question: GameView['question'] = null;
  const qs = state.question;
  if (qs) {
    const q = questionById({ s: state }, qs.questionId)!;
    const pub = publicQuestion(q, qs.perm);
    // With the question shown only on the projector, devices get the answer shapes, not the text.
    if (!isHost && !state.config.showQuestionOnDevices && !qs.closed) {
      pub.prompt = '';
      delete pub.note;
      if (pub.options) pub.options = pub.options.map(() => '');
    }
    // Solo, paused: the open question is hidden, every text of it (issue 13, pause-to-read).
    if (!isHost && state.config.mode === 'solo' && state.paused && !qs.closed) {
      pub.prompt = '';
      delete pub.note;
      if (pub.options) pub.options = pub.options.map(() => '');
      delete pub.items;
      delete pub.left;
      delete pub.right;
    }
    question = {
      question: pub,
      solution: qs.closed ? q : null,
      openedAt: qs.openedAt,
      limitMs: qs.limitMs,
      closed: qs.closed,
      // The count of answers is the host's (its tally); a player's device does not get it.
      answeredCount: isHost ? qs.answerCount : 0,
      mine: null,
      distribution: qs.closed ? distribution(q, qs) : null,
    };
  }

  let race: GameView['race'] = null;
  if (state.race) {
    const scenario = state.config.content.scenarios.find((s) => s.id === state.race!.scenarioId)!;
    const hosts = Object.values(state.race.hosts).filter(
      (h) => isHost || state.config.mode === 'classroom' || h.id === ownHost,
    );
    const cards = cardIndex(state);
    race = {
      scenario,
      startedAt: state.race.startedAt,
      endsAt: state.race.endsAt,
      hosts,
      cards: scenario.deck.map((id) => cards[id]!).filter(Boolean),
      events: state.race.events.filter((e) => e.fired),
    };
  }

  return {
    mode: state.config.mode,
    phase: state.phase,
    paused: state.paused,
    step: state.step,
    stepCount: stepsOf(state.config).length,
    version: state.version,
    now: state.now,
    finished: state.finished,
    lobbyLocked: state.lobbyLocked,
    players,
    leaderboard: state.config.leaderboard,
    playerCount: board.length,
    // Players count their own rank from it; the host sees every player.
    ...(isHost ? {} : { ladder: ladderOf(state) }),
    me: null,
    teams: Object.values(state.teams),
    question,
    race,
  };
}
