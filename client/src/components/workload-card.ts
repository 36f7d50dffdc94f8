// One workload card: what it needs, stated in words and tags (not colour).
import { html, css } from 'lit';
import type { WorkloadCard } from '../../../shared/engine/types.js';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t, fmt } from '../i18n/index.js';
import { topicLabel } from '../lib/labels.js';

export class WorkloadCardView extends LocalizedElement {
  static override properties = {
    card: { attribute: false },
    compact: { type: Boolean, reflect: true },
    untitled: { type: Boolean },
  };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      h3 {
        font-size: 1.1rem;
        margin: 0 0 0.25rem;
      }
      .topic {
        font-size: 0.8rem;
        font-weight: 700;
        color: var(--hr-brand);
        text-transform: uppercase;
        letter-spacing: 0.04em;
      }
      .needs {
        font-weight: 650;
        font-variant-numeric: tabular-nums;
        margin: 0.3rem 0;
      }
      .tags {
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
        margin: 0;
        padding: 0;
        list-style: none;
      }
      .tags li {
        font-size: 0.85rem;
        font-weight: 600;
        border-radius: 999px;
        padding: 0.1rem 0.55rem;
        background: var(--hr-surface-2);
      }
      .tags li.warn {
        background: var(--hr-warn-soft);
        color: var(--hr-warn);
      }
      .tags li.risk {
        background: var(--hr-danger-soft);
        color: var(--hr-danger);
      }
      p.desc {
        font-size: 0.92rem;
        color: var(--hr-ink-soft);
      }
      /* Compact (a race row, the picker's header): no topic line, smaller tags,
         so a phone sees several cards at once. */
      :host([compact]) h3 {
        font-size: 1rem;
        margin: 0;
        overflow-wrap: anywhere;
      }
      :host([compact]) .needs {
        margin: 0.1rem 0 0.25rem;
        font-size: 0.9rem;
      }
      :host([compact]) .tags {
        gap: 0.2rem;
      }
      :host([compact]) .tags li {
        font-size: 0.78rem;
        padding: 0.05rem 0.45rem;
      }
    `,
  ];
  card: WorkloadCard | null = null;
  compact = false;
  /** The title is shown elsewhere (the picker's heading). */
  untitled = false;
  override render() {
    const c = this.card;
    if (!c) return null;
    const tags: Array<[string, string]> = [[t('card.os', { os: t(`os.${c.guestOs}`) }), '']];
    if (c.trust === 'untrusted') tags.push(['⚠ ' + t('card.untrusted'), 'risk']);
    if (c.sensitivity === 'confidential') tags.push([t('card.sensitivity.confidential'), 'risk']);
    if (c.residency === 'on-prem') tags.push([t('card.onPremOnly'), 'warn']);
    if (c.needsCustomKernel) tags.push([t('card.customKernel'), 'warn']);
    if (c.needsOsControl) tags.push([t('card.osControl'), '']);
    if (c.traffic === 'bursty') tags.push([t('card.bursty'), '']);
    tags.push([t('card.deadline', { s: fmt(c.startDeadlineS, 1) }), '']);
    return html`
      ${this.compact ? null : html`<span class="topic">${topicLabel(c.topic)}</span>`}
      ${this.untitled ? null : html`<h3>${c.title}</h3>`}
      ${this.compact ? null : html`<p class="desc">${c.description}</p>`}
      <p class="needs">${t('card.needs', { cpu: fmt(c.cpu, 1), ram: fmt(c.ramGb, 1), disk: fmt(c.diskGb, 1) })}</p>
      <ul class="tags">
        ${tags.map(([text, cls]) => html`<li class=${cls}>${text}</li>`)}
      </ul>
    `;
  }
}
customElements.define('workload-card', WorkloadCardView);
declare global {
  interface HTMLElementTagNameMap {
    'workload-card': WorkloadCardView;
  }
}
