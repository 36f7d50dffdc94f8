// A QR code drawn locally as SVG with qrcode-generator: no external service, works on a school LAN.
import { html, css, LitElement, svg } from 'lit';
import qrcode from 'qrcode-generator';

export class QrCode extends LitElement {
  static override properties = { value: { type: String }, label: { type: String } };
  static override styles = css`
    :host {
      display: inline-block;
      background: #fff;
      padding: 0.6rem;
      border-radius: 12px;
      line-height: 0;
    }
    svg {
      width: 100%;
      height: 100%;
      display: block;
    }
  `;
  value = '';
  label = '';
  override render() {
    if (!this.value) return null;
    const qr = qrcode(0, 'M');
    qr.addData(this.value);
    qr.make();
    const n = qr.getModuleCount();
    let path = '';
    for (let r = 0; r < n; r++) for (let c = 0; c < n; c++) if (qr.isDark(r, c)) path += `M${c} ${r}h1v1h-1z`;
    return html`<svg viewBox="-2 -2 ${n + 4} ${n + 4}" role="img" aria-label=${this.label} shape-rendering="crispEdges">
      ${svg`<rect x="-2" y="-2" width=${n + 4} height=${n + 4} fill="#fff"></rect><path d=${path} fill="#000"></path>`}
    </svg>`;
  }
}
customElements.define('qr-code', QrCode);
declare global {
  interface HTMLElementTagNameMap {
    'qr-code': QrCode;
  }
}
