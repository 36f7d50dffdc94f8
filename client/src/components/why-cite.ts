// A "why" line with its citation: where the engine cites a row of the sources table (shared/engine/race/facts.ts,
// docs/FACTS.md), a small "source" tap opens the row's claim and reference (and a link when the source has an
// address); a number the game estimated (GUESS) is marked "estimate" and opens what that means.
import { html, css, nothing, type TemplateResult } from 'lit';
import { factById } from '../../../shared/engine/race/facts.js';
import type { Why } from '../../../shared/engine/types.js';
import { LocalizedElement } from './localized-element.js';
import { lang, t } from '../i18n/index.js';
import { whyText } from '../lib/labels.js';

export class WhyCite extends LocalizedElement {
  static override properties = { source: { type: String } };
  static override styles = css`
    :host {
      display: inline;
    }
    details {
      display: inline;
    }
    summary {
      display: inline-block;
      list-style: none;
      cursor: pointer;
      min-height: 1.5em;
      padding: 0 0.3em;
      margin-inline-start: 0.15em;
      border-radius: 999px;
      border: 1px solid var(--hr-border, #c9c9d6);
      color: var(--hr-ink-soft, #555);
      /* --hr-room-min: on the projector no smaller than the room can read (unset on phones). */
      font-size: max(0.78em, var(--hr-room-min, 0px));
      font-weight: 650;
      line-height: 1.5;
      vertical-align: baseline;
    }
    summary::-webkit-details-marker {
      display: none;
    }
    summary:focus-visible {
      outline: 3px solid var(--hr-focus, #1a56db);
      outline-offset: 1px;
    }
    details[open] summary {
      background: var(--hr-surface-2, #eef);
    }
    .pop {
      display: block;
      margin: 0.3em 0 0.2em;
      padding: 0.45em 0.65em;
      border-radius: 6px;
      background: var(--hr-surface-2, #f1f1f6);
      color: var(--hr-ink, #111);
      font-size: max(0.88em, var(--hr-room-min, 0px));
      font-weight: 450;
      line-height: 1.4;
      text-align: start;
    }
    .pop .claim,
    .pop .ref {
      display: block;
    }
    .pop .ref {
      margin-top: 0.3em;
      color: var(--hr-ink-soft, #555);
      font-size: max(0.92em, var(--hr-room-min, 0px));
      overflow-wrap: anywhere;
    }
    a {
      color: inherit;
      font-weight: 650;
    }
  `;
  /** A tag of the sources table (a Why's `source`). */
  source = '';

  override render() {
    const fact = factById(this.source);
    if (!fact) return nothing;
    const guess = fact.id === 'GUESS';
    return html`<details>
      <summary aria-label=${guess ? t('why.estimateLabel') : t('why.sourceLabel', { ref: fact.ref })}>
        ${guess ? t('why.estimate') : t('why.source')}
      </summary>
      <span class="pop" role="note">
        <span class="claim">${fact.claim[lang()]}</span>
        ${
          guess
            ? nothing
            : html`<span class="ref"
                >[${fact.id}]
                ${fact.ref}${
                  fact.url
                    ? html` · <a href=${fact.url} target="_blank" rel="noopener noreferrer">${t('why.open')}</a>`
                    : nothing
                }</span
              >`
        }
      </span>
    </details>`;
  }
}
customElements.define('why-cite', WhyCite);
declare global {
  interface HTMLElementTagNameMap {
    'why-cite': WhyCite;
  }
}

/** The citation of a "why", or nothing when it cites no row. */
export function whyCite(why: Why): TemplateResult | typeof nothing {
  return why.source ? html`<why-cite source=${why.source}></why-cite>` : nothing;
}

/** A "why" line as students read it: its text in the current language, then its citation. */
export function whyLine(why: Why): TemplateResult {
  return html`${whyText(why)}${whyCite(why)}`;
}
