// Driving the client through its UI, as a person would: waits on what the page shows, never on time.
import type { Page } from 'playwright-core';
import type { DeployKind, Placement } from '../../shared/engine/types.js';

export const WAIT = { timeout: 20_000 };

export async function key(page: Page, root: string): Promise<string> {
  const el = page.locator(`${root} [data-key]`).first();
  await el.waitFor(WAIT);
  return (await el.getAttribute('data-key')) ?? '';
}

/** Waits until the view shows another phase or step than `before`. */
export async function changed(page: Page, root: string, before: string, wait = WAIT): Promise<string> {
  await page.locator(`${root} [data-key]:not([data-key="${before}"])`).first().waitFor(wait);
  return key(page, root);
}

export async function setLang(page: Page, lang: 'ko' | 'en'): Promise<void> {
  await page.locator(`lang-switch button[lang="${lang}"]`).click();
  await page.locator(`html[lang="${lang}"]`).waitFor({ state: 'attached' });
}

/** Answers whatever question the phone shows, through the UI (buttons, keypad, ordering, matching). */
export async function answer(page: Page): Promise<void> {
  const qa = page.locator('question-answer');
  await qa.waitFor(WAIT);
  if (await page.locator('answer-ordering').count()) {
    await page.locator('answer-ordering button.down').first().click();
    await page.locator('answer-ordering button.up').last().click();
    await page.locator('answer-ordering button.submit').click();
  } else if (await page.locator('answer-matching').count()) {
    const lefts = page.locator('answer-matching button.left');
    const n = await lefts.count();
    for (let i = 0; i < n; i++) {
      await lefts.nth(i).click();
      await page.locator('answer-matching button.right').nth(i).click();
    }
    await page.locator('answer-matching button.submit').click();
  } else if (await page.locator('answer-numeric').count()) {
    await page.locator('answer-numeric .pad button', { hasText: /^\s*1\s*$/ }).click();
    await page.locator('answer-numeric .pad button', { hasText: /^\s*6\s*$/ }).click();
    await page.locator('answer-numeric button.submit').click();
  } else if (await page.locator('answer-choices button.submit').count()) {
    await page.locator('answer-choices button.ans').nth(0).click();
    await page.locator('answer-choices button.ans').nth(1).click();
    await page.locator('answer-choices button.submit').click();
  } else {
    await page.locator('answer-choices button.ans').first().click();
  }
  // The last answer may close the question at once: then the feedback shows instead.
  await page.locator('[data-testid="answered"], play-screen .feedback').first().waitFor(WAIT);
}

export async function scoreOf(page: Page): Promise<string> {
  return (await page.locator('play-screen .score').textContent())?.trim() ?? '';
}

/**
 * Imports a pack over HTTP (the landing page's import form is exercised by the classroom test) as another teacher's
 * host key, and shares it on the server so the browser under test (its own host key) lists and hosts it.
 */
export async function importPack(baseUrl: string, pack: unknown): Promise<void> {
  const owner = { 'x-host-key': 'browser-tests-teacher-0123456789' };
  const res = await fetch(`${baseUrl}/api/packs/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...owner },
    body: JSON.stringify(pack),
  });
  if (!res.ok) throw new Error(`pack import failed: ${res.status} ${await res.text()}`);
  const { pack: stored } = (await res.json()) as { pack: { id: string } };
  const shared = await fetch(`${baseUrl}/api/packs/${stored.id}/shared`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...owner },
    body: JSON.stringify({ shared: true }),
  });
  if (!shared.ok) throw new Error(`pack share failed: ${shared.status} ${await shared.text()}`);
}

export interface FormChoices {
  packTitle: string;
  mode?: 'classroom' | 'team';
  teamCount?: number;
  teamRoles?: boolean;
  questionTimeS?: number;
  checks?: Partial<
    Record<'speedPoints' | 'streakBonus' | 'partialCredit' | 'lateJoin' | 'races' | 'showQuestionOnDevices', boolean>
  >;
  selects?: Partial<Record<'pointsMultiplier' | 'lateJoinScore' | 'leaderboard', string>>;
}

/** Opens the landing page's teacher part (host a game, import, past games), one tap behind the join box. */
export async function openHostForm(host: Page): Promise<void> {
  const toggle = host.locator('landing-view button.teacher-toggle');
  await toggle.waitFor(WAIT);
  // This tab may have opened it before (it stays open for the tab).
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await host.locator('create-form').waitFor(WAIT);
}

/** Fills the landing page's create-game form as a teacher would and waits for the host view. Returns the room code. */
export async function createGame(host: Page, c: FormChoices, beforeSubmit?: () => Promise<void>): Promise<string> {
  await host.goto('/');
  await openHostForm(host);
  const form = host.locator('create-form');
  // The pack whose title is exactly this (another pack's title may contain it: "... course" and "... course 2").
  await form
    .locator('label.pack')
    .filter({ has: host.getByText(c.packTitle, { exact: true }) })
    .click(WAIT);
  if (c.mode === 'team') {
    await form.locator('input[name="mode"]').nth(1).check();
    if (c.teamCount) await form.locator('#teamCount').fill(String(c.teamCount));
    if (c.teamRoles !== undefined) await form.locator('input[name="teamRoles"]').setChecked(c.teamRoles);
  }
  if (c.questionTimeS) await form.locator('#qt').fill(String(c.questionTimeS));
  for (const [name, on] of Object.entries(c.checks ?? {}))
    await form.locator(`input[name="${name}"]`).setChecked(Boolean(on));
  for (const [name, value] of Object.entries(c.selects ?? {}))
    await form.locator(`select[name="${name}"]`).selectOption(String(value));
  if (beforeSubmit) await beforeSubmit();
  await form.locator('button.submit').click();
  await host.waitForURL(/\/host\/\d{6}$/, WAIT);
  return ((await host.locator('[data-testid="room-code"]').textContent()) ?? '').trim();
}

/** A phone joins a room from its join link. */
export async function joinAs(page: Page, code: string, name: string): Promise<void> {
  await page.goto(`/join/${code}`);
  await page.locator('#nick').fill(name);
  await page.locator('player-view button.go').click();
  await page.waitForURL(new RegExp(`/play/${code}$`), WAIT);
  await page.locator('play-screen [data-phase]').waitFor(WAIT);
}

/** Clicks a host control button by its (English) label. */
export async function hostControl(host: Page, label: string | RegExp): Promise<void> {
  await host.locator('host-view .controls button', { hasText: label }).click();
}

/** The number in a phone's score pill ("1,234 pts" -> 1234). */
export async function scoreNumber(page: Page): Promise<number> {
  return Number((await scoreOf(page)).replace(/[^\d-]/g, ''));
}

/** What `deployCard` chooses in the picker: where, then how (the first of several kinds that fits). */
export interface DeployOptions {
  /** Where: left as the picker proposes when absent. */
  placement?: Placement;
  /** How: the first of these that the engine's quote says fits; left as proposed when absent. */
  kind?: DeployKind | readonly DeployKind[];
  /** Runs before Deploy is pressed (checks, screenshots). */
  before?: () => Promise<void>;
  /** Waits for the card to show as deployed (default); false when the server is expected to refuse. */
  expectDone?: boolean;
}

/** Opens the deployment picker of the player's own card, claiming the first free card first if it holds none. */
export async function openPicker(page: Page): Promise<string> {
  if (!(await page.locator('race-cards li.mine').count()))
    await page.locator('race-cards li button.claim').first().click(WAIT);
  const mine = page.locator('race-cards li.mine').first();
  await mine.locator('button.deploy').click(WAIT);
  await page.locator('deploy-picker dialog[open]').waitFor(WAIT);
  return (await mine.getAttribute('data-card')) ?? '';
}

/** In an open picker: WHERE (step 1), then HOW (step 2), as a player taps through them. */
export async function chooseDeployment(page: Page, opts: Pick<DeployOptions, 'placement' | 'kind'>): Promise<void> {
  const picker = page.locator('deploy-picker');
  if (opts.placement) {
    if (!(await picker.locator('.body[data-step="where"]').count()))
      await picker.locator('button[data-step="where"]').click();
    await picker.locator(`button[data-placement="${opts.placement}"]`).click();
    await picker
      .locator(`button[data-placement="${opts.placement}"][aria-pressed="true"], .body[data-step="how"]`)
      .first()
      .waitFor(WAIT);
  }
  const kinds = opts.kind === undefined ? [] : typeof opts.kind === 'string' ? [opts.kind] : opts.kind;
  if (kinds.length && !(await picker.locator('.body[data-step="how"]').count()))
    await picker.locator('button[data-step="how"]').click();
  for (const kind of kinds) {
    await picker.locator(`input[name="kind"][value="${kind}"]`).check();
    if (await picker.locator('button.deploy').isEnabled()) break;
  }
}

/** Claims a card if needed, chooses in its picker and presses Deploy; returns the card's id. */
export async function deployCard(page: Page, opts: DeployOptions = {}): Promise<string> {
  const cardId = await openPicker(page);
  await chooseDeployment(page, opts);
  if (opts.before) await opts.before();
  await page.locator('deploy-picker button.deploy').click();
  await page.locator('deploy-picker').waitFor({ ...WAIT, state: 'detached' });
  if (opts.expectDone !== false) await page.locator(`race-cards li.done[data-card="${cardId}"]`).waitFor(WAIT);
  return cardId;
}

/** Screenshots of what the page shows in both languages (`<name>-en`, `<name>-ko`), back in its own language after. */
export async function shots(page: Page, name: string, fullPage = false): Promise<void> {
  const { shot } = await import('./support.js');
  const own = ((await page.locator('html').getAttribute('lang')) ?? 'en') === 'ko' ? 'ko' : 'en';
  const other = own === 'ko' ? 'en' : 'ko';
  await shot(page, `${name}-${own}`, fullPage);
  await setLang(page, other);
  await shot(page, `${name}-${other}`, fullPage);
  await setLang(page, own);
}
