// Each phone reads the game in its own language (issue 12): in a room the teacher made from the Korean warm-up, an
// English phone shows the questions, the explanation and the race in English and a Korean phone in Korean; the
// header's language switch changes the question on the phone at once.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { builtinPack } from '../../shared/content/builtin.js';
import { browserTest, newPage, shot, type Harness } from './support.js';
import { WAIT, answer, changed, createGame, hostControl, joinAs, setLang } from './play-helpers.js';

const HANGUL = /[\uac00-\ud7a3]/;
const EN = builtinPack('warmup-en')!;
const KO = builtinPack('warmup-ko')!;

const promptOf = async (page: Page): Promise<string> =>
  ((await page.locator('play-screen h1.prompt').first().textContent()) ?? '').trim();
/** The question id whose prompt (in `pack`) the phone shows, or undefined. */
const shownId = (pack: typeof EN, prompt: string): string | undefined =>
  pack.questions.find((q) => q.prompt === prompt)?.id;

describe('an English phone in a Korean room', () => {
  browserTest(
    'reads the questions, explanations and race in English, a Korean phone ' +
      'in Korean; a switch changes the phone at once',
    { timeout: 300_000, failShot: 'failed-languages' },
    play,
  );

  async function play(h: Harness, all: Page[]): Promise<void> {
    const { page: host } = await newPage(h, 'projector', 'ko');
    all.push(host);
    const code = await createGame(host, { packTitle: KO.meta.title, questionTimeS: 60 });
    const { page: en } = await newPage(h, 'phone', 'en');
    const { page: ko } = await newPage(h, 'phone', 'ko');
    all.push(en, ko);
    await joinAs(en, code, 'Ada');
    await joinAs(ko, code, '민지');
    for (const name of ['Ada', '민지']) await host.locator('host-view .players li', { hasText: name }).waitFor(WAIT);
    await hostControl(host, /게임 시작|Start game/);

    let current = await changed(host, 'host-view', 'lobby:-1');
    let questions = 0;
    for (let guard = 0; guard < 40 && current.startsWith('question'); guard++) {
      questions++;
      await en.locator('question-answer').waitFor(WAIT);
      await ko.locator('question-answer').waitFor(WAIT);
      const enPrompt = await promptOf(en);
      const koPrompt = await promptOf(ko);
      // The same question, each in its phone's language.
      const id = shownId(EN, enPrompt);
      expect(id, `English prompt: ${enPrompt}`).toBeDefined();
      expect(shownId(KO, koPrompt)).toBe(id);
      expect(await en.locator('question-answer').textContent()).not.toMatch(HANGUL);
      if (questions === 1) {
        await shot(en, 'lang-phone-question-en');
        await shot(ko, 'lang-phone-question-ko');
        await shot(host, 'lang-host-question-ko');
      }
      if (questions === 2) {
        // The English phone switches to Korean mid-question: the question comes back in Korean at once, and back.
        await setLang(en, 'ko');
        await expect.poll(() => promptOf(en), WAIT).toBe(KO.questions.find((q) => q.id === id)!.prompt);
        await shot(en, 'lang-phone-switched-ko');
        await setLang(en, 'en');
        await expect.poll(() => promptOf(en), WAIT).toBe(enPrompt);
      }
      await answer(en);
      await answer(ko);
      // Both answered: the question closes by itself; each phone explains it in its own language.
      current = await changed(host, 'host-view', current);
      expect(current.startsWith('reveal')).toBe(true);
      const why = (page: Page) => page.locator('play-screen .feedback', { hasText: /Why|해설/ }).first();
      await why(en).waitFor(WAIT);
      await why(ko).waitFor(WAIT);
      expect(await why(en).textContent()).toContain(EN.questions.find((q) => q.id === id)!.explanation);
      expect(await why(ko).textContent()).toContain(KO.questions.find((q) => q.id === id)!.explanation);
      if (questions === 1) {
        await shot(en, 'lang-phone-reveal-en');
        await shot(ko, 'lang-phone-reveal-ko');
      }
      await hostControl(host, /다음|Next/);
      current = await changed(host, 'host-view', current);
      // Between rounds the host may show the standings first.
      for (let g = 0; g < 3 && !current.startsWith('question') && !current.startsWith('race'); g++) {
        await hostControl(host, /다음|Next/);
        current = await changed(host, 'host-view', current);
      }
    }
    expect(questions).toBe(EN.rounds[0]!.kind === 'quiz' ? EN.rounds[0]!.questionIds.length : 0);

    // The race: the scenario and the cards in each phone's language.
    expect(current.startsWith('race')).toBe(true);
    const scenario = EN.rounds[1]!.kind === 'race' ? EN.rounds[1]!.scenarioId : '';
    await en.locator('play-screen race-cards').waitFor(WAIT);
    await ko.locator('play-screen race-cards').waitFor(WAIT);
    expect(await promptOf(en)).toContain(EN.scenarios.find((s) => s.id === scenario)!.title);
    expect(await promptOf(ko)).toContain(KO.scenarios.find((s) => s.id === scenario)!.title);
    expect(await en.locator('play-screen race-cards').textContent()).not.toMatch(HANGUL);
    await shot(en, 'lang-phone-race-en');
    await shot(ko, 'lang-phone-race-ko');
  }
});
