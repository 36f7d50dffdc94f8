// The answer key in the browser (docs/SECURITY.md): a pack imported through the landing page belongs to this
// browser's host key: listed and hosted here, private until its owner ticks "share", then listed for another
// teacher's browser too, whose copy has no share box (only the owner shares or exports it).
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTestPack } from './fixtures.js';
import { browserTest, expectAccessible, newPage, shot, type Harness } from './support.js';
import { WAIT, openHostForm, setLang } from './play-helpers.js';

/** The landing page's teacher part, behind its toggle (waited for: counting it before the page renders raced). */
async function teacherForm(page: Page): Promise<void> {
  await page.goto('/');
  await openHostForm(page);
}

describe('imported packs in the browser', () => {
  browserTest(
    "an import is the owner's, private until shared; the other teacher sees it only once shared",
    { timeout: 120_000, failShot: 'failed-sharing' },
    play,
  );

  async function play(h: Harness, all: Page[]): Promise<void> {
    const { page: owner } = await newPage(h, 'projector', 'en');
    all.push(owner);
    await teacherForm(owner);
    const pack = browserTestPack();
    pack.meta.title = 'Private test pack';
    await owner
      .locator('#packfile')
      .setInputFiles({ name: 'private.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pack)) });
    await owner.locator('landing-view form.row button[type=submit]').click();
    await owner.locator('create-form label.pack', { hasText: 'Private test pack' }).waitFor(WAIT);
    const box = owner.locator('create-form input[data-share]');
    await expect.poll(() => box.count(), WAIT).toBe(1);
    expect(await box.isChecked()).toBe(false);
    const id = (await box.getAttribute('data-share')) ?? '';
    // Nobody else lists it.
    const anonymous = async () =>
      ((await (await fetch(`${h.url}/api/packs`)).json()) as Array<{ id: string }>).map((p) => p.id);
    expect(await anonymous()).not.toContain(id);
    const { page: other } = await newPage(h, 'projector', 'ko');
    all.push(other);
    await teacherForm(other);
    await other.locator('create-form label.pack').first().waitFor(WAIT);
    expect(await other.locator('create-form label.pack', { hasText: 'Private test pack' }).count()).toBe(0);

    // The owner shares it.
    await box.check();
    await expect.poll(anonymous, WAIT).toContain(id);
    const ownPack = owner.locator('create-form label.pack', { hasText: 'Private test pack' });
    await ownPack.scrollIntoViewIfNeeded();
    await expectAccessible(owner, 'landing with an own pack');
    await shot(owner, 'landing-share-en');
    await setLang(owner, 'ko');
    await ownPack.scrollIntoViewIfNeeded();
    await shot(owner, 'landing-share-ko');
    await other.reload();
    await teacherForm(other);
    await other.locator('create-form label.pack', { hasText: 'Private test pack' }).waitFor(WAIT);
    expect(await other.locator('create-form input[data-share]').count()).toBe(0);
    // Its answers stay the owner's.
    expect((await fetch(`${h.url}/api/packs/${id}/export`)).status).toBe(403);
  }
});
