// A view localized into the other language is exactly the view the other language's pack would have given for the
// same game: same answer keys, same option order, same presented order of shuffled items, only the texts differ.
import { describe, expect, it } from 'vitest';
import { createGame, next, viewFor } from '../engine/index.js';
import { autoplay } from '../engine/testing/autoplay.js';
import type { Actor, GameState, GameView, Lang } from '../engine/types.js';
import { BUILTIN_KINDS, builtinPack } from './builtin.js';
import { configFromPack } from './config.js';
import { localizeView, packLanguages } from './translations.js';

const HANGUL = /[\uac00-\ud7a3]/;

function contentOf(packId: string) {
  const pack = builtinPack(packId)!;
  return { questions: pack.questions, cards: pack.cards, scenarios: pack.scenarios };
}

/** Every state of a bot game played on `packId`, in order. */
function statesOf(packId: string, mode: 'classroom' | 'team', showQuestionOnDevices = true): GameState[] {
  const config = configFromPack(builtinPack(packId)!, { mode, showQuestionOnDevices });
  const { log } = autoplay(config, `seed-${packId}`, ['hard', 'medium', 'easy']);
  const states: GameState[] = [];
  let state = createGame(config, `seed-${packId}`);
  for (const action of log) {
    state = next(state, action).state;
    states.push(state);
  }
  return states;
}

/** The view the other language's pack gives for the same game (same seed, same actions, same shuffles). */
function twinView(state: GameState, twinId: string, viewer: Actor): GameView {
  return viewFor({ ...state, config: { ...state.config, content: contentOf(twinId) } }, viewer);
}

describe('localizeView', () => {
  for (const kind of BUILTIN_KINDS.filter((k) => k !== 'daily')) {
    for (const [from, to] of [
      ['ko', 'en'],
      ['en', 'ko'],
    ] as Array<[Lang, Lang]>) {
      it(`${kind}-${from} shown in ${to} equals the ${kind}-${to} view of the same game, at every step`, () => {
        const langs = packLanguages(`${kind}-${from}`);
        expect(langs?.base).toBe(from);
        const texts = langs!.others.get(to)!;
        expect(texts.lang).toBe(to);
        const viewers: Actor[] = [{ role: 'player', playerId: 'b0' }, { role: 'host' }];
        let questions = 0;
        let races = 0;
        for (const state of statesOf(`${kind}-${from}`, kind === 'team' ? 'team' : 'classroom')) {
          if (!state.question && !state.race) continue;
          if (state.question) questions++;
          if (state.race) races++;
          for (const viewer of viewers) {
            const localized = localizeView(viewFor(state, viewer), texts, state.question?.perm ?? []);
            expect(localized).toEqual(twinView(state, `${kind}-${to}`, viewer));
          }
        }
        expect(questions).toBeGreaterThan(0);
        expect(races).toBeGreaterThan(0);
      });
    }
  }

  it('keeps a question hidden on devices hidden, in the other language once it closes', () => {
    const texts = packLanguages('warmup-ko')!.others.get('en')!;
    let hidden = 0;
    let closed = 0;
    for (const state of statesOf('warmup-ko', 'classroom', false)) {
      if (!state.question) continue;
      const viewer: Actor = { role: 'player', playerId: 'b0' };
      const localized = localizeView(viewFor(state, viewer), texts, state.question.perm);
      expect(localized).toEqual(twinView(state, 'warmup-en', viewer));
      const q = localized.question!;
      if (!q.closed) {
        hidden++;
        expect(q.question.prompt).toBe('');
        expect((q.question.options ?? []).every((o) => o === '')).toBe(true);
      } else {
        closed++;
        expect(q.solution!.explanation).not.toMatch(HANGUL);
      }
    }
    expect(hidden).toBeGreaterThan(0);
    expect(closed).toBeGreaterThan(0);
  });

  it('changes only texts: a Korean view shown in English has no Hangul in the question or race', () => {
    const texts = packLanguages('course-ko')!.others.get('en')!;
    const states = statesOf('course-ko', 'classroom');
    const withQuestion = states.find((s) => s.question && !s.question.closed)!;
    const withRace = states.find((s) => s.race)!;
    const view = localizeView(viewFor(withQuestion, { role: 'host' }), texts, withQuestion.question!.perm);
    expect(JSON.stringify(view.question)).not.toMatch(HANGUL);
    expect(JSON.stringify(viewFor(withQuestion, { role: 'host' }).question)).toMatch(HANGUL);
    const race = localizeView(viewFor(withRace, { role: 'host' }), texts, []);
    expect(JSON.stringify(race.race)).not.toMatch(HANGUL);
    // A view with nothing to translate is the same object.
    const lobby = viewFor(states[0]!, { role: 'host' });
    if (!lobby.question && !lobby.race) expect(localizeView(lobby, texts, [])).toBe(lobby);
  });

  it('knows the languages of built-in packs only', () => {
    for (const kind of BUILTIN_KINDS) {
      expect(packLanguages(`${kind}-ko`)?.others.has('en')).toBe(true);
      expect(packLanguages(`${kind}-en`)?.others.has('ko')).toBe(true);
      expect(packLanguages(`${kind}-en`)?.others.has('en')).toBe(false);
    }
    expect(packLanguages('imp-abcdefabcdef')).toBeNull();
    expect(packLanguages('course')).toBeNull();
  });
});
