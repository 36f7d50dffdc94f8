// A workload card's form, and beside it the engine's own quote (shared/engine/race/quote.ts, as the deploy picker
// uses it): on a host the card meets, which deployments it allows, what each would score, and why not the others.
import { html } from 'lit';
import type { GamePack } from '../../../shared/content/pack.js';
import { LIMITS } from '../../../shared/content/schema.js';
import { DEFAULT_CHECK_HOSTS } from '../../../shared/content/validate.js';
import { quoteOnHost } from '../../../shared/engine/race/quote.js';
import { workloadCardSchema } from '../../../shared/content/schema.js';
import { PLACEMENTS, TOPICS, type HostSpec, type Quote, type WorkloadCard } from '../../../shared/engine/types.js';
import { t, fmt } from '../i18n/index.js';
import { kindLabel, placeLabel, topicLabel, whyText } from '../lib/labels.js';
import { KINDS_AT, OFF_SERVICE } from '../lib/deploy-options.js';
import { filled } from './draft.js';
import { checkField, leftoverErrors, numberField, selectField, textField, type Ctx } from './fields.js';

export function cardForm(ctx: Ctx, pack: GamePack, index: number) {
  const c = pack.cards[index]!;
  const at = `cards[${index}]`;
  const enumField = <K extends 'guestOs' | 'trust' | 'sensitivity' | 'residency' | 'traffic' | 'profile'>(
    key: K,
    values: ReadonlyArray<WorkloadCard[K]>,
  ) =>
    selectField(ctx, {
      path: `${at}.${key}`,
      label: t(`ws.card.${key}` as 'ws.card.trust'),
      value: c[key],
      options: values.map((v) => [v, t(`ws.card.${key}.${v}` as 'ws.card.trust.trusted')] as const),
      set: (v) => (c[key] = v),
    });
  const flag = (key: 'needsCustomKernel' | 'modifiableKernel' | 'needsOsControl' | 'saasAvailable') =>
    checkField(ctx, {
      path: `${at}.${key}`,
      label: t(`ws.card.${key}` as 'ws.card.trust'),
      checked: c[key],
      set: (v) => (c[key] = v),
    });
  const fields = html`
    ${textField(ctx, {
      path: `${at}.title`,
      label: t('ws.card.title'),
      value: c.title,
      max: LIMITS.titleLength,
      set: (v) => (c.title = v),
    })}
    ${textField(ctx, {
      path: `${at}.description`,
      label: t('ws.card.description'),
      value: c.description,
      long: true,
      max: LIMITS.cardDescriptionLength,
      set: (v) => (c.description = v),
    })}
    <fieldset>
      <legend>${t('ws.card.needs')}</legend>
      <div class="grid4">
        ${numberField(ctx, {
          path: `${at}.cpu`,
          label: t('ws.card.cpu'),
          value: c.cpu,
          min: 0,
          unit: t('ws.unit.cores'),
          set: (v) => (c.cpu = v as number),
        })}
        ${numberField(ctx, {
          path: `${at}.ramGb`,
          label: t('ws.card.ram'),
          value: c.ramGb,
          min: 0,
          unit: 'GB',
          set: (v) => (c.ramGb = v as number),
        })}
        ${numberField(ctx, {
          path: `${at}.diskGb`,
          label: t('ws.card.disk'),
          value: c.diskGb,
          min: 0,
          unit: 'GB',
          set: (v) => (c.diskGb = v as number),
        })}
        ${numberField(ctx, {
          path: `${at}.startDeadlineS`,
          label: t('ws.card.deadline'),
          value: c.startDeadlineS,
          min: 0,
          unit: t('ws.unit.s'),
          set: (v) => (c.startDeadlineS = v as number),
        })}
      </div>
    </fieldset>
    <div class="grid3">
      ${enumField('guestOs', ['linux', 'windows'])} ${enumField('trust', ['trusted', 'untrusted'])}
      ${enumField('sensitivity', ['public', 'internal', 'confidential'])} ${enumField('residency', ['any', 'on-prem'])}
      ${enumField('traffic', ['steady', 'bursty'])} ${enumField('profile', ['cpu', 'io', 'network', 'syscall'])}
      ${selectField(ctx, {
        path: `${at}.topic`,
        label: t('ws.q.topic'),
        value: c.topic,
        options: TOPICS.map((tp) => [tp, topicLabel(tp)] as const),
        set: (v) => (c.topic = v),
      })}
    </div>
    <div class="grid2">
      ${flag('needsCustomKernel')} ${flag('modifiableKernel')} ${flag('needsOsControl')} ${flag('saasAvailable')}
    </div>
  `;
  return html`${leftoverErrors(ctx, at)}${fields}`;
}

/** The hosts a card can be judged on: those of the scenarios whose deck holds it, else the validator's defaults. */
export function hostsFor(pack: GamePack, cardId: string): Array<{ label: string; host: HostSpec }> {
  const uses = pack.scenarios.filter((s) => s.deck.includes(cardId));
  if (uses.length) return uses.map((s) => ({ label: s.title || s.id, host: s.host }));
  return DEFAULT_CHECK_HOSTS.map((host) => ({ label: t(`ws.card.defaultHost.${host.os}`), host }));
}

/** Every deployment of the picker quoted on an empty host: allowed or not, with the engine's reasons. */
export function cardQuotes(card: WorkloadCard, host: HostSpec): Quote[] {
  const ctx = { spec: host, deployments: [], cards: { [card.id]: card } };
  return PLACEMENTS.flatMap((p) =>
    (OFF_SERVICE.includes(p) ? (['container'] as const) : KINDS_AT[p]).map((kind) =>
      quoteOnHost(ctx, card, { kind, placement: p }),
    ),
  );
}

export function quotePanel(pack: GamePack, index: number, hostIndex: number, pickHost: (i: number) => void) {
  const raw = pack.cards[index];
  const parsed = workloadCardSchema.safeParse(filled(raw));
  if (!raw || !parsed.success) return html`<p class="muted">${t('ws.quote.fixFirst')}</p>`;
  const card = parsed.data;
  const hosts = hostsFor(pack, card.id);
  const chosen = hosts[Math.min(hostIndex, hosts.length - 1)]!;
  const quotes = cardQuotes(card, chosen.host);
  const allowed = quotes.filter((q) => q.allowed);
  return html`<section class="quote" aria-labelledby="quote-h" data-testid="card-quote">
    <h3 id="quote-h">${t('ws.quote.title')}</h3>
    <div class="field">
      <label for="quote-host">${t('ws.quote.host')}</label>
      <select id="quote-host" @change=${(e: Event) => pickHost(Number((e.target as HTMLSelectElement).value))}>
        ${hosts.map(
          (h, i) => html`<option value=${i} ?selected=${h === chosen}>${h.label} · ${hostLine(h.host)}</option>`,
        )}
      </select>
    </div>
    <p class=${allowed.length ? 'ok' : 'error'} data-testid="quote-summary">
      ${allowed.length ? t('ws.quote.allowed', { n: allowed.length, total: quotes.length }) : t('ws.quote.none')}
    </p>
    <table>
      <thead>
        <tr>
          <th scope="col">${t('ws.quote.choice')}</th>
          <th scope="col">${t('ws.quote.points')}</th>
          <th scope="col">${t('ws.quote.why')}</th>
        </tr>
      </thead>
      <tbody>
        ${quotes.map(
          (q) =>
            html`<tr class=${q.allowed ? 'yes' : 'no'} data-allowed=${q.allowed ? 'yes' : 'no'}>
              <th scope="row">${q.allowed ? '✓' : '✕'} ${choiceLabel(q)}</th>
              <td>${q.allowed ? fmt(q.points) : '—'}</td>
              <td>${(q.allowed ? q.why.slice(0, 1) : q.blockers.slice(0, 2)).map(whyText).join(' ')}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </section>`;
}

export const hostLine = (h: HostSpec) =>
  t('ws.hostLine', {
    cores: h.cores,
    ram: h.ramGb,
    disk: h.diskGb,
    os: t(`ws.card.guestOs.${h.os}`),
    machine: t(`ws.scn.machine.${h.machine}`),
  });

const choiceLabel = (q: Quote) =>
  OFF_SERVICE.includes(q.choice.placement)
    ? placeLabel(q.choice.placement)
    : `${placeLabel(q.choice.placement)} · ${kindLabel(q.choice.kind)}`;
