// A class plays as a class does: the teacher's projector (1920x1080, Korean) and four phones (390 px, Korean and
// English) open the app at the school's network name over plain HTTP, nobody presses "end question" or "end race":
// every question closes by itself (its time runs out, or the last answer closes it) and the race runs out on its
// own. On every screen of the game no phone scrolls sideways and what a player must press is within reach.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { classPack } from './fixtures.js';
import { browserTest, expectAccessible, newPage, shot, type Harness } from './support.js';
import {
  WAIT,
  answer,
  changed,
  createGame,
  deployCard,
  hostControl,
  importPack,
  joinAs,
  key,
  shots,
} from './play-helpers.js';
import { expectPhoneFits } from './phone-checks.js';
import { expectProjectorReadable } from './readability.js';

describe('a whole class at school.test', () => {
  browserTest(
    'plays from lobby to report with every question and the race ending by themselves',
    { timeout: 400_000, failShot: 'failed-class' },
    play,
  );

  async function play(h: Harness, all: Page[]): Promise<void> {
    await importPack(h.url, classPack());
    const { page: host } = await newPage(h, 'projector', 'ko');
    all.push(host);
    expect(host.url()).toBe('about:blank');
    const code = await createGame(host, { packTitle: 'Class test pack', questionTimeS: 10 });
    expect(new URL(host.url()).hostname).toBe('school.test');

    const phones: Array<{ page: Page; name: string }> = [];
    for (const [name, lang] of [
      ['Ada', 'en'],
      ['민지', 'ko'],
      ['Linus', 'en'],
      ['서연', 'ko'],
    ] as const) {
      const { page } = await newPage(h, 'phone', lang);
      all.push(page);
      await joinAs(page, code, name);
      await expectPhoneFits(page, `${name} lobby`);
      phones.push({ page, name });
    }
    for (const p of phones) await host.locator('host-view .players li', { hasText: p.name }).waitFor(WAIT);
    await expectProjectorReadable(host, 'class-host-lobby');
    await shots(host, 'class-host-lobby');
    await shot(phones[0]!.page, 'class-phone-lobby-en');
    await shot(phones[1]!.page, 'class-phone-lobby-ko');
    await hostControl(host, /게임 시작|Start game/);

    const seen = new Set<string>();
    let questions = 0;
    let races = 0;
    /** Reveals where a phone showed points earned (each checked for its why). */
    let explained = 0;
    let current = await changed(host, 'host-view', 'lobby:-1');
    for (let guard = 0; guard < 60 && !current.startsWith('podium'); guard++) {
      const phase = current.split(':')[0]!;
      if (phase === 'question') {
        questions++;
        // Odd questions: one phone sits out, so the time runs out; even ones: everybody answers, the last answer closes
        // it.
        const answering = questions % 2 === 1 ? phones.slice(1) : phones;
        for (const p of answering) {
          await p.page.locator('question-answer').waitFor(WAIT);
          await expectPhoneFits(p.page, `${p.name} question ${questions}`, { mustReach: ['question-answer'] });
          await answer(p.page);
        }
        if (!seen.has('question')) {
          await expectProjectorReadable(host, 'class-host-question');
          await shots(host, 'class-host-question');
          await shot(phones[0]!.page, 'class-phone-question-en');
        }
        // Nobody presses anything: the host's screen moves to the reveal by itself.
        current = await changed(host, 'host-view', current);
        expect(current.startsWith('reveal')).toBe(true);
        for (const p of phones) {
          await p.page.locator('play-screen .feedback').first().waitFor(WAIT);
          await expectPhoneFits(p.page, `${p.name} reveal ${questions}`);
          // Its result came sealed in its answer's ack and opened with the reveal's key (no private message): the
          // points it shows are explained, and its header's score includes them.
          const gained = Number(
            (
              await p.page
                .locator('play-screen .feedback .big')
                .textContent()
                .catch(() => '')
            )?.replace(/\D/g, '') || 0,
          );
          if (gained > 0) {
            explained++;
            await expect
              .poll(() => p.page.locator('play-screen .feedback ul.whys li').count(), WAIT)
              .toBeGreaterThan(0);
            const header = Number((await p.page.locator('play-screen .head .score').textContent())?.replace(/\D/g, ''));
            expect(header).toBeGreaterThanOrEqual(gained);
            // The first phone of each language to earn points: its reveal, as the student sees it.
            const lang = /[가-힣]/.test(p.name) ? 'ko' : 'en';
            if (!seen.has(`points-${lang}`)) await shot(p.page, `class-phone-points-${lang}`);
            seen.add(`points-${lang}`);
          }
        }
        if (!seen.has('reveal')) {
          await expectProjectorReadable(host, 'class-host-reveal');
          await shots(host, 'class-host-reveal');
          await shot(phones[1]!.page, 'class-phone-reveal-ko');
          await shot(phones[0]!.page, 'class-phone-reveal-en');
        }
        seen.add('question').add('reveal');
        await hostControl(host, /다음|Next/);
      } else if (phase === 'race') {
        races++;
        for (const p of phones) {
          await p.page.locator('race-cards li button.claim').first().waitFor(WAIT);
          await expectPhoneFits(p.page, `${p.name} race`, { mustReach: ['race-cards'] });
        }
        // Two phones deploy, one as a plain container (the CVE after 10 s hits it), one as the picker proposes.
        await deployCard(phones[0]!.page, {
          placement: 'on-prem',
          kind: ['container', 'sandboxed-container', 'microvm', 'vm-full'],
          before: () => expectPhoneFits(phones[0]!.page, 'Ada picker', { mustReach: ['deploy-picker'] }),
        });
        await deployCard(phones[1]!.page);
        await host.locator('host-picture .strike').first().waitFor({ timeout: 30_000 });
        await expectProjectorReadable(host, 'class-host-race');
        await shots(host, 'class-host-race');
        await shot(phones[0]!.page, 'class-phone-race-en');
        await shot(phones[1]!.page, 'class-phone-race-ko');
        // The race runs out by itself (40 s): every screen shows its result, every phone its bill.
        current = await changed(host, 'host-view', current, { timeout: 60_000 });
        expect(current.startsWith('race-result')).toBe(true);
        for (const p of phones) {
          await p.page.locator('play-screen [data-phase="race-result"]').waitFor(WAIT);
          await p.page.locator('play-screen cloud-bill').first().waitFor(WAIT);
          await expectPhoneFits(p.page, `${p.name} race result`);
        }
        await host.locator('host-view cloud-bill').first().waitFor(WAIT);
        await expectProjectorReadable(host, 'class-host-race-result');
        await shots(host, 'class-host-race-result');
        await shot(phones[0]!.page, 'class-phone-bill-en', true);
        await shot(phones[1]!.page, 'class-phone-bill-ko', true);
        await hostControl(host, /다음|Next/);
      } else {
        if (phase === 'leaderboard' && !seen.has('leaderboard')) {
          await expectProjectorReadable(host, 'class-host-leaderboard');
          await shots(host, 'class-host-leaderboard');
          for (const p of phones) await expectPhoneFits(p.page, `${p.name} leaderboard`);
          await shot(phones[1]!.page, 'class-phone-leaderboard-ko');
          seen.add('leaderboard');
        }
        await hostControl(host, /다음|Next/);
      }
      current = await changed(host, 'host-view', current);
    }
    expect(current.startsWith('podium')).toBe(true);
    expect(questions).toBe(classPack().questions.length);
    expect(races).toBe(1);
    expect(explained).toBeGreaterThan(0);

    await host.locator('host-view a.report').waitFor(WAIT);
    await expectProjectorReadable(host, 'class-host-podium');
    await shots(host, 'class-host-podium');
    for (const p of phones) {
      await p.page.locator('play-screen [data-phase="podium"]').waitFor(WAIT);
      await expectPhoneFits(p.page, `${p.name} podium`);
    }
    await expectAccessible(phones[1]!.page, 'phone podium');
    await shot(phones[0]!.page, 'class-phone-podium-en');
    await shot(phones[1]!.page, 'class-phone-podium-ko');

    await host.locator('host-view a.report').click();
    await host.waitForURL(/\/report\//, WAIT);
    for (const p of phones) await host.locator('report-view td', { hasText: p.name }).first().waitFor(WAIT);
    await shots(host, 'class-report', true);
    expect(await key(phones[0]!.page, 'play-screen')).toMatch(/^podium/);
  }
});
