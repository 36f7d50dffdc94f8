// Step-by-step replay of a finished game: the engine re-runs the stored action log from the seed,
// so what is shown is exactly what happened.
import { html, css, nothing } from 'lit';
import type { Action, GameConfig, GameState } from '../../../shared/engine/types.js';
import { createGame, next, viewFor } from '../../../shared/engine/index.js';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t } from '../i18n/index.js';
import { boardRows, playerNames } from '../lib/view-helpers.js';
import './leader-board.js';
import './host-picture.js';

export class GameReplay extends LocalizedElement {
  static override properties = {
    config: { attribute: false },
    seed: { type: String },
    actions: { attribute: false },
    index: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .nav {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        align-items: center;
        margin-bottom: 0.8rem;
      }
      code {
        font-family: var(--hr-mono);
        background: var(--hr-surface-2);
        padding: 0.1rem 0.4rem;
        border-radius: 4px;
      }
    `,
  ];
  config: GameConfig | null = null;
  seed = '';
  actions: Action[] = [];
  private index = 0;
  /** states[i] is the state after i actions; filled on demand. */
  private states: GameState[] = [];

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('config') || changed.has('seed') || changed.has('actions')) {
      this.states = this.config ? [createGame(this.config, this.seed)] : [];
      this.index = 0;
    }
  }

  private stateAt(i: number): GameState | null {
    if (!this.states.length) return null;
    while (this.states.length <= i) {
      const prev = this.states[this.states.length - 1] as GameState;
      const action = this.actions[this.states.length - 1];
      if (!action) break;
      this.states.push(next(prev, action).state);
    }
    return this.states[Math.min(i, this.states.length - 1)] ?? null;
  }

  override render() {
    const total = this.actions.length;
    const state = this.stateAt(this.index);
    if (!state) return nothing;
    const view = viewFor(state, { role: 'host' });
    const action = this.index > 0 ? this.actions[this.index - 1] : undefined;
    const go = (i: number) => (this.index = Math.max(0, Math.min(total, i)));
    return html`
      <div class="nav" role="group" aria-label=${t('report.replay')}>
        <button class="secondary" @click=${() => go(0)} ?disabled=${this.index === 0}>« ${t('report.first')}</button>
        <button class="secondary" @click=${() => go(this.index - 1)} ?disabled=${this.index === 0}>
          ◀ ${t('report.prev')}
        </button>
        <button @click=${() => go(this.index + 1)} ?disabled=${this.index >= total}>${t('report.nextAction')} ▶</button>
        <button class="secondary" @click=${() => go(total)} ?disabled=${this.index >= total}>
          ${t('report.last')} »
        </button>
        <span role="status"
          >${t('report.replayStep', { n: this.index, count: total })}${
            action ? html` · ${t(`action.${action.type}`)}` : nothing
          }
          · ${t(`phase.${view.phase}`)}</span
        >
      </div>
      ${
        view.race
          ? view.race.hosts.map(
              (h) =>
                html`<host-picture
                  .host=${h}
                  .cards=${view.race?.cards ?? []}
                  .names=${playerNames(view)}
                  .events=${view.race?.events ?? []}
                ></host-picture>`,
            )
          : nothing
      }
      <leader-board .rows=${boardRows(view)} .limit=${10}></leader-board>
    `;
  }
}
customElements.define('game-replay', GameReplay);
declare global {
  interface HTMLElementTagNameMap {
    'game-replay': GameReplay;
  }
}
