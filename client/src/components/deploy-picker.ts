// Deployment picker for one card: kind + placement, with the engine's own quote as a live preview
// (fits or not and why, resources, start time, efficiency and isolation) before the player commits.
import { html, css } from 'lit';
import type { DeployChoice, DeployKind, Placement, RaceHost, TeamLayer, WorkloadCard } from '../../../shared/engine/types.js';
import { DEPLOY_KINDS, PLACEMENTS } from '../../../shared/engine/types.js';
import { legalChoices, quoteOnHost } from '../../../shared/engine/race/quote.js';
import { layerOf } from '../../../shared/engine/race/race.js';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t, fmt } from '../i18n/index.js';
import { duration, kindLabel, placeLabel, whyText } from '../lib/labels.js';
import './score-meter.js';
import './workload-card.js';

const OFF_SERVICE: readonly Placement[] = ['paas', 'saas'];

/** @fires deploy - detail: { cardId, choice: DeployChoice } ; @fires cancel */
export class DeployPicker extends LocalizedElement {
  static override properties = {
    card: { attribute: false },
    host: { attribute: false },
    cards: { attribute: false },
    busy: { type: Boolean },
    owners: { attribute: false },
    me: { type: String },
    kind: { state: true },
    placement: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      fieldset { border: 0; padding: 0; margin: 0 0 0.8rem; }
      legend { font-weight: 750; margin-bottom: 0.4rem; }
      .opts { display: flex; flex-wrap: wrap; gap: 0.4rem; }
      .opt { position: relative; }
      .opt input { position: absolute; opacity: 0; inset: 0; margin: 0; width: 100%; height: 100%; cursor: pointer; }
      .opt > span { display: inline-flex; align-items: center; gap: 0.3rem; border: 2px solid var(--hr-border); border-radius: 999px;
        padding: 0.45rem 0.8rem; font-weight: 650; background: var(--hr-surface); min-height: 44px; }
      .opt input:checked + span { border-color: var(--hr-brand); background: var(--hr-brand); color: #fff; }
      .opt input:focus-visible + span { outline: 3px solid var(--hr-focus); outline-offset: 2px; }
      .opt .no { font-size: 0.85rem; font-weight: 800; }
      .preview { border-radius: var(--hr-radius-sm); padding: 0.8rem; border: 2px solid var(--hr-border); display: grid; gap: 0.45rem; }
      .preview.ok { border-color: var(--hr-ok); background: var(--hr-ok-soft); }
      .preview.bad { border-color: var(--hr-danger); background: var(--hr-danger-soft); }
      .verdict { font-weight: 800; }
      .preview.ok .verdict { color: var(--hr-ok); }
      .preview.bad .verdict { color: var(--hr-danger); }
      ul { margin: 0; padding-inline-start: 1.2rem; }
      .facts { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 0.2rem 1rem; font-variant-numeric: tabular-nums; }
      .actions { display: flex; gap: 0.6rem; margin-top: 0.8rem; }
      .actions button { flex: 1; min-height: 52px; }
      .why { font-size: 0.92rem; }
      .owner { border-radius: var(--hr-radius-sm); padding: 0.5rem 0.7rem; margin-bottom: 0.8rem; border: 2px solid var(--hr-border); font-weight: 650; }
      .owner.other { border-color: var(--hr-warn); background: var(--hr-warn-soft); }
      .owner.mine { border-color: var(--hr-ok); background: var(--hr-ok-soft); }
    `,
  ];
  card: WorkloadCard | null = null;
  host: RaceHost | null = null;
  cards: WorkloadCard[] = [];
  busy = false;
  /** Team games with roles: who owns each layer in the player's team (absent: nobody). */
  owners: Partial<Record<TeamLayer, { id: string; name: string }>> | null = null;
  me = '';
  private kind: DeployKind = 'container';
  private placement: Placement = 'on-prem';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('card') && this.card && this.host) {
      // Start on the first legal choice so the first preview teaches something that works.
      const first = legalChoices(this.card, this.host.spec).find((c) => c.placement === 'on-prem') ?? legalChoices(this.card, this.host.spec)[0];
      if (first) {
        this.kind = first.kind;
        this.placement = first.placement;
      }
    }
  }

  private choice(): DeployChoice {
    return { kind: OFF_SERVICE.includes(this.placement) ? 'container' : this.kind, placement: this.placement };
  }

  override render() {
    const card = this.card;
    const host = this.host;
    if (!card || !host) return null;
    const index = Object.fromEntries(this.cards.map((c) => [c.id, c]));
    const legal = legalChoices(card, host.spec);
    const isLegal = (kind: DeployKind, placement: Placement) =>
      legal.some((c) => c.placement === placement && (OFF_SERVICE.includes(placement) || c.kind === kind));
    const choice = this.choice();
    const q = quoteOnHost({ spec: host.spec, deployments: host.deployments, cards: index }, card, choice);
    const kindFixed = OFF_SERVICE.includes(this.placement);
    const layer = layerOf(choice);
    const owner = this.owners ? this.owners[layer] : undefined;
    return html`
      <h2>${t('picker.title', { card: card.title })}</h2>
      <workload-card .card=${card} compact></workload-card>
      ${this.owners
        ? html`<p class="owner ${owner ? (owner.id === this.me ? 'mine' : 'other') : ''}" data-testid="layer-owner" role="note">
            ${owner
              ? owner.id === this.me
                ? t('picker.layerMine', { layer: t(`layer.${layer}`) })
                : html`⚠ ${t('picker.layerOwner', { layer: t(`layer.${layer}`), name: owner.name })}`
              : t('picker.layerFree', { layer: t(`layer.${layer}`) })}
          </p>`
        : null}
      <fieldset style="margin-top:0.8rem">
        <legend>${t('picker.placement')}</legend>
        <div class="opts">
          ${PLACEMENTS.map(
            (p) => html`<label class="opt"><input type="radio" name="placement" value=${p} .checked=${this.placement === p}
                @change=${() => (this.placement = p)} /><span>${placeLabel(p)}${legal.some((c) => c.placement === p) ? null : html`<span class="no" aria-hidden="true">✕</span>`}</span></label>`,
          )}
        </div>
      </fieldset>
      <fieldset ?disabled=${kindFixed}>
        <legend>${t('picker.kind')}</legend>
        <div class="opts">
          ${DEPLOY_KINDS.map(
            (k) => html`<label class="opt"><input type="radio" name="kind" value=${k} .checked=${choice.kind === k} ?disabled=${kindFixed}
                @change=${() => (this.kind = k)} /><span>${kindLabel(k)}${isLegal(k, this.placement) ? null : html`<span class="no" aria-hidden="true">✕</span>`}</span></label>`,
          )}
        </div>
      </fieldset>
      <section class="preview ${q.fits ? 'ok' : 'bad'}" aria-live="polite" aria-label=${t('picker.preview')}>
        <span class="verdict">${q.fits ? '✓ ' + t('picker.fits') : '✕ ' + t('picker.noFit')}</span>
        ${q.blockers.length ? html`<ul>${q.blockers.map((w) => html`<li class="why">${whyText(w)}</li>`)}</ul>` : null}
        <div class="facts">
          <span>${t('picker.cpu', { cores: fmt(q.cpu, 2) })}</span>
          <span>${t('picker.ram', { gb: fmt(q.ramGb, 2), overhead: fmt(q.overheadRamGb, 2) })}</span>
          <span>${t('picker.disk', { gb: fmt(q.diskGb, 1), overhead: fmt(q.overheadDiskGb, 1) })}</span>
          <span>${t('picker.start', { time: duration(q.startS) })}${q.meetsDeadline ? null : html` — <strong>${t('picker.deadlineMiss', { s: fmt(card.startDeadlineS, 1) })}</strong>`}</span>
          <span>${t('picker.cost', { cost: fmt(q.costPerHour, 2), ops: fmt(q.opsHoursPerMonth, 1) })}</span>
          ${q.allowed ? html`<span>${t('picker.points', { points: fmt(q.points) })}</span>` : null}
        </div>
        <score-meter .label=${t('picker.efficiency')} .value=${q.efficiency}></score-meter>
        <score-meter .label=${t('picker.isolation')} .value=${q.isolation}></score-meter>
        ${q.why.length ? html`<ul>${q.why.slice(0, 4).map((w) => html`<li class="why">${whyText(w)}</li>`)}</ul>` : null}
      </section>
      <div class="actions">
        <button class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('cancel', { bubbles: true, composed: true }))}>${t('picker.cancel')}</button>
        <button ?disabled=${!q.fits || this.busy}
          @click=${() => this.dispatchEvent(new CustomEvent('deploy', { detail: { cardId: card.id, choice, layer, owner: owner?.name ?? '' }, bubbles: true, composed: true }))}>
          ${t('picker.deploy')}
        </button>
      </div>
    `;
  }
}
customElements.define('deploy-picker', DeployPicker);
declare global {
  interface HTMLElementTagNameMap {
    'deploy-picker': DeployPicker;
  }
}
