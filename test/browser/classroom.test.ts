// A host and three players play a classroom game to the podium in real Chromium against the real server:
// every question type, one race with a deployment and a kernel CVE, a player reload mid-game, the report and its CSV.
import { describe, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { browserTestPack } from './fixtures.js';
import { browserTest, expectAccessible, newPage, shot, type Harness } from './support.js';
import { WAIT, answer, changed, deployCard, key, openHostForm, scoreOf, setLang, shots } from './play-helpers.js';

describe('a classroom game in the browser', () => {
  browserTest(
    'plays to the podium with every question type and a race, survives a reload, and downloads the report CSV',
    { timeout: 300_000, failShot: 'failed' },
    play,
  );

  async function play(h: Harness, all: Page[]): Promise<void> {
    const { page: host } = await newPage(h, 'projector', 'en');
    all.push(host);
    await host.goto('/');
    await openHostForm(host);
    await expectAccessible(host, 'landing');
    await shot(host, 'landing-en');

    // Import the test pack through the landing page's form.
    await host.locator('#packfile').setInputFiles({
      name: 'browser-test.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(browserTestPack())),
    });
    await host.locator('landing-view form.row button[type=submit]').click();
    await host.locator('create-form label.pack', { hasText: 'Browser test pack' }).click(WAIT);
    await host.locator('create-form input#qt').fill('30');
    await host.locator('create-form button.submit').click();
    await host.waitForURL(/\/host\/\d{6}$/, WAIT);
    const code = (await host.locator('[data-testid="room-code"]').textContent())?.trim() ?? '';
    expect(code).toMatch(/^\d{6}$/);

    // Three players join from the join link, one of them in Korean.
    const players: Array<{ page: Page; name: string }> = [];
    for (const [name, lang] of [
      ['Ada', 'en'],
      ['민지', 'ko'],
      ['Linus', 'en'],
    ] as const) {
      const { page } = await newPage(h, 'phone', lang);
      all.push(page);
      await page.goto(`/join/${code}`);
      await page.locator('#nick').fill(name);
      await page.locator('player-view button.go').click();
      await page.waitForURL(new RegExp(`/play/${code}$`), WAIT);
      await page.locator('play-screen [data-phase="lobby"]').waitFor(WAIT);
      players.push({ page, name });
    }
    for (const p of players) await host.locator('host-view .players li', { hasText: p.name }).waitFor(WAIT);
    await expectAccessible(host, 'host lobby');
    await shots(host, 'host-lobby');
    await expectAccessible(players[0]!.page, 'player lobby');

    await host.locator('host-view .controls button', { hasText: 'Start game' }).click();

    let questions = 0;
    let reloaded = false;
    let raced = false;
    let current = await changed(host, 'host-view', 'lobby:-1');
    for (let guard = 0; guard < 40 && !current.startsWith('podium'); guard++) {
      if (current.startsWith('question')) {
        questions++;
        if (questions === 1) {
          await players[0]!.page.locator('question-answer').waitFor(WAIT);
          await expectAccessible(host, 'host question');
          await shot(host, 'host-question-en');
          await expectAccessible(players[0]!.page, 'player question');
          await shot(players[0]!.page, 'player-question-en');
          await shot(players[1]!.page, 'player-question-ko');
          await setLang(host, 'ko');
          await shot(host, 'host-question-ko');
          await setLang(host, 'en');
        }
        for (const p of players) await answer(p.page);
        if (questions === 2) {
          // A phone reloads mid-game: it lands back in the game with the same score.
          const before = await scoreOf(players[1]!.page);
          await players[1]!.page.reload();
          await players[1]!.page.locator('play-screen [data-phase]').waitFor(WAIT);
          expect(await scoreOf(players[1]!.page)).toBe(before);
          await players[1]!.page.locator('[data-testid="answered"], play-screen .feedback').first().waitFor(WAIT);
          reloaded = true;
        }
        await host
          .locator(`[data-testid="answered"]:has-text("3 of 3"), [data-key]:not([data-key="${current}"])`)
          .first()
          .waitFor(WAIT);
        if ((await key(host, 'host-view')) === current)
          await host
            .locator('host-view .controls button', { hasText: 'End question now' })
            .click()
            .catch(() => undefined);
      } else if (current.startsWith('race')) {
        if (current.startsWith('race:')) {
          raced = true;
          const [p1, p2] = [players[0]!.page, players[1]!.page];
          // The first player deploys the picker's own proposal in one tap.
          await deployCard(p1, {
            before: async () => {
              await p1.locator('deploy-picker [data-testid="quote-brief"]').waitFor(WAIT);
              await expectAccessible(p1, 'player race picker');
              await shot(p1, 'player-race-picker-en');
            },
          });
          // The second player deploys a container (on the shared kernel) so the CVE has something to hit.
          await deployCard(p2, {
            placement: 'on-prem',
            kind: ['container', 'sandboxed-container', 'microvm', 'vm-full'],
          });
          await p2.locator('race-cards li.done').nth(1).waitFor(WAIT);
          await shot(p2, 'player-race-ko');
          await host.locator('host-picture .w').nth(1).waitFor(WAIT);
          await host.locator('host-picture .strike').first().waitFor({ timeout: 30_000 });
          await expectAccessible(host, 'host race');
          await shots(host, 'host-race');
          await host.locator('host-view .controls button', { hasText: 'End race now' }).click();
        } else {
          await host.locator('host-view .controls button', { hasText: 'Next' }).click();
        }
      } else {
        if (current.startsWith('reveal') && questions === 1) {
          await players[0]!.page.locator('play-screen .feedback').waitFor(WAIT);
          await shot(host, 'host-reveal-en');
          await shot(players[0]!.page, 'player-feedback-en');
          await shot(players[1]!.page, 'player-feedback-ko');
          await setLang(host, 'ko');
          await shot(host, 'host-reveal-ko');
          await setLang(host, 'en');
        }
        if (current.startsWith('leaderboard')) await shots(host, 'host-leaderboard');
        await host.locator('host-view .controls button', { hasText: 'Next' }).click();
      }
      current = await changed(host, 'host-view', current);
    }
    expect(current.startsWith('podium')).toBe(true);
    expect(questions).toBe(6);
    expect(reloaded && raced).toBe(true);

    await host.locator('host-view a.report').waitFor(WAIT);
    await expectAccessible(host, 'host podium');
    await shots(host, 'host-podium');
    for (const p of players) await p.page.locator('play-screen [data-phase="podium"]').waitFor(WAIT);
    await expectAccessible(players[0]!.page, 'player podium');
    await shot(players[0]!.page, 'player-podium-en');
    await shot(players[1]!.page, 'player-podium-ko');

    // The report: topics chart, players table, CSV download.
    await host.locator('host-view a.report').click();
    await host.waitForURL(/\/report\//, WAIT);
    await host.locator('report-view table').first().waitFor(WAIT);
    for (const p of players) await host.locator('report-view td', { hasText: p.name }).first().waitFor(WAIT);
    await expectAccessible(host, 'report');
    await shot(host, 'report-en', true);
    await setLang(host, 'ko');
    await shot(host, 'report-ko', true);
    const [download] = await Promise.all([
      host.waitForEvent('download', WAIT),
      host.locator('report-view [data-testid="report-csv"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const csv = readFileSync(await download.path(), 'utf8');
    for (const p of players) expect(csv).toContain(p.name);
    // The replay: the engine re-runs the stored log (GET /api/games/:id/replay) step by step.
    await host.locator('report-view game-replay').waitFor(WAIT);
    const status = host.locator('report-view game-replay .nav [role="status"]');
    const before = await status.textContent();
    await host.locator('report-view game-replay .nav button').nth(2).click();
    await host
      .locator('report-view game-replay .nav [role="status"]')
      .filter({ hasNotText: before ?? '' })
      .waitFor(WAIT);
    await host.locator('report-view game-replay .nav button').nth(3).click();
    await host.locator('report-view game-replay leader-board li', { hasText: 'Ada' }).waitFor(WAIT);
    await expectAccessible(host, 'report with replay');
    // The races' cloud bills come with the report when the server stores them.
    if (await host.locator('report-view [data-testid="bills-csv"]').count()) {
      await host.locator('report-view cloud-bill').first().waitFor(WAIT);
      await expectAccessible(host, 'report with cloud bills');
      const [bills] = await Promise.all([
        host.waitForEvent('download', WAIT),
        host.locator('report-view [data-testid="bills-csv"]').click(),
      ]);
      expect(bills.suggestedFilename()).toMatch(/bills\.csv$/);
      expect(readFileSync(await bills.path(), 'utf8')).toContain('points');
    }
  }
});
