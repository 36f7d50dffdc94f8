// A team game with roles in the browser: two teams picked from the phones, layers of the shared responsibility
// model taken in the lobby, a deployment refused because its layer belongs to a teammate (and explained), the
// owner deploying instead, each member's part, the cloud bill and the team leaderboard.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { optionsPack } from './fixtures.js';
import { browserTest, expectAccessible, newPage, shot, type Harness } from './support.js';
import { WAIT, changed, createGame, deployCard, hostControl, importPack, joinAs, shots } from './play-helpers.js';

describe('a team game with roles in the browser', () => {
  browserTest(
    "picks teams and layers, refuses a deployment on a teammate's layer, and ends on the team leaderboard",
    { timeout: 180_000, failShot: 'failed-team' },
    play,
  );

  async function play(h: Harness, all: Page[]): Promise<void> {
    const { pack, answers } = optionsPack('browser-team-en', 'Team test pack', 'team');
    await importPack(h.url, pack);
    const { page: host } = await newPage(h, 'projector', 'en');
    all.push(host);
    const code = await createGame(
      host,
      { packTitle: 'Team test pack', mode: 'team', teamCount: 2, teamRoles: true, questionTimeS: 60 },
      async () => {
        await expectAccessible(host, 'create form, team mode');
        await shot(host, 'landing-form-team-en', true);
      },
    );

    const players: Record<string, Page> = {};
    for (const [name, lang, team] of [
      ['Ada', 'en', 0],
      ['Bo', 'en', 0],
      ['민지', 'ko', 1],
    ] as const) {
      const { page } = await newPage(h, 'phone', lang);
      all.push(page);
      await joinAs(page, code, name);
      // A player moves itself to a team from the lobby.
      const teamButton = page.locator('play-screen .teams button').nth(team);
      const teamName = ((await teamButton.textContent()) ?? '').trim();
      await teamButton.click();
      await page.locator('play-screen .teams button[aria-pressed="true"]', { hasText: teamName }).waitFor(WAIT);
      players[name] = page;
    }
    const ada = players['Ada']!;
    const bo = players['Bo']!;
    const minji = players['민지']!;

    // Layers: Ada takes infrastructure, Bo the application; Bo sees infrastructure taken by Ada.
    await ada.locator('play-screen .layers button[data-layer="infrastructure"]').click();
    await ada.locator('[data-testid="my-layer"]').waitFor(WAIT);
    await bo.locator('play-screen .layers button[data-layer="application"]').click();
    await bo
      .locator('play-screen .layers button[data-layer="infrastructure"]:disabled', { hasText: 'Ada' })
      .waitFor(WAIT);
    await expectAccessible(bo, 'player lobby with teams and layers');
    await shot(bo, 'player-lobby-team-en');
    await minji.locator('play-screen .layers').waitFor(WAIT);
    await shot(minji, 'player-lobby-team-ko');
    await host.locator('host-view .players li .layer').nth(1).waitFor(WAIT);
    await expectAccessible(host, 'host team lobby');
    await shots(host, 'host-lobby-team');

    await hostControl(host, 'Start game');
    let current = await changed(host, 'host-view', 'lobby:-1');
    for (const page of [ada, bo, minji]) {
      await page
        .locator('answer-choices button.ans')
        .nth(answers[0] ? 0 : 1)
        .click(WAIT);
    }
    current = await changed(host, 'host-view', current);
    while (!current.startsWith('race:')) {
      await hostControl(host, 'Next');
      current = await changed(host, 'host-view', current);
    }

    // Bo (application) tries to run a card on-premise: the picker says Ada owns that layer, the server refuses.
    await deployCard(bo, {
      placement: 'on-prem',
      expectDone: false,
      before: async () => {
        await bo.locator('deploy-picker [data-testid="layer-owner"]', { hasText: 'Ada' }).waitFor(WAIT);
        await expectAccessible(bo, 'deploy picker with the layer owner');
        await shot(bo, 'player-picker-layer-en');
      },
    });
    await bo.locator('play-screen .error', { hasText: 'Ada' }).waitFor(WAIT);
    expect(await bo.locator('play-screen .error').textContent()).toContain('Infrastructure');
    await expectAccessible(bo, 'layer refusal');
    await shots(bo, 'player-refusal');
    await bo.locator('race-cards li.mine button', { hasText: 'Release' }).click();

    // Ada, who owns the infrastructure layer, deploys it on-premise.
    await deployCard(ada, {
      placement: 'on-prem',
      before: () => ada.locator('deploy-picker [data-testid="layer-owner"]', { hasText: 'yours' }).waitFor(WAIT),
    });
    await ada.locator('team-parts li.me', { hasText: '1' }).waitFor(WAIT);
    await shot(minji, 'player-race-team-ko');

    // The projector: each team's own host, with each member's part.
    await host.locator('host-view team-parts li', { hasText: 'Ada' }).waitFor(WAIT);
    await expectAccessible(host, 'host team race');
    await shots(host, 'host-race-team');
    await hostControl(host, 'End race now');
    current = await changed(host, 'host-view', current);

    // The cloud bill after the race, on the projector and on the phone, with the best plan's beside it.
    await host.locator('host-view cloud-bill').first().waitFor(WAIT);
    await ada.locator('play-screen cloud-bill').waitFor(WAIT);
    await expectAccessible(ada, 'player cloud bill');
    await shots(ada, 'player-bill');
    await expectAccessible(host, 'host cloud bills');
    await shots(host, 'host-bills');

    while (!current.startsWith('podium')) {
      if (current.startsWith('leaderboard') || current.startsWith('race-result')) {
        await host.locator('host-view leader-board', { hasText: 'Teams' }).first().waitFor(WAIT);
      }
      await hostControl(host, 'Next');
      current = await changed(host, 'host-view', current);
    }
    await host.locator('host-view podium-stand').waitFor(WAIT);
    await expectAccessible(host, 'host team podium');
    await shots(host, 'host-podium-team');

    // The report shows the teams and each layer's decisions (who, in a team with roles, decided what).
    await host.locator('host-view a.report').click();
    await host.waitForURL(/\/report\//, WAIT);
    await host.locator('report-view #layers-h').waitFor(WAIT);
    await host.locator('report-view tr', { hasText: 'Infrastructure' }).filter({ hasText: 'Ada' }).waitFor(WAIT);
    await host.locator('report-view #teams-h').waitFor(WAIT);
    await expectAccessible(host, 'team report');
    await shots(host, 'report-team', true);
  }
});
