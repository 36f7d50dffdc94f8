// The race's cards for one host as a player sees them: claim, release, open the deployment picker.
import { html, css, nothing } from 'lit';
import type { RaceHost, WorkloadCard } from '../../../shared/engine/types.js';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t, fmt } from '../i18n/index.js';
import { kindLabel, placeLabel } from '../lib/labels.js';
import './workload-card.js';

/** @fires claim - detail: cardId ; @fires release - detail: cardId ; @fires pick - detail: cardId */
export class RaceCards extends LocalizedElement {
  static override properties = {
    host: { attribute: false },
    cards: { attribute: false },
    names: { attribute: false },
    me: { type: String },
    now: { type: Number },
    busy: { type: Boolean },
  };
  static override styles = [
    baseStyles,
    css`
      :host { display: block; }
      ul { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.7rem; grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr)); }
      li { background: var(--hr-surface); border: 2px solid var(--hr-border); border-radius: var(--hr-radius); padding: 0.8rem; display: grid; gap: 0.5rem; }
      li.mine { border-color: var(--hr-brand); box-shadow: 0 0 0 2px var(--hr-brand-soft); }
      li.done { background: var(--hr-ok-soft); border-color: var(--hr-ok); }
      li.later { opacity: 0.75; border-style: dashed; }
      .state { font-weight: 700; }
      .actions { display: flex; gap: 0.5rem; flex-wrap: wrap; }
      .actions button { flex: 1; }
    `,
  ];
  host: RaceHost | null = null;
  cards: WorkloadCard[] = [];
  names: Record<string, string> = {};
  me = '';
  now = 0;
  busy = false;

  private fire(type: 'claim' | 'release' | 'pick', cardId: string): void {
    this.dispatchEvent(new CustomEvent<string>(type, { detail: cardId, bubbles: true, composed: true }));
  }

  override render() {
    const host = this.host;
    if (!host) return nothing;
    const byId = new Map(this.cards.map((c) => [c.id, c]));
    const slots = [...host.cards].sort((a, b) => a.arrivesAt - b.arrivesAt);
    return html`<ul aria-label=${t('player.race.cards')}>
      ${slots.map((slot) => {
        const card = byId.get(slot.cardId);
        if (!card) return nothing;
        const dep = slot.deploymentId ? host.deployments.find((d) => d.id === slot.deploymentId) : undefined;
        const arrived = slot.arrivesAt <= this.now;
        const mine = slot.claimedBy === this.me;
        const cls = dep ? 'done' : !arrived ? 'later' : mine ? 'mine' : '';
        let state: unknown = nothing;
        if (dep) state = html`<span class="state">✓ ${t('player.race.deployedBy', { name: this.names[dep.playerId] ?? '' })} — ${kindLabel(dep.choice.kind)}, ${placeLabel(dep.choice.placement)}</span>`;
        else if (!arrived) state = html`<span class="state">${t('player.race.notArrived', { s: fmt(Math.ceil((slot.arrivesAt - this.now) / 1000)) })}</span>`;
        else if (slot.claimedBy && !mine) state = html`<span class="state">${t('player.race.claimedBy', { name: this.names[slot.claimedBy] ?? '' })}</span>`;
        else if (mine) state = html`<span class="state">★ ${t('player.race.mine')}</span>`;
        return html`<li class=${cls} data-card=${card.id}>
          <workload-card .card=${card} compact></workload-card>
          ${state}
          ${!dep && arrived && (mine || !slot.claimedBy)
            ? html`<div class="actions">
                ${mine
                  ? html`<button class="secondary" ?disabled=${this.busy} @click=${() => this.fire('release', card.id)}>${t('player.race.release')}</button>
                      <button ?disabled=${this.busy} @click=${() => this.fire('pick', card.id)}>${t('picker.deploy')}…</button>`
                  : html`<button ?disabled=${this.busy} @click=${() => this.fire('claim', card.id)}>${t('player.race.claim')}</button>`}
              </div>`
            : nothing}
        </li>`;
      })}
    </ul>`;
  }
}
customElements.define('race-cards', RaceCards);
declare global {
  interface HTMLElementTagNameMap {
    'race-cards': RaceCards;
  }
}
