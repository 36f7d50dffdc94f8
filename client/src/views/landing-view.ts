// Landing: students first (join with a code, big and focused; play solo), teachers one tap away (host a game with a
// pack and options, import a pack, my past games behind the "Host a game" button).
import { html, css, nothing } from 'lit';
import type { PackSummary } from '../../../shared/protocol/types.js';
import { LocalizedElement } from '../components/localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t, lang } from '../i18n/index.js';
import { api, ApiError } from '../lib/api.js';
import { navigate } from '../router.js';
import { hostKey, tokens, type PastGame } from '../session/tokens.js';
import './create-form.js';

const TEACHER_KEY = 'hostrush.landing.teacher';

/** Open when this tab opened it last, or, the first time, when this device has hosted before (a teacher's). */
function teacherOpen(hosted: boolean): boolean {
  try {
    const saved = sessionStorage.getItem(TEACHER_KEY);
    if (saved !== null) return saved === '1';
  } catch {
    // Storage blocked: fall through.
  }
  return hosted;
}

export class LandingView extends LocalizedElement {
  static override properties = {
    packs: { state: true },
    code: { state: true },
    codeError: { state: true },
    importMsg: { state: true },
    importIssues: { state: true },
    past: { state: true },
    loadError: { state: true },
    teacher: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
        padding: clamp(1rem, 3vw, 2.5rem);
        max-width: 78rem;
        margin: 0 auto;
        width: 100%;
      }
      .student {
        max-width: 34rem;
        margin: 0 auto;
        display: grid;
        gap: 1rem;
      }
      .hero h1 {
        font-size: clamp(1.8rem, 5vw, 3rem);
        margin: 0;
      }
      .hero p {
        font-size: 1.1rem;
        color: var(--hr-ink-soft);
        margin: 0.3rem 0 0;
      }
      .join h2 {
        font-size: 1.5rem;
        margin-top: 0;
      }
      .join form {
        display: grid;
        gap: 0.7rem;
      }
      .join label {
        font-weight: 750;
      }
      .join input {
        font-size: 2.2rem;
        letter-spacing: 0.25em;
        width: 100%;
        min-height: 64px;
        font-weight: 800;
        text-align: center;
        font-variant-numeric: tabular-nums;
      }
      .join button {
        min-height: 60px;
        font-size: 1.35rem;
      }
      .solo-line {
        margin: 0;
        display: flex;
        gap: 0.6rem;
        align-items: center;
        justify-content: space-between;
        flex-wrap: wrap;
      }
      .teacher-bar {
        display: flex;
        justify-content: center;
        margin: 1.5rem 0 1rem;
      }
      .teacher-bar button {
        min-height: 48px;
      }
      .grid {
        display: grid;
        grid-template-columns: minmax(0, 1.5fr) minmax(0, 1fr);
        gap: 1.2rem;
        align-items: start;
      }
      @media (max-width: 820px) {
        .grid {
          grid-template-columns: 1fr;
        }
      }
      .side {
        display: grid;
        gap: 1.2rem;
      }
      ul.past {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.4rem;
      }
      ul.past li {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      ul.issues {
        margin: 0.4rem 0 0;
        padding-inline-start: 1.2rem;
        color: var(--hr-danger);
      }
      code {
        font-family: var(--hr-mono);
        background: var(--hr-surface-2);
        padding: 0 0.25rem;
        border-radius: 4px;
      }
      a.btn {
        text-decoration: none;
      }
    `,
  ];
  private packs: PackSummary[] | null = null;
  private code = '';
  private codeError = '';
  private importMsg = '';
  private importIssues: ApiError['issues'] = [];
  private past: PastGame[] = tokens.pastGames();
  private loadError = '';
  /** The teacher's part (host a game, import, past games) is open: remembered for this tab. */
  private teacher = teacherOpen(this.past.length > 0);

  override firstUpdated(): void {
    // A student arrives to type a code: the field has focus (no Tab needed).
    this.renderRoot.querySelector<HTMLInputElement>('#code')?.focus();
  }

  private toggleTeacher(): void {
    this.teacher = !this.teacher;
    try {
      sessionStorage.setItem(TEACHER_KEY, this.teacher ? '1' : '0');
    } catch {
      // Not remembered; still open.
    }
    if (this.teacher)
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('#create-h')?.focus());
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.loadPacks();
  }

  private async loadPacks(): Promise<void> {
    try {
      this.packs = await api.packs();
      this.loadError = '';
    } catch (err) {
      this.loadError = err instanceof Error ? err.message : String(err);
    }
  }

  private join(e: Event): void {
    e.preventDefault();
    const code = this.code.replace(/\D/g, '');
    if (code.length !== 6) {
      this.codeError = t('landing.join.invalid');
      return;
    }
    navigate(`/join/${code}`);
  }

  private async importPack(e: Event): Promise<void> {
    e.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('#packfile');
    const file = input?.files?.[0];
    if (!file) return;
    this.importMsg = '';
    this.importIssues = [];
    try {
      const text = await file.text();
      const res = await api.importPack(text, file.name.toLowerCase().endsWith('.csv'));
      this.importMsg = t('landing.import.ok', { title: res.pack.title });
      await this.loadPacks();
    } catch (err) {
      if (err instanceof ApiError) {
        this.importMsg = err.issues.length
          ? t('landing.import.errors', { count: err.issues.length })
          : t('common.error', { message: err.message });
        this.importIssues = err.issues;
      } else this.importMsg = t('common.error', { message: String(err) });
    }
  }

  private issue(i: ApiError['issues'][number]) {
    const ko = lang() === 'ko' ? i.ko : undefined;
    return html`<li><code>${ko?.path ?? i.path}</code>${ko ? ' ' : ': '}${ko?.message ?? i.message}</li>`;
  }

  private link(e: Event, path: string): void {
    e.preventDefault();
    navigate(path);
  }

  override render() {
    return html`
      <div class="student">
        <section class="hero">
          <h1>${t('app.name')}</h1>
          <p>${t('app.tagline')}</p>
        </section>
        <section class="panel join" aria-labelledby="join-h">
          <h2 id="join-h">${t('landing.join.title')}</h2>
          <form @submit=${this.join}>
            <label for="code">${t('landing.join.code')}</label>
            <input
              id="code"
              inputmode="numeric"
              autocomplete="off"
              maxlength="7"
              placeholder="123456"
              .value=${this.code}
              aria-describedby="code-err"
              @input=${(e: Event) => ((this.code = (e.target as HTMLInputElement).value), (this.codeError = ''))}
            />
            <button type="submit">${t('landing.join.submit')}</button>
          </form>
          <p id="code-err" class="error" role="alert">${this.codeError}</p>
        </section>
        <section class="panel" aria-labelledby="solo-h">
          <p class="solo-line">
            <span
              ><strong id="solo-h">${t('landing.solo.title')}</strong><br /><span class="muted"
                >${t('landing.solo.text')}</span
              ></span
            >
            <a class="btn secondary" href="/solo" @click=${(e: Event) => this.link(e, '/solo')}
              >${t('landing.solo.go')}</a
            >
          </p>
        </section>
      </div>
      <div class="teacher-bar">
        <button
          class="secondary teacher-toggle"
          aria-expanded=${this.teacher ? 'true' : 'false'}
          aria-controls="teacher"
          @click=${this.toggleTeacher}
        >
          ${this.teacher ? t('landing.teacher.close') : t('landing.teacher.open')}
        </button>
      </div>
      <div id="teacher" class="grid" ?hidden=${!this.teacher}>${this.teacher ? this.teacherPart() : nothing}</div>
    `;
  }

  private teacherPart() {
    return html`
      <section class="panel" aria-labelledby="create-h">
        <h2 id="create-h" tabindex="-1">${t('landing.create.title')}</h2>
        ${
          this.loadError
            ? html`<p class="error" role="alert">${t('common.error', { message: this.loadError })}</p>`
            : nothing
        }
        ${
          this.packs
            ? html`<create-form .packs=${this.packs} .packLang=${lang()} .hostKey=${hostKey()}></create-form>`
            : html`<p role="status">${t('common.loading')}</p>`
        }
      </section>
      <div class="side">
        <p>
          <a class="btn" href="/workshop" data-testid="workshop-link" @click=${(e: Event) => this.link(e, '/workshop')}
            >${t('landing.workshop')}</a
          >
        </p>
        <section class="panel" aria-labelledby="past-h">
          <h2 id="past-h">${t('landing.past.title')}</h2>
          ${
            this.past.length
              ? html`<ul class="past">
                  ${this.past.map(
                    (g) =>
                      html`<li>
                        <span
                          ><strong>${g.packTitle}</strong> · <code>${g.roomCode}</code> ·
                          ${new Date(g.createdAt).toLocaleString(lang())}</span
                        >
                        ${
                          g.gameId
                            ? html`<a
                                class="btn secondary"
                                href="/report/${g.gameId}"
                                @click=${(e: Event) => this.link(e, `/report/${g.gameId}`)}
                                >${t('landing.past.report')}</a
                              >`
                            : html`<a
                                class="btn secondary"
                                href="/host/${g.roomCode}"
                                @click=${(e: Event) => this.link(e, `/host/${g.roomCode}`)}
                                >${t('landing.past.resume')}</a
                              >`
                        }
                      </li>`,
                  )}
                </ul>`
              : html`<p class="muted">${t('landing.past.empty')}</p>`
          }
        </section>
        <section class="panel" aria-labelledby="import-h">
          <h2 id="import-h">${t('landing.import.title')}</h2>
          <form @submit=${this.importPack} class="row">
            <label for="packfile">${t('landing.import.file')}</label>
            <input id="packfile" type="file" accept=".json,application/json,.csv,text/csv" />
            <button type="submit" class="secondary">${t('landing.import.submit')}</button>
          </form>
          <div role="status" aria-live="polite">
            ${this.importMsg ? html`<p>${this.importMsg}</p>` : nothing}
            ${
              this.importIssues.length
                ? html`<ul class="issues">
                    ${this.importIssues.map((i) => this.issue(i))}
                  </ul>`
                : nothing
            }
          </div>
        </section>
      </div>
    `;
  }
}
customElements.define('landing-view', LandingView);
declare global {
  interface HTMLElementTagNameMap {
    'landing-view': LandingView;
  }
}
