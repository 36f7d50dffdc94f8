// Bots act through the same reducer as people: botMoves says what a bot wants to do next and when.
// Their choices come from a PRNG seeded by (game seed, bot, step), so the authority can re-derive them
// when it verifies a solo run.
import { answerOf } from './quiz/answers.js';
import { questionById } from './quiz/quiz.js';
import { legalChoices, quoteOnHost } from './race/quote.js';
import { cardIndex } from './race/quote.js';
import { contextOf, hostIdFor } from './race/race.js';
import { hashSeed, Rng } from './rng.js';
import type { Action, Answer, DeployChoice, GameState, Player, Question, Quote } from './types.js';
import { playerOf } from './players.js';
import { activePlayerIds } from './steps.js';

type Strength = NonNullable<Player['bot']>;

/** GUESS: game-design values for three strengths of bot. */
const STRENGTH: Record<Strength, { accuracy: number; minFrac: number; maxFrac: number; raceDelayMs: number }> = {
  easy: { accuracy: 0.45, minFrac: 0.5, maxFrac: 0.9, raceDelayMs: 6000 },
  medium: { accuracy: 0.7, minFrac: 0.3, maxFrac: 0.7, raceDelayMs: 3000 },
  hard: { accuracy: 0.92, minFrac: 0.15, maxFrac: 0.45, raceDelayMs: 1500 },
};

function botRng(state: GameState, playerId: string, salt: string): Rng {
  return new Rng(hashSeed(`${state.seed}|${playerId}|${state.step}|${salt}`));
}

/** The actions a bot wants to take now or later, each stamped with the time it wants (>= state.now). */
export function botMoves(state: GameState, playerId: string): Action[] {
  const bot = playerOf(state, playerId);
  if (!bot || bot.bot === null || bot.removed || state.finished || state.paused) return [];
  if (bot.joinedAtStep > state.step) return [];
  const s = STRENGTH[bot.bot];
  const actor = { role: 'player' as const, playerId };

  if (state.phase === 'question' && state.question && !state.question.closed && !answerOf(state.question, playerId)) {
    const qs = state.question;
    const q = questionById({ s: state }, qs.questionId)!;
    const rng = botRng(state, playerId, qs.questionId);
    const right = rng.float() < s.accuracy;
    const frac = s.minFrac + (s.maxFrac - s.minFrac) * rng.float();
    const drawnMs = Math.round(frac * qs.limitMs);
    const at = Math.max(state.now, qs.openedAt + drawnMs);
    const answer = botAnswer(q, qs.perm, right, rng);
    // Solo: once the person has answered, nobody waits for the bots. A bot still due answers now, scored at the
    // time it drew (elapsedMs), so its points do not depend on when the person answered.
    if (at > state.now && state.config.mode === 'solo' && everyPersonAnswered(state)) {
      return [{ type: 'answer', actor, at: state.now, questionId: q.id, answer, elapsedMs: drawnMs }];
    }
    return [{ type: 'answer', actor, at, questionId: q.id, answer }];
  }

  if (state.phase === 'race' && state.race) {
    const host = state.race.hosts[hostIdFor({ s: state }, playerId)];
    if (!host) return [];
    const cards = cardIndex(state);
    const open = host.cards
      .filter((c) => !c.deploymentId && (c.claimedBy === null || c.claimedBy === playerId))
      .sort((a, b) => a.arrivesAt - b.arrivesAt);
    for (const slot of open) {
      const card = cards[slot.cardId];
      if (!card) continue;
      const ctx = contextOf({ s: state }, host);
      const quotes = legalChoices(card, host.spec)
        .map((choice) => quoteOnHost(ctx, card, choice))
        .filter((q) => q.fits);
      if (quotes.length === 0) continue;
      const rng = botRng(state, playerId, slot.cardId);
      const pick = chooseQuote(bot.bot, quotes, rng);
      const at = Math.max(state.now, slot.arrivesAt + s.raceDelayMs);
      if (at >= state.race.endsAt) return [];
      return [{ type: 'deploy', actor, at, cardId: slot.cardId, choice: pick }];
    }
  }
  return [];
}

/** Whether every person (not a bot) who takes part in the open question has answered it; false with none. */
function everyPersonAnswered(state: GameState): boolean {
  const qs = state.question!;
  let people = 0;
  for (const id of activePlayerIds(state)) {
    if (playerOf(state, id)?.bot !== null) continue;
    people++;
    if (!answerOf(qs, id)) return false;
  }
  return people > 0;
}

function chooseQuote(strength: Strength, quotes: Quote[], rng: Rng): DeployChoice {
  if (strength === 'easy') return rng.pick(quotes).choice;
  const key = strength === 'medium' ? (q: Quote) => q.efficiency : (q: Quote) => q.points;
  return quotes.reduce((best, q) => (key(q) > key(best) ? q : best)).choice;
}

function botAnswer(q: Question, perm: readonly number[], right: boolean, rng: Rng): Answer {
  const inverse = (target: number) => perm.indexOf(target);
  switch (q.type) {
    case 'single':
      return { type: 'single', choice: right ? q.correct : rng.int(q.options.length) };
    case 'multi':
      return { type: 'multi', choices: right ? [...q.correct] : [rng.int(q.options.length)] };
    case 'truefalse':
      return { type: 'truefalse', value: right ? q.correct : rng.float() < 0.5 };
    case 'ordering':
      return { type: 'ordering', order: right ? q.items.map((_, k) => inverse(k)) : rng.permutation(q.items.length) };
    case 'matching':
      return { type: 'matching', pairs: right ? q.pairs.map((p) => inverse(p)) : rng.permutation(q.right.length) };
    case 'numeric':
      return { type: 'numeric', value: right ? q.correct : q.correct + q.tolerance + 1 + rng.int(10) };
  }
}
