// A question as the projector shows it while it is open: prompt, note, the answers with colour, shape and letter,
// ordering items, matching sides or the numeric hint. The host view and the workshop's preview both use it.
import { html, css, nothing } from 'lit';
import type { PublicQuestion } from '../../../shared/engine/types.js';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { answerLook, answerStyles } from './answer-style.js';
import { t } from '../i18n/index.js';
import { pointsBadge, pointsBadgeStyles } from './points-badge.js';

export class ProjectorQuestion extends LocalizedElement {
  static override properties = { question: { attribute: false } };
  static override styles = [
    baseStyles,
    answerStyles,
    pointsBadgeStyles,
    css`
      :host {
        display: block;
      }
      .prompt {
        font-size: var(--hr-fs-big);
        font-weight: 800;
        margin: 0 0 1rem;
      }
      .note {
        background: var(--hr-surface-2);
        border-radius: var(--hr-radius-sm);
        padding: 0.6rem 0.9rem;
        white-space: pre-wrap;
      }
      .opts {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.8rem;
        margin-top: 1rem;
      }
      .opts .ans {
        font-size: 1.3em;
        cursor: default;
      }
      .items {
        font-size: 1.2em;
        font-weight: 650;
      }
    `,
  ];
  question: PublicQuestion | null = null;

  override render() {
    const pq = this.question;
    if (!pq) return nothing;
    const options = pq.type === 'truefalse' ? [t('q.true'), t('q.false')] : pq.options;
    return html`
      ${pointsBadge(pq)}
      <h1 class="prompt">${pq.prompt}</h1>
      ${pq.note ? html`<p class="note">${pq.note}</p>` : nothing}
      ${
        options
          ? html`<div class="opts">
              ${options.map((o, i) => {
                const look = answerLook(i);
                return html`<div class="ans ${look.cls}">
                  <span class="shape" aria-hidden="true">${look.shape}</span>
                  <span class="letter" aria-hidden="true">${look.letter}</span><span class="text">${o}</span>
                </div>`;
              })}
            </div>`
          : nothing
      }
      ${
        pq.items
          ? html`<ol class="items">
              ${pq.items.map((i) => html`<li>${i}</li>`)}
            </ol>`
          : nothing
      }
      ${
        pq.left
          ? html`<div class="opts">
              <ul class="items">
                ${pq.left.map((i) => html`<li>${i}</li>`)}
              </ul>
              <ul class="items">
                ${(pq.right ?? []).map((i) => html`<li>${i}</li>`)}
              </ul>
            </div>`
          : nothing
      }
      ${pq.type === 'numeric' ? html`<p class="muted">${t('q.numeric')}${pq.unit ? ` (${pq.unit})` : ''}</p>` : nothing}
    `;
  }
}
customElements.define('projector-question', ProjectorQuestion);
declare global {
  interface HTMLElementTagNameMap {
    'projector-question': ProjectorQuestion;
  }
}
