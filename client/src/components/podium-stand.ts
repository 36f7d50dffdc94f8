// The top three on a podium (2nd, 1st, 3rd), with place numbers so the order is not told by height alone.
import { html, css } from 'lit';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t, fmt } from '../i18n/index.js';
import { places } from '../lib/view-helpers.js';
import type { BoardRow } from './leader-board.js';

export class PodiumStand extends LocalizedElement {
  static override properties = { rows: { attribute: false } };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
        display: flex;
        align-items: flex-end;
        justify-content: center;
        gap: 1rem;
      }
      li {
        display: grid;
        justify-items: center;
        gap: 0.4rem;
        width: min(14rem, 30vw);
      }
      .name {
        font-weight: 800;
        font-size: clamp(1.1rem, 2.4vw, 2rem);
        text-align: center;
        overflow-wrap: anywhere;
      }
      .score {
        font-weight: 700;
        color: var(--hr-ink-soft);
        font-variant-numeric: tabular-nums;
      }
      .block {
        width: 100%;
        border-radius: var(--hr-radius) var(--hr-radius) 0 0;
        display: grid;
        place-items: start center;
        padding-top: 0.6rem;
        font-size: clamp(2rem, 5vw, 4rem);
        font-weight: 900;
        color: #fff;
      }
      .p1 .block {
        height: 14rem;
        background: var(--hr-brand);
      }
      .p2 .block {
        height: 10rem;
        background: var(--hr-b);
      }
      .p3 .block {
        height: 7rem;
        background: var(--hr-d);
      }
      .medal {
        font-size: 2.4rem;
      }
      @media (prefers-reduced-motion: no-preference) {
        li {
          animation: rise 600ms ease-out both;
        }
        .p1 {
          animation-delay: 400ms;
        }
        .p2 {
          animation-delay: 200ms;
        }
      }
      @keyframes rise {
        from {
          transform: translateY(30px);
          opacity: 0;
        }
        to {
          transform: none;
          opacity: 1;
        }
      }
    `,
  ];
  rows: BoardRow[] = [];
  override render() {
    const top = [...this.rows].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name)).slice(0, 3);
    // Heights by position; the numbers by score, so a tie shows one place twice.
    const place = places(top);
    const order = [1, 0, 2].filter((i) => top[i]);
    return html`<ol aria-label=${t('board.podium')}>
      ${order.map((i) => {
        const r = top[i] as BoardRow;
        return html`<li class="p${i + 1}">
          <span class="name">${r.name}</span>
          <span class="score">${t('common.points', { points: fmt(r.score) })}</span>
          <span class="block"
            ><span class="sr-only">${t('board.place', { n: place[i]! })}</span
            ><span aria-hidden="true">${place[i]}</span></span
          >
        </li>`;
      })}
    </ol>`;
  }
}
customElements.define('podium-stand', PodiumStand);
declare global {
  interface HTMLElementTagNameMap {
    'podium-stand': PodiumStand;
  }
}
