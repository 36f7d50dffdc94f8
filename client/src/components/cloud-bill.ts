// The debrief of a race as a cloud bill: capacity reserved vs used, running costs, ops hours, downtime and points,
// with the best-known plan's bill beside it. A table, so every figure has its row and column header.
import { html, css, nothing } from 'lit';
import type { Bill } from '../../../shared/engine/index.js';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t, fmt } from '../i18n/index.js';

const signed = (n: number | undefined): string => (n === undefined ? '' : n > 0 ? `+${fmt(n)}` : fmt(n));

export class CloudBill extends LocalizedElement {
  static override properties = {
    bill: { attribute: false },
    best: { attribute: false },
    heading: { type: String },
  };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .paper {
        background: var(--hr-surface);
        border: 2px solid var(--hr-border);
        border-radius: var(--hr-radius-sm);
        padding: 0.8rem 1rem;
        box-shadow: var(--hr-shadow);
      }
      h3 {
        margin: 0 0 0.5rem;
        display: flex;
        justify-content: space-between;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-variant-numeric: tabular-nums;
      }
      th,
      td {
        padding: 0.3rem 0.4rem;
        border-bottom: 1px dashed var(--hr-border);
        text-align: end;
      }
      td {
        white-space: nowrap;
      }
      th[scope='row'] {
        text-align: start;
        font-weight: 650;
        word-break: keep-all;
        overflow-wrap: anywhere;
      }
      /* --hr-room-min: the projector's least readable size (unset on phones and the report). */
      thead th {
        font-size: max(0.85em, var(--hr-room-min, 0px));
        color: var(--hr-ink-soft);
      }
      tr.total th,
      tr.total td {
        border-bottom: 0;
        border-top: 2px solid var(--hr-ink);
        font-weight: 850;
        font-size: 1.1em;
      }
      .pct {
        font-weight: 800;
        color: var(--hr-brand);
      }
    `,
  ];
  bill: Bill | null = null;
  best: (Bill & { score?: number }) | null = null;
  heading = '';

  private cap(b: Bill, k: 'cpu' | 'ramGb' | 'diskGb'): string {
    return t('bill.capacity', { used: fmt(b.used[k], 1), reserved: fmt(b.reserved[k], 1) });
  }

  override render() {
    const b = this.bill;
    if (!b) return nothing;
    const best = this.best;
    const rows: Array<[string, (x: Bill) => string]> = [
      [t('bill.deployments'), (x) => fmt(x.deployments)],
      [t('bill.cpu'), (x) => this.cap(x, 'cpu')],
      [t('bill.ram'), (x) => this.cap(x, 'ramGb')],
      [t('bill.disk'), (x) => this.cap(x, 'diskGb')],
      [t('bill.offPrem'), (x) => fmt(x.offPremCostPerHour, 2)],
      [t('bill.onPrem'), (x) => fmt(x.onPremCostPerHour, 2)],
      [t('bill.ops'), (x) => fmt(x.opsHoursPerMonth, 1)],
      [t('bill.downtime'), (x) => fmt(x.downtimeMinutes)],
      // How the points came (bills stored before these rows existed have only the total).
      ...(b.deployPoints === undefined
        ? []
        : ([
            [t('bill.deployPoints'), (x) => signed(x.deployPoints)],
            [t('bill.eventPoints'), (x) => signed(x.eventPoints)],
            [t('bill.auditPoints'), (x) => signed(x.auditPoints)],
          ] satisfies Array<[string, (x: Bill) => string]>)),
    ];
    const bestPoints = best ? (best.score ?? best.points) : 0;
    const pct = best && bestPoints > 0 ? Math.round((b.points / bestPoints) * 100) : null;
    return html`<section class="paper" data-testid="cloud-bill" aria-label=${this.heading || t('bill.title')}>
      <h3>
        <span>${this.heading || t('bill.title')}</span
        >${pct !== null ? html`<span class="pct">${t('bill.pct', { pct })}</span>` : nothing}
      </h3>
      <table>
        <thead>
          <tr>
            <th scope="col"><span class="sr-only">${t('bill.item')}</span></th>
            <th scope="col">${t('bill.yours')}</th>
            ${best ? html`<th scope="col">${t('bill.best')}</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${rows.map(
            ([label, f]) =>
              html`<tr>
                <th scope="row">${label}</th>
                <td>${f(b)}</td>
                ${best ? html`<td>${f(best)}</td>` : nothing}
              </tr>`,
          )}
          <tr class="total">
            <th scope="row">${b.deployPoints === undefined ? t('bill.points') : t('bill.total')}</th>
            <td>${fmt(b.points)}</td>
            ${best ? html`<td>${fmt(bestPoints)}</td>` : nothing}
          </tr>
        </tbody>
      </table>
    </section>`;
  }
}
customElements.define('cloud-bill', CloudBill);
declare global {
  interface HTMLElementTagNameMap {
    'cloud-bill': CloudBill;
  }
}
