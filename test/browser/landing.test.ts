// The landing page for a teacher in Korean: the host form one tap behind the students' join box, no daily-challenge
// pools among the packs to host, a CSV import's problems said in Korean, and the engine's teams named in Korean.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTest, expectAccessible, newPage, shot, type Harness } from './support.js';
import { WAIT, createGame, openHostForm, shots } from './play-helpers.js';

describe('landing for a teacher', () => {
  browserTest(
    'hosts from behind the join box, lists no daily pools, says CSV problems and team names in Korean',
    { timeout: 120_000, failShot: 'failed-landing' },
    play,
  );

  async function play(h: Harness, all: Page[]): Promise<void> {
    const { page } = await newPage(h, 'projector', 'ko');
    all.push(page);
    await page.goto('/');
    await page.locator('landing-view #code').waitFor(WAIT);
    await expect(page.locator('create-form').count()).resolves.toBe(0);
    await shot(page, 'landing-projector-ko');
    await openHostForm(page);
    await expectAccessible(page, 'landing, host form open');
    const packs = await page.locator('create-form label.pack strong').allTextContents();
    expect(packs).toContain('10분 워밍업');
    expect(packs).toContain('10-minute warm-up');
    expect(packs.filter((p) => /오늘의 도전|Daily challenge/.test(p))).toEqual([]);

    // A spreadsheet with mistakes: each is said in Korean at its row and column.
    const csv =
      'Question,Answer 1,Answer 2,Answer 3,Answer 4,Time limit,Correct answer\nQ1?,A,B,,,20,3\nQ2?,A,B,C,D,300,1\n';
    await page
      .locator('#packfile')
      .setInputFiles({ name: 'mistakes.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('landing-view form.row button[type=submit]').click();
    const issues = page.locator('landing-view ul.issues li');
    await issues.first().waitFor(WAIT);
    expect(await issues.allTextContents()).toEqual([
      "2행 '정답' 열 3번 답이 비어 있어 정답이 될 수 없습니다.",
      '3행 \'제한 시간\' 열 5에서 240 사이의 초 단위 정수로 적어야 합니다 (적힌 값 "300").',
    ]);
    await issues.first().scrollIntoViewIfNeeded();
    await shots(page, 'landing-csv-errors');

    // A team game: the lobby names the engine's teams in Korean.
    await createGame(page, { packTitle: '10분 워밍업', mode: 'team', teamCount: 2 });
    const teams = page.locator('host-view h3');
    await teams.first().waitFor(WAIT);
    expect(await teams.allTextContents()).toEqual(['1팀', '2팀']);
    await shot(page, 'host-team-lobby-ko');
  }
});
