// A visible countdown with a polite live region that speaks at a few moments only (30, 20, 10, 5 s, and time's up),
// never every tick. Times are server times; `offset` is server clock minus this device's clock.
import { html, css } from 'lit';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t } from '../i18n/index.js';

const ANNOUNCE_AT = [60, 30, 20, 10, 5] as const;

export class CountDown extends LocalizedElement {
  static override properties = {
    endsAt: { type: Number },
    totalMs: { type: Number },
    offset: { type: Number },
    paused: { type: Boolean },
    big: { type: Boolean, reflect: true },
    label: { type: String },
    leftS: { state: true },
    spoken: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-flex;
        align-items: center;
        gap: 0.6rem;
      }
      .ring {
        --p: 1;
        width: 3.4rem;
        height: 3.4rem;
        border-radius: 50%;
        display: grid;
        place-items: center;
        background: conic-gradient(var(--hr-brand) calc(var(--p) * 360deg), var(--hr-surface-2) 0);
      }
      .ring.low {
        background: conic-gradient(var(--hr-danger) calc(var(--p) * 360deg), var(--hr-surface-2) 0);
      }
      .num {
        width: 78%;
        height: 78%;
        border-radius: 50%;
        background: var(--hr-surface);
        display: grid;
        place-items: center;
        font-weight: 800;
        font-size: 1.3rem;
        font-variant-numeric: tabular-nums;
      }
      /* --hr-ring: a view may size the big ring (the projector's race keeps it small); the number scales with it. */
      :host([big]) .ring {
        width: var(--hr-ring, 7rem);
        height: var(--hr-ring, 7rem);
      }
      :host([big]) .num {
        font-size: calc(var(--hr-ring, 7rem) * 0.4);
      }
      .lbl {
        font-weight: 650;
        color: var(--hr-ink-soft);
      }
    `,
  ];
  endsAt = 0;
  totalMs = 0;
  offset = 0;
  paused = false;
  big = false;
  label = '';
  private leftS = 0;
  private spoken = '';
  private timer: ReturnType<typeof setInterval> | null = null;
  private lastAnnounced = -1;

  override connectedCallback(): void {
    super.connectedCallback();
    this.timer = setInterval(() => this.tick(), 250);
    this.tick();
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('endsAt')) this.lastAnnounced = -1;
    if (changed.has('endsAt') || changed.has('offset')) this.leftS = this.compute();
  }

  private compute(): number {
    return Math.max(0, Math.ceil((this.endsAt - (Date.now() + this.offset)) / 1000));
  }

  private tick(): void {
    if (this.paused) return;
    const left = this.compute();
    if (left === this.leftS) return;
    this.leftS = left;
    const mark = left === 0 ? 0 : ANNOUNCE_AT.find((s) => s === left);
    if (mark !== undefined && mark !== this.lastAnnounced) {
      this.lastAnnounced = mark;
      this.spoken = mark === 0 ? t('timer.up') : t('timer.left', { s: mark });
    }
  }

  override render() {
    const p = this.totalMs > 0 ? Math.min(1, (this.leftS * 1000) / this.totalMs) : 0;
    const low = this.leftS <= 5;
    return html`
      <span class="ring ${low ? 'low' : ''}" style="--p:${p}" role="timer" aria-label=${this.label || t('timer.label')}>
        <span class="num">${this.paused ? '❚❚' : this.leftS}</span>
      </span>
      ${this.paused ? html`<span class="lbl">${t('timer.paused')}</span>` : null}
      <span class="sr-only" aria-live="polite">${this.spoken}</span>
    `;
  }
}
customElements.define('count-down', CountDown);
declare global {
  interface HTMLElementTagNameMap {
    'count-down': CountDown;
  }
}
