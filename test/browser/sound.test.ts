// Sound and motion in a played game (issue 12): the projector plays the lobby loop, the countdown's ticks, "time's
// up", the reveal and the podium sting, made with Web Audio and recorded by the page in window.__hostrushSounds; a
// phone plays nothing until its player switches sound on; the header toggle mutes, says what is true, and is
// remembered on the device. With reduced motion, nothing on screen moves.
import { describe, expect } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { browserTest, expectAccessible, newPage, shot, type Harness } from './support.js';
import { WAIT, changed, createGame, hostControl, joinAs, setLang } from './play-helpers.js';

type Played = { cue: string; profile: string; at: number };

const played = (page: Page): Promise<Played[]> =>
  page.evaluate(() => (window as unknown as { __hostrushSounds?: Played[] }).__hostrushSounds ?? []);
const cues = async (page: Page): Promise<string[]> => (await played(page)).map((p) => p.cue);
const toggle = (page: Page) => page.locator('sound-toggle button');

async function status(page: Page): Promise<string> {
  return (await toggle(page).getAttribute('data-status')) ?? '';
}

/** Waits until the page has played `cue` (at least `count` times in all). */
async function heard(page: Page, cue: string, count = 1): Promise<void> {
  await page.waitForFunction(
    ([c, n]) =>
      ((window as unknown as { __hostrushSounds?: Played[] }).__hostrushSounds ?? []).filter((p) => p.cue === c)
        .length >= n,
    [cue, count] as const,
    { timeout: 30_000 },
  );
}

/**
 * Chrome's autoplay rule for Web Audio, put into the page: headless Chromium lets every AudioContext run (no flag
 * changes that, and pages opened through DevTools count as activated), which would hide a page that never asks for a
 * click. As in Chrome on a PC or a phone, a context may run only once this document has had a click, tap or key
 * (sticky activation, which an in-app navigation keeps); until then it stays suspended and resume() waits.
 */
async function gateAudio(context: BrowserContext): Promise<void> {
  await context.addInitScript(() => {
    const Real = window.AudioContext;
    if (!Real) return;
    let activated = false;
    for (const type of ['pointerdown', 'pointerup', 'keydown', 'touchend'])
      window.addEventListener(type, (e) => (activated ||= e.isTrusted), { capture: true });
    class Gated extends Real {
      private allowed = activated;
      constructor(options?: AudioContextOptions) {
        super(options);
        if (!this.allowed) void super.suspend();
      }
      override get state(): AudioContextState {
        return this.allowed ? super.state : 'suspended';
      }
      override resume(): Promise<void> {
        if (!activated) return new Promise(() => {});
        this.allowed = true;
        return super.resume();
      }
    }
    window.AudioContext = Gated;
  });
}

/**
 * Every element of the page, shadow roots included, that animates or moves under the current media settings:
 * running Web Animations / CSS animations, and any transition longer than a very short fade.
 */
async function moving(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const a of document.getAnimations()) {
      const target = (a.effect as KeyframeEffect | null)?.target;
      if (a.playState === 'running') out.push(`animation on ${target instanceof Element ? target.localName : '?'}`);
    }
    const walk = (root: Document | ShadowRoot) => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const cs = getComputedStyle(el);
        const longest = Math.max(
          ...cs.transitionDuration.split(',').map((d) => parseFloat(d) * (d.trim().endsWith('ms') ? 1 : 1000)),
        );
        // Unslotted light-DOM children (the boot header) are not rendered: their computed style is empty.
        if (cs.animationName && cs.animationName !== 'none') out.push(`${el.localName}: animation ${cs.animationName}`);
        if (longest > 100 && /transform|all|top|left|margin|translate/.test(cs.transitionProperty))
          out.push(`${el.localName}: transition ${cs.transitionProperty}`);
        if (el.shadowRoot) walk(el.shadowRoot);
      }
    };
    walk(document);
    return out;
  });
}

describe('sound and motion in the browser', () => {
  browserTest(
    'the projector plays the game, a phone stays quiet until unmuted, the toggle mutes, reduced motion holds still',
    { timeout: 180_000, failShot: 'failed-sound' },
    play,
  );

  async function play(h: Harness, all: Page[]): Promise<void> {
    const { page: host, context: hostContext } = await newPage(h, 'projector', 'en');
    await gateAudio(hostContext);
    all.push(host);
    // No toggle and no sound on the landing page; the teacher's click on "Host a game" lets audio start.
    await host.goto('/');
    await host.locator('landing-view').waitFor(WAIT);
    expect(await host.locator('sound-toggle').isHidden()).toBe(true);
    expect(await cues(host)).toEqual([]);
    const code = await createGame(host, { packTitle: '10-minute warm-up', questionTimeS: 8, checks: { races: false } });

    // The projector: sound on by default, the lobby loop playing.
    await host.locator('sound-toggle button[data-status="on"]').waitFor(WAIT);
    await heard(host, 'lobby');
    expect(await toggle(host).getAttribute('aria-checked')).toBe('true');

    // Two phones join: both off by default; Ada leaves it off, Linus switches it on.
    const { page: ada, context: adaContext } = await newPage(h, 'phone', 'en');
    let { page: linus, context: linusContext } = await newPage(h, 'phone', 'ko');
    await gateAudio(adaContext);
    await gateAudio(linusContext);
    all.push(ada, linus);
    await joinAs(ada, code, 'Ada');
    await joinAs(linus, code, 'Linus');
    for (const p of [ada, linus]) {
      await toggle(p).waitFor(WAIT);
      expect(await status(p)).toBe('off');
      expect(await toggle(p).getAttribute('aria-checked')).toBe('false');
    }
    await toggle(linus).click();
    await linus.locator('sound-toggle button[data-status="on"]').waitFor(WAIT);
    // A browser without Web Audio: the switch says so and cannot be pressed, and the game goes on without an error
    // (every page here fails the test on an uncaught one).
    const { page: noa, context: noaContext } = await newPage(h, 'phone', 'en');
    await noaContext.addInitScript(() => {
      delete (window as { AudioContext?: unknown }).AudioContext;
      delete (window as { webkitAudioContext?: unknown }).webkitAudioContext;
    });
    all.push(noa);
    await joinAs(noa, code, 'Noa');
    await noa.locator('sound-toggle button[data-status="unavailable"]:disabled').waitFor(WAIT);
    await shot(noa, 'sound-toggle-phone-unavailable-en');
    for (const name of ['Ada', 'Linus', 'Noa'])
      await host.locator('host-view .players li', { hasText: name }).waitFor(WAIT);

    // The toggle in both languages, on the projector (on) and on phones (off, on), with nothing sideways.
    for (const [page, name] of [
      [host, 'sound-toggle-projector'],
      [ada, 'sound-toggle-phone-off'],
      [linus, 'sound-toggle-phone-on'],
    ] as const) {
      await expectAccessible(page, name);
      for (const lang of ['en', 'ko'] as const) {
        await setLang(page, lang);
        await page
          .locator('sound-toggle .txt')
          .filter({ hasText: lang === 'en' ? /Sound|Click/ : /소리/ })
          .waitFor(WAIT);
        await shot(page, `${name}-${lang}`);
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
          `${name} ${lang} scrolls sideways`,
        ).toBe(true);
        // The header keeps one line: the toggle squeezes neither the brand nor the language switch.
        const header = await page.evaluate(
          () =>
            document.querySelector('hostrush-app')?.shadowRoot?.querySelector('header')?.getBoundingClientRect()
              .height ?? 0,
        );
        const widths = await page.evaluate(() =>
          Array.from(document.querySelector('hostrush-app')?.shadowRoot?.querySelector('header')?.children ?? [])
            .map(
              (e) =>
                `${e.localName}:${Math.round(e.getBoundingClientRect().width)}x` +
                `${Math.round(e.getBoundingClientRect().height)}`,
            )
            .join(' '),
        );
        expect(header, `${name} ${lang} header height ${widths}`).toBeLessThanOrEqual(60);
      }
    }
    await setLang(host, 'en');

    // Question 1: nobody answers, so it ends by itself: start, ticks in the last seconds, time's up, reveal.
    await hostControl(host, 'Start game');
    let current = await changed(host, 'host-view', 'lobby:-1');
    expect(current.startsWith('question')).toBe(true);
    current = await changed(host, 'host-view', current);
    expect(current.startsWith('reveal')).toBe(true);
    await heard(host, 'reveal');
    const first = await cues(host);
    expect(first.join(' ')).toMatch(/^lobby start (tick ){3,5}timeup reveal$/);
    // The phone that switched sound on played the same cues; the other played none.
    await heard(linus, 'reveal');
    expect((await cues(linus)).filter((c) => c !== 'tick')).toEqual(['start', 'timeup', 'reveal']);
    expect(await cues(ada)).toEqual([]);

    // Linus opens the game again in a new tab: sound is still wanted there, but the browser holds it back until a tap,
    // and the toggle
    // says so instead of claiming to play; the first tap anywhere lets it play.
    const url = linus.url();
    await linus.close();
    linus = await linusContext.newPage();
    all.push(linus);
    await linus.goto(url);
    await linus.locator('play-screen [data-phase]').waitFor(WAIT);
    await linus.locator('sound-toggle button[data-status="waiting"]').waitFor(WAIT);
    expect(await toggle(linus).getAttribute('aria-checked')).toBe('false');
    await shot(linus, 'sound-toggle-phone-waiting-ko');
    await linus.locator('play-screen').click({ position: { x: 5, y: 300 } });
    await linus.locator('sound-toggle button[data-status="on"]').waitFor(WAIT);

    // The teacher mutes the projector: the next question plays nothing there, and the choice survives a reload.
    await toggle(host).click();
    await host.locator('sound-toggle button[data-status="off"]').waitFor(WAIT);
    expect(await toggle(host).getAttribute('aria-checked')).toBe('false');
    await shot(host, 'sound-toggle-projector-muted-en');
    const muted = (await cues(host)).length;
    await hostControl(host, 'Next');
    current = await changed(host, 'host-view', current);
    while (!current.startsWith('question')) {
      await hostControl(host, 'Next');
      current = await changed(host, 'host-view', current);
    }
    current = await changed(host, 'host-view', current);
    expect(current.startsWith('reveal')).toBe(true);
    await heard(linus, 'reveal');
    expect((await cues(host)).length).toBe(muted);
    await host.reload();
    await host.locator('sound-toggle button[data-status="off"]').waitFor(WAIT);
    expect((await cues(host)).length).toBe(0);

    // Switched on again (a click, so the browser lets audio start), the projector plays the podium when the teacher
    // ends the game.
    await toggle(host).click();
    await host.locator('sound-toggle button[data-status="on"]').waitFor(WAIT);
    await hostControl(host, 'End game');
    current = await changed(host, 'host-view', current);
    expect(current.startsWith('podium')).toBe(true);
    await heard(host, 'podium');
    expect((await cues(host)).slice(-1)).toEqual(['podium']);
    expect(await toggle(host).getAttribute('data-last-cue')).toBe('podium');
    await heard(linus, 'podium');
    await ada.locator('play-screen [data-phase="podium"]').waitFor(WAIT);
    expect(await cues(ada)).toEqual([]);
    await noa.locator('play-screen [data-phase="podium"]').waitFor(WAIT);
    expect(await cues(noa)).toEqual([]);
    expect((await played(host)).every((p) => p.profile === 'projector')).toBe(true);

    // The projector reopened on the podium: nothing replayed, and until a click the toggle says it waits for one.
    for (const lang of ['en', 'ko'] as const) {
      await host.evaluate((l) => localStorage.setItem('hostrush.lang', l), lang);
      await host.reload();
      await host.locator('sound-toggle button[data-status="waiting"]').waitFor(WAIT);
      await host.locator('podium-stand li').first().waitFor(WAIT);
      expect(await cues(host)).toEqual([]);
      await shot(host, `sound-toggle-projector-waiting-${lang}`);
    }
    // Pressing the waiting switch starts the sound (it does not mute).
    await toggle(host).click();
    await host.locator('sound-toggle button[data-status="on"]').waitFor(WAIT);

    // Solo on a phone: the switch shows once the run plays, off, and nothing sounds.
    const { page: solo, context: soloContext } = await newPage(h, 'phone', 'ko');
    await gateAudio(soloContext);
    all.push(solo);
    await solo.goto('/solo');
    await solo.locator('solo-view #sname').fill('Sol');
    expect(await solo.locator('sound-toggle').isHidden()).toBe(true);
    await solo.locator('solo-view button.go').click();
    await solo.locator('solo-view play-screen [data-phase="question"]').waitFor(WAIT);
    await solo.locator('sound-toggle button[data-status="off"]').waitFor(WAIT);
    await shot(solo, 'sound-toggle-solo-ko');
    expect(await solo.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await cues(solo)).toEqual([]);

    // Reduced motion (every page of these tests asks for it): the podium rises without moving; asked for motion, it
    // does.
    await host.locator('podium-stand li').first().waitFor(WAIT);
    expect(await moving(host)).toEqual([]);
    expect(await moving(linus)).toEqual([]);
    await host.emulateMedia({ reducedMotion: 'no-preference' });
    expect(await moving(host)).toEqual(expect.arrayContaining(['li: animation rise']));
    await host.emulateMedia({ reducedMotion: 'reduce' });
    expect(await moving(host)).toEqual([]);
  }
});
