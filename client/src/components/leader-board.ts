// Ranked list of players (or teams) with scores; the viewer's own row is marked in text, not colour alone.
import { html, css } from 'lit';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t, fmt } from '../i18n/index.js';
import { places } from '../lib/view-helpers.js';

export interface BoardRow {
  id: string;
  name: string;
  score: number;
  detail?: string;
}

export class LeaderBoard extends LocalizedElement {
  static override properties = {
    rows: { attribute: false },
    limit: { type: Number },
    me: { type: String },
    heading: { type: String },
  };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.45rem;
      }
      /* --hr-board-*: a view may set a denser board (the projector's race column). */
      li {
        display: grid;
        grid-template-columns: var(--hr-board-rank, 3.2rem) 1fr auto;
        align-items: center;
        gap: 0.6rem;
        background: var(--hr-surface);
        border: 1px solid var(--hr-border);
        border-radius: var(--hr-radius-sm);
        padding: var(--hr-board-pad, 0.55rem 0.9rem);
        font-size: var(--hr-board-fs, 1.15em);
      }
      li.me {
        border: 3px solid var(--hr-brand);
        background: var(--hr-brand-soft);
      }
      .rank {
        font-weight: 800;
        color: var(--hr-brand);
      }
      /* A long name wraps rather than losing its end (on a projector the whole room must tell who it is). */
      .name {
        font-weight: 650;
        overflow-wrap: anywhere;
        min-width: 0;
      }
      /* --hr-room-min: the projector's least readable size (unset on phones, where 0.8em is fine). */
      .detail {
        display: block;
        font-size: max(0.8em, var(--hr-room-min, 0px));
        font-weight: 500;
        color: var(--hr-ink-soft);
        white-space: normal;
      }
      .score {
        font-weight: 800;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];
  rows: BoardRow[] = [];
  limit = 10;
  me = '';
  heading = '';

  override render() {
    const sorted = [...this.rows].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
    const shown = sorted.slice(0, this.limit);
    const myIndex = sorted.findIndex((r) => r.id === this.me);
    const place = places(sorted);
    const row = (r: BoardRow, i: number) =>
      html`<li class=${r.id === this.me ? 'me' : ''}>
        <span class="rank">${t('board.place', { n: place[i]! })}</span>
        <span class="name"
          >${r.name}${r.id === this.me ? html` (${t('board.you')})` : null}
          ${r.detail ? html`<span class="detail">${r.detail}</span>` : null}</span
        >
        <span class="score">${fmt(r.score)}</span>
      </li>`;
    return html`
      ${this.heading ? html`<h2>${this.heading}</h2>` : null}
      <ol>
        ${shown.map(row)} ${myIndex >= this.limit ? row(sorted[myIndex] as BoardRow, myIndex) : null}
      </ol>
    `;
  }
}
customElements.define('leader-board', LeaderBoard);
declare global {
  interface HTMLElementTagNameMap {
    'leader-board': LeaderBoard;
  }
}
