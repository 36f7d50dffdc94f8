// Single choice, multiple select and true/false answers as big colour + shape + letter buttons.
import { html, css } from 'lit';
import type { Answer, PublicQuestion } from '../../../shared/engine/types.js';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { answerLook, answerStyles, submitStyles } from './answer-style.js';
import { t } from '../i18n/index.js';

/** @fires answer - detail: Answer */
export class AnswerChoices extends LocalizedElement {
  static override properties = {
    question: { attribute: false },
    disabled: { type: Boolean },
    picked: { state: true },
    current: { state: true },
  };
  static override styles = [
    baseStyles,
    submitStyles,
    answerStyles,
    css`
      :host {
        display: block;
      }
      .grid {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
        gap: 0.75rem;
      }
    `,
  ];
  question: PublicQuestion | null = null;
  disabled = false;
  private picked: number[] = [];
  /** The option Tab lands on (one tab stop for the group; arrow keys move between options). */
  private current = 0;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('question')) {
      this.picked = [];
      this.current = 0;
    }
  }

  override updated(changed: Map<string, unknown>): void {
    // A new question: the first option takes the focus if the focus is nowhere (or was on the last question's
    // options), so a keyboard player answers with arrows and Enter without tabbing through the page.
    const q = this.question;
    if (
      !changed.has('question') ||
      !q ||
      this.disabled ||
      (changed.get('question') as PublicQuestion | null)?.id === q.id
    )
      return;
    if (deepActive() === null || this.renderRoot.contains(deepActive()))
      this.buttons()[0]?.focus({ preventScroll: true });
  }

  private buttons(): HTMLButtonElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLButtonElement>('.grid button.ans')];
  }

  /**
   * Arrow keys move the focus between the options (wrapping), Home and End to the first and last; Enter or Space picks.
   */
  private onKey(e: KeyboardEvent): void {
    const buttons = this.buttons();
    const at = buttons.indexOf(e.target as HTMLButtonElement);
    if (at < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const n = buttons.length;
    const to =
      e.key === 'ArrowRight' || e.key === 'ArrowDown'
        ? (at + 1) % n
        : e.key === 'ArrowLeft' || e.key === 'ArrowUp'
          ? (at - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    this.current = to;
    buttons[to]!.focus();
  }

  private options(): string[] {
    const q = this.question;
    if (!q) return [];
    if (q.type === 'truefalse') return [t('q.true'), t('q.false')];
    return q.options ?? [];
  }

  private send(answer: Answer): void {
    this.dispatchEvent(new CustomEvent<Answer>('answer', { detail: answer, bubbles: true, composed: true }));
  }

  private choose(index: number): void {
    const q = this.question;
    if (!q || this.disabled) return;
    if (q.type === 'single') this.send({ type: 'single', choice: index });
    else if (q.type === 'truefalse') this.send({ type: 'truefalse', value: index === 0 });
    else
      this.picked = this.picked.includes(index)
        ? this.picked.filter((i) => i !== index)
        : [...this.picked, index].sort((a, b) => a - b);
  }

  override render() {
    const q = this.question;
    if (!q) return null;
    const multi = q.type === 'multi';
    const help = multi
      ? t('q.multi', { count: q.selectCount ?? 1 })
      : q.type === 'truefalse'
        ? t('q.truefalse')
        : t('q.single');
    return html`
      <p class="muted" id="help">${help}</p>
      <div class="grid" role="group" aria-labelledby="help" @keydown=${this.onKey}>
        ${this.options().map((text, i) => {
          const look = answerLook(i);
          return html`<button
            class="ans ${look.cls}"
            ?disabled=${this.disabled}
            aria-pressed=${multi ? String(this.picked.includes(i)) : 'false'}
            aria-label=${t('q.option', { letter: look.letter, text })}
            tabindex=${i === this.current ? '0' : '-1'}
            @focus=${() => (this.current = i)}
            @click=${() => this.choose(i)}
          >
            <span class="shape" aria-hidden="true">${look.shape}</span>
            <span class="letter" aria-hidden="true">${look.letter}</span>
            <span class="text">${text}</span>
          </button>`;
        })}
      </div>
      ${
        multi
          ? html`<button
              class="submit"
              ?disabled=${this.disabled || this.picked.length === 0}
              @click=${() => this.send({ type: 'multi', choices: this.picked })}
            >
              ${t('q.submit')}
            </button>`
          : null
      }
    `;
  }
}
/** The focused element, looking into shadow roots; null when nothing (the body) has the focus. */
function deepActive(): Element | null {
  let el = document.activeElement;
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
  return el === document.body ? null : el;
}

customElements.define('answer-choices', AnswerChoices);
declare global {
  interface HTMLElementTagNameMap {
    'answer-choices': AnswerChoices;
  }
}
