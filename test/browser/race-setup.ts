// A projector and two phones (Ada in English, 민지 in Korean) brought to a game's first race: both answer the
// question (which closes it), the teacher moves on. Shared by the browser tests that look at a race.
import type { Page } from 'playwright-core';
import { newPage, type Harness } from './support.js';
import { WAIT, changed, createGame, hostControl, joinAs } from './play-helpers.js';

export interface ClassAtRace {
  host: Page;
  phones: Array<[Page, 'en' | 'ko']>;
  /** The host view's key when the race opened (`race:<step>`). */
  current: string;
}

export async function classAtRace(h: Harness, all: Page[], packTitle: string): Promise<ClassAtRace> {
  const { page: host } = await newPage(h, 'projector', 'en');
  all.push(host);
  const code = await createGame(host, { packTitle, questionTimeS: 60 });
  const phones: ClassAtRace['phones'] = [];
  for (const [name, lang] of [
    ['Ada', 'en'],
    ['민지', 'ko'],
  ] as const) {
    const { page } = await newPage(h, 'phone', lang);
    all.push(page);
    await joinAs(page, code, name);
    phones.push([page, lang]);
  }
  await hostControl(host, 'Start game');
  let current = await changed(host, 'host-view', 'lobby:-1');
  for (const [page] of phones) await page.locator('answer-choices button.ans').first().click(WAIT);
  while (!current.startsWith('race:')) {
    if (!current.startsWith('question')) await hostControl(host, 'Next');
    current = await changed(host, 'host-view', current);
  }
  return { host, phones, current };
}
