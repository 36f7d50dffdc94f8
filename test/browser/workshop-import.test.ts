// The workshop's import, export, versions and ownership in the browser (in Korean): a Kahoot! .xlsx template (built
// here with exceljs, the library the server reads it with) is previewed row by row (questions read, rows skipped
// with each one's reason, empty rows, the image column noted) and saved as the teacher's own pack; exported as JSON
// and .xlsx; edited, saved and restored from its history; deleted and brought back. A second teacher (another
// browser, another host key) neither lists, opens nor exports it while it is private, and, once shared, hosts it
// but still cannot read its answers.
import { describe, expect } from 'vitest';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { AddressInfo } from 'node:net';
import { KAHOOT_HEADERS } from '../../server/content/kahoot-xlsx.js';
import { createApp } from '../../server/app.js';
import { createStorage } from '../../server/storage/index.js';
import { silentLogger } from '../../server/log.js';
import { schoolUrl } from './launch.js';
import { browserTest, expectAccessible, newPage, shot, type Harness } from './support.js';
import { WAIT } from './play-helpers.js';
import { fill, openWorkshop, packIdOf, save } from './workshop-helpers.js';

/** A Kahoot! template: title area, header row (with a 5th answer column and an image column), then the rows. */
async function kahootFile(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Kahoot');
  ws.addRow(['Quiz template']);
  ws.addRow(['Add questions, at least two answer alternatives, time limit and choose correct answers']);
  ws.addRow([]);
  const h = KAHOOT_HEADERS;
  ws.addRow(['', h.question, ...h.answers, 'Answer 5 - max 75 characters', h.time, h.correct, h.image]);
  const rows: unknown[][] = [
    ['1', 'Which hypervisor runs on bare metal?', 'Type 1', 'Type 2', 'Docker', 'Chrome', '', 20, '1', ''],
    ['2', 'A container brings its own kernel.', 'True', 'False', '', '', '', 10, '2', ''],
    [],
    ['4', 'Pick a timer of zero', 'A', 'B', '', '', '', 0, '1', ''],
    ['5', 'Five answers are too many', 'A', 'B', 'C', 'D', 'E', 20, '1', ''],
    [
      '6',
      'Which share the host kernel?',
      'Container',
      'VM',
      'Sandboxed container',
      'MicroVM',
      '',
      30,
      '1,3',
      'https://example.com/k.png',
    ],
  ];
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('the workshop: import, export, history and ownership', () => {
  browserTest(
    'imports a Kahoot .xlsx row by row, exports, restores a version, and keeps a private pack from another teacher',
    { timeout: 150_000, failShot: 'failed-workshop-import' },
    play,
  );

  async function play(h: Harness, all: Page[]): Promise<void> {
    const { page } = await newPage(h, 'projector', 'ko');
    all.push(page);
    await openWorkshop(page);
    await page.locator('workshop-view #importfile').setInputFiles({
      name: 'kahoot-quiz.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await kahootFile(),
    });
    await page.locator('workshop-view [data-testid="import"] button[type="submit"]').click();
    const preview = page.locator('workshop-view [data-testid="import-preview"]');
    await preview.waitFor(WAIT);
    // Three questions read; the zero timer and the fifth answer skipped, each with its row and reason (in Korean).
    expect(await preview.locator('[data-read]').getAttribute('data-read')).toBe('3');
    expect(await preview.locator('[data-skipped]').getAttribute('data-skipped')).toBe('2');
    const skipped = preview.locator('li[data-row]');
    expect(await skipped.evaluateAll((els) => els.map((e) => e.getAttribute('data-row')))).toEqual(['8', '9']);
    for (const text of await skipped.allTextContents()) expect(text).toMatch(/^\d+행: .*[가-힣]/);
    await expectAccessible(page, 'workshop import preview');
    await shot(page, 'workshop-import-ko');

    await preview.locator('[data-testid="import-save"]').click();
    await page.waitForURL(/\/workshop\/(?!new$)[^/]+$/, WAIT);
    const id = packIdOf(page);
    await page.locator('pack-editor nav li button', { hasText: 'Which share the host kernel?' }).waitFor(WAIT);
    expect(await page.locator('pack-editor nav li button .tag', { hasText: '객관식(정답 여럿)' }).count()).toBe(1);

    // Exports: the owner downloads JSON (answers included) and the Kahoot .xlsx layout.
    const [json] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.locator('pack-editor button', { hasText: 'JSON 내보내기' }).click(),
    ]);
    const exported = JSON.parse(readFileSync(await json.path(), 'utf8')) as {
      questions: Array<{ prompt: string; correct: unknown }>;
    };
    expect(exported.questions.map((q) => q.prompt)).toContain('Which hypervisor runs on bare metal?');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download', WAIT),
      page.locator('pack-editor button', { hasText: '.xlsx 내보내기' }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/\.xlsx$/);

    // History: rename, save (version 2), restore version 1.
    await page.locator('pack-editor nav li button').first().click();
    await fill(page, 'meta.title', 'Renamed quiz');
    await save(page);
    await page.locator('pack-editor h1', { hasText: 'Renamed quiz' }).waitFor(WAIT);
    await page.locator('pack-editor button', { hasText: '버전 기록' }).click();
    await page.locator('pack-editor [data-testid="versions"] button', { hasText: 'v1' }).click();
    await page.locator('pack-editor [data-testid="save-status"]', { hasText: '버전 3' }).waitFor(WAIT);
    expect(await page.locator('pack-editor h1').textContent()).not.toContain('Renamed quiz');

    // The same pack saved meanwhile from another tab: this tab's save is refused (409), then kept over it on request.
    const tab = await page.context().newPage();
    all.push(tab);
    await tab.goto(`/workshop/${id}`);
    await fill(tab, 'meta.description', 'Edited in another tab');
    await save(tab);
    await fill(page, 'meta.description', 'Edited here');
    await page.locator('pack-editor [data-testid="save"]').click();
    await page.locator('pack-editor [data-testid="save-status"][data-status="conflict"]').waitFor(WAIT);
    await page.locator('pack-editor button', { hasText: '내 것으로 덮어쓰기' }).click();
    await page.locator('pack-editor [data-testid="save-status"]', { hasText: '버전 5' }).waitFor(WAIT);
    await tab.close();

    await otherTeacher(h, page, all, id);
  }

  async function otherTeacher(h: Harness, owner: Page, all: Page[], id: string): Promise<void> {
    const { page: other } = await newPage(h, 'projector', 'en');
    all.push(other);
    await openWorkshop(other);
    expect(await other.locator(`workshop-view li[data-pack="${id}"]`).count()).toBe(0);
    await other.goto(`/workshop/${id}`);
    await other.locator('pack-editor p.error', { hasText: 'not yours' }).waitFor(WAIT);
    const otherKey = await other.evaluate(() => JSON.parse(localStorage.getItem('hostrush.hostKey') ?? '""') as string);
    const exportAs = (key: string) =>
      fetch(`${h.url}/api/workshop/packs/${id}/export?format=json`, { headers: { 'x-host-key': key } });
    expect([403, 404]).toContain((await exportAs(otherKey)).status);

    // The owner deletes it and takes it back, then shares it.
    await owner.locator('pack-editor a', { hasText: '팩 목록' }).click();
    const row = owner.locator(`workshop-view li[data-pack="${id}"]`);
    await row.locator('button', { hasText: '삭제' }).click();
    await row.waitFor({ state: 'detached', timeout: WAIT.timeout });
    await owner.locator('workshop-view .undo button').click();
    await row.waitFor(WAIT);
    await row.locator('input[data-share]').check();
    await expect.poll(() => row.locator('input[data-share]').isChecked(), WAIT).toBe(true);
    await expectAccessible(owner, 'workshop list with an own pack');
    await shot(owner, 'workshop-list-ko');

    // Shared: the other teacher lists it and may host it, with no edit nor copy; its answers stay the owner's.
    await other.goto('/workshop');
    const shared = other.locator(`workshop-view li[data-pack="${id}"][data-source="shared"]`);
    await shared.waitFor(WAIT);
    expect(await shared.locator('button', { hasText: 'Edit' }).count()).toBe(0);
    expect(await shared.locator('button', { hasText: 'Make my copy' }).count()).toBe(0);
    expect([403, 404]).toContain((await exportAs(otherKey)).status);
  }
});

describe('the workshop behind a teacher password', () => {
  browserTest(
    'asks for the teacher password where the operator set one',
    { timeout: 60_000, failShot: 'failed-workshop-login' },
    async (h: Harness, all: Page[]) => {
      const app = createApp({
        log: silentLogger,
        storage: await createStorage({ sqlitePath: ':memory:' }),
        teacherPassword: 'staffroom-42',
      });
      await app.ready;
      await new Promise<void>((resolve) => app.http.listen(0, '127.0.0.1', resolve));
      try {
        const url = schoolUrl(`http://127.0.0.1:${(app.http.address() as AddressInfo).port}`);
        const { page } = await newPage(h, 'projector', 'en', url);
        all.push(page);
        await page.goto('/workshop');
        await page.locator('workshop-view #teacherpw').fill('wrong');
        await page.locator('workshop-view #teacherpw').press('Enter');
        await page.locator('workshop-view p.error').waitFor(WAIT);
        await expectAccessible(page, 'workshop login');
        await page.locator('workshop-view #teacherpw').fill('staffroom-42');
        await page.locator('workshop-view #teacherpw').press('Enter');
        await page.locator('workshop-view section[aria-labelledby="sec-builtin"] li.pack').first().waitFor(WAIT);
      } finally {
        await app.close();
      }
    },
  );
});
