// How the room answered: one bar per option with its count written out, the correct ones marked with ✓ and text.
import { html, css } from 'lit';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { answerLook } from './answer-style.js';
import { t } from '../i18n/index.js';

export class AnswerDistribution extends LocalizedElement {
  static override properties = {
    labels: { attribute: false },
    counts: { attribute: false },
    correct: { attribute: false },
  };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        display: grid;
        grid-template-columns: minmax(8rem, 2fr) 3fr 3rem;
        gap: 0.8rem;
        align-items: center;
        font-size: 1.2em;
        font-weight: 650;
      }
      .label {
        display: flex;
        gap: 0.5rem;
        align-items: center;
      }
      .shape {
        font-size: 1.3em;
      }
      .track {
        height: 2rem;
        background: var(--hr-surface-2);
        border-radius: 6px;
        overflow: hidden;
      }
      .fill {
        height: 100%;
      }
      .a {
        background: var(--hr-a);
        color: var(--hr-a);
      }
      .b {
        background: var(--hr-b);
        color: var(--hr-b);
      }
      .c {
        background: var(--hr-c);
        color: #8a6a00;
      }
      .d {
        background: var(--hr-d);
        color: var(--hr-d);
      }
      .shape.a,
      .shape.b,
      .shape.c,
      .shape.d {
        background: none;
      }
      .shape.c {
        color: #8a6a00;
      }
      .num {
        font-variant-numeric: tabular-nums;
        text-align: end;
        font-weight: 800;
      }
      .ok {
        color: var(--hr-ok);
        font-weight: 900;
      }
      li.right .label {
        font-weight: 850;
      }
    `,
  ];
  labels: string[] = [];
  counts: number[] = [];
  correct: number[] = [];
  override render() {
    const max = Math.max(1, ...this.counts);
    return html`<ul aria-label=${t('host.distribution')}>
      ${this.labels.map((label, i) => {
        const look = answerLook(i);
        const n = this.counts[i] ?? 0;
        const right = this.correct.includes(i);
        return html`<li class=${right ? 'right' : ''}>
          <span class="label"
            ><span class="shape ${look.cls}" aria-hidden="true">${look.shape}</span>${label}
            ${right ? html`<span class="ok">✓<span class="sr-only">${t('host.correct')}</span></span>` : null}</span
          >
          <span class="track" aria-hidden="true"
            ><span class="fill ${look.cls}" style="display:block;width:${(n / max) * 100}%"></span
          ></span>
          <span class="num">${n}</span>
        </li>`;
      })}
    </ul>`;
  }
}
customElements.define('answer-distribution', AnswerDistribution);
declare global {
  interface HTMLElementTagNameMap {
    'answer-distribution': AnswerDistribution;
  }
}
