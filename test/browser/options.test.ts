// A teacher's options take effect in a played game (issue 8): accuracy mode (no speed points), no streak bonus,
// races off, leaderboard "never", extended time granted discreetly, add time / pause / resume / end now,
// a connection drop with the banner and an automatic rejoin, and a late joiner who starts at the next question
// with the class's lowest score.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { optionsPack } from './fixtures.js';
import { browserTest, expectAccessible, newPage, type Harness } from './support.js';
import { WAIT, changed, createGame, hostControl, importPack, joinAs, key, scoreNumber, shots } from './play-helpers.js';

describe('host options in the browser', () => {
  browserTest(
    'applies accuracy mode, races off, leaderboard never, extended time, late join and survives going offline',
    { timeout: 180_000, failShot: 'failed-options' },
    play,
  );

  /** Answers a true/false question on a phone: index 0 is True, 1 is False. */
  async function answerTf(page: Page, value: boolean): Promise<void> {
    await page
      .locator('answer-choices button.ans')
      .nth(value ? 0 : 1)
      .click(WAIT);
    await page.locator('[data-testid="answered"], play-screen .feedback').first().waitFor(WAIT);
  }

  async function play(h: Harness, all: Page[]): Promise<void> {
    const { pack, answers } = optionsPack('browser-options-en', 'Options test pack');
    await importPack(h.url, pack);
    const { page: host } = await newPage(h, 'projector', 'en');
    all.push(host);
    const code = await createGame(
      host,
      {
        packTitle: 'Options test pack',
        questionTimeS: 60,
        checks: { speedPoints: false, streakBonus: false, races: false, lateJoin: true },
        selects: { leaderboard: 'never', lateJoinScore: 'lowest' },
      },
      async () => {
        await expectAccessible(host, 'create form with options');
        await shots(host, 'landing-form', true);
      },
    );
    expect(code).toMatch(/^\d{6}$/);

    const { page: ada } = await newPage(h, 'phone', 'en');
    const { page: minji } = await newPage(h, 'phone', 'ko');
    all.push(ada, minji);
    await joinAs(ada, code, 'Ada');
    await joinAs(minji, code, '민지');
    for (const name of ['Ada', '민지']) await host.locator('host-view .players li', { hasText: name }).waitFor(WAIT);

    // Extended time for Ada, from the folded host tools; the projector shows nothing of it once folded.
    const tools = host.locator('host-view section.tools');
    await tools.locator('button.toggle').click();
    await tools.locator('select[aria-label="Extended time for Ada"]').selectOption('2');
    await expectAccessible(host, 'host tools');
    await shots(host, 'host-tools');
    await tools.locator('button.toggle').click();
    await tools
      .locator('select')
      .first()
      .waitFor({ state: 'detached', ...WAIT });

    await hostControl(host, 'Start game');
    let current = await changed(host, 'host-view', 'lobby:-1');
    expect(current.startsWith('question')).toBe(true);

    // Only Ada's phone says she has extended time.
    await ada.locator('[data-testid="extended"]').waitFor(WAIT);
    expect(await minji.locator('[data-testid="extended"]').count()).toBe(0);
    await expectAccessible(ada, 'player question with extended time');
    await shots(ada, 'player-extended');

    // Host controls during a question: +10 s, pause, resume.
    await hostControl(host, '+10 s');
    await hostControl(host, 'Pause');
    await host.locator('host-view .paused').waitFor(WAIT);
    await hostControl(host, 'Resume');
    await host.locator('host-view .controls button', { hasText: 'Pause' }).waitFor(WAIT);

    // Both answer right, Minji after the countdown has visibly moved on: in accuracy mode they score the same.
    await answerTf(ada, answers[0]!);
    const first = ((await minji.locator('play-screen count-down .num').textContent()) ?? '').trim();
    await minji
      .locator('play-screen count-down .num')
      .filter({ hasNotText: new RegExp(`^${first}$`) })
      .waitFor(WAIT);
    await answerTf(minji, answers[0]!);
    current = await changed(host, 'host-view', current);
    expect(current.startsWith('reveal')).toBe(true);
    await ada.locator('play-screen .feedback.right').waitFor(WAIT);
    await minji.locator('play-screen .feedback.right').waitFor(WAIT);
    const [adaScore, minjiScore] = [await scoreNumber(ada), await scoreNumber(minji)];
    expect(adaScore).toBeGreaterThan(0);
    expect(minjiScore).toBe(adaScore);

    // Ada's phone loses the network: the banner says so, and back online it rejoins by itself, score intact.
    await ada.context().setOffline(true);
    await ada.locator('[data-testid="reconnecting"]').waitFor(WAIT);
    await expectAccessible(ada, 'offline banner');
    await shots(ada, 'player-offline');
    await ada.context().setOffline(false);
    await ada.locator('[data-testid="reconnecting"]').waitFor({ state: 'detached', ...WAIT });
    expect(await scoreNumber(ada)).toBe(adaScore);

    // Between rounds the projector shows no leaderboard; each phone shows its own rank.
    await hostControl(host, 'Next');
    current = await changed(host, 'host-view', current);
    const seen: string[] = [current];
    if (current.startsWith('leaderboard')) {
      await host.locator('[data-testid="board-hidden"]').waitFor(WAIT);
      expect(await host.locator('host-view leader-board').count()).toBe(0);
      await ada.locator('play-screen .big', { hasText: 'You are #1 of 2' }).waitFor(WAIT);
      await expectAccessible(host, 'host leaderboard never');
      await shots(host, 'host-board-never');
      await hostControl(host, 'Next');
      current = await changed(host, 'host-view', current);
      seen.push(current);
    }
    // Races are off: the next step is the second question.
    expect(current.startsWith('question')).toBe(true);

    // A latecomer joins from a fresh page while question 2 is open: told to wait, starts with the lowest score.
    const { page: linus } = await newPage(h, 'phone', 'en');
    all.push(linus);
    await joinAs(linus, code, 'Linus');
    await linus.locator('[data-testid="late"]').waitFor(WAIT);
    expect(await scoreNumber(linus)).toBe(Math.min(adaScore, minjiScore));
    await expectAccessible(linus, 'late joiner');
    await shots(linus, 'player-late');
    await answerTf(ada, answers[1]!);
    await answerTf(minji, !answers[1]!);
    current = await changed(host, 'host-view', current);
    seen.push(current);
    while (!current.startsWith('question')) {
      await hostControl(host, 'Next');
      current = await changed(host, 'host-view', current);
      seen.push(current);
    }

    // Question 3: the latecomer plays it; Minji does not answer and the host ends the question now.
    await answerTf(linus, answers[2]!);
    await answerTf(ada, answers[2]!);
    await hostControl(host, 'End question now');
    current = await changed(host, 'host-view', current);
    await minji.locator('play-screen .feedback.wrong').waitFor(WAIT);
    await linus.locator('play-screen .feedback.right').waitFor(WAIT);
    while (!current.startsWith('podium')) {
      await hostControl(host, 'Next');
      current = await changed(host, 'host-view', current);
      seen.push(current);
    }
    expect(seen.some((k) => k.startsWith('race'))).toBe(false);
    // Leaderboard "never": the podium, but no full ranking on the projector.
    await host.locator('host-view podium-stand').waitFor(WAIT);
    expect(await host.locator('host-view leader-board').count()).toBe(0);
    expect(await key(host, 'host-view')).toMatch(/^podium/);
  }
});
