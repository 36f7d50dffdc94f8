// The editor's left column (the pack's parts, with their problems counted) and the check list of the whole pack.
import { html, nothing } from 'lit';
import type { GamePack } from '../../../shared/content/pack.js';
import { LIMITS } from '../../../shared/content/schema.js';
import type { PackError } from '../../../shared/content/validate.js';
import { QUESTION_TYPES, type QuestionType } from '../../../shared/engine/types.js';
import { t } from '../i18n/index.js';
import { errorText } from './fields.js';

export type Sel = { kind: 'meta' } | { kind: 'question' | 'card' | 'scenario'; index: number };
/** The part of the pack an error's path is in (`questions[3].options[1]` -> question 3). */
export function partOf(path: string): Sel {
  const m = /^(questions|cards|scenarios)\[(\d+)\]/.exec(path);
  if (!m) return { kind: 'meta' };
  const kind = m[1] === 'questions' ? 'question' : m[1] === 'cards' ? 'card' : 'scenario';
  return { kind, index: Number(m[2]) };
}

/** A prompt cut to fit the parts list. */
const short = (text: string) => (text.length > 48 ? `${text.slice(0, 46)}…` : text);

export interface NavHost {
  pack: GamePack;
  sel: Sel;
  errors: readonly PackError[];
  newType: QuestionType;
  select(sel: Sel): void;
  add(kind: 'question' | 'card' | 'scenario'): void;
  setNewType(type: QuestionType): void;
}

function errorCount(h: NavHost, prefix: string): number {
  return h.errors.filter((e) => e.path === prefix || e.path.startsWith(`${prefix}.`) || e.path.startsWith(`${prefix}[`))
    .length;
}

function navItem(h: NavHost, label: unknown, sel: Sel, prefix: string) {
  const current =
    h.sel.kind === sel.kind && (sel.kind === 'meta' || (h.sel.kind !== 'meta' && h.sel.index === sel.index));
  const n = errorCount(h, prefix);
  return html`<li>
    <button type="button" aria-current=${current ? 'true' : 'false'} @click=${() => h.select(sel)}>
      <span>${label}</span>${n ? html`<span class="badge" aria-label=${t('ws.errorsN', { n })}>${n}</span>` : nothing}
    </button>
  </li>`;
}

/** The parts of the pack, each with its count of problems, and the buttons that add one. */
export function partsNav(h: NavHost) {
  const p = h.pack;
  return html`<nav class="parts panel" aria-label=${t('ws.parts')}>
    <ul>
      ${navItem(h, t('ws.meta.section'), { kind: 'meta' }, 'meta')}
    </ul>
    <h2 id="nav-q">${t('ws.questions', { n: p.questions.length })}</h2>
    <ul aria-labelledby="nav-q">
      ${p.questions.map((q, i) =>
        navItem(
          h,
          html`${i + 1}. <span class="tag">${t(`ws.qtype.${q.type}`)}</span> ${short(q.prompt) || t('ws.untitled')}`,
          {
            kind: 'question',
            index: i,
          },
          `questions[${i}]`,
        ),
      )}
    </ul>
    <div class="row">
      <label for="newtype" class="sr-only">${t('ws.q.newType')}</label>
      <select id="newtype" @change=${(e: Event) => h.setNewType((e.target as HTMLSelectElement).value as QuestionType)}>
        ${QUESTION_TYPES.map(
          (ty) => html`<option value=${ty} ?selected=${ty === h.newType}>${t(`ws.qtype.${ty}`)}</option>`,
        )}
      </select>
      <button
        type="button"
        class="small"
        data-testid="add-question"
        ?disabled=${p.questions.length >= LIMITS.maxQuestions}
        @click=${() => h.add('question')}
      >
        ${t('ws.add')}
      </button>
    </div>
    <h2 id="nav-c">${t('ws.cards', { n: p.cards.length })}</h2>
    <ul aria-labelledby="nav-c">
      ${p.cards.map((c, i) => navItem(h, c.title || c.id, { kind: 'card', index: i }, `cards[${i}]`))}
    </ul>
    <button type="button" class="secondary small" data-testid="add-card" @click=${() => h.add('card')}>
      ${t('ws.addCard')}
    </button>
    <h2 id="nav-s">${t('ws.scenarios', { n: p.scenarios.length })}</h2>
    <ul aria-labelledby="nav-s">
      ${p.scenarios.map((s, i) => navItem(h, s.title || s.id, { kind: 'scenario', index: i }, `scenarios[${i}]`))}
    </ul>
    <button type="button" class="secondary small" data-testid="add-scenario" @click=${() => h.add('scenario')}>
      ${t('ws.addScenario')}
    </button>
  </nav>`;
}

/** The whole pack's problems, each opening its part. */
export function checkSummary(errs: readonly PackError[], select: (sel: Sel) => void) {
  return html`<aside class="side panel" aria-label=${t('ws.check.title')} data-testid="check-summary">
    <h3>${t('ws.check.title')}</h3>
    ${
      errs.length === 0
        ? html`<p class="ok">${t('ws.check.ok')}</p>`
        : html`<p class="error">${t('ws.errorsN', { n: errs.length })}</p>
            <ul class="errs">
              ${errs.slice(0, 30).map(
                (e) =>
                  html`<li data-error-for=${e.path}>
                    <button type="button" class="link" @click=${() => select(partOf(e.path))}>${errorText(e)}</button>
                  </li>`,
              )}
            </ul>`
    }
  </aside>`;
}
