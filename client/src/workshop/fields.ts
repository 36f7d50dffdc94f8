// Form fields of the workshop: every field has its label, and shows the validator's errors for its own place
// (`questions[3].options[1]: must not be empty`) beside it, in the teacher's language, tied by aria-describedby.
import { html, nothing, type TemplateResult } from 'lit';
import type { PackError } from '../../../shared/content/validate.js';
import { lang } from '../i18n/index.js';
import { koMessage } from './errors-ko.js';

export interface Ctx {
  errors: ReadonlyMap<string, PackError[]>;
  /** Places a field has shown: the section lists the others (e.g. `questions[2].pairs`) on its own. */
  shown: Set<string>;
  /** The draft was changed in place: validate and render again. */
  changed: () => void;
}

export function errorText(e: PackError): string {
  if (lang() !== 'ko') return `${e.path}: ${e.message}`;
  return `${e.ko?.path ?? e.path}: ${e.ko?.message ?? koMessage(e.message)}`;
}

export const fieldId = (path: string) => `f-${path.replace(/[^A-Za-z0-9]+/g, '_')}`;

function errorsOf(ctx: Ctx, path: string): PackError[] {
  ctx.shown.add(path);
  return ctx.errors.get(path) ?? [];
}

function errorLine(id: string, errs: PackError[]) {
  return errs.length
    ? html`<span class="ferr" id="${id}-err" data-error-for=${errs[0]!.path}>${errs.map(errorText).join(' · ')}</span>`
    : nothing;
}

interface Base {
  path: string;
  label: string;
  /** Shown in the label's place for screen readers only. */
  hideLabel?: boolean;
  wide?: boolean;
}

const labelOf = (id: string, f: Base) =>
  html`<label for=${id} class=${f.hideLabel ? 'sr-only' : ''}>${f.label}</label>`;

export function textField(
  ctx: Ctx,
  f: Base & { value: string; set: (v: string) => void; long?: boolean; max?: number },
) {
  const id = fieldId(f.path);
  const errs = errorsOf(ctx, f.path);
  const input = (e: Event) => {
    f.set((e.target as HTMLInputElement).value);
    ctx.changed();
  };
  return html`<div class="field ${f.wide ? 'wide' : ''}">
    ${labelOf(id, f)}
    ${
      f.long
        ? html`<textarea
            id=${id}
            rows="3"
            maxlength=${f.max ?? 2000}
            .value=${f.value}
            aria-invalid=${errs.length ? 'true' : 'false'}
            aria-describedby=${errs.length ? `${id}-err` : nothing}
            @input=${input}
          ></textarea>`
        : html`<input
            id=${id}
            type="text"
            maxlength=${f.max ?? 500}
            .value=${f.value}
            aria-invalid=${errs.length ? 'true' : 'false'}
            aria-describedby=${errs.length ? `${id}-err` : nothing}
            @input=${input}
          />`
    }
    ${errorLine(id, errs)}
  </div>`;
}

export function numberField(
  ctx: Ctx,
  f: Base & {
    value: number | undefined;
    set: (v: number | undefined) => void;
    step?: string;
    min?: number;
    unit?: string;
  },
) {
  const id = fieldId(f.path);
  const errs = errorsOf(ctx, f.path);
  return html`<div class="field num">
    ${labelOf(id, f)}
    <span class="with-unit"
      ><input
        id=${id}
        type="number"
        step=${f.step ?? 'any'}
        min=${f.min ?? nothing}
        .value=${f.value === undefined || Number.isNaN(f.value) ? '' : String(f.value)}
        aria-invalid=${errs.length ? 'true' : 'false'}
        aria-describedby=${errs.length ? `${id}-err` : nothing}
        @input=${(e: Event) => {
          const raw = (e.target as HTMLInputElement).value.trim();
          f.set(raw === '' ? undefined : Number(raw));
          ctx.changed();
        }}
      />${f.unit ? html`<span class="unit">${f.unit}</span>` : nothing}</span
    >
    ${errorLine(id, errs)}
  </div>`;
}

export function selectField<V extends string>(
  ctx: Ctx,
  f: Base & { value: V; options: ReadonlyArray<readonly [V, string]>; set: (v: V) => void },
) {
  const id = fieldId(f.path);
  const errs = errorsOf(ctx, f.path);
  return html`<div class="field">
    ${labelOf(id, f)}
    <select
      id=${id}
      aria-invalid=${errs.length ? 'true' : 'false'}
      aria-describedby=${errs.length ? `${id}-err` : nothing}
      @change=${(e: Event) => {
        f.set((e.target as HTMLSelectElement).value as V);
        ctx.changed();
      }}
    >
      ${f.options.map(([v, l]) => html`<option value=${v} ?selected=${v === f.value}>${l}</option>`)}
    </select>
    ${errorLine(id, errs)}
  </div>`;
}

export function checkField(ctx: Ctx, f: Base & { checked: boolean; set: (v: boolean) => void }) {
  const id = fieldId(f.path);
  const errs = errorsOf(ctx, f.path);
  return html`<div class="field check">
    <input
      id=${id}
      type="checkbox"
      .checked=${f.checked}
      @change=${(e: Event) => {
        f.set((e.target as HTMLInputElement).checked);
        ctx.changed();
      }}
    /><label for=${id}>${f.label}</label>
    ${errorLine(id, errs)}
  </div>`;
}

/** The errors under `prefix` that no field of the section showed (call after rendering the fields). */
export function leftoverErrors(ctx: Ctx, prefix: string): TemplateResult | typeof nothing {
  const rest = [...ctx.errors.entries()]
    .filter(([p]) => (p === prefix || p.startsWith(`${prefix}.`) || p.startsWith(`${prefix}[`)) && !ctx.shown.has(p))
    .flatMap(([, errs]) => errs);
  return rest.length
    ? html`<ul class="errs" data-testid="section-errors">
        ${rest.map((e) => html`<li data-error-for=${e.path}>${errorText(e)}</li>`)}
      </ul>`
    : nothing;
}
