// The live picture of a race host: capacity bars filled by each deployment, the layer stack (hardware, kernel,
// hypervisor; VMs with their guest OS layer, containers thin on the shared kernel, microVMs in between),
// off-premise lanes (IaaS / PaaS / SaaS), and events striking the deployments they hit.
import { html, css, nothing } from 'lit';
import type {
  Deployment,
  PendingEvent,
  RaceEventEffect,
  RaceHost,
  WorkloadCard,
} from '../../../shared/engine/types.js';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t, fmt } from '../i18n/index.js';
import { eventLabel, kindLabel, placeLabel } from '../lib/labels.js';
import { harmedIds } from '../lib/harmed.js';

export interface StruckEvent {
  kind: PendingEvent['kind'];
  affected: string[];
  /** Who lost or gained what (the projector names them; older servers' events lack it). */
  effects?: RaceEventEffect[];
  /** A noisy neighbour: the deployment that hogged the host. */
  culprit?: string | null;
}

/** Each player's net points from an event's effects, in the order first named. */
export function netByPlayer(effects: RaceEventEffect[]): Array<{ playerId: string; delta: number }> {
  const net = new Map<string, number>();
  for (const e of effects) net.set(e.playerId, (net.get(e.playerId) ?? 0) + e.delta);
  return [...net].map(([playerId, delta]) => ({ playerId, delta }));
}

/** Points with their sign, a true minus for losses ("+80", "−150"). */
export function signed(n: number): string {
  return `${n > 0 ? '+' : n < 0 ? '−' : ''}${fmt(Math.abs(n))}`;
}

const KIND_CLASS: Record<Deployment['choice']['kind'], string> = {
  traditional: 'trad',
  container: 'ctr',
  'sandboxed-container': 'ctr sandboxed',
  microvm: 'mvm',
  'vm-full': 'vm',
  'vm-para': 'vm',
  'vm-type2': 'vm t2',
  'orchestrated-container': 'ctr orchestrated',
};
const KIND_GLYPH: Record<Deployment['choice']['kind'], string> = {
  traditional: '▤',
  container: '▮',
  'sandboxed-container': '▣',
  microvm: '◈',
  'vm-full': '▩',
  'vm-para': '▩',
  'vm-type2': '▩',
  'orchestrated-container': '▮',
};

export class HostPicture extends LocalizedElement {
  static override properties = {
    host: { attribute: false },
    cards: { attribute: false },
    names: { attribute: false },
    struck: { attribute: false },
    events: { attribute: false },
    heading: { type: String },
    big: { type: Boolean, reflect: true },
    now: { type: Number },
  };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .spec {
        color: var(--hr-ink-soft);
        font-weight: 600;
      }
      .bars {
        display: grid;
        gap: 0.45rem;
        margin: 0.6rem 0 1rem;
      }
      .bar {
        display: grid;
        grid-template-columns: 8.5rem 1fr 11rem;
        align-items: center;
        gap: 0.6rem;
        font-weight: 650;
      }
      .track {
        display: flex;
        height: 1.5rem;
        background: var(--hr-surface-2);
        border-radius: 6px;
        overflow: hidden;
        border: 1px solid var(--hr-border);
      }
      .seg {
        height: 100%;
        border-inline-end: 2px solid #fff;
      }
      .seg.over {
        background: repeating-linear-gradient(45deg, var(--hr-vm-guest) 0 6px, var(--hr-vm) 6px 12px) !important;
      }
      .num {
        font-variant-numeric: tabular-nums;
        text-align: end;
        font-size: 0.95rem;
      }
      .scene {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(12rem, 1.3fr);
        gap: 1rem;
        align-items: end;
      }
      .machine {
        border: 3px solid var(--hr-hw);
        border-radius: var(--hr-radius);
        padding: 0.5rem;
        background: var(--hr-surface);
      }
      .workloads {
        display: flex;
        align-items: flex-end;
        gap: 0.4rem;
        min-height: 3rem;
        padding: 0 0.2rem 0.3rem;
        flex-wrap: wrap;
      }
      .empty {
        color: var(--hr-ink-soft);
        align-self: center;
        margin: auto;
        list-style: none;
      }
      .w {
        display: flex;
        flex-direction: column;
        border-radius: 6px 6px 0 0;
        overflow: hidden;
        color: #fff;
        font-size: 0.78rem;
        font-weight: 700;
        text-align: center;
        position: relative;
        transition: transform var(--hr-motion);
      }
      .w .app {
        padding: 0.3rem 0.25rem;
        line-height: 1.15;
        overflow-wrap: anywhere;
      }
      .w .who {
        display: block;
        font-weight: 500;
        opacity: 0.95;
      }
      .w .layer {
        padding: 0.2rem;
        font-size: 0.7rem;
        font-weight: 700;
      }
      .w.vm {
        width: 7.2rem;
        background: var(--hr-vm);
      }
      .w.vm .layer {
        background: var(--hr-vm-guest);
        color: var(--hr-ink);
        min-height: 2.2rem;
        display: grid;
        place-items: center;
      }
      .w.mvm {
        width: 5.4rem;
        background: var(--hr-microvm);
      }
      .w.mvm .layer {
        background: #e7b5d8;
        color: var(--hr-ink);
      }
      .w.ctr {
        width: 4.4rem;
        background: var(--hr-container);
      }
      .w.ctr .app {
        font-size: 0.72rem;
        hyphens: auto;
      }
      .w.ctr.sandboxed {
        outline: 3px dashed var(--hr-container);
        outline-offset: -3px;
        background: #0a5e69;
      }
      /* Under an orchestrator: a double rim (the control plane watches it). */
      .w.ctr.orchestrated {
        outline: 4px double #bfe9e0;
        outline-offset: -5px;
      }
      .w.trad {
        width: 5rem;
        background: var(--hr-traditional);
      }
      .w.hit {
        box-shadow:
          0 0 0 4px var(--hr-danger),
          0 0 18px 4px rgba(179, 38, 30, 0.6);
        z-index: 1;
      }
      .w.down {
        filter: grayscale(1);
        opacity: 0.7;
      }
      /* The noisy neighbour that hogged the host: marked in words and an amber ring. */
      .w.culprit {
        box-shadow:
          0 0 0 4px var(--hr-warn),
          0 0 14px 4px rgba(138, 83, 0, 0.5);
        z-index: 1;
      }
      .w .hog {
        display: block;
        margin-top: 0.15em;
        background: var(--hr-warn-soft);
        color: var(--hr-warn);
        font-weight: 800;
        border-radius: 4px;
      }
      .w .flag {
        display: inline-block;
        margin-inline-end: 0.25em;
        background: var(--hr-danger);
        color: #fff;
        border-radius: 4px;
        padding: 0 0.2em;
      }
      .w.starting .app::after {
        content: ' …';
      }
      @media (prefers-reduced-motion: no-preference) {
        .w.hit {
          animation: strike 900ms ease-in-out 3;
        }
      }
      @keyframes strike {
        50% {
          transform: translateY(-4px) rotate(-1deg);
        }
      }
      .band {
        text-align: center;
        font-weight: 750;
        padding: 0.35rem;
        border-radius: 4px;
        margin-top: 0.25rem;
        color: #fff;
      }
      .band.hyp {
        background: #7a6cc0;
        color: #fff;
      }
      .band.kernel {
        background: var(--hr-kernel);
      }
      .band.kernel.hit {
        background: var(--hr-danger);
      }
      .band.hw {
        background: var(--hr-hw);
      }
      .lanes {
        display: grid;
        gap: 0.5rem;
      }
      .lane {
        border: 2px dashed var(--hr-border);
        border-radius: var(--hr-radius-sm);
        padding: 0.4rem 0.6rem;
        background: var(--hr-surface);
      }
      .lane h4 {
        margin: 0 0 0.3rem;
        font-size: 0.95rem;
      }
      .lane ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.3rem;
      }
      .chip {
        background: var(--hr-surface-2);
        border-radius: 999px;
        padding: 0.1rem 0.55rem;
        font-size: 0.82rem;
        font-weight: 650;
      }
      .lane .none {
        color: var(--hr-ink-soft);
        font-size: 0.85rem;
      }
      .offtitle {
        font-weight: 750;
        margin: 0 0 0.4rem;
      }
      .strikes {
        display: grid;
        gap: 0.4rem;
        margin: 0.6rem 0;
      }
      .strike {
        background: var(--hr-danger-soft);
        color: var(--hr-danger);
        border: 2px solid var(--hr-danger);
        border-radius: var(--hr-radius-sm);
        padding: 0.4rem 0.7rem;
        font-weight: 700;
      }
      .strike small {
        display: block;
        color: var(--hr-ink);
        font-weight: 500;
      }
      /* Projector scale: every word the room reads at the view's own size (24 px on a 1920 px projector), the
         layers kept short so the hardware stays above the fold at 1080 px, workloads sized by kind but growing to
         fill the row so their names wrap at word breaks instead of being cut. */
      :host([big]) .head {
        display: flex;
        flex-wrap: wrap;
        align-items: baseline;
        column-gap: 1em;
      }
      :host([big]) .head h3 {
        margin: 0;
      }
      :host([big]) .spec {
        margin: 0;
      }
      :host([big]) .strikes {
        margin: 0.4em 0;
      }
      :host([big]) .strike {
        padding: 0.25em 0.6em;
      }
      :host([big]) .strike small {
        display: inline;
        font-size: 1em;
        margin-inline-start: 0.4em;
        font-weight: 650;
      }
      .strike .lost {
        color: var(--hr-danger);
        font-weight: 800;
        white-space: nowrap;
      }
      .strike .won {
        color: var(--hr-ok);
        font-weight: 800;
        white-space: nowrap;
      }
      .strike .even {
        color: var(--hr-ink);
        font-weight: 800;
        white-space: nowrap;
      }
      :host([big]) .bars {
        grid-template-columns: repeat(auto-fit, minmax(10em, 1fr));
        gap: 0.3em 0.8em;
        margin: 0.5em 0 0.7em;
      }
      :host([big]) .bar {
        grid-template-columns: auto 1fr;
        grid-template-areas: 'label num' 'track track';
        gap: 0.15em 0.5em;
      }
      :host([big]) .bar > :first-child {
        grid-area: label;
      }
      :host([big]) .bar .track {
        grid-area: track;
        height: 0.9em;
      }
      :host([big]) .bar .num {
        grid-area: num;
        font-size: 1em;
        white-space: nowrap;
      }
      :host([big]) .scene {
        grid-template-columns: 1fr;
        gap: 0.6em;
      }
      :host([big]) .workloads {
        gap: 0.35em;
        min-height: 3em;
      }
      :host([big]) .w {
        font-size: 1em;
        max-width: 13em;
      }
      :host([big]) .w .app {
        overflow-wrap: break-word;
        padding: 0.25em 0.15em;
        font-weight: 650;
      }
      :host([big]) .w.starting .app::after {
        content: none;
      }
      :host([big]) .w .layer,
      :host([big]) .w.ctr .app {
        font-size: 1em;
      }
      :host([big]) .w.vm {
        width: auto;
        flex: 3 1 7em;
      }
      :host([big]) .w.vm .layer {
        min-height: 1.6em;
      }
      :host([big]) .w.mvm {
        width: auto;
        flex: 2.5 1 6em;
      }
      :host([big]) .w.trad {
        width: auto;
        flex: 2.5 1 6em;
      }
      :host([big]) .w.ctr {
        width: auto;
        flex: 2 1 5em;
      }
      :host([big]) .band {
        padding: 0.15em;
      }
      :host([big]) .lanes {
        grid-template-columns: repeat(3, minmax(0, 1fr));
      }
      :host([big]) .lane {
        padding: 0.2em 0.5em;
      }
      :host([big]) .lane h4,
      :host([big]) .chip,
      :host([big]) .lane .none {
        font-size: 1em;
      }
      :host([big]) .lane h4 {
        margin: 0 0 0.15em;
      }
      @media (max-width: 640px) {
        .scene {
          grid-template-columns: 1fr;
        }
        .bar {
          grid-template-columns: 4.5rem 1fr 7rem;
        }
      }
    `,
  ];
  host: RaceHost | null = null;
  cards: WorkloadCard[] = [];
  names: Record<string, string> = {};
  /** Race events that struck this host, with the deployments or cards they hit. */
  struck: StruckEvent[] = [];
  /** The race's scheduled events (fired or not). */
  events: PendingEvent[] = [];
  heading = '';
  big = false;
  /** Server time now, to tell workloads still starting; 0: the latest deployment's time stands in for it. */
  now = 0;

  private colour(d: Deployment): string {
    const k = d.choice.kind;
    if (k === 'container' || k === 'sandboxed-container' || k === 'orchestrated-container')
      return 'var(--hr-container)';
    if (k === 'microvm') return 'var(--hr-microvm)';
    if (k === 'traditional') return 'var(--hr-traditional)';
    return 'var(--hr-vm)';
  }

  private hitIds(): Set<string> {
    const host = this.host;
    const ids = new Set<string>();
    if (!host) return ids;
    for (const id of harmedIds(this.struck)) ids.add(id);
    // A fired kernel CVE exposes every unsandboxed container on the host kernel, whoever deployed it.
    if (this.events.some((e) => e.kind === 'kernel-cve' && e.fired)) {
      for (const d of host.deployments)
        if (
          d.choice.placement === 'on-prem' &&
          (d.choice.kind === 'container' || d.choice.kind === 'orchestrated-container')
        )
          ids.add(d.id);
    }
    return ids;
  }

  private bar(label: string, total: number, unit: string, pick: (d: Deployment) => number) {
    const onPrem = (this.host?.deployments ?? []).filter((d) => d.choice.placement === 'on-prem' && pick(d) > 0);
    const used = onPrem.reduce((s, d) => s + pick(d), 0);
    return html`<div class="bar">
      <span>${label}</span>
      <span class="track" aria-hidden="true">
        ${onPrem.map(
          (d) =>
            html`<span
              class="seg"
              title=${this.cardTitle(d.cardId)}
              style="width:${Math.min(100, (pick(d) / Math.max(total, 1e-9)) * 100)}%;background:${this.colour(d)}"
            ></span>`,
        )}
      </span>
      <span class="num"
        >${
          this.big
            ? `${fmt(used, used >= 100 ? 0 : 1)} / ${fmt(total, 1)}`
            : t('race.used', { used: `${fmt(used, 1)} ${unit}`, total: `${fmt(total, 1)} ${unit}` })
        }</span
      >
    </div>`;
  }

  private cardTitle(cardId: string): string {
    return this.cards.find((c) => c.id === cardId)?.title ?? cardId;
  }

  private workload(d: Deployment, hits: Set<string>, now: number) {
    const k = d.choice.kind;
    const hit = hits.has(d.id) || hits.has(d.cardId);
    const culprit = this.big && this.struck.at(-1)?.culprit === d.id;
    const states = [hit && 'hit', d.down && 'down', d.readyAt > now && 'starting', culprit && 'culprit'];
    const cls = ['w', KIND_CLASS[k], ...states.filter(Boolean)].join(' ');
    const who = this.names[d.playerId] ?? '';
    const label = t('race.deployment', {
      card: this.cardTitle(d.cardId),
      kind: kindLabel(k),
      placement: placeLabel(d.choice.placement),
      name: who,
    });
    const flags = [hit ? t('race.exposed') : '', d.down ? t('race.down') : '', culprit ? t('race.hogging') : '']
      .filter(Boolean)
      .join(', ');
    const height =
      k === 'vm-full' || k === 'vm-para' || k === 'vm-type2'
        ? 9
        : k === 'microvm'
          ? 6.5
          : k === 'traditional'
            ? 5
            : 4.5;
    const flag = hit || d.down ? html`<span class="flag" aria-hidden="true">${d.down ? '✕' : '⚠'}</span>` : nothing;
    // The kind's glyph and the flag ride on the name's line, so the title keeps the box's whole width.
    return html`<li class=${cls} style="min-height:${height}rem" aria-label=${flags ? `${label} (${flags})` : label}>
      <span class="app" aria-hidden="true"
        >${this.cardTitle(d.cardId)}<span class="who"
          >${flag}${KIND_GLYPH[k]}
          ${who}${
            this.big && d.readyAt > now ? html` <span class="state">· ${t('race.starting')}</span>` : nothing
          }</span
        >${culprit ? html`<span class="hog">${t('race.hogging')}</span>` : nothing}</span
      >
      <span style="flex:1"></span>
      ${k.startsWith('vm') ? html`<span class="layer" aria-hidden="true">${t('race.guestOs')}</span>` : nothing}
      ${k === 'microvm' ? html`<span class="layer" aria-hidden="true">${kindLabel('microvm')}</span>` : nothing}
    </li>`;
  }

  override render() {
    const host = this.host;
    if (!host) return nothing;
    const hits = this.hitIds();
    const now = this.now || Math.max(0, ...host.deployments.map((d) => d.at));
    const onPrem = host.deployments.filter((d) => d.choice.placement === 'on-prem');
    const hasHypervisor = onPrem.some(
      (d) => d.choice.kind === 'vm-full' || d.choice.kind === 'vm-para' || d.choice.kind === 'microvm',
    );
    const kernelHit =
      this.events.some((e) => e.kind === 'kernel-cve' && e.fired) &&
      onPrem.some((d) => d.choice.kind === 'container' || d.choice.kind === 'orchestrated-container');
    const lanes = (['iaas', 'paas', 'saas'] as const).map((p) => ({
      p,
      list: host.deployments.filter((d) => d.choice.placement === p),
    }));
    const spec = host.spec;
    const nodes = (spec.nodes ?? 1) > 1 ? `${t('race.nodes', { n: spec.nodes ?? 1 })} · ` : '';
    const specText =
      `${nodes}${spec.cores} ${t('race.cores')} · ${fmt(spec.ramGb)} GB ${t('race.ram')} · ` +
      `${fmt(spec.diskGb)} GB ${t('race.disk')}`;
    return html`
      <div class="head">
        ${this.heading ? html`<h3>${this.heading}</h3>` : nothing}
        ${this.big ? nothing : html`<p class="spec">${specText} · ${t(`os.${spec.os}`)}</p>`}
      </div>
      ${
        this.struck.length
          ? html`<div class="strikes" role="status">
              ${this.struck.slice(this.big ? -1 : -3).map(
                (s) =>
                  html`<div class="strike">
                    ⚡ ${eventLabel(s.kind)}
                    <small
                      >${
                        this.big && s.effects
                          ? s.effects.length
                            ? netByPlayer(s.effects).map(
                                ({ playerId, delta }, i) =>
                                  html`${i ? ' · ' : ''}<span class=${delta < 0 ? 'lost' : delta > 0 ? 'won' : 'even'}
                                      >${this.names[playerId] ?? ''} ${signed(delta)}</span
                                    >`,
                              )
                            : t('race.nobodyHit')
                          : t(
                              s.kind === 'hardware-failure' && (spec.nodes ?? 1) > 1
                                ? 'race.eventDetail.hardware-failure-pool'
                                : `race.eventDetail.${s.kind}`,
                              { count: harmedIds([s]).size },
                            )
                      }</small
                    >
                  </div>`,
              )}
            </div>`
          : nothing
      }
      <div class="bars">
        ${this.bar(t('race.cores'), spec.cores, '', (d) => d.cpu)}
        ${this.bar(t('race.ram'), spec.ramGb, 'GB', (d) => d.ramGb)}
        ${this.bar(t('race.disk'), spec.diskGb, 'GB', (d) => d.diskGb)}
      </div>
      <div class="scene">
        <div class="machine">
          <ul class="workloads" role="list" aria-label=${this.heading || t('race.host')}>
            ${
              onPrem.length
                ? onPrem.map((d) => this.workload(d, hits, now))
                : html`<li class="empty">${t('race.noDeployments')}</li>`
            }
          </ul>
          ${hasHypervisor ? html`<div class="band hyp">${t('race.hypervisor')}</div>` : nothing}
          <div class="band kernel ${kernelHit ? 'hit' : ''}">
            ${kernelHit ? '⚠ ' : ''}${t('race.kernel', { os: t(`os.${spec.os}`) })}
          </div>
          <div class="band hw">${t('race.hardware')}${this.big ? ` · ${specText}` : ''}</div>
        </div>
        <div>
          ${this.big ? nothing : html`<p class="offtitle">${t('race.offPrem')}</p>`}
          <div class="lanes">
            ${lanes.map(
              ({ p, list }) =>
                html`<section class="lane" aria-label=${placeLabel(p)}>
                  <h4>☁ ${t(`race.lane.${p}`)}</h4>
                  ${
                    list.length
                      ? html`<ul>
                          ${list.map(
                            (d) =>
                              html`<li class="chip">${this.cardTitle(d.cardId)} · ${this.names[d.playerId] ?? ''}</li>`,
                          )}
                        </ul>`
                      : html`<span class="none">${t('race.emptyLane')}</span>`
                  }
                </section>`,
            )}
          </div>
        </div>
      </div>
    `;
  }
}
customElements.define('host-picture', HostPicture);
declare global {
  interface HTMLElementTagNameMap {
    'host-picture': HostPicture;
  }
}
