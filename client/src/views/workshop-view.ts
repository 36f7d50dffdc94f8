// The teacher's workshop: their packs, the ones other teachers shared and the built-ins; a new pack from nothing, a
// copy of any of them, duplicate, delete (with undo), share; import a JSON, CSV or Kahoot! .xlsx file after seeing
// what it read. /workshop/:id opens a pack in the editor.
import { html, css, nothing } from 'lit';
import { LocalizedElement } from '../components/localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t, lang } from '../i18n/index.js';
import { workshop, type ImportPreview, type WorkshopPackSummary } from '../lib/workshop-api.js';
import { ApiError } from '../lib/api.js';
import { navigate } from '../router.js';
import { NEW_PACK, blankPack, setPending } from '../workshop/draft.js';
import { errorText } from '../workshop/fields.js';
import { workshopStyles } from '../workshop/styles.js';
import { hostPack } from '../workshop/actions.js';
import '../workshop/pack-editor.js';

/** A skipped row's reason, with its row number in front unless the server's reason already starts with it. */
const rowReason = (s: { row: number; reason: string }) => {
  const label = t('ws.import.row', { row: s.row });
  return s.reason.startsWith(label) ? s.reason : `${label}: ${s.reason}`;
};

const SECTIONS = ['mine', 'shared', 'builtin'] as const;

export class WorkshopView extends LocalizedElement {
  static override properties = {
    packId: { type: String },
    packs: { state: true },
    message: { state: true },
    issues: { state: true },
    deleted: { state: true },
    preview: { state: true },
    busy: { state: true },
    bad: { state: true },
    needLogin: { state: true },
  };
  static override styles = [
    baseStyles,
    workshopStyles,
    css`
      .lists {
        display: grid;
        grid-template-columns: minmax(0, 2fr) minmax(22rem, 1fr);
        gap: 1rem;
        align-items: start;
      }
      .packs {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.5rem;
      }
      .pack {
        display: flex;
        gap: 0.8rem;
        align-items: center;
        justify-content: space-between;
        border: 1px solid var(--hr-border);
        border-radius: var(--hr-radius-sm);
        padding: 0.5rem 0.8rem;
        flex-wrap: wrap;
      }
      .pack small {
        display: block;
        color: var(--hr-ink-soft);
      }
      .undo {
        background: var(--hr-warn-soft);
        border-radius: var(--hr-radius-sm);
        padding: 0.5rem 0.8rem;
      }
    `,
  ];
  packId = '';
  private packs: WorkshopPackSummary[] | null = null;
  private message = '';
  private issues: string[] = [];
  private deleted: Array<{ id: string; title: string; until: number }> = [];
  private preview: (ImportPreview & { file: string }) | null = null;
  private busy = false;
  private bad = false;
  /** The server asks for its teacher password before this browser may use the workshop. */
  private needLogin = false;

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.packId) void this.refresh();
  }

  private async refresh(): Promise<void> {
    try {
      this.packs = await workshop.packs();
      this.needLogin = false;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'auth/teacher') {
        this.needLogin = true;
        this.packs = null;
        return;
      }
      this.fail(err);
      this.packs = [];
    }
  }

  private fail(err: unknown): void {
    this.bad = true;
    this.message = t('common.error', { message: err instanceof Error ? err.message : String(err) });
    this.issues = err instanceof ApiError ? err.issues.map(errorText) : [];
  }

  private async run(job: () => Promise<void>): Promise<void> {
    this.busy = true;
    this.bad = false;
    this.message = '';
    this.issues = [];
    try {
      await job();
    } catch (err) {
      this.fail(err);
    } finally {
      this.busy = false;
    }
  }

  private login(e: Event): Promise<void> {
    e.preventDefault();
    const password = new FormData(e.target as HTMLFormElement).get('password');
    return this.run(async () => {
      await workshop.login(typeof password === 'string' ? password : '');
      await this.refresh();
    });
  }

  private loginForm() {
    return html`<section class="panel" aria-labelledby="login-h">
      <h2 id="login-h">${t('ws.login.title')}</h2>
      <p class="muted">${t('ws.login.help')}</p>
      <form class="row" @submit=${(e: Event) => this.login(e)}>
        <label for="teacherpw">${t('ws.login.password')}</label>
        <input id="teacherpw" name="password" type="password" autocomplete="current-password" required />
        <button type="submit" ?disabled=${this.busy}>${t('ws.login.submit')}</button>
      </form>
    </section>`;
  }

  private open(id: string): void {
    navigate(`/workshop/${encodeURIComponent(id)}`);
  }

  private createNew(e: Event): Promise<void> {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const title = ((data.get('title') as string | null) ?? '').trim() || t('ws.newTitle');
    const language = data.get('language') === 'en' ? 'en' : 'ko';
    setPending(blankPack(title, language));
    this.open(NEW_PACK);
    return Promise.resolve();
  }

  private removePack(p: WorkshopPackSummary): Promise<void> {
    return this.run(async () => {
      const res = await workshop.remove(p.id);
      this.deleted = [...this.deleted, { id: p.id, title: p.title, until: res.undoUntil }];
      await this.refresh();
      this.message = t('ws.list.deleted', { title: p.title });
    });
  }

  private undo(id: string): Promise<void> {
    return this.run(async () => {
      await workshop.undelete(id);
      this.deleted = this.deleted.filter((d) => d.id !== id);
      await this.refresh();
    });
  }

  private readFile(e: Event): Promise<void> {
    e.preventDefault();
    const file = (this.renderRoot.querySelector<HTMLInputElement>('#importfile')?.files ?? [])[0];
    if (!file) return Promise.resolve();
    this.preview = null;
    return this.run(async () => {
      this.preview = { ...(await workshop.preview(file, lang())), file: file.name };
    });
  }

  /** The read pack opens in the editor unsaved: the teacher fixes or completes it, then saves. */
  private editImport(): void {
    if (!this.preview) return;
    setPending(this.preview.pack);
    this.open(NEW_PACK);
  }

  private saveImport(): Promise<void> {
    const pv = this.preview;
    if (!pv) return Promise.resolve();
    return this.run(async () => this.open((await workshop.create(pv.pack)).id));
  }

  private copy(id: string): Promise<void> {
    return this.run(async () => this.open((await workshop.copy(id)).id));
  }

  private share(id: string, shared: boolean): Promise<void> {
    return this.run(async () => {
      await workshop.share(id, shared);
      await this.refresh();
    });
  }

  private row(p: WorkshopPackSummary) {
    const counts = t('ws.list.counts', { q: p.questionCount, c: p.cardCount, s: p.scenarioCount, r: p.roundCount });
    const actions =
      p.source === 'mine'
        ? html`<button type="button" class="small" @click=${() => this.open(p.id)}>${t('ws.list.edit')}</button>
            <button
              type="button"
              class="secondary small"
              @click=${() => this.run(async () => (await workshop.duplicate(p.id), await this.refresh()))}
            >
              ${t('ws.list.duplicate')}
            </button>
            <button type="button" class="secondary small" @click=${() => this.removePack(p)}>
              ${t('ws.list.delete')}
            </button>
            <span class="check"
              ><input
                type="checkbox"
                id="share-${p.id}"
                data-share=${p.id}
                .checked=${p.shared}
                @change=${(e: Event) => this.share(p.id, (e.target as HTMLInputElement).checked)}
              />
              <label for="share-${p.id}">${t('ws.list.share')}</label></span
            >`
        : html`<button type="button" class="small" @click=${() => this.run(() => hostPack(p.id))}>
              ${t('ws.host')}
            </button>
            ${
              p.source === 'builtin'
                ? html`<button type="button" class="secondary small" @click=${() => this.copy(p.id)}>
                    ${t('ws.list.copy')}
                  </button>`
                : nothing
            }`;
    return html`<li class="pack" data-pack=${p.id} data-source=${p.source}>
      <span
        ><strong>${p.title}</strong> <span class="tag">${p.language.toUpperCase()}</span>
        ${p.source === 'mine' ? html`<span class="tag">v${p.version}</span>` : nothing}
        <small>${counts}${this.updatedLine(p)}</small></span
      >
      <span class="row">${actions}</span>
    </li>`;
  }

  private updatedLine(p: WorkshopPackSummary): string {
    return p.source === 'mine' && p.updatedAt ? ` · ${new Date(p.updatedAt).toLocaleString(lang())}` : '';
  }

  private list() {
    const packs = (this.packs ?? []).filter((p) => !(p.source === 'builtin' && p.id.startsWith('daily-')));
    return SECTIONS.map((s) => {
      const mine = packs.filter((p) => p.source === s);
      return html`<section class="panel" aria-labelledby="sec-${s}">
        <h2 id="sec-${s}">${t(`ws.list.${s}`)}</h2>
        ${
          mine.length
            ? html`<ul class="packs">
                ${mine.map((p) => this.row(p))}
              </ul>`
            : html`<p class="muted">${t(`ws.list.${s}.empty`)}</p>`
        }
      </section>`;
    });
  }

  private importPanel() {
    const pv = this.preview;
    return html`<section class="panel" aria-labelledby="imp-h" data-testid="import">
      <h2 id="imp-h">${t('ws.import.title')}</h2>
      <p class="muted">${t('ws.import.help')}</p>
      <form @submit=${(e: Event) => this.readFile(e)} class="row">
        <label for="importfile">${t('ws.import.file')}</label>
        <input id="importfile" type="file" accept=".json,application/json,.csv,text/csv,.xlsx" />
        <button type="submit" class="secondary" ?disabled=${this.busy}>${t('ws.import.read')}</button>
      </form>
      ${
        pv
          ? html`<div data-testid="import-preview">
              <p class="ok" data-read=${pv.read}>${t('ws.import.read.n', { n: pv.read, file: pv.file })}</p>
              ${
                pv.skipped.length
                  ? html`<p class="warn" data-skipped=${pv.skipped.length}>
                        ${t('ws.import.skipped', { n: pv.skipped.length })}
                      </p>
                      <ul class="errs">
                        ${pv.skipped.map((s) => html`<li data-row=${s.row}>${rowReason(s)}</li>`)}
                      </ul>`
                  : nothing
              }
              ${pv.emptyRows ? html`<p class="muted">${t('ws.import.empty', { n: pv.emptyRows })}</p>` : nothing}
              ${pv.notes.map((n) => html`<p class="muted">${n}</p>`)}
              <ol>
                ${pv.pack.questions.slice(0, 20).map((q) => html`<li>${q.prompt}</li>`)}
              </ol>
              <button
                type="button"
                data-testid="import-save"
                ?disabled=${this.busy || pv.read === 0}
                @click=${() => this.saveImport()}
              >
                ${t('ws.import.save')}
              </button>
              <button
                type="button"
                class="secondary"
                data-testid="import-edit"
                ?disabled=${this.busy}
                @click=${() => this.editImport()}
              >
                ${t('ws.import.edit')}
              </button>
            </div>`
          : nothing
      }
    </section>`;
  }

  override render() {
    if (this.packId) return html`<pack-editor .packId=${this.packId}></pack-editor>`;
    const live = this.deleted.filter((d) => d.until > Date.now());
    return html`
      <div class="top"><h1>${t('ws.title')}</h1></div>
      <div role="status" aria-live="polite">
        ${this.message ? html`<p class=${this.bad ? 'error' : ''}>${this.message}</p>` : nothing}
        ${
          this.issues.length
            ? html`<ul class="errs">
                ${this.issues.map((i) => html`<li>${i}</li>`)}
              </ul>`
            : nothing
        }
        ${live.map(
          (d) =>
            html`<p class="undo">
              ${t('ws.list.deleted', { title: d.title })}
              <button type="button" class="secondary small" @click=${() => this.undo(d.id)}>
                ${t('ws.list.undo')}
              </button>
            </p>`,
        )}
      </div>
      ${this.needLogin ? this.loginForm() : nothing}
      <div class="lists" ?hidden=${this.needLogin}>
        <div class="stack">${this.packs ? this.list() : html`<p role="status">${t('common.loading')}</p>`}</div>
        <div class="stack">
          <section class="panel" aria-labelledby="new-h">
            <h2 id="new-h">${t('ws.new.title')}</h2>
            <form @submit=${(e: Event) => this.createNew(e)} class="stack">
              <div class="field">
                <label for="newtitle">${t('ws.meta.title')}</label><input id="newtitle" name="title" maxlength="120" />
              </div>
              <div class="field">
                <label for="newlang">${t('ws.meta.language')}</label>
                <select id="newlang" name="language">
                  <option value="ko" ?selected=${lang() === 'ko'}>${t('lang.ko')}</option>
                  <option value="en" ?selected=${lang() === 'en'}>${t('lang.en')}</option>
                </select>
              </div>
              <button type="submit" data-testid="new-pack" ?disabled=${this.busy}>${t('ws.new.submit')}</button>
            </form>
          </section>
          ${this.importPanel()}
        </div>
      </div>
    `;
  }
}
customElements.define('workshop-view', WorkshopView);
declare global {
  interface HTMLElementTagNameMap {
    'workshop-view': WorkshopView;
  }
}
