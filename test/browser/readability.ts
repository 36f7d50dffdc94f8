// The projector is read from the back of a classroom: at 1920x1080 no text the room must read is under 24 px.
// What the room reads is what host-view marks with `data-room` (the phase's body: the question and its options, the
// room code and join address, the race picture, cards, events and standings, the bills, the podium); host-only
// controls (the top bar, the folded host tools, anything marked `data-host-only`) may stay smaller.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export const ROOM_MIN_PX = 24;

export interface Offender {
  text: string;
  px: number;
  /** Where it sits: the custom elements and classes on its way down from host-view. */
  path: string;
}

/**
 * Runs in the page: every visible text node inside host-view's room-read regions (through open shadow roots), with
 * its computed size. Plain JavaScript in a string, so no transpiler helper leaks into the page.
 */
const ROOM_TEXT = `(() => {
  const found = [];
  const hidden = (el) => {
    // Up the composed tree: display none, visibility hidden, transparent, or an sr-only box (clipped to a pixel).
    for (let a = el; a; a = a.parentElement || (a.getRootNode().host || null)) {
      const cs = getComputedStyle(a);
      if (cs.display === 'none' || cs.visibility === 'hidden' || Number(cs.opacity) === 0) return true;
      const r = a.getBoundingClientRect();
      if (cs.position === 'absolute' && r.width <= 1 && r.height <= 1) return true;
      if (a.tagName === 'HOST-VIEW') break;
    }
    return false;
  };
  const label = (el) =>
    el.tagName.toLowerCase() +
    (el.classList.length ? '.' + [...el.classList].join('.') : '') +
    (el.dataset.room ? '[data-room=' + el.dataset.room + ']' : '');
  const walk = (node, inRoom, path) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const text = (node.textContent || '').replace(/\\s+/g, ' ').trim();
      if (!inRoom || !text) return;
      const el = node.parentElement || (node.parentNode && node.parentNode.host) || null;
      if (!el || hidden(el)) return;
      const range = document.createRange();
      range.selectNodeContents(node);
      if (![...range.getClientRects()].some((r) => r.width > 0 && r.height > 0)) return;
      found.push({ text: text.slice(0, 60), px: parseFloat(getComputedStyle(el).fontSize), path: path.join(' > ') });
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE && node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    let room = inRoom;
    let here = path;
    if (node.nodeType === Node.ELEMENT_NODE) {
      if (node.hasAttribute('data-host-only') || node.tagName === 'STYLE' || node.tagName === 'SCRIPT') return;
      if (node.hasAttribute('data-room')) room = true;
      if (node.tagName.includes('-') || node.hasAttribute('data-room')) here = [...path, label(node)];
      if (node.shadowRoot) walk(node.shadowRoot, room, here);
    }
    for (const child of node.childNodes) walk(child, room, here);
  };
  // host-view sits inside the app shell's shadow root: find it through open shadow roots.
  const find = (root) => {
    const direct = root.querySelector('host-view');
    if (direct) return direct;
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) { const f = find(el.shadowRoot); if (f) return f; }
    return null;
  };
  const host = find(document);
  if (host) walk(host, false, []);
  return found;
})()`;

/** Every visible text node inside host-view's room-read regions, with its computed font size in px. */
export async function roomText(page: Page): Promise<Offender[]> {
  return page.evaluate<Offender[]>(ROOM_TEXT);
}

/**
 * Fails, listing each offender (text, px, where), when any visible text in the projector's room-read regions is
 * under 24 px; also fails when it finds no such text at all (a check that saw nothing proves nothing).
 */
export async function expectProjectorReadable(page: Page, label: string): Promise<void> {
  const texts = await roomText(page);
  expect(
    texts.length,
    `${label}: no room-read text found under host-view (is a [data-room] region rendered?)`,
  ).toBeGreaterThan(0);
  const seen = new Set<string>();
  const small = texts.filter(
    (x) => x.px < ROOM_MIN_PX - 0.01 && !seen.has(`${x.text}|${x.px}`) && seen.add(`${x.text}|${x.px}`),
  );
  const list = small.map((x) => `  "${x.text}" ${x.px.toFixed(1)} px  (${x.path})`).join('\n');
  expect(
    small,
    `${label}: text the room must read is under ${ROOM_MIN_PX} px ` +
      `at ${page.viewportSize()?.width}x${page.viewportSize()?.height}:\n${list}`,
  ).toEqual([]);
}
