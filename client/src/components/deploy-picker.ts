// Deployment picker for one card, as a modal bottom sheet a phone works with one thumb: first WHERE (on-premise,
// IaaS, PaaS, SaaS), then HOW (only the kinds that exist there), each choice marked with the engine's own verdict
// (`quoteOnHost`) and a short reason when it does not fit. The live quote shows in brief beside Deploy and Cancel in
// a footer that stays in the viewport; the full quote folds out. A native modal <dialog>: the page behind is inert,
// Tab cycles inside, Escape closes.
import { html, css, nothing } from 'lit';
import type {
  DeployChoice,
  DeployKind,
  Placement,
  Quote,
  RaceHost,
  TeamLayer,
  WorkloadCard,
} from '../../../shared/engine/types.js';
import { PLACEMENTS } from '../../../shared/engine/types.js';
import { legalChoices, quoteOnHost } from '../../../shared/engine/race/quote.js';
import { KINDS_AT, OFF_SERVICE } from '../lib/deploy-options.js';
import { layerOf } from '../../../shared/engine/race/race.js';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t, fmt } from '../i18n/index.js';
import { duration, kindLabel, placeLabel, whyText } from '../lib/labels.js';
import { breakdownLines } from '../lib/quote-breakdown.js';
import { whyLine } from './why-cite.js';
import './score-meter.js';
import './workload-card.js';

/** @fires deploy - detail: { cardId, choice: DeployChoice, layer, owner } ; @fires cancel */
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
    step: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: contents;
      }
      dialog {
        padding: 0;
        border: 0;
        margin: auto auto 0;
        width: min(100%, 40rem);
        max-width: 100%;
        max-height: calc(100dvh - 0.5rem);
        border-radius: var(--hr-radius) var(--hr-radius) 0 0;
        background: var(--hr-surface);
        color: var(--hr-ink);
        box-shadow: var(--hr-shadow);
        overflow: hidden;
      }
      dialog[open] {
        display: flex;
        flex-direction: column;
      }
      dialog::backdrop {
        background: rgba(27, 21, 48, 0.55);
      }
      @media (min-width: 48rem) and (min-height: 40rem) {
        dialog {
          margin: auto;
          border-radius: var(--hr-radius);
          max-height: min(52rem, calc(100dvh - 2rem));
        }
      }
      header {
        padding: 0.8rem 1rem 0.5rem;
        border-bottom: 1px solid var(--hr-border);
      }
      h2 {
        font-size: 1.15rem;
        margin: 0 0 0.3rem;
        overflow-wrap: anywhere;
      }
      .steps {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.4rem;
        margin-top: 0.5rem;
      }
      .steps button {
        display: grid;
        justify-items: start;
        justify-content: stretch;
        align-content: center;
        text-align: start;
        gap: 0;
        padding: 0.3rem 0.6rem;
        min-height: 48px;
        font-weight: 600;
        background: var(--hr-surface);
        color: var(--hr-ink);
        border-color: var(--hr-border);
        overflow-wrap: anywhere;
      }
      .steps button small {
        font-size: 0.78rem;
        font-weight: 700;
        color: var(--hr-ink-soft);
      }
      .steps button[aria-current='step'] {
        border-color: var(--hr-brand);
        box-shadow: inset 0 -3px 0 var(--hr-brand);
      }
      .body {
        flex: 1 1 auto;
        min-height: 0;
        overflow-y: auto;
        overscroll-behavior: contain;
        padding: 0.7rem 1rem;
      }
      h3 {
        font-size: 1rem;
        margin: 0 0 0.5rem;
      }
      ul.where {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.45rem;
      }
      .where button {
        width: 100%;
        display: grid;
        grid-template-columns: 1fr auto;
        justify-items: start;
        text-align: start;
        gap: 0.1rem 0.5rem;
        background: var(--hr-surface);
        color: var(--hr-ink);
        border-color: var(--hr-border);
        padding: 0.5rem 0.7rem;
        font-weight: 600;
      }
      .where button[aria-pressed='true'] {
        border-color: var(--hr-brand);
        box-shadow: 0 0 0 2px var(--hr-brand-soft);
        background: var(--hr-brand-soft);
      }
      .where .name,
      .where .what,
      .where .mark {
        grid-column: 1;
      }
      .where .name {
        font-weight: 800;
      }
      .where .go {
        grid-row: 1 / span 3;
        grid-column: 2;
        align-self: center;
        color: var(--hr-brand);
        font-size: 1.3rem;
      }
      .what {
        font-size: 0.88rem;
        color: var(--hr-ink-soft);
        font-weight: 500;
      }
      .ok {
        color: var(--hr-ok);
      }
      .bad {
        color: var(--hr-danger);
      }
      .mark {
        font-size: 0.86rem;
        font-weight: 700;
      }
      .clamp {
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      fieldset {
        border: 0;
        padding: 0;
        margin: 0;
        min-width: 0;
      }
      legend {
        font-weight: 750;
        margin-bottom: 0.5rem;
        padding: 0;
      }
      .kinds {
        display: grid;
        gap: 0.4rem;
      }
      .kind {
        position: relative;
        display: grid;
        grid-template-columns: auto 1fr;
        gap: 0.1rem 0.6rem;
        align-items: start;
        border: 2px solid var(--hr-border);
        border-radius: var(--hr-radius-sm);
        padding: 0.45rem 0.7rem;
        cursor: pointer;
        background: var(--hr-surface);
      }
      .kind input {
        min-height: 0;
        width: 1.2rem;
        height: 1.2rem;
        margin: 0.15rem 0 0;
        grid-row: 1 / span 2;
        accent-color: var(--hr-brand);
      }
      .kind:has(input:checked) {
        border-color: var(--hr-brand);
        background: var(--hr-brand-soft);
      }
      .kind:has(input:focus-visible) {
        outline: 3px solid var(--hr-focus);
        outline-offset: 2px;
      }
      .kind input:focus-visible {
        outline: none;
      }
      .kind .mark {
        font-weight: 600;
      }
      .note {
        background: var(--hr-surface-2);
        border-radius: var(--hr-radius-sm);
        padding: 0.5rem 0.7rem;
        margin: 0;
      }
      .calc {
        margin: 0.4rem 0;
        padding-inline-start: 1.1rem;
        font-size: 0.9rem;
        color: var(--hr-ink-soft);
        font-variant-numeric: tabular-nums;
      }
      details.more {
        margin-top: 0.8rem;
        border-top: 1px solid var(--hr-border);
        padding-top: 0.4rem;
      }
      details.more summary {
        cursor: pointer;
        font-weight: 700;
        min-height: 44px;
        display: flex;
        align-items: center;
        color: var(--hr-brand);
      }
      .full {
        display: grid;
        gap: 0.45rem;
      }
      .facts {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 0.2rem 1rem;
        font-variant-numeric: tabular-nums;
      }
      ul.whys {
        margin: 0;
        padding-inline-start: 1.2rem;
        font-size: 0.92rem;
      }
      footer {
        border-top: 1px solid var(--hr-border);
        padding: 0.55rem 1rem calc(0.7rem + env(safe-area-inset-bottom, 0px));
        display: grid;
        gap: 0.4rem;
        background: var(--hr-surface);
      }
      .brief {
        display: grid;
        gap: 0.1rem;
        border-inline-start: 5px solid var(--hr-border);
        padding-inline-start: 0.6rem;
      }
      .brief.fit {
        border-color: var(--hr-ok);
      }
      .brief.nofit {
        border-color: var(--hr-danger);
      }
      .verdict {
        font-weight: 800;
      }
      .nums {
        font-variant-numeric: tabular-nums;
        font-weight: 650;
        font-size: 0.92rem;
      }
      .reason {
        font-size: 0.88rem;
      }
      .owner {
        border-radius: var(--hr-radius-sm);
        padding: 0.35rem 0.6rem;
        border: 2px solid var(--hr-border);
        font-weight: 650;
        font-size: 0.9rem;
        margin: 0;
      }
      .owner.other {
        border-color: var(--hr-warn);
        background: var(--hr-warn-soft);
      }
      .owner.mine {
        border-color: var(--hr-ok);
        background: var(--hr-ok-soft);
      }
      .actions {
        display: grid;
        grid-template-columns: 1fr 1.6fr;
        gap: 0.6rem;
      }
      .actions button {
        min-height: 52px;
      }
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
  private step: 'where' | 'how' = 'where';
  /** Where focus goes after the next render (a step change moves it to the step's choice). */
  private focusNext: 'where' | 'how' | null = 'where';
  private deployed = false;
  /** The dialog is shown once; after it closes it stays closed until the screen removes the picker. */
  private shown = false;
  /** The card the current choice belongs to: a new view of the same card (a tick, another deployment) keeps it. */
  private cardId = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('card') && this.card && this.host && this.card.id !== this.cardId) {
      this.cardId = this.card.id;
      // Start on the first legal choice so the first quote teaches something that works, and Deploy takes it in one
      // tap.
      const legal = legalChoices(this.card, this.host.spec);
      const first = legal.find((c) => c.placement === 'on-prem') ?? legal[0];
      if (first) {
        this.kind = first.kind;
        this.placement = first.placement;
      }
      this.step = 'where';
      this.focusNext = 'where';
    }
  }

  private get dialog(): HTMLDialogElement | null {
    return this.renderRoot.querySelector('dialog');
  }

  override updated(): void {
    const dialog = this.dialog;
    if (dialog && !this.shown && this.isConnected) {
      this.shown = true;
      dialog.showModal();
    }
    if (this.focusNext && dialog) {
      const target =
        this.focusNext === 'where'
          ? dialog.querySelector<HTMLElement>('.where button[aria-pressed="true"]')
          : (dialog.querySelector<HTMLElement>('input[name="kind"]:checked') ??
            dialog.querySelector<HTMLElement>('.body [tabindex="-1"]'));
      this.focusNext = null;
      target?.focus();
    }
  }

  private choice(): DeployChoice {
    return { kind: OFF_SERVICE.includes(this.placement) ? 'container' : this.kind, placement: this.placement };
  }

  private quote(choice: DeployChoice): Quote {
    const host = this.host!;
    const index = Object.fromEntries(this.cards.map((c) => [c.id, c]));
    return quoteOnHost({ spec: host.spec, deployments: host.deployments, cards: index }, this.card!, choice);
  }

  private pickPlace(placement: Placement): void {
    if (placement !== this.placement) {
      this.placement = placement;
      const kinds = KINDS_AT[placement];
      if (kinds.length && !kinds.includes(this.kind)) {
        // Keep the choice meaningful there: the first kind that fits, else the first one offered.
        this.kind = kinds.find((k) => this.quote({ kind: k, placement }).fits) ?? kinds[0]!;
      }
    }
    if (KINDS_AT[placement].length) this.goStep('how');
  }

  private goStep(step: 'where' | 'how'): void {
    this.step = step;
    this.focusNext = step;
  }

  private close(deployed: boolean): void {
    this.deployed = deployed;
    this.dialog?.close();
  }

  /** The dialog closed (Cancel, Escape, the backdrop): tell the screen, unless it closed because of Deploy. */
  private onClose(): void {
    if (!this.deployed) this.dispatchEvent(new CustomEvent('cancel', { bubbles: true, composed: true }));
    this.deployed = false;
  }

  /** Tab and Shift+Tab wrap around inside the dialog (a modal dialog would otherwise hand focus to the browser). */
  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'Tab') return;
    const dialog = this.dialog;
    if (!dialog) return;
    const all = [
      ...dialog.querySelectorAll<HTMLElement>('button, input, summary, [tabindex]:not([tabindex="-1"])'),
    ].filter(
      (el) =>
        !(el as HTMLButtonElement).disabled &&
        el.checkVisibility() &&
        !(
          el instanceof HTMLInputElement &&
          el.type === 'radio' &&
          !el.checked &&
          dialog.querySelector(`input[name="${el.name}"]:checked`)
        ),
    );
    if (!all.length) return;
    const first = all[0]!;
    const last = all[all.length - 1]!;
    const active = this.shadowRoot?.activeElement;
    if (e.shiftKey && (active === first || !active || active === dialog)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !active)) {
      e.preventDefault();
      first.focus();
    }
  }

  private onBackdrop(e: MouseEvent): void {
    const dialog = this.dialog;
    if (!dialog || e.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) this.close(false);
  }

  private whereStep(legalAt: (p: Placement) => Quote[]) {
    return html`<h3 id="where-h">${t('picker.step.where')}</h3>
      <ul class="where" aria-labelledby="where-h">
        ${PLACEMENTS.map((p) => {
          const quotes = legalAt(p);
          const fitting = quotes.filter((q) => q.fits).length;
          const kinds = KINDS_AT[p].length;
          // The reason every way here fails, when they share one (residency, OS control, no SaaS product).
          const shared = quotes[0]?.blockers.find((b) => quotes.every((q) => q.blockers.some((o) => o.en === b.en)));
          return html`<li>
            <button data-placement=${p} aria-pressed=${String(this.placement === p)} @click=${() => this.pickPlace(p)}>
              <span class="name">${placeLabel(p)}</span>
              <span class="what">${t(`picker.place.${p}`)}</span>
              <span class="mark ${fitting ? 'ok' : 'bad'}">
                ${
                  fitting
                    ? kinds
                      ? '✓ ' + t('picker.waysFit', { n: fitting, total: kinds })
                      : '✓ ' + t('picker.fitsShort')
                    : html`<span class="clamp">✕ ${shared ? whyText(shared) : t('picker.noWayFits')}</span>`
                }
              </span>
              ${kinds ? html`<span class="go" aria-hidden="true">›</span>` : nothing}
            </button>
          </li>`;
        })}
      </ul>`;
  }

  private howStep() {
    const kinds = KINDS_AT[this.placement];
    if (!kinds.length)
      return html`<p class="note" tabindex="-1">${t('picker.providerRuns', { place: placeLabel(this.placement) })}</p>`;
    return html`<fieldset>
      <legend>${t('picker.step.how', { place: placeLabel(this.placement) })}</legend>
      <div class="kinds">
        ${kinds.map((k) => {
          const q = this.quote({ kind: k, placement: this.placement });
          const top = q.blockers[0];
          return html`<label class="kind">
            <input type="radio" name="kind" value=${k} .checked=${this.kind === k} @change=${() => (this.kind = k)} />
            <span class="name">${kindLabel(k)}</span>
            <span class="mark ${q.fits ? 'ok' : 'bad'}">
              ${
                q.fits
                  ? '✓ ' + t('picker.kindBrief', { points: fmt(q.points), iso: fmt(q.isolation) })
                  : html`<span class="clamp">✕ ${top ? whyText(top) : t('picker.noFitShort')}</span>`
              }
            </span>
          </label>`;
        })}
      </div>
    </fieldset>`;
  }

  /** The arithmetic behind the meters and the points (the engine's own breakdown). */
  private calc(q: Quote) {
    const lines = breakdownLines(q);
    return html`<ul class="calc" data-testid="quote-calc">
      <li>${lines.efficiency}</li>
      <li>${lines.isolation}</li>
      ${q.allowed ? html`<li>${lines.points}</li>` : nothing}
    </ul>`;
  }

  private details(q: Quote, card: WorkloadCard) {
    return html`<details
      class="more"
      @toggle=${(e: Event) => {
        const d = e.currentTarget as HTMLDetailsElement;
        if (d.open) d.querySelector('.full')?.scrollIntoView({ block: 'nearest' });
      }}
    >
      <summary>${t('picker.details')}</summary>
      <div class="full">
        ${
          q.blockers.length
            ? html`<ul class="whys">
                ${q.blockers.map((w) => html`<li>${whyLine(w)}</li>`)}
              </ul>`
            : nothing
        }
        <div class="facts">
          <span>${t('picker.cpu', { cores: fmt(q.cpu, 2) })}</span>
          <span>${t('picker.ram', { gb: fmt(q.ramGb, 2), overhead: fmt(q.overheadRamGb, 2) })}</span>
          <span>${t('picker.disk', { gb: fmt(q.diskGb, 1), overhead: fmt(q.overheadDiskGb, 1) })}</span>
          <span
            >${t('picker.start', { time: duration(q.startS) })}${
              q.meetsDeadline
                ? nothing
                : html` — <strong>${t('picker.deadlineMiss', { s: fmt(card.startDeadlineS, 1) })}</strong>`
            }</span
          >
          <span>${t('picker.cost', { cost: fmt(q.costPerHour, 2), ops: fmt(q.opsHoursPerMonth, 1) })}</span>
          ${q.allowed ? html`<span>${t('picker.points', { points: fmt(q.points) })}</span>` : nothing}
        </div>
        <score-meter .label=${t('picker.efficiency')} .value=${q.efficiency}></score-meter>
        <score-meter .label=${t('picker.isolation')} .value=${q.isolation}></score-meter>
        ${this.calc(q)}
        ${
          q.why.length
            ? html`<ul class="whys">
                ${q.why.slice(0, 4).map((w) => html`<li>${whyLine(w)}</li>`)}
              </ul>`
            : nothing
        }
      </div>
    </details>`;
  }

  override render() {
    const card = this.card;
    const host = this.host;
    if (!card || !host) return null;
    const choice = this.choice();
    const q = this.quote(choice);
    const layer = layerOf(choice);
    const owner = this.owners ? this.owners[layer] : undefined;
    const legalAt = (p: Placement): Quote[] =>
      KINDS_AT[p].length
        ? KINDS_AT[p].map((k) => this.quote({ kind: k, placement: p }))
        : [this.quote({ kind: 'container', placement: p })];
    const offService = OFF_SERVICE.includes(this.placement);
    const choiceText = offService
      ? placeLabel(this.placement)
      : `${kindLabel(choice.kind)} · ${placeLabel(this.placement)}`;
    return html`<dialog
      aria-labelledby="picker-h"
      @close=${() => this.onClose()}
      @keydown=${(e: KeyboardEvent) => this.onKey(e)}
      @click=${(e: MouseEvent) => this.onBackdrop(e)}
    >
      <header>
        <h2 id="picker-h">${t('picker.title', { card: card.title })}</h2>
        <workload-card .card=${card} compact untitled></workload-card>
        <nav class="steps" aria-label=${t('picker.steps')}>
          <button
            data-step="where"
            aria-current=${this.step === 'where' ? 'step' : 'false'}
            @click=${() => this.goStep('where')}
          >
            <small>1 · ${t('picker.placement')}</small><span>${placeLabel(this.placement)}</span>
          </button>
          <button
            data-step="how"
            aria-current=${this.step === 'how' ? 'step' : 'false'}
            @click=${() => this.goStep('how')}
          >
            <small>2 · ${t('picker.kind')}</small
            ><span>${offService ? t('picker.byProvider') : kindLabel(choice.kind)}</span>
          </button>
        </nav>
      </header>
      <div class="body" data-step=${this.step}>
        ${this.step === 'where' ? this.whereStep(legalAt) : this.howStep()} ${this.details(q, card)}
      </div>
      <footer>
        ${
          this.owners
            ? html`<p
                class="owner ${owner ? (owner.id === this.me ? 'mine' : 'other') : ''}"
                data-testid="layer-owner"
                role="note"
              >
                ${
                  owner
                    ? owner.id === this.me
                      ? t('picker.layerMine', { layer: t(`layer.${layer}`) })
                      : html`⚠ ${t('picker.layerOwner', { layer: t(`layer.${layer}`), name: owner.name })}`
                    : t('picker.layerFree', { layer: t(`layer.${layer}`) })
                }
              </p>`
            : nothing
        }
        <div class="brief ${q.fits ? 'fit' : 'nofit'}" data-testid="quote-brief" role="status" aria-live="polite">
          <span class="verdict ${q.fits ? 'ok' : 'bad'}"
            >${
              q.fits
                ? '✓ ' + t('picker.verdictFits', { choice: choiceText })
                : '✕ ' + t('picker.verdictNoFit', { choice: choiceText })
            }</span
          >
          ${
            q.fits
              ? nothing
              : q.blockers[0]
                ? html`<span class="reason clamp">${whyText(q.blockers[0])}</span>`
                : nothing
          }
          ${
            q.allowed
              ? html`<span class="nums"
                  >${t('picker.brief', { points: fmt(q.points), eff: fmt(q.efficiency), iso: fmt(q.isolation) })}</span
                >`
              : nothing
          }
        </div>
        <div class="actions">
          <button class="secondary cancel" @click=${() => this.close(false)}>${t('picker.cancel')}</button>
          <button
            class="deploy"
            ?disabled=${!q.fits || this.busy}
            @click=${() => {
              this.dispatchEvent(
                new CustomEvent('deploy', {
                  detail: { cardId: card.id, choice, layer, owner: owner?.name ?? '' },
                  bubbles: true,
                  composed: true,
                }),
              );
              this.close(true);
            }}
          >
            ${t('picker.deploy')}
          </button>
        </div>
      </footer>
    </dialog>`;
  }
}
customElements.define('deploy-picker', DeployPicker);
declare global {
  interface HTMLElementTagNameMap {
    'deploy-picker': DeployPicker;
  }
}
