// The header's language switch: remembered per device.
import { html, css } from 'lit';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { LANGS, lang, setLang, t } from '../i18n/index.js';

export class LangSwitch extends LocalizedElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-flex;
      }
      .group {
        display: inline-flex;
        border: 2px solid var(--hr-brand-ink);
        border-radius: 999px;
        overflow: hidden;
      }
      button {
        border: 0;
        border-radius: 0;
        background: transparent;
        color: var(--hr-brand-ink);
        padding: 0.3rem 0.8rem;
        min-height: 40px;
      }
      button[aria-pressed='true'] {
        background: var(--hr-brand-ink);
        color: var(--hr-brand);
      }
    `,
  ];
  override render() {
    return html`<div class="group" role="group" aria-label=${t('lang.label')}>
      ${LANGS.map(
        (l) =>
          html`<button lang=${l} aria-pressed=${String(lang() === l)} @click=${() => setLang(l)}>
            ${t(`lang.${l}`)}
          </button>`,
      )}
    </div>`;
  }
}
customElements.define('lang-switch', LangSwitch);
declare global {
  interface HTMLElementTagNameMap {
    'lang-switch': LangSwitch;
  }
}
