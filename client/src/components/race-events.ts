// The race's events as the projector tells them: the newest one in full (who lost, who gained, how much and why,
// grouped by reason so the room reads each reason once), older ones as one line of names and points.
import { html, css, nothing } from 'lit';
import type { PendingEvent, RaceEventEffect, RaceEventKind, Why } from '../../../shared/engine/types.js';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t } from '../i18n/index.js';
import { eventLabel, whyText } from '../lib/labels.js';
import { netByPlayer, signed } from './host-picture.js';
import { whyLine } from './why-cite.js';

/** A fired event on one host, as the room sends it (`race-event`). */
export interface ToldEvent {
  hostId: string;
  kind: RaceEventKind;
  affected: string[];
  effects?: RaceEventEffect[];
  culprit?: string | null;
  why: Why[];
}

export class RaceEvents extends LocalizedElement {
  static override properties = {
    told: { attribute: false },
    schedule: { attribute: false },
    names: { attribute: false },
    cardTitles: { attribute: false },
    hostNames: { attribute: false },
    deployments: { attribute: false },
  };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.5em;
      }
      li.ev {
        background: var(--hr-surface);
        border: 1px solid var(--hr-border);
        border-radius: var(--hr-radius-sm);
        padding: 0.35em 0.6em;
      }
      li.ev.latest {
        border: 2px solid var(--hr-danger);
        background: var(--hr-danger-soft);
      }
      li.ev.later {
        color: var(--hr-ink-soft);
        border-style: dashed;
      }
      .title {
        font-weight: 800;
      }
      .headline {
        margin: 0.2em 0 0.3em;
      }
      .group {
        margin: 0.3em 0 0;
      }
      .group ul {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .row {
        display: grid;
        grid-template-columns: 4.2em 1fr;
        gap: 0.5em;
        align-items: baseline;
      }
      .pts {
        font-weight: 850;
        font-variant-numeric: tabular-nums;
        text-align: end;
        white-space: nowrap;
      }
      .lost {
        color: var(--hr-danger);
      }
      .won {
        color: var(--hr-ok);
      }
      .who {
        font-weight: 750;
      }
      .why {
        margin: 0.1em 0 0 0.6em;
        padding-inline-start: 0.6em;
        border-inline-start: 4px solid var(--hr-border);
        color: var(--hr-ink-soft);
      }
      .net {
        font-weight: 750;
      }
    `,
  ];
  /** Fired events seen this race, oldest first. */
  told: ToldEvent[] = [];
  /** The race's events fired so far (the view shows no upcoming ones: they come as a surprise). */
  schedule: PendingEvent[] = [];
  names: Record<string, string> = {};
  cardTitles: Record<string, string> = {};
  /** Several hosts (teams): each host's name, so an event says whose host it struck. */
  hostNames: Record<string, string> = {};
  /** Deployment id -> its card and player, for naming a noisy neighbour. */
  deployments: Record<string, { cardId: string; playerId: string }> = {};

  private heading(e: ToldEvent) {
    const host = this.hostNames[e.hostId];
    return html`<span class="title">⚡ ${eventLabel(e.kind)}${host ? ` · ${host}` : ''}</span>`;
  }

  private full(e: ToldEvent) {
    const effects = e.effects ?? [];
    // Grouped by the reason's text; each group shows its reason once, with its citations.
    const groups = new Map<string, RaceEventEffect[]>();
    for (const x of effects) {
      const reason = x.why.map(whyText).join(' ');
      groups.set(reason, [...(groups.get(reason) ?? []), x]);
    }
    const culprit = e.culprit ? this.deployments[e.culprit] : undefined;
    return html`<li class="ev latest" data-testid="event-latest">
      ${this.heading(e)}
      ${
        culprit
          ? html`<p class="headline">
              ${t('race.culprit', {
                card: this.cardTitles[culprit.cardId] ?? culprit.cardId,
                name: this.names[culprit.playerId] ?? '',
              })}
            </p>`
          : nothing
      }
      ${effects.length === 0 && e.effects ? html`<p class="headline">${t('race.nobodyHit')}</p>` : nothing}
      ${[...groups].map(
        ([, list]) =>
          html`<div class="group">
            <ul>
              ${list.map(
                (x) =>
                  html`<li class="row" data-player=${x.playerId}>
                    <span class="pts ${x.delta < 0 ? 'lost' : 'won'}">${signed(x.delta)}</span>
                    <span
                      ><span class="who">${this.names[x.playerId] ?? ''}</span> ·
                      ${this.cardTitles[x.cardId] ?? x.cardId}</span
                    >
                  </li>`,
              )}
            </ul>
            <p class="why">${list[0]!.why.map((w, i) => html`${i ? ' ' : ''}${whyLine(w)}`)}</p>
          </div>`,
      )}
    </li>`;
  }

  private brief(e: ToldEvent) {
    const net = netByPlayer(e.effects ?? []);
    return html`<li class="ev">
      ${this.heading(e)}
      ${
        e.effects
          ? html`<div class="net">
              ${
                net.length
                  ? net.map(
                      ({ playerId, delta }, i) =>
                        html`${i ? ' · ' : ''}${this.names[playerId] ?? ''}
                          <span class="pts ${delta < 0 ? 'lost' : delta > 0 ? 'won' : ''}">${signed(delta)}</span>`,
                    )
                  : t('race.nobodyHit')
              }
            </div>`
          : nothing
      }
    </li>`;
  }

  override render() {
    const told = [...this.told].reverse();
    // Fired before this screen opened (a reload): named, without effects the screen never received.
    const unseen = this.schedule.filter((e) => e.fired && !this.told.some((x) => x.kind === e.kind));
    return html`<ol>
      ${told.map((e, i) => (i === 0 ? this.full(e) : this.brief(e)))}
      ${unseen.map((e) => html`<li class="ev"><span class="title">⚡ ${eventLabel(e.kind)}</span></li>`)}
      ${told.length + unseen.length === 0 ? html`<li class="ev later">${t('race.noEvents')}</li>` : nothing}
    </ol>`;
  }
}
customElements.define('race-events', RaceEvents);
declare global {
  interface HTMLElementTagNameMap {
    'race-events': RaceEvents;
  }
}
