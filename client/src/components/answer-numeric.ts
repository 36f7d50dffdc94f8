// Numeric answer: an on-screen keypad for one-handed phone use, and a plain input for keyboards.
import { html, css } from 'lit';
import type { Answer, PublicQuestion } from '../../../shared/engine/types.js';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { submitStyles } from './answer-style.js';
import { t } from '../i18n/index.js';

/** @fires answer - detail: Answer ({ type: 'numeric', value }) */
export class AnswerNumeric extends LocalizedElement {
  static override properties = {
    question: { attribute: false },
    disabled: { type: Boolean },
    value: { state: true },
  };
  static override styles = [
    baseStyles,
    submitStyles,
    css`
      :host {
        display: block;
        max-width: 26rem;
        margin-inline: auto;
      }
      .display {
        display: flex;
        align-items: center;
        gap: 0.5rem;
        margin-bottom: 0.8rem;
      }
      /* An input is as wide as its size (20 characters at 2rem) unless told otherwise:
         it takes what the unit leaves. */
      .display input {
        flex: 1 1 0;
        min-width: 0;
        width: 100%;
        font-size: 2rem;
        font-weight: 800;
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      .unit {
        flex: none;
        max-width: 45%;
        overflow-wrap: anywhere;
        font-size: 1.4rem;
        font-weight: 700;
        color: var(--hr-ink-soft);
      }
      .pad {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 0.5rem;
      }
      .pad button {
        min-height: 60px;
        font-size: 1.5rem;
        background: var(--hr-surface);
        color: var(--hr-ink);
        border-color: var(--hr-border);
      }
    `,
  ];
  question: PublicQuestion | null = null;
  disabled = false;
  private value = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('question')) this.value = '';
  }

  private press(key: string): void {
    if (key === 'back') this.value = this.value.slice(0, -1);
    else if (key === 'clear') this.value = '';
    else if (key === '-') this.value = this.value.startsWith('-') ? this.value.slice(1) : `-${this.value}`;
    else if (key === '.') this.value = this.value.includes('.') ? this.value : `${this.value || '0'}.`;
    else if (this.value.replace(/[-.]/g, '').length < 9) this.value += key;
  }

  private parsed(): number | null {
    if (!/^-?\d+(\.\d+)?$/.test(this.value.trim())) return null;
    const n = Number(this.value);
    return Number.isFinite(n) ? n : null;
  }

  private submit(e?: Event): void {
    e?.preventDefault();
    const n = this.parsed();
    if (n === null || this.disabled) return;
    const answer: Answer = { type: 'numeric', value: n };
    this.dispatchEvent(new CustomEvent<Answer>('answer', { detail: answer, bubbles: true, composed: true }));
  }

  override render() {
    const keys: Array<[string, string, string?]> = [
      ['1', '1'],
      ['2', '2'],
      ['3', '3'],
      ['4', '4'],
      ['5', '5'],
      ['6', '6'],
      ['7', '7'],
      ['8', '8'],
      ['9', '9'],
      ['-', '±', t('q.minus')],
      ['0', '0'],
      ['.', '.', t('q.decimal')],
    ];
    return html`
      <form @submit=${this.submit}>
        <p class="muted">${t('q.numeric')}</p>
        <div class="display">
          <label class="sr-only" for="num">${t('q.yourNumber')}</label>
          <input
            id="num"
            inputmode="decimal"
            autocomplete="off"
            .value=${this.value}
            ?disabled=${this.disabled}
            @input=${(e: Event) => (this.value = (e.target as HTMLInputElement).value.replace(/[^\d.-]/g, ''))}
          />
          ${this.question?.unit ? html`<span class="unit">${this.question.unit}</span>` : null}
        </div>
        <div class="pad" role="group" aria-label=${t('q.keypad')}>
          ${keys.map(
            ([key, label, aria]) =>
              html`<button
                type="button"
                ?disabled=${this.disabled}
                aria-label=${aria ?? label}
                @click=${() => this.press(key)}
              >
                ${label}
              </button>`,
          )}
        </div>
        <div class="row" style="margin-top:0.5rem">
          <button
            type="button"
            class="secondary"
            ?disabled=${this.disabled}
            aria-label=${t('q.backspace')}
            @click=${() => this.press('back')}
          >
            ⌫
          </button>
          <button type="button" class="secondary" ?disabled=${this.disabled} @click=${() => this.press('clear')}>
            ${t('q.clear')}
          </button>
        </div>
        <button class="submit" type="submit" ?disabled=${this.disabled || this.parsed() === null}>
          ${t('q.submit')}
        </button>
      </form>
    `;
  }
}
customElements.define('answer-numeric', AnswerNumeric);
declare global {
  interface HTMLElementTagNameMap {
    'answer-numeric': AnswerNumeric;
  }
}
