// Ordering answer: drag an item by its handle (pointer, works on touch) or move it with the up/down buttons.
import { html, css } from 'lit';
import type { Answer, PublicQuestion } from '../../../shared/engine/types.js';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { submitStyles } from './answer-style.js';
import { t } from '../i18n/index.js';

/** @fires answer - detail: Answer ({ type: 'ordering', order }) with presented indexes in the chosen order. */
export class AnswerOrdering extends LocalizedElement {
  static override properties = {
    question: { attribute: false },
    disabled: { type: Boolean },
    order: { state: true },
    dragging: { state: true },
    announcement: { state: true },
  };
  static override styles = [
    baseStyles,
    submitStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5rem;
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.6rem;
        background: var(--hr-surface);
        border: 2px solid var(--hr-border);
        border-radius: var(--hr-radius-sm);
        padding: 0.4rem 0.5rem;
        touch-action: none;
        user-select: none;
      }
      li.dragging {
        border-color: var(--hr-brand);
        background: var(--hr-brand-soft);
        box-shadow: var(--hr-shadow);
      }
      .pos {
        font-weight: 800;
        width: 2rem;
        text-align: center;
        color: var(--hr-brand);
      }
      .handle {
        cursor: grab;
        font-size: 1.4rem;
        padding: 0 0.4rem;
        color: var(--hr-ink-soft);
        touch-action: none;
      }
      .text {
        flex: 1;
        font-weight: 600;
      }
      .moves {
        display: flex;
        gap: 0.3rem;
      }
      .moves button {
        padding: 0.3rem 0.6rem;
      }
    `,
  ];
  question: PublicQuestion | null = null;
  disabled = false;
  private order: number[] = [];
  private dragging: number | null = null;
  private announcement = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('question')) this.order = (this.question?.items ?? []).map((_, i) => i);
  }

  private move(from: number, to: number): void {
    if (to < 0 || to >= this.order.length || from === to) return;
    const next = [...this.order];
    const [item] = next.splice(from, 1);
    if (item === undefined) return;
    next.splice(to, 0, item);
    this.order = next;
    const text = this.question?.items?.[item] ?? '';
    this.announcement = `${text}: ${t('q.position', { n: to + 1 })}`;
  }

  private async moveByButton(from: number, to: number, which: 'up' | 'down'): Promise<void> {
    this.move(from, to);
    await this.updateComplete;
    // Keep focus on the same item's button so repeated presses keep moving it.
    const rows = this.renderRoot.querySelectorAll('li');
    const button = rows[Math.max(0, Math.min(rows.length - 1, to))]?.querySelector<HTMLButtonElement>(
      `button.${which}`,
    );
    if (button && !button.disabled) button.focus();
    else rows[to]?.querySelector<HTMLButtonElement>('button:not(:disabled)')?.focus();
  }

  private onPointerDown(e: PointerEvent, index: number): void {
    if (this.disabled) return;
    e.preventDefault();
    const handle = e.currentTarget as HTMLElement;
    handle.setPointerCapture(e.pointerId);
    this.dragging = index;
    const onMove = (ev: PointerEvent) => {
      if (this.dragging === null) return;
      const rows = [...this.renderRoot.querySelectorAll('li')];
      let target = this.dragging;
      rows.forEach((row, i) => {
        const rect = row.getBoundingClientRect();
        if (ev.clientY > rect.top && ev.clientY < rect.bottom) target = i;
      });
      if (target !== this.dragging) {
        this.move(this.dragging, target);
        this.dragging = target;
      }
    };
    const onUp = () => {
      this.dragging = null;
      handle.removeEventListener('pointermove', onMove);
      handle.removeEventListener('pointerup', onUp);
      handle.removeEventListener('pointercancel', onUp);
    };
    handle.addEventListener('pointermove', onMove);
    handle.addEventListener('pointerup', onUp);
    handle.addEventListener('pointercancel', onUp);
  }

  private submit(): void {
    const answer: Answer = { type: 'ordering', order: this.order };
    this.dispatchEvent(new CustomEvent<Answer>('answer', { detail: answer, bubbles: true, composed: true }));
  }

  override render() {
    const items = this.question?.items ?? [];
    const last = this.order.length - 1;
    return html`
      <p class="muted" id="help">${t('q.ordering')} — ${t('q.orderHelp')}</p>
      <ol aria-labelledby="help">
        ${this.order.map((itemIndex, pos) => {
          const text = items[itemIndex] ?? '';
          return html`<li class=${this.dragging === pos ? 'dragging' : ''} data-item=${itemIndex}>
            <span class="pos" aria-hidden="true">${pos + 1}</span>
            <span class="handle" aria-hidden="true" @pointerdown=${(e: PointerEvent) => this.onPointerDown(e, pos)}
              >⠿</span
            >
            <span class="text">${text}</span>
            <span class="moves">
              <button
                class="secondary up"
                ?disabled=${this.disabled || pos === 0}
                aria-label=${t('q.moveUp', { item: text })}
                @click=${() => this.moveByButton(pos, pos - 1, 'up')}
              >
                ↑
              </button>
              <button
                class="secondary down"
                ?disabled=${this.disabled || pos === last}
                aria-label=${t('q.moveDown', { item: text })}
                @click=${() => this.moveByButton(pos, pos + 1, 'down')}
              >
                ↓
              </button>
            </span>
          </li>`;
        })}
      </ol>
      <p class="sr-only" aria-live="polite">${this.announcement}</p>
      <button class="submit" ?disabled=${this.disabled} @click=${this.submit}>${t('q.submit')}</button>
    `;
  }
}
customElements.define('answer-ordering', AnswerOrdering);
declare global {
  interface HTMLElementTagNameMap {
    'answer-ordering': AnswerOrdering;
  }
}
