// A banner when the connection drops; the session controller rejoins by itself.
import { html, css, nothing } from 'lit';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t } from '../i18n/index.js';
import { CONN, type ConnStatus } from '../session/status.js';

export class ConnBanner extends LocalizedElement {
  static override properties = { status: { type: String } };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        position: sticky;
        top: 0;
        z-index: 10;
      }
      .bar {
        background: var(--hr-warn-soft);
        color: var(--hr-warn);
        border-bottom: 3px solid var(--hr-warn);
        padding: 0.6rem 1rem;
        font-weight: 700;
        text-align: center;
      }
      .dot {
        display: inline-block;
        width: 0.7rem;
        height: 0.7rem;
        border-radius: 50%;
        background: var(--hr-warn);
        margin-inline-end: 0.5rem;
      }
      @media (prefers-reduced-motion: no-preference) {
        .dot {
          animation: pulse 1s infinite alternate;
        }
      }
      @keyframes pulse {
        to {
          opacity: 0.3;
        }
      }
    `,
  ];
  status: ConnStatus = CONN.idle;
  override render() {
    const down = this.status === CONN.reconnecting;
    return html`<div role="status" aria-live="assertive">
      ${
        down
          ? html`<div class="bar" data-testid="reconnecting">
              <span class="dot" aria-hidden="true"></span
              >${navigator.onLine ? t('conn.reconnecting') : t('conn.offline')}
            </div>`
          : nothing
      }
    </div>`;
  }
}
customElements.define('conn-banner', ConnBanner);
declare global {
  interface HTMLElementTagNameMap {
    'conn-banner': ConnBanner;
  }
}
