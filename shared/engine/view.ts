// What one client may see: no seed or PRNG state, no correct answer while a question is open, no other
// player's answer, and for a player only its own host in team and solo races.
import { allAnswers, answerOf } from './quiz/answers.js';
import { questionById } from './quiz/quiz.js';
import { cardIndex } from './race/quote.js';
import { hostIdFor } from './race/race.js';
import { leaderboard } from './standings.js';
import { stepsOf } from './steps.js';
import type { Actor, GameState, GameView, PublicQuestion, Question, QuestionState } from './types.js';
import { playerOf } from './players.js';

/** How many of the leaderboard a player's device shows, by the host's leaderboard option and the phase. */
function visibleTop(state: GameState): number {
  const atEnd = state.phase === 'podium';
  switch (state.config.leaderboard) {
    case 'top3': return 3;
    case 'top5': return 5;
    case 'top10': return 10;
    case 'end': return atEnd ? 10 : 0;
    case 'never': return atEnd ? 3 : 0;
  }
}

export function publicQuestion(q: Question, perm: readonly number[]): PublicQuestion {
  const base: PublicQuestion = { id: q.id, type: q.type, topic: q.topic, prompt: q.prompt, timeLimitS: q.timeLimitS };
  if (q.note !== undefined) base.note = q.note;
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

export function viewFor(state: GameState, viewer: Actor): GameView {
  const isHost = viewer.role === 'host' || viewer.role === 'system';
  const meId = viewer.role === 'player' ? viewer.playerId : null;
  const board = leaderboard(state);
  const meStanding = meId ? board.find((s) => s.playerId === meId) : undefined;
  const top = visibleTop(state);
  const visible = isHost ? board : board.filter((s, i) => i < top || s.playerId === meId);
  const players = visible.map((s) => {
    const p = playerOf(state, s.playerId)!;
    return { id: p.id, name: p.name, teamId: p.teamId, score: p.score, streak: p.streak, bot: p.bot, layer: p.layer };
  });
  const me = meStanding && meId
    ? {
        id: meId,
        name: meStanding.name,
        teamId: meStanding.teamId,
        score: meStanding.score,
        streak: playerOf(state, meId)!.streak,
        rank: meStanding.rank,
      }
    : null;

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
      answeredCount: qs.answerCount,
      mine: meId ? (answerOf(qs, meId) ?? null) : null,
      distribution: qs.closed ? distribution(q, qs) : null,
    };
  }

  let race: GameView['race'] = null;
  if (state.race) {
    const scenario = state.config.content.scenarios.find((s) => s.id === state.race!.scenarioId)!;
    const ownHost = meId ? hostIdFor({ s: state }, meId) : null;
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
    me,
    teams: Object.values(state.teams),
    question,
    race,
  };
}
