// The header's sound switch, shown while a screen that plays sound is open (host, player, solo). It says what is
// true: on (playing), off (muted on this device), or waiting for a click because the browser holds audio back.
// `data-status` and `data-last-cue` carry the same for tests.
import { html, css, nothing, svg } from 'lit';
import { LocalizedElement } from '../components/localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t } from '../i18n/index.js';
import { sound } from './sound.js';

export class SoundToggle extends LocalizedElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        display: inline-flex;
        margin-inline-start: auto;
      }
      :host([hidden]) {
        display: none;
      }
      button {
        border: 2px solid var(--hr-brand-ink);
        background: transparent;
        color: var(--hr-brand-ink);
        border-radius: 999px;
        padding: 0.25rem 0.8rem 0.25rem 0.55rem;
        min-height: 40px;
        gap: 0.3rem;
        white-space: nowrap;
        font-size: 0.95rem;
      }
      button[data-status='on'] {
        background: var(--hr-brand-ink);
        color: var(--hr-brand);
      }
      button[data-status='waiting'] {
        border-style: dashed;
      }
      svg {
        flex: none;
      }
      .waves {
        fill: none;
        stroke: currentColor;
        stroke-width: 2;
        stroke-linecap: round;
      }
      /* A phone's header also holds the brand and the language switch: the icon alone, the state still in its name. */
      @media (max-width: 420px) {
        .txt {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0, 0, 0, 0);
          white-space: nowrap;
        }
        button {
          padding: 0;
          width: 40px;
          min-width: 40px;
        }
      }
    `,
  ];
  private off: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.off = sound.subscribe(() => this.requestUpdate());
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.off?.();
    this.off = null;
  }

  override render() {
    const profile = sound.profile;
    this.hidden = profile === null;
    if (!profile) return nothing;
    const status = sound.status();
    const text = t(`sound.${status}`);
    return html`<button
      role="switch"
      aria-checked=${String(status === 'on')}
      data-status=${status}
      data-profile=${profile}
      data-last-cue=${sound.lastCue}
      ?disabled=${status === 'unavailable'}
      title=${t('sound.help')}
      @click=${() => sound.toggle()}
    >
      <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true" focusable="false">
        <path d="M3 9h4l5-4v14l-5-4H3z" fill="currentColor" />
        ${
          status === 'on'
            ? svg`<path class="waves" d="M15.5 8.5a5 5 0 0 1 0 7M18.5 5.5a9 9 0 0 1 0 13" />`
            : svg`<path class="waves" d="M16 9l6 6M22 9l-6 6" />`
        }
      </svg>
      <span class="txt">${text}</span>
    </button>`;
  }
}
customElements.define('sound-toggle', SoundToggle);
declare global {
  interface HTMLElementTagNameMap {
    'sound-toggle': SoundToggle;
  }
}
