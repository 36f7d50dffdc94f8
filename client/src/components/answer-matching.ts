// Matching answer: pick a left item, then its match on the right (keyboard or pointer); pairs are listed and can be
// undone.
import { html, css } from 'lit';
import type { Answer, PublicQuestion } from '../../../shared/engine/types.js';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { answerLook, submitStyles } from './answer-style.js';
import { t } from '../i18n/index.js';

/** @fires answer - detail: Answer ({ type: 'matching', pairs }): pairs[left] = presented right index. */
export class AnswerMatching extends LocalizedElement {
  static override properties = {
    question: { attribute: false },
    disabled: { type: Boolean },
    pairs: { state: true },
    active: { state: true },
  };
  static override styles = [
    baseStyles,
    submitStyles,
    css`
      :host {
        display: block;
      }
      .cols {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.8rem;
      }
      .col {
        display: grid;
        gap: 0.5rem;
        align-content: start;
      }
      .item {
        width: 100%;
        justify-content: flex-start;
        text-align: start;
        background: var(--hr-surface);
        color: var(--hr-ink);
        border: 2px solid var(--hr-border);
        font-weight: 600;
      }
      .item[aria-pressed='true'] {
        border-color: var(--hr-brand);
        background: var(--hr-brand-soft);
      }
      .tag {
        flex: none;
        font-weight: 800;
        min-width: 1.8rem;
        height: 1.8rem;
        border-radius: 50%;
        display: inline-grid;
        place-items: center;
        background: var(--hr-surface-2);
        color: var(--hr-ink);
      }
      .tag.set {
        background: var(--hr-brand);
        color: #fff;
      }
      ul {
        list-style: none;
        padding: 0;
        margin: 1rem 0 0;
        display: grid;
        gap: 0.3rem;
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
    `,
  ];
  question: PublicQuestion | null = null;
  disabled = false;
  /** left index -> presented right index, or -1. */
  private pairs: number[] = [];
  private active: number | null = null;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('question')) {
      this.pairs = (this.question?.left ?? []).map(() => -1);
      this.active = null;
    }
  }

  private pickLeft(i: number): void {
    this.active = this.active === i ? null : i;
  }

  private pickRight(r: number): void {
    let left = this.active;
    if (left === null) left = this.pairs.indexOf(-1);
    if (left < 0) return;
    // A right item matches one left item: free it elsewhere first.
    this.pairs = this.pairs.map((p, i) => (i === left ? r : p === r ? -1 : p));
    const nextFree = this.pairs.indexOf(-1);
    this.active = nextFree >= 0 ? nextFree : null;
  }

  private unpair(i: number): void {
    this.pairs = this.pairs.map((p, j) => (j === i ? -1 : p));
    this.active = i;
  }

  private submit(): void {
    const answer: Answer = { type: 'matching', pairs: this.pairs };
    this.dispatchEvent(new CustomEvent<Answer>('answer', { detail: answer, bubbles: true, composed: true }));
  }

  override render() {
    const left = this.question?.left ?? [];
    const right = this.question?.right ?? [];
    const complete = this.pairs.length > 0 && this.pairs.every((p) => p >= 0);
    return html`
      <p class="muted" id="help">${t('q.matching')} — ${t('q.matchHelp')}</p>
      <div class="cols">
        <div class="col" role="group" aria-labelledby="help">
          ${left.map((text, i) => {
            const r = this.pairs[i] ?? -1;
            return html`<button
              class="item left"
              aria-pressed=${String(this.active === i)}
              ?disabled=${this.disabled}
              @click=${() => this.pickLeft(i)}
            >
              <span class="tag ${r >= 0 ? 'set' : ''}" aria-hidden="true"
                >${r >= 0 ? answerLook(r).letter : i + 1}</span
              >
              <span>${text}</span>
              <span class="sr-only"
                >${r >= 0 ? t('q.matchedWith', { left: text, right: right[r] ?? '' }) : t('q.unmatched')}</span
              >
            </button>`;
          })}
        </div>
        <div class="col" role="group" aria-label=${t('q.matching')}>
          ${right.map((text, r) => {
            const look = answerLook(r);
            return html`<button
              class="item right"
              ?disabled=${this.disabled || (this.active === null && !this.pairs.includes(-1))}
              @click=${() => this.pickRight(r)}
            >
              <span class="tag" aria-hidden="true">${look.letter}</span><span>${text}</span>
            </button>`;
          })}
        </div>
      </div>
      <ul aria-live="polite">
        ${this.pairs.map((r, i) =>
          r >= 0
            ? html`<li>
                <span>${t('q.matchedWith', { left: left[i] ?? '', right: right[r] ?? '' })}</span>
                <button
                  class="ghost"
                  ?disabled=${this.disabled}
                  aria-label=${t('q.clearPair', { left: left[i] ?? '' })}
                  @click=${() => this.unpair(i)}
                >
                  ✕
                </button>
              </li>`
            : null,
        )}
      </ul>
      <button class="submit" ?disabled=${this.disabled || !complete} @click=${this.submit}>${t('q.submit')}</button>
    `;
  }
}
customElements.define('answer-matching', AnswerMatching);
declare global {
  interface HTMLElementTagNameMap {
    'answer-matching': AnswerMatching;
  }
}
