// Landing: host a game (pack, mode, options), join with a code, play solo, import a pack, my past games.
import { html, css, nothing } from 'lit';
import type { PackSummary } from '../../../shared/protocol/types.js';
import { LocalizedElement } from '../components/localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t, lang } from '../i18n/index.js';
import { api, ApiError } from '../lib/api.js';
import { navigate } from '../router.js';
import { hostKey, tokens, type PastGame } from '../session/tokens.js';
import './create-form.js';

export class LandingView extends LocalizedElement {
  static override properties = {
    packs: { state: true },
    code: { state: true },
    codeError: { state: true },
    importMsg: { state: true },
    importIssues: { state: true },
    past: { state: true },
    loadError: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      :host { display: block; padding: clamp(1rem, 3vw, 2.5rem); max-width: 78rem; margin: 0 auto; width: 100%; }
      .hero { margin-bottom: 1.5rem; }
      .hero h1 { font-size: clamp(2rem, 5vw, 3.2rem); margin: 0; }
      .hero p { font-size: 1.2rem; color: var(--hr-ink-soft); }
      .grid { display: grid; grid-template-columns: minmax(0, 1.5fr) minmax(0, 1fr); gap: 1.2rem; align-items: start; }
      @media (max-width: 820px) { .grid { grid-template-columns: 1fr; } }
      .side { display: grid; gap: 1.2rem; }
      .join form { display: flex; gap: 0.5rem; flex-wrap: wrap; }
      .join input { font-size: 1.6rem; letter-spacing: 0.3em; width: 11rem; font-weight: 800; text-align: center; font-variant-numeric: tabular-nums; }
      ul.past { list-style: none; margin: 0; padding: 0; display: grid; gap: 0.4rem; }
      ul.past li { display: flex; justify-content: space-between; align-items: center; gap: 0.5rem; flex-wrap: wrap; }
      ul.issues { margin: 0.4rem 0 0; padding-inline-start: 1.2rem; color: var(--hr-danger); }
      code { font-family: var(--hr-mono); background: var(--hr-surface-2); padding: 0 0.25rem; border-radius: 4px; }
      a.btn { text-decoration: none; }
    `,
  ];
  private packs: PackSummary[] | null = null;
  private code = '';
  private codeError = '';
  private importMsg = '';
  private importIssues: Array<{ path: string; message: string }> = [];
  private past: PastGame[] = tokens.pastGames();
  private loadError = '';

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
        this.importMsg = err.issues.length ? t('landing.import.errors', { count: err.issues.length }) : t('common.error', { message: err.message });
        this.importIssues = err.issues;
      } else this.importMsg = t('common.error', { message: String(err) });
    }
  }

  private link(e: Event, path: string): void {
    e.preventDefault();
    navigate(path);
  }

  override render() {
    return html`
      <section class="hero">
        <h1>${t('app.name')}</h1>
        <p>${t('app.tagline')}</p>
      </section>
      <div class="grid">
        <section class="panel" aria-labelledby="create-h">
          <h2 id="create-h">${t('landing.create.title')}</h2>
          ${this.loadError ? html`<p class="error" role="alert">${t('common.error', { message: this.loadError })}</p>` : nothing}
          ${this.packs
            ? html`<create-form .packs=${this.packs} .packLang=${lang()} .hostKey=${hostKey()}></create-form>`
            : html`<p role="status">${t('common.loading')}</p>`}
        </section>
        <div class="side">
          <section class="panel join" aria-labelledby="join-h">
            <h2 id="join-h">${t('landing.join.title')}</h2>
            <form @submit=${this.join}>
              <label class="sr-only" for="code">${t('landing.join.code')}</label>
              <input id="code" inputmode="numeric" autocomplete="off" maxlength="7" placeholder="123456" .value=${this.code}
                aria-describedby="code-err" @input=${(e: Event) => ((this.code = (e.target as HTMLInputElement).value), (this.codeError = ''))} />
              <button type="submit">${t('landing.join.submit')}</button>
            </form>
            <p id="code-err" class="error" role="alert">${this.codeError}</p>
          </section>
          <section class="panel" aria-labelledby="solo-h">
            <h2 id="solo-h">${t('landing.solo.title')}</h2>
            <p class="muted">${t('landing.solo.text')}</p>
            <a class="btn" href="/solo" @click=${(e: Event) => this.link(e, '/solo')}>${t('landing.solo.go')}</a>
          </section>
          <section class="panel" aria-labelledby="past-h">
            <h2 id="past-h">${t('landing.past.title')}</h2>
            ${this.past.length
              ? html`<ul class="past">
                  ${this.past.map(
                    (g) => html`<li>
                      <span><strong>${g.packTitle}</strong> · <code>${g.roomCode}</code> · ${new Date(g.createdAt).toLocaleString(lang())}</span>
                      ${g.gameId
                        ? html`<a class="btn secondary" href="/report/${g.gameId}" @click=${(e: Event) => this.link(e, `/report/${g.gameId}`)}>${t('landing.past.report')}</a>`
                        : html`<a class="btn secondary" href="/host/${g.roomCode}" @click=${(e: Event) => this.link(e, `/host/${g.roomCode}`)}>${t('landing.past.resume')}</a>`}
                    </li>`,
                  )}
                </ul>`
              : html`<p class="muted">${t('landing.past.empty')}</p>`}
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
              ${this.importIssues.length
                ? html`<ul class="issues">${this.importIssues.map((i) => html`<li><code>${i.path}</code>: ${i.message}</li>`)}</ul>`
                : nothing}
            </div>
          </section>
        </div>
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
