// A scenario's form (host, deck, event schedule, round length) and its best-known plan, computed on request with the
// engine's own planner (shared/engine/race/best-plan.ts): a teacher sees at once a scenario nobody can win, or one
// whose answer is the same for every card.
import { html, nothing } from 'lit';
import type { GamePack } from '../../../shared/content/pack.js';
import { LIMITS, scenarioSchema, workloadCardSchema } from '../../../shared/content/schema.js';
import { bestPlan, type Plan } from '../../../shared/engine/race/best-plan.js';
import { legalChoices } from '../../../shared/engine/race/rules.js';
import { EVENT_KINDS, type WorkloadCard } from '../../../shared/engine/types.js';
import { t, fmt } from '../i18n/index.js';
import { eventLabel, kindLabel, placeLabel } from '../lib/labels.js';
import { filled } from './draft.js';
import { checkField, leftoverErrors, numberField, selectField, textField, type Ctx } from './fields.js';

export function scenarioForm(ctx: Ctx, pack: GamePack, index: number) {
  const s = pack.scenarios[index]!;
  const at = `scenarios[${index}]`;
  const h = s.host;
  const fields = html`
    ${textField(ctx, {
      path: `${at}.title`,
      label: t('ws.scn.title'),
      value: s.title,
      max: LIMITS.titleLength,
      set: (v) => (s.title = v),
    })}
    ${textField(ctx, {
      path: `${at}.description`,
      label: t('ws.scn.description'),
      value: s.description,
      long: true,
      max: LIMITS.scenarioDescriptionLength,
      set: (v) => (s.description = v),
    })}
    <fieldset>
      <legend>${t('ws.scn.host')}</legend>
      <div class="grid3">
        ${numberField(ctx, {
          path: `${at}.host.cores`,
          label: t('ws.scn.cores'),
          value: h.cores,
          step: '1',
          min: 1,
          unit: t('ws.unit.cores'),
          set: (v) => (h.cores = v as number),
        })}
        ${numberField(ctx, {
          path: `${at}.host.ramGb`,
          label: t('ws.card.ram'),
          value: h.ramGb,
          min: 0,
          unit: 'GB',
          set: (v) => (h.ramGb = v as number),
        })}
        ${numberField(ctx, {
          path: `${at}.host.diskGb`,
          label: t('ws.card.disk'),
          value: h.diskGb,
          min: 0,
          unit: 'GB',
          set: (v) => (h.diskGb = v as number),
        })}
        ${selectField(ctx, {
          path: `${at}.host.os`,
          label: t('ws.scn.os'),
          value: h.os,
          options: (['linux', 'windows'] as const).map((o) => [o, t(`ws.card.guestOs.${o}`)] as const),
          set: (v) => (h.os = v),
        })}
        ${selectField(ctx, {
          path: `${at}.host.machine`,
          label: t('ws.scn.machine'),
          value: h.machine,
          options: (['server', 'desktop'] as const).map((m) => [m, t(`ws.scn.machine.${m}`)] as const),
          set: (v) => (h.machine = v),
        })}
        ${numberField(ctx, {
          path: `${at}.host.nodes`,
          label: t('ws.scn.nodes'),
          value: h.nodes ?? 1,
          step: '1',
          min: 1,
          set: (v) => (v === 1 ? delete h.nodes : (h.nodes = v as number)),
        })}
      </div>
    </fieldset>
    <div class="grid2">
      ${numberField(ctx, {
        path: `${at}.lengthS`,
        label: t('ws.scn.length'),
        value: s.lengthS,
        min: 1,
        unit: t('ws.unit.s'),
        set: (v) => (s.lengthS = v as number),
      })}
      ${numberField(ctx, {
        path: `${at}.randomEvents`,
        label: t('ws.scn.randomEvents'),
        value: s.randomEvents,
        step: '1',
        min: 0,
        set: (v) => (s.randomEvents = v as number),
      })}
    </div>
    <fieldset>
      <legend>${t('ws.scn.deck')}</legend>
      ${pack.cards.length === 0 ? html`<p class="muted">${t('ws.scn.noCards')}</p>` : nothing}
      <div class="grid2">
        ${pack.cards.map((c) =>
          checkField(ctx, {
            path: `${at}.deck.${c.id}`,
            label: c.title || c.id,
            checked: s.deck.includes(c.id),
            set: (on) => {
              const inPack = pack.cards.map((x) => x.id);
              s.deck = on
                ? inPack.filter((id) => id === c.id || s.deck.includes(id))
                : s.deck.filter((id) => id !== c.id);
            },
          }),
        )}
      </div>
    </fieldset>
    <fieldset>
      <legend>${t('ws.scn.events')}</legend>
      ${s.events.map(
        (e, j) =>
          html`<div class="optrow">
            ${selectField(ctx, {
              path: `${at}.events[${j}].kind`,
              label: t('ws.scn.eventKind', { n: j + 1 }),
              value: e.kind,
              options: EVENT_KINDS.map((k) => [k, eventLabel(k)] as const),
              set: (v) => (e.kind = v),
            })}
            ${numberField(ctx, {
              path: `${at}.events[${j}].atS`,
              label: t('ws.scn.eventAt', { n: j + 1 }),
              value: e.atS,
              min: 0,
              unit: t('ws.unit.s'),
              set: (v) => (e.atS = v as number),
            })}
            <button
              type="button"
              class="icon danger"
              aria-label=${t('ws.remove', { name: eventLabel(e.kind) })}
              @click=${() => (s.events.splice(j, 1), ctx.changed())}
            >
              ✕
            </button>
          </div>`,
      )}
      <button
        type="button"
        class="secondary small"
        ?disabled=${s.events.length >= LIMITS.maxEvents}
        @click=${() => (s.events.push({ kind: 'kernel-cve', atS: Math.round(s.lengthS / 2) || 30 }), ctx.changed())}
      >
        ${t('ws.scn.addEvent')}
      </button>
    </fieldset>
  `;
  return html`${leftoverErrors(ctx, at)}${fields}`;
}

export interface PlanVerdict {
  plan: Plan;
  /** Every card left undeployed, or nothing scores: nobody can win. */
  unwinnable: boolean;
  /** Every card has one allowed deployment, or the plan deploys every card the same way: nothing to decide. */
  trivial: boolean;
  cards: Record<string, WorkloadCard>;
}

/** The best-known plan of one scenario, or null when its own parts do not validate yet. */
export function planScenario(pack: GamePack, index: number): PlanVerdict | null {
  const s = scenarioSchema.safeParse(filled(pack.scenarios[index]));
  if (!s.success) return null;
  const cards: WorkloadCard[] = [];
  for (const id of s.data.deck) {
    const c = workloadCardSchema.safeParse(filled(pack.cards.find((x) => x.id === id)));
    if (!c.success) return null;
    cards.push(c.data);
  }
  const plan = bestPlan({ questions: [], cards, scenarios: [s.data] }, s.data.id, 'workshop', 300);
  const deployed = plan.choices.filter((c) => c.choice);
  const ways = new Set(deployed.map((c) => `${c.choice!.kind}@${c.choice!.placement}`));
  const oneWayEach = cards.every((c) => legalChoices(c, s.data.host).length <= 1);
  return {
    plan,
    unwinnable: deployed.length === 0 || plan.score <= 0,
    trivial: deployed.length > 0 && (oneWayEach || (ways.size === 1 && cards.length > 1)),
    cards: Object.fromEntries(cards.map((c) => [c.id, c])),
  };
}

export function planPanel(verdict: PlanVerdict | null | 'invalid', busy: boolean, run: () => void) {
  return html`<section class="plan" aria-labelledby="plan-h" data-testid="best-plan">
    <h3 id="plan-h">${t('ws.plan.title')}</h3>
    <p class="muted">${t('ws.plan.help')}</p>
    <button type="button" class="secondary" ?disabled=${busy} @click=${run}>
      ${busy ? t('ws.plan.busy') : t('ws.plan.run')}
    </button>
    <div role="status" aria-live="polite">
      ${verdict === 'invalid' ? html`<p class="error">${t('ws.plan.fixFirst')}</p>` : nothing}
      ${verdict && verdict !== 'invalid' ? planResult(verdict) : nothing}
    </div>
  </section>`;
}

function planResult(v: PlanVerdict) {
  const verdict = v.unwinnable ? t('ws.plan.unwinnable') : v.trivial ? t('ws.plan.trivial') : t('ws.plan.fine');
  return html`<p
      class=${v.unwinnable ? 'error' : v.trivial ? 'warn' : 'ok'}
      data-testid="plan-verdict"
      data-verdict=${v.unwinnable ? 'unwinnable' : v.trivial ? 'trivial' : 'fine'}
    >
      ${verdict}
    </p>
    <p>${t('ws.plan.score', { score: fmt(v.plan.score), n: v.plan.simulations })}</p>
    <ol class="planlist">
      ${v.plan.choices.map(
        (c) =>
          html`<li>
            <strong>${v.cards[c.cardId]?.title || c.cardId}</strong>:
            ${
              c.choice
                ? c.choice.placement === 'on-prem'
                  ? `${placeLabel('on-prem')} · ${kindLabel(c.choice.kind)}`
                  : placeLabel(c.choice.placement)
                : t('ws.plan.skip')
            }
          </li>`,
      )}
    </ol>`;
}
