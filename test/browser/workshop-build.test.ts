// The workshop in the browser: a teacher who has never seen the JSON format builds a pack from nothing (one question
// of each of the six types, a workload card and a scenario), sees the validator's located errors as they type (in
// English and Korean), the question's phone and projector preview, the card's quote and the scenario's best plan,
// saves, hosts it in one click, and two phones play it to the report.
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { browserTest, expectAccessible, newPage, shot, type Harness } from './support.js';
import { WAIT, answer, changed, joinAs, setLang } from './play-helpers.js';
import { addQuestion, errorAt, fieldSel, fill, newPack, openWorkshop, packIdOf, save } from './workshop-helpers.js';

describe('the workshop: a pack built from nothing', () => {
  browserTest(
    'builds every question type, a card and a scenario, saves, hosts and plays it to the report',
    { timeout: 150_000, failShot: 'failed-workshop-build' },
    play,
  );

  async function play(h: Harness, all: Page[]): Promise<void> {
    const { page } = await newPage(h, 'projector', 'en');
    all.push(page);
    await openWorkshop(page);
    await expectAccessible(page, 'workshop list');
    await shot(page, 'workshop-list-en');
    await newPack(page, 'Workshop test pack', 'en');

    // An empty pack cannot be saved: no round yet, said where it is.
    await errorAt(page, 'rounds').waitFor(WAIT);
    expect(await page.locator('pack-editor [data-testid="save"]').isDisabled()).toBe(true);

    await buildQuestions(page);
    await buildCardAndScenario(page);

    // Valid now: the first save puts it on the server (version 1), the next one makes version 2.
    await page.locator('pack-editor nav button', { hasText: 'Pack settings' }).click();
    await page.locator('pack-editor [data-testid="check-summary"] .ok').waitFor(WAIT);
    await save(page);
    await page.waitForURL(/\/workshop\/(?!new$)[^/]+$/, WAIT);
    expect(packIdOf(page)).not.toBe('new');
    await fill(page, 'meta.description', 'Built in the workshop test.');
    await save(page);
    await page.locator('pack-editor [data-testid="save-status"]', { hasText: 'version 2' }).waitFor(WAIT);

    await page.locator('pack-editor nav li button').nth(1).click();
    await expectAccessible(page, 'workshop editor');
    await shot(page, 'workshop-editor-en');
    await setLang(page, 'ko');
    await page.locator('pack-editor h2', { hasText: '1번 문항' }).waitFor(WAIT);
    await shot(page, 'workshop-editor-ko');
    await setLang(page, 'en');
    // A 1366 px laptop: the three columns fit, nothing scrolls sideways.
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await shot(page, 'workshop-editor-1366-en');
    await page.setViewportSize({ width: 1920, height: 1080 });

    await hostAndPlay(h, page, all);
  }

  async function buildQuestions(page: Page): Promise<void> {
    // 1. Single choice: errors appear as the teacher types, located and in their language.
    await addQuestion(page, 'single');
    await errorAt(page, 'questions[0].prompt').waitFor(WAIT);
    expect(await errorAt(page, 'questions[0].prompt').textContent()).toContain(
      'questions[0].prompt: must not be empty',
    );
    await setLang(page, 'ko');
    expect(await errorAt(page, 'questions[0].prompt').textContent()).toContain(
      'questions[0].prompt: 비워 둘 수 없습니다',
    );
    await setLang(page, 'en');
    await fill(page, 'questions[0].prompt', 'Which hypervisor runs straight on the hardware?');
    await expect.poll(() => errorAt(page, 'questions[0].prompt').count()).toBe(0);
    for (const [i, text] of ['Type 1', 'Type 2', 'A container runtime', 'A web server'].entries())
      await fill(page, `questions[0].options[${i}]`, text);
    await fill(page, 'questions[0].explanation', 'A Type 1 hypervisor is installed on the bare metal.');
    await fill(page, 'questions[0].timeLimitS', 3);
    await errorAt(page, 'questions[0].timeLimitS').waitFor(WAIT);
    await fill(page, 'questions[0].timeLimitS', 10);
    // Double points: the pack keeps it, and the preview shows players the badge.
    await page.locator(fieldSel('questions[0].points')).selectOption('2');
    for (const where of ['preview-phone', 'preview-projector'])
      await page
        .locator(`pack-editor question-preview [data-testid="${where}"] [data-testid="points-badge"]`, {
          hasText: '×2 Double points',
        })
        .waitFor(WAIT);
    // The preview: the very components the phone and the projector show.
    await page.locator('pack-editor question-preview [data-testid="preview-phone"] answer-choices').waitFor(WAIT);
    await page
      .locator('pack-editor question-preview [data-testid="preview-projector"] projector-question', {
        hasText: 'Type 1',
      })
      .waitFor(WAIT);
    await expectAccessible(page, 'workshop question with preview');

    // 2. Multiple select: A and C.
    await addQuestion(page, 'multi');
    await fill(page, 'questions[1].prompt', 'Which of these share the host kernel?');
    for (const [i, text] of ['A container', 'A VM', 'A sandboxed container', 'A microVM'].entries())
      await fill(page, `questions[1].options[${i}]`, text);
    await page.locator('pack-editor input[id="questions[1]-c1"]').check();
    await fill(page, 'questions[1].explanation', 'Containers share the kernel; VMs bring their own.');
    await fill(page, 'questions[1].timeLimitS', 10);

    // 3. True / false: false.
    await addQuestion(page, 'truefalse');
    await fill(page, 'questions[2].prompt', 'A container can run a Windows guest on a Linux host.');
    await page.locator('pack-editor input[name="questions[2]-tf"]').nth(1).check();
    await fill(page, 'questions[2].explanation', 'A container uses the host kernel.');
    await fill(page, 'questions[2].timeLimitS', 10);

    // 4. Ordering: three layers, bottom to top.
    await addQuestion(page, 'ordering');
    await fill(page, 'questions[3].prompt', 'Order a Type 1 stack from the bottom.');
    for (const [i, text] of ['Hardware', 'Hypervisor', 'Guest OS'].entries())
      await fill(page, `questions[3].items[${i}]`, text);
    await fill(page, 'questions[3].explanation', 'The hypervisor sits on the hardware, guests on it.');
    await fill(page, 'questions[3].timeLimitS', 10);

    // 5. Matching: two pairs.
    await addQuestion(page, 'matching');
    await fill(page, 'questions[4].prompt', 'Who manages the OS?');
    await fill(page, 'questions[4].left[0]', 'IaaS');
    await fill(page, 'questions[4].right[0]', 'You');
    await fill(page, 'questions[4].left[1]', 'PaaS');
    await fill(page, 'questions[4].right[1]', 'The provider');
    await fill(page, 'questions[4].explanation', 'IaaS rents you a VM; PaaS runs your code on its OS.');
    await fill(page, 'questions[4].timeLimitS', 10);

    // 6. Numeric with a unit.
    await addQuestion(page, 'numeric');
    await fill(page, 'questions[5].prompt', 'A 32 GB host gives 8 GB to two guests each. GB left?');
    await fill(page, 'questions[5].correct', 16);
    await fill(page, 'questions[5].unit', 'GB');
    await fill(page, 'questions[5].explanation', '32 - 2 x 8 = 16.');
    await fill(page, 'questions[5].timeLimitS', 10);
    await page.locator('pack-editor question-preview answer-numeric').waitFor(WAIT);
  }

  async function buildCardAndScenario(page: Page): Promise<void> {
    await page.locator('pack-editor [data-testid="add-card"]').click();
    await fill(page, 'cards[0].title', 'Student code runner');
    await fill(page, 'cards[0].description', 'Runs code the students upload.');
    await page.locator(fieldSel('cards[0].trust')).selectOption('untrusted');
    // The engine's own quote of what the card allows, and why not the rest.
    const quote = page.locator('pack-editor [data-testid="card-quote"]');
    await quote.locator('[data-testid="quote-summary"]', { hasText: 'deployments allowed' }).waitFor(WAIT);
    expect(await quote.locator('tr[data-allowed="yes"]').count()).toBeGreaterThan(0);
    expect(await quote.locator('tr[data-allowed="no"]').count()).toBeGreaterThan(0);
    // A Windows card that needs a custom kernel on premises... still allowed as a VM; residency on-prem rules out
    // the cloud: the quote follows each change.
    await page.locator(fieldSel('cards[0].residency')).selectOption('on-prem');
    await expect.poll(() => quote.locator('tr[data-allowed="yes"]', { hasText: 'IaaS' }).count()).toBe(0);
    await expectAccessible(page, 'workshop card');

    await page.locator('pack-editor [data-testid="add-scenario"]').click();
    await fill(page, 'scenarios[0].title', 'Lab server');
    await fill(page, 'scenarios[0].description', 'One server for the lab.');
    await fill(page, 'scenarios[0].lengthS', 12);
    await page.locator('pack-editor [data-testid="best-plan"] button').click();
    await page.locator('pack-editor [data-testid="plan-verdict"]').waitFor(WAIT);
    // One card: whatever the plan deploys it as is the answer; the verdict says so or calls it a real choice.
    expect(await page.locator('pack-editor [data-testid="plan-verdict"]').getAttribute('data-verdict')).not.toBe(
      'unwinnable',
    );
    // A host too small for the card it must keep on premises: nobody can win, and the plan says so.
    await fill(page, 'scenarios[0].host.cores', 1);
    await fill(page, 'scenarios[0].host.ramGb', 1);
    await page.locator('pack-editor [data-testid="best-plan"] button').click();
    await page.locator('pack-editor [data-testid="plan-verdict"][data-verdict="unwinnable"]').waitFor(WAIT);
    await shot(page, 'workshop-scenario-en');
    await fill(page, 'scenarios[0].host.cores', 16);
    await fill(page, 'scenarios[0].host.ramGb', 64);
  }

  async function hostAndPlay(h: Harness, page: Page, all: Page[]): Promise<void> {
    await page.locator('pack-editor [data-testid="host"]').click();
    await page.waitForURL(/\/host\/\d{6}$/, WAIT);
    const code = ((await page.locator('[data-testid="room-code"]').textContent()) ?? '').trim();
    const phones: Page[] = [];
    for (const [name, lang] of [
      ['Ada', 'en'],
      ['민지', 'ko'],
    ] as const) {
      const { page: phone } = await newPage(h, 'phone', lang);
      all.push(phone);
      await joinAs(phone, code, name);
      phones.push(phone);
    }
    for (const name of ['Ada', '민지']) await page.locator('host-view .players li', { hasText: name }).waitFor(WAIT);
    await page.locator('host-view .controls button', { hasText: 'Start game' }).click();
    let questions = 0;
    let current = await changed(page, 'host-view', 'lobby:-1');
    for (let guard = 0; guard < 30 && !current.startsWith('podium'); guard++) {
      if (current.startsWith('question')) {
        questions++;
        if (questions === 1) {
          await page.locator('host-view projector-question', { hasText: 'Which hypervisor' }).waitFor(WAIT);
          // The saved pack kept the double points: the projector and the Korean phone say so.
          await page.locator('host-view [data-testid="points-badge"]', { hasText: '×2 Double points' }).waitFor(WAIT);
          await phones[1]!.locator('[data-testid="points-badge"]', { hasText: '×2 점수 두 배' }).waitFor(WAIT);
          await shot(phones[1]!, 'workshop-double-points-phone-ko');
        }
        for (const phone of phones) {
          await phone.locator('question-answer').waitFor(WAIT);
          if (await phone.locator('answer-numeric').count()) {
            await phone.locator('answer-numeric input#num').fill('16');
            await phone.locator('answer-numeric button.submit').click();
          } else await answer(phone);
        }
      } else if (current.startsWith('race:')) {
        await page.locator('host-view .controls button', { hasText: 'End race now' }).click();
      } else {
        await page.locator('host-view .controls button', { hasText: 'Next' }).click();
      }
      current = await changed(page, 'host-view', current, { timeout: 30_000 });
    }
    expect(current.startsWith('podium')).toBe(true);
    expect(questions).toBe(6);
    await page.locator('host-view a.report').click();
    await page.waitForURL(/\/report\//, WAIT);
    for (const name of ['Ada', '민지']) await page.locator('report-view td', { hasText: name }).first().waitFor(WAIT);
  }
});
