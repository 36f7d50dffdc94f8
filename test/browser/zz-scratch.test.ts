import { describe } from 'vitest';
import type { Page, Route } from 'playwright-core';
import { browserTest, newPage, shot, type Harness } from './support.js';
import { addQuestion, fill } from './workshop-helpers.js';

// Scratch: the editor against a mocked workshop API (until the server routes land).
describe('scratch', () => {
  browserTest('mock', { timeout: 120_000, failShot: 'scratch' }, async (h: Harness, all: Page[]) => {
    const { page } = await newPage(h, 'projector', 'en');
    all.push(page);
    page.on('console', (m) => console.log('console', m.type(), m.text()));
    let stored: unknown = null;
    let version = 1;
    await page.route('**/api/workshop/**', async (route: Route) => {
      const req = route.request();
      const url = new URL(req.url());
      const json = (body: unknown, status = 200) => route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) });
      if (url.pathname === '/api/workshop/packs' && req.method() === 'GET')
        return json({ ok: true, packs: [{ id: 'course-en', title: 'Course', description: 'd', language: 'en', source: 'builtin', shared: true, version: 1, updatedAt: 0, questionCount: 3, cardCount: 2, scenarioCount: 1, roundCount: 2 }] });
      if (url.pathname === '/api/workshop/packs' && req.method() === 'POST') {
        stored = (req.postDataJSON() as { pack: unknown }).pack;
        return json({ ok: true, id: 'imp-test', version: 1 }, 201);
      }
      if (url.pathname === '/api/workshop/packs/imp-test' && req.method() === 'GET')
        return json({ ok: true, pack: stored, version, source: 'mine', shared: false, updatedAt: 0 });
      if (url.pathname === '/api/workshop/packs/imp-test' && req.method() === 'PUT') {
        stored = (req.postDataJSON() as { pack: unknown }).pack;
        version++;
        return json({ ok: true, version });
      }
      return json({ ok: false, error: { code: 'x', message: 'unmocked' } }, 404);
    });
    await page.goto('/workshop');
    await page.locator('workshop-view li.pack').first().waitFor();
    await shot(page, 'scratch-list');
    await page.locator('workshop-view #newtitle').fill('Scratch');
    await page.locator('workshop-view [data-testid="new-pack"]').click();
    await page.locator('pack-editor [data-testid="part-form"]').waitFor();
    await shot(page, 'scratch-meta');
    for (const ty of ['single', 'multi', 'truefalse', 'ordering', 'matching', 'numeric']) await addQuestion(page, ty);
    await page.locator('pack-editor nav li button').nth(1).click();
    await fill(page, 'questions[0].prompt', 'Which hypervisor?');
    await fill(page, 'questions[0].options[0]', 'Type 1');
    await shot(page, 'scratch-q1');
    await page.locator('pack-editor nav li button').nth(5).click();
    await shot(page, 'scratch-q5');
    await page.locator('pack-editor [data-testid="add-card"]').click();
    await fill(page, 'cards[0].title', 'Runner');
    await shot(page, 'scratch-card');
    await page.locator('pack-editor [data-testid="add-scenario"]').click();
    await page.locator('pack-editor [data-testid="best-plan"] button').click();
    await page.locator('pack-editor [data-testid="best-plan"] [role="status"] p').first().waitFor();
    await shot(page, 'scratch-scenario');
    await page.locator('pack-editor nav li button').first().click();
    await shot(page, 'scratch-meta2', true);
  });
});
