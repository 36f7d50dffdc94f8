// A labelled 0..100 bar with its number written out (a <meter> for assistive tech).
import { html, css, LitElement } from 'lit';

export class ScoreMeter extends LitElement {
  static override properties = { label: { type: String }, value: { type: Number } };
  static override styles = css`
    :host {
      display: grid;
      grid-template-columns: 7.5rem 1fr 2.6rem;
      align-items: center;
      gap: 0.5rem;
      font-weight: 650;
    }
    .track {
      height: 0.9rem;
      border-radius: 999px;
      background: var(--hr-surface-2);
      overflow: hidden;
      border: 1px solid var(--hr-border);
    }
    .fill {
      height: 100%;
      background: var(--hr-brand);
      border-radius: 999px;
    }
    .num {
      text-align: end;
      font-variant-numeric: tabular-nums;
    }
    meter {
      position: absolute;
      width: 1px;
      height: 1px;
      opacity: 0;
    }
  `;
  label = '';
  value = 0;
  override render() {
    const v = Math.max(0, Math.min(100, Math.round(this.value)));
    return html`<span>${this.label}</span>
      <span class="track" aria-hidden="true"><span class="fill" style="display:block;width:${v}%"></span></span>
      <span class="num">${v}</span>
      <meter min="0" max="100" .value=${v} aria-label=${this.label}></meter>`;
  }
}
customElements.define('score-meter', ScoreMeter);
declare global {
  interface HTMLElementTagNameMap {
    'score-meter': ScoreMeter;
  }
}
