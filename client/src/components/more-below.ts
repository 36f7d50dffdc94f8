// A cue that more of what a player must press lies below the fold of a phone's screen. Placed right after the
// content it watches: while that spot is under the bottom of the viewport, a pill says so; tapping it scrolls there.
import { html, css, nothing } from 'lit';
import { LocalizedElement } from './localized-element.js';
import { t } from '../i18n/index.js';

export class MoreBelow extends LocalizedElement {
  static override properties = { below: { state: true }, label: { type: String } };
  static override styles = css`
    :host {
      display: block;
    }
    .spot {
      height: 1px;
    }
    button {
      position: fixed;
      left: 50%;
      transform: translateX(-50%);
      bottom: 5.2rem;
      z-index: 3;
      font: inherit;
      font-weight: 750;
      border: 0;
      border-radius: 999px;
      padding: 0.5rem 1.1rem;
      min-height: 44px;
      background: var(--hr-ink);
      color: #fff;
      box-shadow: var(--hr-shadow);
      cursor: pointer;
    }
    button:focus-visible {
      outline: 3px solid var(--hr-focus);
      outline-offset: 2px;
    }
  `;
  private below = false;
  /** What lies below (default: more answers). */
  label = '';
  private observer: IntersectionObserver | null = null;

  override firstUpdated(): void {
    const spot = this.renderRoot.querySelector('.spot');
    if (!spot || typeof IntersectionObserver === 'undefined') return;
    this.observer = new IntersectionObserver(([entry]) => {
      if (!entry) return;
      const bottom = entry.rootBounds?.bottom ?? window.innerHeight;
      this.below = !entry.isIntersecting && entry.boundingClientRect.top >= bottom;
    });
    this.observer.observe(spot);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.observer?.disconnect();
  }

  override render() {
    return html`<div class="spot"></div>
      ${
        this.below
          ? html`<button
              type="button"
              data-more-below
              @click=${() =>
                this.renderRoot.querySelector('.spot')?.scrollIntoView({ behavior: 'smooth', block: 'end' })}
            >
              ${this.label || t('q.moreBelow')} ↓
            </button>`
          : nothing
      }`;
  }
}
customElements.define('more-below', MoreBelow);
declare global {
  interface HTMLElementTagNameMap {
    'more-below': MoreBelow;
  }
}
