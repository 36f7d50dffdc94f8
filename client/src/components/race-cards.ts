// The race's cards for one host as a player sees them: claim, release, open the deployment picker.
import { html, css, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
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
      :host {
        display: block;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.45rem;
        grid-template-columns: repeat(auto-fill, minmax(min(100%, 19rem), 1fr));
      }
      li {
        background: var(--hr-surface);
        border: 2px solid var(--hr-border);
        border-radius: var(--hr-radius-sm);
        padding: 0.5rem 0.6rem;
        display: flow-root;
        min-width: 0;
      }
      li.mine {
        border-color: var(--hr-brand);
        box-shadow: 0 0 0 2px var(--hr-brand-soft);
      }
      li.done {
        background: var(--hr-ok-soft);
        border-color: var(--hr-ok);
      }
      li.later,
      li.taken {
        border-style: dashed;
      }
      li.done,
      li.later,
      li.taken {
        padding-block: 0.35rem;
      }
      .line {
        display: grid;
        gap: 0;
        min-width: 0;
      }
      .line .title {
        font-weight: 750;
        overflow-wrap: anywhere;
      }
      .state {
        font-weight: 700;
        font-size: 0.9rem;
      }
      li.later .state,
      li.taken .state {
        color: var(--hr-ink-soft);
      }
      .actions {
        display: grid;
        grid-template-columns: 1fr 1.6fr;
        gap: 0.5rem;
        margin-top: 0.4rem;
      }
      /* Floated, so the card's title wraps beside it and its tags take the whole width below. */
      button.claim {
        float: inline-end;
        min-width: 6.5rem;
        margin: 0 0 0.3rem 0.5rem;
      }
    `,
  ];
  host: RaceHost | null = null;
  cards: WorkloadCard[] = [];
  names: Record<string, string> = {};
  me = '';
  now = 0;
  busy = false;

  /**
   * Gives focus back to a card after its picker closes: to its Deploy button after Cancel, to the card itself after
   * Deploy (the button goes once the deployment lands).
   */
  focusCard(cardId: string, to: 'button' | 'card' = 'button'): void {
    const li = this.renderRoot.querySelector<HTMLElement>(`li[data-card="${CSS.escape(cardId)}"]`);
    const button = to === 'button' ? li?.querySelector<HTMLElement>('button.deploy:not(:disabled)') : null;
    if (button) button.focus();
    else if (li) {
      li.tabIndex = -1;
      li.focus();
    }
  }

  private fire(type: 'claim' | 'release' | 'pick', cardId: string): void {
    this.dispatchEvent(new CustomEvent<string>(type, { detail: cardId, bubbles: true, composed: true }));
  }

  override render() {
    const host = this.host;
    if (!host) return nothing;
    const byId = new Map(this.cards.map((c) => [c.id, c]));
    const slots = [...host.cards].sort((a, b) => a.arrivesAt - b.arrivesAt);
    return html`<ul aria-label=${t('player.race.cards')}>
      ${repeat(
        slots,
        (slot) => slot.cardId,
        (slot) => {
          const card = byId.get(slot.cardId);
          if (!card) return nothing;
          const dep = slot.deploymentId ? host.deployments.find((d) => d.id === slot.deploymentId) : undefined;
          const arrived = slot.arrivesAt <= this.now;
          const mine = slot.claimedBy === this.me;
          // Only the cards a player can act on show what they need; the others are one line each. The <li> stays the
          // same element through every state, so focus given to it survives a deployment.
          const cls = dep ? 'done' : !arrived ? 'later' : slot.claimedBy && !mine ? 'taken' : mine ? 'mine' : '';
          const line = (state: string) =>
            html`<span class="line"><span class="title">${card.title}</span><span class="state">${state}</span></span>`;
          let body: unknown;
          if (dep)
            body = line(
              `✓ ${t('player.race.deployedBy', { name: this.names[dep.playerId] ?? '' })} · ` +
                `${kindLabel(dep.choice.kind)}, ${placeLabel(dep.choice.placement)}`,
            );
          else if (!arrived)
            body = line(t('player.race.notArrived', { s: fmt(Math.ceil((slot.arrivesAt - this.now) / 1000)) }));
          else if (slot.claimedBy && !mine)
            body = line(t('player.race.claimedBy', { name: this.names[slot.claimedBy] ?? '' }));
          else
            body = html`${
                mine
                  ? nothing
                  : html`<button
                      class="claim"
                      ?disabled=${this.busy}
                      aria-label=${t('player.race.claimCard', { card: card.title })}
                      @click=${() => this.fire('claim', card.id)}
                    >
                      ${t('player.race.claim')}
                    </button>`
              }
              <span class="line">
                ${mine ? html`<span class="state">★ ${t('player.race.mine')}</span>` : nothing}
                <workload-card .card=${card} compact></workload-card>
              </span>
              ${
                mine
                  ? html`<div class="actions">
                      <button
                        class="secondary release"
                        ?disabled=${this.busy}
                        @click=${() => this.fire('release', card.id)}
                      >
                        ${t('player.race.release')}
                      </button>
                      <button
                        class="deploy"
                        ?disabled=${this.busy}
                        aria-haspopup="dialog"
                        @click=${() => this.fire('pick', card.id)}
                      >
                        ${t('picker.deploy')}…
                      </button>
                    </div>`
                  : nothing
              }`;
          return html`<li class=${cls} data-card=${card.id}>${body}</li>`;
        },
      )}
    </ul>`;
  }
}
customElements.define('race-cards', RaceCards);
declare global {
  interface HTMLElementTagNameMap {
    'race-cards': RaceCards;
  }
}
