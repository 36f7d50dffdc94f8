// The projector's list of who joined. A class fits as chips; a room of thousands (issue 17: 4,100 players) cannot
// be drawn or read as chips, so past ROSTER_CHIPS it shows the count, the latest joiners and a search for the host's
// "remove". Emits `remove` with the player's id; the host view sends the command.
import { html, css, nothing } from 'lit';
import type { GameView } from '../../../shared/engine/types.js';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { fmt, t } from '../i18n/index.js';
import { teamLabel } from '../lib/labels.js';
import { findPlayers } from '../lib/find-players.js';

type Row = GameView['players'][number];

/** Up to this many players, every one is a chip (a class on a projector); past it, the latest and a search. */
export const ROSTER_CHIPS = 60;
/** Latest joiners shown in a large room: what fits above the fold of a 1080-high projector beside the code. */
const LATEST = 12;
/** Matches of a search shown at once: the host types more of the name to narrow it. */
const MATCHES = 12;

export class LobbyRoster extends LocalizedElement {
  static override properties = {
    players: { attribute: false },
    teams: { attribute: false },
    query: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .players {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
      }
      .players li {
        display: inline-flex;
        align-items: center;
        gap: 0.3rem;
        background: var(--hr-surface);
        border: 2px solid var(--hr-border);
        border-radius: 999px;
        padding: 0.2rem 0.3rem 0.2rem 0.9rem;
        font-weight: 700;
        font-size: 1.1em;
      }
      .players li button {
        min-height: 36px;
        min-width: 36px;
        padding: 0.1rem 0.5rem;
      }
      .teamcols {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
        gap: 0.8rem;
      }
      .count {
        font-size: var(--hr-fs-huge, 3rem);
        font-weight: 900;
        line-height: 1;
        font-variant-numeric: tabular-nums;
        color: var(--hr-brand);
        margin: 0.2rem 0 0.8rem;
      }
      .find {
        display: grid;
        gap: 0.4rem;
        margin-bottom: 0.6rem;
      }
      .find input {
        font-size: 1.1em;
        min-height: 44px;
      }
      .layer,
      .teamcount {
        font-size: max(0.75em, var(--hr-room-min, 0px));
        font-weight: 700;
        background: var(--hr-surface-2);
        border-radius: 999px;
        padding: 0.05rem 0.5rem;
      }
      .teamcount {
        font-size: 1.1em;
        margin-right: 0.4rem;
      }
    `,
  ];
  players: Row[] = [];
  teams: GameView['teams'] = [];
  query = '';

  private chip(p: Row) {
    return html`<li data-player=${p.name}>
      ${p.name} ${p.layer ? html`<span class="layer">${t(`layer.${p.layer}`)}</span>` : nothing}
      <button
        class="ghost"
        data-host-only
        aria-label=${t('host.remove', { name: p.name })}
        @click=${() => this.dispatchEvent(new CustomEvent('remove', { detail: p.id }))}
      >
        ✕
      </button>
    </li>`;
  }

  override render() {
    const players = this.players;
    // An empty lobby still shows its teams' columns (the teacher sees the teams before anyone joins).
    const waiting = players.length === 0 ? html`<p class="muted">${t('host.waiting')}</p>` : nothing;
    if (players.length <= ROSTER_CHIPS) return html`${waiting}${this.chips(players)}`;
    return this.large(players);
  }

  /** A class: every player a chip (by team in team mode). */
  private chips(players: Row[]) {
    if (!this.teams.length)
      return html`<ul class="players">
        ${players.map((p) => this.chip(p))}
      </ul>`;
    return html`<div class="teamcols">
      ${this.teams.map(
        (team) =>
          html`<div>
            <h3>${teamLabel(team.name)}</h3>
            <ul class="players">
              ${players.filter((p) => p.teamId === team.id).map((p) => this.chip(p))}
            </ul>
          </div>`,
      )}
    </div>`;
  }

  /**
   * A large room: the count (per team too), a search, and the latest joiners (the view lists players in join order)
   * unless a search is on.
   */
  private large(players: Row[]) {
    const latest = players.slice(-LATEST).reverse();
    const found = this.query.trim() ? findPlayers(players, this.query, MATCHES) : null;
    return html`<p class="count" data-testid="player-count">${fmt(players.length)}</p>
      ${
        this.teams.length
          ? html`<p>
              ${this.teams.map(
                (team) =>
                  html`<span class="teamcount"
                    >${teamLabel(team.name)}: ${fmt(players.filter((p) => p.teamId === team.id).length)}</span
                  >`,
              )}
            </p>`
          : nothing
      }
      <label class="find" data-host-only>
        <span>${t('host.find')}</span>
        <input
          type="search"
          data-testid="find-player"
          .value=${this.query}
          placeholder=${t('host.findHint')}
          @input=${(e: Event) => (this.query = (e.target as HTMLInputElement).value)}
        />
      </label>
      ${
        found
          ? html`<p class="muted" role="status">
                ${
                  found.total === 0
                    ? t('host.noMatch')
                    : found.total > found.rows.length
                      ? t('host.moreMatches', { shown: found.rows.length, count: fmt(found.total) })
                      : t('host.matches', { count: found.total })
                }
              </p>
              <ul class="players" data-testid="found-players">
                ${found.rows.map((p) => this.chip(p))}
              </ul>`
          : html`<h3>${t('host.latest')}</h3>
              <ul class="players" data-testid="latest-players">
                ${latest.map((p) => this.chip(p))}
              </ul>`
      }`;
  }
}
customElements.define('lobby-roster', LobbyRoster);
declare global {
  interface HTMLElementTagNameMap {
    'lobby-roster': LobbyRoster;
  }
}
