// Driving the workshop editor through its UI: fields are found by the pack path they edit (the editor gives each
// input the id `f-` + its path, e.g. `questions[2].options[1]` -> #f-questions_2_options_1_).
import type { Page } from 'playwright-core';
import { WAIT, openHostForm } from './play-helpers.js';

export const fieldSel = (path: string) => `pack-editor #f-${path.replace(/[^A-Za-z0-9]+/g, '_')}`;

export async function fill(page: Page, path: string, value: string | number): Promise<void> {
  await page.locator(fieldSel(path)).fill(String(value));
}

/** The landing page's teacher part -> the workshop's list. */
export async function openWorkshop(page: Page): Promise<void> {
  await page.goto('/');
  await openHostForm(page);
  await page.locator('landing-view [data-testid="workshop-link"]').click();
  await page.waitForURL(/\/workshop$/, WAIT);
  await page.locator('workshop-view section[aria-labelledby="sec-builtin"] li.pack').first().waitFor(WAIT);
}

/** A new empty pack from the list's form; waits for the editor (the pack is on the server from its first save). */
export async function newPack(page: Page, title: string, lang: 'ko' | 'en'): Promise<void> {
  await page.locator('workshop-view #newtitle').fill(title);
  await page.locator('workshop-view #newlang').selectOption(lang);
  await page.locator('workshop-view [data-testid="new-pack"]').click();
  await page.waitForURL(/\/workshop\/new$/, WAIT);
  await page.locator('pack-editor [data-testid="part-form"]').waitFor(WAIT);
}

/** Adds a question of `type` from the parts list; its form opens. */
export async function addQuestion(page: Page, type: string): Promise<void> {
  await page.locator('pack-editor #newtype').selectOption(type);
  await page.locator('pack-editor [data-testid="add-question"]').click();
}

/** The editor's error shown for one place of the pack (beside its field or in its section). */
export const errorAt = (page: Page, path: string) => page.locator(`pack-editor [data-error-for="${path}"]`).first();

export async function save(page: Page): Promise<void> {
  await page.locator('pack-editor [data-testid="save"]').click();
  await page.locator('pack-editor [data-testid="save-status"][data-status="clean"]').waitFor(WAIT);
}

/** The id of the pack the editor shows (from its URL). */
export const packIdOf = (page: Page) => decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');
