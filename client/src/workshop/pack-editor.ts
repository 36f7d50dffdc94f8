// The pack editor: the pack's parts on the left (settings and rounds, questions, cards, scenarios), the selected
// part's form in the middle, its preview on the right (the question on a phone and a projector, the card's quote,
// the scenario's best plan). Every change is validated at once by the shared validator; Save sends only a valid pack.
import { html, nothing } from 'lit';
import type { GamePack } from '../../../shared/content/pack.js';
import type { QuestionType } from '../../../shared/engine/types.js';
import { LocalizedElement } from '../components/localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { lang, t } from '../i18n/index.js';
import { ApiError } from '../lib/api.js';
import { workshop, type PackVersion } from '../lib/workshop-api.js';
import { navigate } from '../router.js';
import { workshopStyles } from './styles.js';
import { checkSummary, partsNav, type Sel } from './parts-nav.js';
import { errorText, type Ctx } from './fields.js';
import * as draft from './draft.js';
import { questionForm } from './question-form.js';
import { cardForm, quotePanel } from './card-form.js';
import { scenarioForm, planPanel, planScenario, type PlanVerdict } from './scenario-form.js';
import { metaForm } from './meta-form.js';
import { downloadExport, hostPack } from './actions.js';
import './question-preview.js';

type Status = 'loading' | 'clean' | 'dirty' | 'saving' | 'conflict' | 'error' | 'forbidden';

export class PackEditor extends LocalizedElement {
  static override properties = {
    packId: { type: String },
    pack: { state: true },
    sel: { state: true },
    status: { state: true },
    message: { state: true },
    versions: { state: true },
    plan: { state: true },
    planning: { state: true },
    quoteHost: { state: true },
    newType: { state: true },
  };
  static override styles = [baseStyles, workshopStyles];
  packId = '';
  private pack: GamePack | null = null;
  private version = 0;
  private checked: draft.Checked = { errors: [], byPath: new Map() };
  private sel: Sel = { kind: 'meta' };
  private status: Status = 'loading';
  /** Said in the language of the moment (a switch of language re-says it). */
  private message: () => string = () => '';
  private versions: PackVersion[] | null = null;
  private plan: PlanVerdict | null | 'invalid' = null;
  private planning = false;
  private quoteHost = 0;
  private newType: QuestionType = 'single';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    if (this.packId === draft.NEW_PACK) {
      // Not on the server until its first valid save (the server keeps only valid packs).
      this.pack = draft.takePending() ?? draft.blankPack(t('ws.newTitle'), lang());
      this.version = 0;
      this.checked = draft.check(this.pack);
      this.status = 'dirty';
      return;
    }
    this.status = 'loading';
    try {
      const got = await workshop.get(this.packId);
      this.pack = got.pack;
      this.version = got.version;
      this.checked = draft.check(got.pack);
      this.status = 'clean';
      this.message = () => '';
    } catch (err) {
      this.status =
        err instanceof ApiError && ['auth/not-owner', 'pack/unknown', 'http/403', 'http/404'].includes(err.code)
          ? 'forbidden'
          : 'error';
      this.message = () => (err instanceof Error ? err.message : String(err));
    }
  }

  private readonly changed = (): void => {
    if (!this.pack) return;
    this.checked = draft.check(this.pack);
    if (this.status !== 'conflict') this.status = 'dirty';
    this.plan = null;
    this.requestUpdate();
  };

  private ctx(): Ctx {
    return { errors: this.checked.byPath, shown: new Set(), changed: this.changed };
  }

  private async save(force = false): Promise<void> {
    if (!this.pack || this.checked.errors.length > 0) {
      this.message = () => t('ws.save.invalid', { n: this.checked.errors.length });
      return;
    }
    this.status = 'saving';
    if (this.packId === draft.NEW_PACK) return this.create(this.pack);
    try {
      const base = force ? (await workshop.get(this.packId)).version : this.version;
      this.version = (await workshop.save(this.packId, this.pack, base)).version;
      this.status = 'clean';
      this.message = () => t('ws.save.done', { v: this.version });
      this.versions = null;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'pack/conflict') {
        this.status = 'conflict';
        this.message = () => t('ws.save.conflict');
      } else {
        this.status = 'dirty';
        const issues = err instanceof ApiError ? err.issues.map(errorText).join('; ') : '';
        this.message = () =>
          t('common.error', { message: `${err instanceof Error ? err.message : String(err)} ${issues}` });
      }
    }
  }

  private async create(pack: GamePack): Promise<void> {
    try {
      const { id } = await workshop.create(pack);
      navigate(`/workshop/${encodeURIComponent(id)}`, true);
    } catch (err) {
      this.status = 'dirty';
      const issues = err instanceof ApiError ? err.issues.map(errorText).join('; ') : '';
      this.message = () =>
        t('common.error', { message: `${err instanceof Error ? err.message : String(err)} ${issues}` });
    }
  }

  private async showVersions(): Promise<void> {
    this.versions = await workshop.versions(this.packId).catch(() => []);
  }

  private async restore(v: number): Promise<void> {
    try {
      await workshop.restore(this.packId, v);
      await this.load();
      this.message = () => t('ws.versions.restored', { v });
      this.versions = null;
    } catch (err) {
      this.message = () => t('common.error', { message: err instanceof Error ? err.message : String(err) });
    }
  }

  private select(sel: Sel): void {
    this.sel = sel;
    this.plan = null;
    this.quoteHost = 0;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#form-h')?.focus());
  }

  private add(kind: 'question' | 'card' | 'scenario'): void {
    const p = this.pack!;
    if (kind === 'question') {
      const q = draft.newQuestion(p, this.newType);
      p.questions.push(q);
      draft.addToRounds(p, q.id);
      this.select({ kind, index: p.questions.length - 1 });
    } else if (kind === 'card') {
      p.cards.push(draft.newCard(p));
      this.select({ kind, index: p.cards.length - 1 });
    } else {
      const s = draft.newScenario(p);
      p.scenarios.push(s);
      p.rounds.push({ kind: 'race', scenarioId: s.id });
      this.select({ kind, index: p.scenarios.length - 1 });
    }
    this.changed();
  }

  private removeSelected(): void {
    const p = this.pack!;
    const sel = this.sel;
    if (sel.kind === 'meta') return;
    if (sel.kind === 'question') draft.removeQuestionRefs(p, p.questions.splice(sel.index, 1)[0]!.id);
    if (sel.kind === 'card') draft.removeCardRefs(p, p.cards.splice(sel.index, 1)[0]!.id);
    if (sel.kind === 'scenario') draft.removeScenarioRefs(p, p.scenarios.splice(sel.index, 1)[0]!.id);
    this.select({ kind: 'meta' });
    this.changed();
  }

  private runPlan(): void {
    if (this.sel.kind !== 'scenario') return;
    const index = this.sel.index;
    this.planning = true;
    // Let the "computing" state paint before the planner's few hundred simulated races.
    setTimeout(() => {
      this.plan = this.pack ? (planScenario(this.pack, index) ?? 'invalid') : 'invalid';
      this.planning = false;
    }, 30);
  }

  private form(p: GamePack) {
    const ctx = this.ctx();
    const sel = this.sel;
    const title =
      sel.kind === 'meta'
        ? t('ws.meta.section')
        : sel.kind === 'question'
          ? t('ws.q.heading', { n: sel.index + 1 })
          : sel.kind === 'card'
            ? t('ws.card.heading', { n: sel.index + 1 })
            : t('ws.scn.heading', { n: sel.index + 1 });
    const body =
      sel.kind === 'meta'
        ? metaForm(ctx, p)
        : sel.kind === 'question'
          ? questionForm(ctx, p, sel.index)
          : sel.kind === 'card'
            ? cardForm(ctx, p, sel.index)
            : scenarioForm(ctx, p, sel.index);
    return html`<section class="panel" aria-labelledby="form-h" data-testid="part-form">
      <div class="formhead">
        <h2 id="form-h" tabindex="-1">${title}</h2>
        ${
          sel.kind === 'meta'
            ? nothing
            : html`<button type="button" class="secondary small" @click=${() => this.removeSelected()}>
                ${t('ws.removePart')}
              </button>`
        }
      </div>
      ${body}
    </section>`;
  }

  private side(p: GamePack) {
    const sel = this.sel;
    if (sel.kind === 'question')
      return html`<aside class="side panel" aria-label=${t('ws.preview.title')}>
        <question-preview .question=${{ ...p.questions[sel.index]! }}></question-preview>
      </aside>`;
    if (sel.kind === 'card')
      return html`<aside class="side panel" aria-label=${t('ws.quote.title')}>
        ${quotePanel(p, sel.index, this.quoteHost, (i) => (this.quoteHost = i))}
      </aside>`;
    if (sel.kind === 'scenario')
      return html`<aside class="side panel" aria-label=${t('ws.plan.title')}>
        ${planPanel(this.plan, this.planning, () => this.runPlan())}
      </aside>`;
    return checkSummary(this.checked.errors, (sel) => this.select(sel));
  }

  private statusLine() {
    const n = this.checked.errors.length;
    const text =
      this.status === 'saving'
        ? t('ws.status.saving')
        : this.status === 'dirty'
          ? t('ws.status.dirty')
          : this.status === 'conflict'
            ? t('ws.save.conflict')
            : t('ws.status.saved', { v: this.version });
    return html`<span class="status" role="status" data-testid="save-status" data-status=${this.status}
      >${text}${n ? html` · <span class="error">${t('ws.errorsN', { n })}</span>` : nothing}</span
    >`;
  }

  private toolbar(p: GamePack) {
    const invalid = this.checked.errors.length > 0;
    return html`<div class="top">
        <a class="btn secondary" href="/workshop" @click=${(e: Event) => (e.preventDefault(), navigate('/workshop'))}
          >${t('ws.back')}</a
        >
        <h1>${p.meta.title || t('ws.untitled')}</h1>
        ${this.statusLine()}
        <button
          type="button"
          data-testid="save"
          ?disabled=${invalid || this.status === 'saving' || this.status === 'clean'}
          aria-describedby="save-why"
          @click=${() => this.save()}
        >
          ${t('ws.save')}
        </button>
        ${
          this.status === 'conflict'
            ? html`<button type="button" class="danger" @click=${() => this.save(true)}>
                  ${t('ws.save.overwrite')}
                </button>
                <button type="button" class="secondary" @click=${() => this.load()}>${t('ws.save.reload')}</button>`
            : nothing
        }
        <button
          type="button"
          class="secondary"
          data-testid="host"
          ?disabled=${invalid || this.status !== 'clean'}
          @click=${() => this.host()}
        >
          ${t('ws.host')}
        </button>
        <button
          type="button"
          class="secondary"
          ?disabled=${this.packId === draft.NEW_PACK}
          @click=${() => this.export('json')}
        >
          ${t('ws.export.json')}
        </button>
        <button
          type="button"
          class="secondary"
          ?disabled=${this.packId === draft.NEW_PACK}
          @click=${() => this.export('xlsx')}
        >
          ${t('ws.export.xlsx')}
        </button>
        <button
          type="button"
          class="secondary"
          aria-expanded=${this.versions ? 'true' : 'false'}
          ?disabled=${this.packId === draft.NEW_PACK}
          @click=${() => (this.versions ? (this.versions = null) : this.showVersions())}
        >
          ${t('ws.versions')}
        </button>
      </div>
      <p
        id="save-why"
        class=${invalid ? 'error' : 'muted'}
        role="status"
        aria-live="polite"
        data-testid="editor-message"
      >
        ${invalid && !this.message() ? t('ws.save.invalid', { n: this.checked.errors.length }) : this.message()}
      </p>
      ${this.versions ? this.versionList() : nothing}`;
  }

  private versionList() {
    const vs = this.versions ?? [];
    return html`<section class="panel" aria-labelledby="ver-h" data-testid="versions">
      <h2 id="ver-h">${t('ws.versions')}</h2>
      <ul>
        ${vs.map(
          (v) =>
            html`<li>
              v${v.version} · ${new Date(v.savedAt).toLocaleString()} · ${v.title} ·
              ${t('ws.questions', { n: v.questionCount })}
              ${
                v.version === this.version
                  ? html`<span class="tag">${t('ws.versions.current')}</span>`
                  : html`<button type="button" class="secondary small" @click=${() => this.restore(v.version)}>
                      ${t('ws.versions.restore', { v: v.version })}
                    </button>`
              }
            </li>`,
        )}
      </ul>
    </section>`;
  }

  private async export(format: 'json' | 'xlsx'): Promise<void> {
    try {
      await downloadExport(this.packId, this.pack?.meta.title ?? this.packId, format);
    } catch (err) {
      this.message = () => t('common.error', { message: err instanceof Error ? err.message : String(err) });
    }
  }

  private async host(): Promise<void> {
    try {
      await hostPack(this.packId);
    } catch (err) {
      this.message = () => t('common.error', { message: err instanceof Error ? err.message : String(err) });
    }
  }

  override render() {
    if (this.status === 'loading') return html`<p role="status">${t('common.loading')}</p>`;
    if (!this.pack)
      return html`<p class="error" role="alert">
          ${this.status === 'forbidden' ? t('ws.forbidden') : t('common.error', { message: this.message() })}
        </p>
        <a class="btn secondary" href="/workshop" @click=${(e: Event) => (e.preventDefault(), navigate('/workshop'))}
          >${t('ws.back')}</a
        >`;
    const p = this.pack;
    return html`${this.toolbar(p)}
      <div class="cols">
        ${partsNav({
          pack: p,
          sel: this.sel,
          errors: this.checked.errors,
          newType: this.newType,
          select: (sel) => this.select(sel),
          add: (kind) => this.add(kind),
          setNewType: (type) => (this.newType = type),
        })}${this.form(p)}${this.side(p)}
      </div>`;
  }
}
customElements.define('pack-editor', PackEditor);
declare global {
  interface HTMLElementTagNameMap {
    'pack-editor': PackEditor;
  }
}
