// Each member's part in a team race: the layer it owns, its decisions and the points they earned.
import { html, css, nothing } from 'lit';
import type { GameView, RaceHost } from '../../../shared/engine/types.js';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t, fmt } from '../i18n/index.js';
import { ownerId } from '../lib/view-helpers.js';
import { deploymentTotal } from '../../../shared/engine/race/bill.js';

export class TeamParts extends LocalizedElement {
  static override properties = { view: { attribute: false }, host: { attribute: false }, me: { type: String } };
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
        gap: 0.3rem;
      }
      li {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.1rem 0.6rem;
        background: var(--hr-surface);
        border: 1px solid var(--hr-border);
        border-radius: var(--hr-radius-sm);
        padding: 0.35rem 0.6rem;
      }
      li.me {
        border: 2px solid var(--hr-brand);
      }
      .name {
        font-weight: 750;
      }
      /* --hr-room-min: the projector's least readable size (unset on phones). */
      .layer {
        color: var(--hr-ink-soft);
        font-size: max(0.9em, var(--hr-room-min, 0px));
      }
      .pts {
        font-weight: 800;
        font-variant-numeric: tabular-nums;
        text-align: end;
      }
      h4 {
        margin: 0 0 0.3rem;
      }
    `,
  ];
  view: GameView | null = null;
  host: RaceHost | null = null;
  me = '';

  override render() {
    const view = this.view;
    const host = this.host;
    if (!view || !host) return nothing;
    const team = ownerId(host.owner);
    const members = view.players.filter((p) => p.teamId === team);
    if (!members.length) return nothing;
    return html`<h4>${t('team.parts')}</h4>
      <ul data-testid="team-parts">
        ${members.map((m) => {
          const mine = host.deployments.filter((d) => d.playerId === m.id);
          const points = mine.reduce((s, d) => s + deploymentTotal(d), 0);
          return html`<li class=${m.id === this.me ? 'me' : ''}>
            <span class="name">${m.name}${m.id === this.me ? ` (${t('board.you')})` : ''}</span>
            <span class="pts">${t('common.points', { points: fmt(points) })}</span>
            <span class="layer">${m.layer ? t(`layer.${m.layer}`) : t('layer.none')}</span>
            <span class="layer">${t('team.decisions', { n: mine.length })}</span>
          </li>`;
        })}
      </ul>`;
  }
}
customElements.define('team-parts', TeamParts);
declare global {
  interface HTMLElementTagNameMap {
    'team-parts': TeamParts;
  }
}
