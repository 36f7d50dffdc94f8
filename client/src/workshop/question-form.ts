// The form of one question, fitted to its type: options with the correct one(s) ticked, true or false, items in
// their correct order, matching pairs side by side, a number with its tolerance and unit.
import { html, nothing } from 'lit';
import type { GamePack } from '../../../shared/content/pack.js';
import {
  QUESTION_TYPES,
  TOPICS,
  type Question,
  type QuestionPoints,
  type QuestionType,
} from '../../../shared/engine/types.js';
import { LIMITS } from '../../../shared/content/schema.js';
import { t } from '../i18n/index.js';
import { topicLabel } from '../lib/labels.js';
import { answerLook } from '../components/answer-style.js';
import { errorText, leftoverErrors, numberField, selectField, textField, type Ctx } from './fields.js';
import { move, questionOfType, setQuestionPoints } from './draft.js';

const letter = (i: number) => answerLook(i).letter;
/** The points weights in the order teachers meet them (Kahoot's Standard / Double / No points). */
const POINTS: readonly QuestionPoints[] = [1, 2, 0];

export function questionForm(ctx: Ctx, pack: GamePack, index: number) {
  const q = pack.questions[index]!;
  const at = `questions[${index}]`;
  const fields = html`
    <div class="grid2">
      ${selectField<QuestionType>(ctx, {
        path: `${at}.type`,
        label: t('ws.q.type'),
        value: q.type,
        options: QUESTION_TYPES.map((ty) => [ty, t(`ws.qtype.${ty}`)] as const),
        set: (ty) => {
          if (ty !== q.type) pack.questions[index] = questionOfType(ty, q, q);
        },
      })}
      ${selectField(ctx, {
        path: `${at}.topic`,
        label: t('ws.q.topic'),
        value: q.topic,
        options: TOPICS.map((tp) => [tp, topicLabel(tp)] as const),
        set: (v) => (q.topic = v),
      })}
    </div>
    ${textField(ctx, {
      path: `${at}.prompt`,
      label: t('ws.q.prompt'),
      value: q.prompt,
      long: true,
      max: LIMITS.promptLength,
      set: (v) => (q.prompt = v),
    })}
    ${answers(ctx, q, at)}
    <div class="grid2">
      ${numberField(ctx, {
        path: `${at}.timeLimitS`,
        label: t('ws.q.time'),
        value: q.timeLimitS,
        step: '1',
        min: LIMITS.minTimeLimitS,
        unit: t('ws.unit.s'),
        set: (v) => (q.timeLimitS = v as number),
      })}
      ${selectField<`${QuestionPoints}`>(ctx, {
        path: `${at}.points`,
        label: t('ws.q.points'),
        value: `${q.points ?? 1}`,
        options: POINTS.map((p) => [`${p}`, t(`ws.q.points.${p}`)] as const),
        set: (v) => setQuestionPoints(q, Number(v) as QuestionPoints),
      })}
    </div>
    ${textField(ctx, {
      path: `${at}.explanation`,
      label: t('ws.q.explanation'),
      value: q.explanation,
      long: true,
      max: LIMITS.explanationLength,
      set: (v) => (q.explanation = v),
    })}
    ${textField(ctx, {
      path: `${at}.note`,
      label: t('ws.q.note'),
      value: q.note ?? '',
      long: true,
      max: LIMITS.noteLength,
      set: (v) => {
        if (v.trim() === '') delete q.note;
        else q.note = v;
      },
    })}
  `;
  return html`${leftoverErrors(ctx, at)}${fields}`;
}

function rowButtons(ctx: Ctx, list: unknown[], i: number, name: string, min: number, onRemove?: () => void) {
  return html`<span class="rowbtns">
    <button
      type="button"
      class="icon"
      aria-label=${t('ws.moveUp', { name })}
      ?disabled=${i === 0}
      @click=${() => (move(list, i, -1), ctx.changed())}
    >
      ↑
    </button>
    <button
      type="button"
      class="icon"
      aria-label=${t('ws.moveDown', { name })}
      ?disabled=${i === list.length - 1}
      @click=${() => (move(list, i, 1), ctx.changed())}
    >
      ↓
    </button>
    <button
      type="button"
      class="icon danger"
      aria-label=${t('ws.remove', { name })}
      ?disabled=${list.length <= min}
      @click=${() => (onRemove ? onRemove() : list.splice(i, 1), ctx.changed())}
    >
      ✕
    </button>
  </span>`;
}

function answers(ctx: Ctx, q: Question, at: string) {
  switch (q.type) {
    case 'single':
    case 'multi': {
      const single = q.type === 'single';
      const isCorrect = (i: number) => (q.type === 'single' ? q.correct === i : q.correct.includes(i));
      const setCorrect = (i: number, on: boolean) => {
        if (q.type === 'single') q.correct = i;
        else
          q.correct = on
            ? [...q.correct.filter((c) => c !== i), i].sort((a, b) => a - b)
            : q.correct.filter((c) => c !== i);
        ctx.changed();
      };
      const remove = (i: number) => {
        q.options.splice(i, 1);
        if (q.type === 'single') q.correct = q.correct === i ? 0 : q.correct > i ? q.correct - 1 : q.correct;
        else q.correct = q.correct.filter((c) => c !== i).map((c) => (c > i ? c - 1 : c));
      };
      return html`<fieldset class="answers">
        <legend>${single ? t('ws.q.optionsSingle') : t('ws.q.optionsMulti')}</legend>
        ${q.options.map(
          (o, i) =>
            html`<div class="optrow">
              <input
                type=${single ? 'radio' : 'checkbox'}
                name="${at}-correct"
                id="${at}-c${i}"
                .checked=${isCorrect(i)}
                @change=${(e: Event) => setCorrect(i, (e.target as HTMLInputElement).checked)}
              />
              <label for="${at}-c${i}" class="sr-only">${t('ws.q.correctN', { letter: letter(i) })}</label>
              <span class="letter" aria-hidden="true">${letter(i)}</span>
              ${textField(ctx, {
                path: `${at}.options[${i}]`,
                label: t('ws.q.optionN', { letter: letter(i) }),
                hideLabel: true,
                value: o,
                max: LIMITS.optionLength,
                set: (v) => (q.options[i] = v),
              })}
              ${rowButtons(ctx, q.options, i, letter(i), LIMITS.minOptions, () => remove(i))}
            </div>`,
        )}
        ${
          q.options.length < LIMITS.maxOptions
            ? html`<button type="button" class="secondary small" @click=${() => (q.options.push(''), ctx.changed())}>
                ${t('ws.q.addOption')}
              </button>`
            : nothing
        }
        ${leftoverOf(ctx, `${at}.correct`)}
      </fieldset>`;
    }
    case 'truefalse':
      return html`<fieldset class="answers">
        <legend>${t('ws.q.answer')}</legend>
        ${([true, false] as const).map(
          (v) =>
            html`<label class="check"
              ><input
                type="radio"
                name="${at}-tf"
                .checked=${q.correct === v}
                @change=${() => ((q.correct = v), ctx.changed())}
              />${v ? t('q.true') : t('q.false')}</label
            >`,
        )}
      </fieldset>`;
    case 'ordering':
      return html`<fieldset class="answers">
        <legend>${t('ws.q.itemsInOrder')}</legend>
        ${q.items.map(
          (item, i) =>
            html`<div class="optrow">
              <span class="letter" aria-hidden="true">${i + 1}</span>
              ${textField(ctx, {
                path: `${at}.items[${i}]`,
                label: t('ws.q.itemN', { n: i + 1 }),
                hideLabel: true,
                value: item,
                max: LIMITS.optionLength,
                set: (v) => (q.items[i] = v),
              })}
              ${rowButtons(ctx, q.items, i, String(i + 1), LIMITS.minItems)}
            </div>`,
        )}
        ${
          q.items.length < LIMITS.maxItems
            ? html`<button type="button" class="secondary small" @click=${() => (q.items.push(''), ctx.changed())}>
                ${t('ws.q.addItem')}
              </button>`
            : nothing
        }
      </fieldset>`;
    case 'matching':
      return matchingRows(ctx, q, at);
    case 'numeric':
      return html`<fieldset class="answers">
        <legend>${t('ws.q.answer')}</legend>
        <div class="grid3">
          ${numberField(ctx, {
            path: `${at}.correct`,
            label: t('ws.q.numCorrect'),
            value: q.correct,
            set: (v) => (q.correct = v as number),
          })}
          ${numberField(ctx, {
            path: `${at}.tolerance`,
            label: t('ws.q.tolerance'),
            value: q.tolerance,
            min: 0,
            set: (v) => (q.tolerance = v as number),
          })}
          ${textField(ctx, {
            path: `${at}.unit`,
            label: t('ws.q.unit'),
            value: q.unit ?? '',
            max: LIMITS.unitLength,
            set: (v) => (v.trim() ? (q.unit = v) : delete q.unit),
          })}
        </div>
      </fieldset>`;
  }
}

/** Matching: row i pairs left[i] with right[pairs[i]]; the players see the right side shuffled. */
function matchingRows(ctx: Ctx, q: Extract<Question, { type: 'matching' }>, at: string) {
  const remove = (i: number) => {
    const r = q.pairs[i]!;
    q.left.splice(i, 1);
    q.right.splice(r, 1);
    q.pairs.splice(i, 1);
    q.pairs = q.pairs.map((p) => (p > r ? p - 1 : p));
  };
  return html`<fieldset class="answers">
    <legend>${t('ws.q.pairs')}</legend>
    ${q.left.map((l, i) => {
      const r = q.pairs[i] ?? i;
      return html`<div class="optrow pair">
        ${textField(ctx, {
          path: `${at}.left[${i}]`,
          label: t('ws.q.leftN', { n: i + 1 }),
          hideLabel: true,
          value: l,
          max: LIMITS.optionLength,
          set: (v) => (q.left[i] = v),
        })}
        <span aria-hidden="true">↔</span>
        ${textField(ctx, {
          path: `${at}.right[${r}]`,
          label: t('ws.q.rightN', { n: i + 1 }),
          hideLabel: true,
          value: q.right[r] ?? '',
          max: LIMITS.optionLength,
          set: (v) => (q.right[r] = v),
        })}
        <button
          type="button"
          class="icon danger"
          aria-label=${t('ws.remove', { name: String(i + 1) })}
          ?disabled=${q.left.length <= LIMITS.minPairs}
          @click=${() => (remove(i), ctx.changed())}
        >
          ✕
        </button>
      </div>`;
    })}
    ${
      q.left.length < LIMITS.maxPairs
        ? html`<button
            type="button"
            class="secondary small"
            @click=${() => (q.left.push(''), q.right.push(''), q.pairs.push(q.right.length - 1), ctx.changed())}
          >
            ${t('ws.q.addPair')}
          </button>`
        : nothing
    }
  </fieldset>`;
}

/** An error of one place shown in the fieldset it belongs to (no input of its own: `correct` of a multi). */
function leftoverOf(ctx: Ctx, path: string) {
  const errs = [...ctx.errors.entries()].filter(([p]) => p === path || p.startsWith(`${path}[`)).flatMap(([, e]) => e);
  for (const e of errs) ctx.shown.add(e.path);
  return errs.length
    ? html`<p class="ferr">${errs.map((e) => html`<span data-error-for=${e.path}>${errorText(e)}</span>`)}</p>`
    : nothing;
}
