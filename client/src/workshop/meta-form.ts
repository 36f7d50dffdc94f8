// The pack's own settings (title, description, language, author) and its rounds: their order, the questions of each
// quiz round and the scenario of each race.
import { html, nothing } from 'lit';
import type { GamePack } from '../../../shared/content/pack.js';
import { LIMITS } from '../../../shared/content/schema.js';
import { t } from '../i18n/index.js';
import { errorText, fieldId, leftoverErrors, selectField, textField, type Ctx } from './fields.js';
import { move } from './draft.js';

export function metaForm(ctx: Ctx, pack: GamePack) {
  const m = pack.meta;
  const fields = html`
    ${textField(ctx, {
      path: 'meta.title',
      label: t('ws.meta.title'),
      value: m.title,
      max: LIMITS.titleLength,
      set: (v) => (m.title = v),
    })}
    ${textField(ctx, {
      path: 'meta.description',
      label: t('ws.meta.description'),
      value: m.description,
      long: true,
      max: LIMITS.metaDescriptionLength,
      set: (v) => (m.description = v),
    })}
    <div class="grid2">
      ${selectField(ctx, {
        path: 'meta.language',
        label: t('ws.meta.language'),
        value: m.language,
        options: [
          ['ko', t('lang.ko')],
          ['en', t('lang.en')],
        ] as const,
        set: (v) => (m.language = v),
      })}
      ${textField(ctx, {
        path: 'meta.author',
        label: t('ws.meta.author'),
        value: m.author,
        max: LIMITS.authorLength,
        set: (v) => (m.author = v),
      })}
    </div>
  `;
  return html`${leftoverErrors(ctx, 'meta')}${fields}${roundsForm(ctx, pack)}`;
}

function roundsForm(ctx: Ctx, pack: GamePack) {
  const rounds = pack.rounds;
  const body = rounds.map((r, i) => {
    const name = t('ws.round.n', { n: i + 1 });
    const at = `rounds[${i}]`;
    const inner =
      r.kind === 'quiz'
        ? html`<fieldset class="qpick">
            <legend>${t('ws.round.questions')}</legend>
            ${pack.questions.map((q, j) => {
              const id = fieldId(`${at}.q.${q.id}`);
              return html`<span class="check"
                ><input
                  type="checkbox"
                  id=${id}
                  .checked=${r.questionIds.includes(q.id)}
                  @change=${(e: Event) => {
                    const on = (e.target as HTMLInputElement).checked;
                    const order = pack.questions.map((x) => x.id);
                    r.questionIds = on
                      ? order.filter((x) => x === q.id || r.questionIds.includes(x))
                      : r.questionIds.filter((x) => x !== q.id);
                    ctx.changed();
                  }}
                /><label for=${id}>${j + 1}. ${q.prompt.slice(0, 40) || q.id}</label></span
              >`;
            })}
          </fieldset>`
        : selectField(ctx, {
            path: `${at}.scenarioId`,
            label: t('ws.round.scenario'),
            value: r.scenarioId,
            options: pack.scenarios.map((s) => [s.id, s.title || s.id] as const),
            set: (v) => (r.scenarioId = v),
          });
    const errs = [...ctx.errors.entries()].filter(([p]) => p.startsWith(at) && !ctx.shown.has(p)).flatMap(([, e]) => e);
    for (const e of errs) ctx.shown.add(e.path);
    return html`<li class="round" data-round=${i}>
      <div class="roundhead">
        <strong>${name} · ${r.kind === 'quiz' ? t('ws.round.quiz') : t('ws.round.race')}</strong>
        <span class="rowbtns">
          <button
            type="button"
            class="icon"
            aria-label=${t('ws.moveUp', { name })}
            ?disabled=${i === 0}
            @click=${() => (move(rounds, i, -1), ctx.changed())}
          >
            ↑
          </button>
          <button
            type="button"
            class="icon"
            aria-label=${t('ws.moveDown', { name })}
            ?disabled=${i === rounds.length - 1}
            @click=${() => (move(rounds, i, 1), ctx.changed())}
          >
            ↓
          </button>
          <button
            type="button"
            class="icon danger"
            aria-label=${t('ws.remove', { name })}
            @click=${() => (rounds.splice(i, 1), ctx.changed())}
          >
            ✕
          </button>
        </span>
      </div>
      ${inner}
      ${
        errs.length
          ? html`<ul class="errs">
              ${errs.map((e) => html`<li data-error-for=${e.path}>${errorText(e)}</li>`)}
            </ul>`
          : nothing
      }
    </li>`;
  });
  const roundsErr = ctx.errors.get('rounds');
  ctx.shown.add('rounds');
  return html`<section class="rounds" aria-labelledby="rounds-h">
    <h3 id="rounds-h">${t('ws.rounds')}</h3>
    ${roundsErr ? html`<p class="ferr" data-error-for="rounds">${roundsErr.map(errorText).join(' · ')}</p>` : nothing}
    <ol class="roundlist">
      ${body}
    </ol>
    <div class="row">
      <button
        type="button"
        class="secondary small"
        ?disabled=${pack.questions.length === 0}
        @click=${() => (rounds.push({ kind: 'quiz', questionIds: pack.questions.map((q) => q.id) }), ctx.changed())}
      >
        ${t('ws.round.addQuiz')}
      </button>
      <button
        type="button"
        class="secondary small"
        ?disabled=${pack.scenarios.length === 0}
        @click=${() => (rounds.push({ kind: 'race', scenarioId: pack.scenarios[0]!.id }), ctx.changed())}
      >
        ${t('ws.round.addRace')}
      </button>
    </div>
  </section>`;
}
