// The app shell: header with the language switch, and the current view, loaded on demand per route
// so the phone's player view does not carry the host, report or landing code.
import { LitElement, html, css, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import './theme/theme.css';
import './components/lang-switch.js';
import './audio/sound-toggle.js';
import { I18nController, t } from './i18n/index.js';
import { NAVIGATE_EVENT, ROUTE, parseRoute, navigate, type Route } from './router.js';
import { baseStyles } from './theme/shared-styles.js';

const loaders: Record<Route['name'], () => Promise<unknown>> = {
  [ROUTE.landing]: () => import('./views/landing-view.js'),
  [ROUTE.join]: () => import('./views/player-view.js'),
  [ROUTE.play]: () => import('./views/player-view.js'),
  [ROUTE.host]: () => import('./views/host-view.js'),
  [ROUTE.solo]: () => import('./views/solo-view.js'),
  [ROUTE.report]: () => import('./views/report-view.js'),
  [ROUTE.workshop]: () => import('./views/workshop-view.js'),
  [ROUTE.notFound]: () => Promise.resolve(),
};

export class HostrushApp extends LitElement {
  static override properties = { route: { state: true }, loaded: { state: true } };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: flex;
        flex-direction: column;
        min-height: 100vh;
      }
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: 1rem;
        padding: 0.5rem clamp(0.8rem, 3vw, 2rem);
        background: var(--hr-brand);
        color: var(--hr-brand-ink);
      }
      .brand {
        color: inherit;
        text-decoration: none;
        font-weight: 900;
        font-size: 1.35rem;
        letter-spacing: -0.01em;
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      /* A phone's header with the sound switch too: the logo alone (the name stays in the link's accessible name). */
      @media (max-width: 420px) {
        header:has(sound-toggle:not([hidden])) .brand .name {
          position: absolute;
          width: 1px;
          height: 1px;
          overflow: hidden;
          clip: rect(0, 0, 0, 0);
        }
      }
      .logo {
        display: inline-grid;
        place-items: center;
        width: 2rem;
        height: 2rem;
        border-radius: 8px;
        background: var(--hr-brand-ink);
        color: var(--hr-brand);
        font-size: 1.1rem;
      }
      main {
        flex: 1;
        display: flex;
        flex-direction: column;
      }
      .skip {
        position: absolute;
        left: -999px;
        top: 0;
        background: #fff;
        color: var(--hr-ink);
        padding: 0.5rem 1rem;
        z-index: 20;
      }
      .skip:focus {
        left: 0.5rem;
      }
      .nf {
        padding: 3rem 1rem;
        text-align: center;
      }
    `,
  ];
  private route: Route = parseRoute(location.pathname);
  private loaded: Route['name'] | null = null;
  private readonly onNavigate = () => this.go(parseRoute(location.pathname));

  constructor() {
    super();
    new I18nController(this);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.onNavigate);
    window.addEventListener(NAVIGATE_EVENT, this.onNavigate);
    this.go(this.route);
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.onNavigate);
    window.removeEventListener(NAVIGATE_EVENT, this.onNavigate);
  }

  private go(route: Route): void {
    this.route = route;
    void loaders[route.name]().then(() => {
      if (this.route === route) this.loaded = route.name;
    });
  }

  private view(): TemplateResult | typeof nothing {
    const r = this.route;
    if (this.loaded !== r.name) return html`<p class="nf" role="status">${t('common.loading')}</p>`;
    switch (r.name) {
      case ROUTE.landing:
        return html`<landing-view></landing-view>`;
      case ROUTE.join:
      case ROUTE.play:
        return html`<player-view .code=${r.code ?? ''}></player-view>`;
      case ROUTE.host:
        return html`<host-view .code=${r.code ?? ''}></host-view>`;
      case ROUTE.solo:
        return html`<solo-view></solo-view>`;
      case ROUTE.report:
        return html`<report-view .gameId=${r.gameId ?? ''}></report-view>`;
      case ROUTE.workshop:
        return html`${keyed(r.packId ?? '', html`<workshop-view .packId=${r.packId ?? ''}></workshop-view>`)}`;
      default:
        return html`<div class="nf">
          <h1>404</h1>
          <p><a href="/" @click=${this.home}>${t('common.home')}</a></p>
        </div>`;
    }
  }

  /** The main region is in this shadow root, where a plain #main link cannot reach it. */
  private skip(e: Event): void {
    e.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  private home(e: Event): void {
    e.preventDefault();
    navigate('/');
  }

  override render() {
    return html`
      <a class="skip" href="#main" @click=${this.skip}>${t('app.skip')}</a>
      <header>
        <a class="brand" href="/" @click=${this.home}
          ><span class="logo" aria-hidden="true">▲</span><span class="name">${t('app.name')}</span></a
        >
        <sound-toggle></sound-toggle>
        <lang-switch></lang-switch>
      </header>
      <main id="main" tabindex="-1">${this.view()}</main>
    `;
  }
}
customElements.define('hostrush-app', HostrushApp);

declare global {
  interface HTMLElementTagNameMap {
    'hostrush-app': HostrushApp;
  }
}
