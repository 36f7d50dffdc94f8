// Solo challenge: the daily seeded scenario or a pack, optional bots, self-paced; personal best kept in this browser,
// the verified run enters the leaderboard, and the last race is compared with the engine's best-known plan.
import { html, css, nothing } from 'lit';
import type { DeployChoice, GameView } from '../../../shared/engine/types.js';
import type { PackSummary } from '../../../shared/protocol/types.js';
import { bestPlan } from '../../../shared/engine/race/best-plan.js';
import { deploymentTotal } from '../../../shared/engine/race/bill.js';
import { ActionView } from './action-view.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t, lang, fmt } from '../i18n/index.js';
import { SessionController } from '../session/session-controller.js';
import { tokens } from '../session/tokens.js';
import { api } from '../lib/api.js';
import type { AnswerDetail, PlayScreen } from '../components/play-screen.js';
import '../components/play-screen.js';
import '../components/conn-banner.js';
import '../components/leader-board.js';

const BOT_LEVELS = ['easy', 'medium', 'hard'] as const;
type BotLevel = (typeof BOT_LEVELS)[number];

function dailyBoard(): string {
  return `daily-${new Date().toISOString().slice(0, 10)}`;
}

export class SoloView extends ActionView {
  static override properties = {
    packs: { state: true },
    packId: { state: true },
    name: { state: true },
    bots: { state: true },
    playing: { state: true },
    board: { state: true },
    planPct: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .wrap {
        padding: clamp(0.8rem, 3vw, 1.5rem);
        max-width: 52rem;
        margin: 0 auto;
        width: 100%;
      }
      form {
        display: grid;
        gap: 0.9rem;
      }
      .choice {
        display: flex;
        gap: 0.6rem;
        align-items: flex-start;
        border: 2px solid var(--hr-border);
        border-radius: var(--hr-radius-sm);
        padding: 0.6rem 0.8rem;
      }
      .choice:has(input:checked) {
        border-color: var(--hr-brand);
        background: var(--hr-brand-soft);
      }
      .choice input,
      .check input {
        width: 1.2rem;
        height: 1.2rem;
        min-height: 0;
        margin-top: 0.25rem;
      }
      .check {
        display: flex;
        gap: 0.4rem;
        align-items: center;
      }
      fieldset {
        border: 1px solid var(--hr-border);
        border-radius: var(--hr-radius-sm);
        padding: 0.6rem 0.9rem;
        margin: 0;
        display: grid;
        gap: 0.5rem;
      }
      legend {
        font-weight: 750;
      }
      .bar {
        display: flex;
        gap: 0.5rem;
        justify-content: flex-end;
        flex-wrap: wrap;
        margin-bottom: 0.8rem;
      }
      .result {
        text-align: center;
      }
      .result .big {
        font-size: 1.6rem;
        font-weight: 850;
      }
      .go {
        min-height: 56px;
        font-size: 1.2rem;
      }
      .hide {
        display: none;
      }
    `,
  ];
  private packs: PackSummary[] = [];
  private packId = 'daily';
  private name = tokens.nickname();
  private bots: BotLevel[] = [];
  private playing = false;
  private board: Array<{ id: string; name: string; score: number }> = [];
  private planPct: number | null = null;
  private lastRace: GameView['race'] = null;
  private boardName = '';
  private recorded = '';
  /** "mine/best" behind the percentage, kept on the element for tests and curious teachers. */
  private planDebug = '';
  private readonly session = new SessionController(this);

  protected override screenKey(): string {
    const v = this.session.view;
    return v ? `${v.phase}:${v.step}` : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // A solo run has no host key: built-in and shared packs only (the server refuses another's private pack).
    void api
      .packs()
      .then((p) => (this.packs = p.filter((x) => x.builtin || x.shared)))
      .catch(() => undefined);
    void this.session.resumeSolo().then((s) => {
      if (s) this.playing = true;
    });
  }

  private async start(e: Event): Promise<void> {
    e.preventDefault();
    const name = this.nickname(this.name);
    if (name === null) return;
    await this.act(async () => {
      tokens.setNickname(name);
      const started = await this.session.startSolo({ name, packId: this.packId, lang: lang(), bots: this.bots });
      this.boardName = started.board ?? `pack-${this.packId}`;
      this.playing = true;
      this.planPct = null;
      this.recorded = '';
      await this.session.soloControl('start');
    });
  }

  private async sendAnswer(e: CustomEvent<AnswerDetail>): Promise<void> {
    await this.act(async () => {
      await this.session.answer(e.detail.questionId, e.detail.answer);
      this.renderRoot.querySelector<PlayScreen>('play-screen')?.markSent(e.detail.questionId);
    });
  }

  override willUpdate(): void {
    const view = this.session.view;
    if (view?.race) this.lastRace = view.race;
    const podium = this.session.podium;
    if (view?.phase === 'podium' && podium && this.recorded !== podium.gameId) {
      this.recorded = podium.gameId;
      void this.finish();
    }
  }

  private async finish(): Promise<void> {
    const podium = this.session.podium;
    const you = this.session.you;
    const board = podium?.solo?.board ?? this.session.solo?.board ?? this.boardName;
    if (you && board) {
      const best = tokens.soloBest(board);
      if (best === null || you.score > best) tokens.setSoloBest(board, you.score);
    }
    this.planPct = this.comparePlan();
    if (board) {
      try {
        const res = await api.leaderboard(board);
        this.board = res.entries.map((e) => ({ id: `${e.rank}-${e.playerName}`, name: e.playerName, score: e.score }));
      } catch {
        this.board = [];
      }
    }
  }

  /** The player's race points against the engine's best-known plan for the last race. */
  private comparePlan(): number | null {
    // The server compares the run's race points with the best-known plan for the same seed (every race of the run).
    const ratio = this.session.podium?.solo?.bestPlanRatio;
    if (typeof ratio === 'number') {
      this.planDebug = String(ratio);
      return Math.max(0, Math.round(ratio * 100));
    }
    // Else the last race's cloud bill, which carries the best-known plan's bill beside it.
    const bill = this.session.bills[0];
    const bestScore = bill?.best ? (bill.best.score ?? bill.best.points) : 0;
    if (bill && bestScore > 0) {
      this.planDebug = `${bill.bill.points}/${bestScore}`;
      return Math.max(0, Math.round((bill.bill.points / bestScore) * 100));
    }
    const race = this.lastRace;
    const you = this.session.you;
    const seed = this.session.solo?.seed;
    if (!race || !you || !seed) return null;
    try {
      const plan = bestPlan(
        { questions: [], cards: race.cards, scenarios: [race.scenario] },
        race.scenario.id,
        seed,
        60,
      );
      const mine = race.hosts
        .flatMap((h) => h.deployments)
        .filter((d) => d.playerId === you.playerId)
        .reduce((s, d) => s + deploymentTotal(d), 0);
      this.planDebug = `${mine}/${plan.score}`;
      return plan.score > 0 ? Math.max(0, Math.round((mine / plan.score) * 100)) : null;
    } catch {
      return null;
    }
  }

  private setup() {
    return html`<section class="panel">
      <h1>${t('solo.title')}</h1>
      <form @submit=${this.start}>
        <label for="sname">${t('solo.name')}</label>
        <input
          id="sname"
          maxlength="20"
          required
          .value=${this.name}
          @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
        />
        <fieldset>
          <legend>${t('solo.daily')} / ${t('solo.pack')}</legend>
          <label class="choice"
            ><input
              type="radio"
              name="pack"
              .checked=${this.packId === 'daily'}
              @change=${() => (this.packId = 'daily')}
            />
            <span
              ><strong>${t('solo.daily')}</strong><br /><span class="muted">${t('solo.dailyText')}</span></span
            ></label
          >
          ${this.packs.map(
            (p) =>
              html`<label class="choice"
                ><input
                  type="radio"
                  name="pack"
                  .checked=${this.packId === p.id}
                  @change=${() => (this.packId = p.id)}
                />
                <span><strong>${p.title}</strong> <span class="muted">(${p.language.toUpperCase()})</span></span></label
              >`,
          )}
        </fieldset>
        <fieldset>
          <legend>${t('solo.bots')}</legend>
          <div class="row">
            ${BOT_LEVELS.map(
              (b) =>
                html`<label class="check"
                  ><input
                    type="checkbox"
                    .checked=${this.bots.includes(b)}
                    @change=${(e: Event) =>
                      (this.bots = (e.target as HTMLInputElement).checked
                        ? [...this.bots, b]
                        : this.bots.filter((x) => x !== b))}
                  />
                  ${t(`solo.bots.${b}`)}</label
                >`,
            )}
          </div>
        </fieldset>
        <p class="muted">
          ${(() => {
            const best = tokens.soloBest(this.packId === 'daily' ? dailyBoard() : `pack-${this.packId}`);
            return best === null ? t('solo.noBest') : t('solo.best', { score: fmt(best) });
          })()}
        </p>
        <p class="error" role="alert">${this.error}</p>
        <button class="go" type="submit" ?disabled=${this.busy}>${t('solo.start')}</button>
      </form>
    </section>`;
  }

  private controls(view: GameView) {
    const s = this.session;
    const c = (label: string, cmd: Parameters<SessionController['soloControl']>[0]) =>
      html`<button ?disabled=${this.busy} @click=${() => this.act(() => s.soloControl(cmd))}>${label}</button>`;
    switch (view.phase) {
      case 'lobby':
        return c(t('solo.start'), 'start');
      case 'question':
      case 'race':
        // Paused: the paused screen has the one way on (resume); the question is hidden meanwhile.
        if (view.paused) return nothing;
        return html`<button
            class="secondary"
            ?disabled=${this.busy}
            @click=${() => this.act(() => s.soloControl('pause'))}
          >
            ${t('solo.pause')}
          </button>
          <button class="secondary" ?disabled=${this.busy} @click=${() => this.act(() => s.soloControl('next'))}>
            ${view.phase === 'race' ? t('host.endRace') : t('host.skip')}
          </button>`;
      case 'podium':
        return nothing;
      default:
        return c(t('solo.continue'), 'next');
    }
  }

  private result() {
    const s = this.session;
    const solo = s.podium?.solo;
    const board = solo?.board ?? s.solo?.board ?? this.boardName;
    const best = board ? tokens.soloBest(board) : null;
    const verdict =
      solo && (solo.verified ? '✓ ' + t('solo.verified') : t('solo.rejected', { message: solo.reason ?? '' }));
    const bestText =
      best !== null && (best <= (s.you?.score ?? 0) ? t('solo.newBest') : t('solo.best', { score: fmt(best) }));
    const planText = this.planPct !== null && t('solo.bestPlan', { pct: this.planPct });
    return html`<section class="panel result" role="status">
      ${verdict ? html`<p>${verdict}</p>` : nothing} ${bestText ? html`<p class="big">${bestText}</p>` : nothing}
      ${planText ? html`<p class="big" data-testid="plan-pct" data-points=${this.planDebug}>${planText}</p>` : nothing}
      <leader-board
        .heading=${t('solo.leaderboard')}
        .rows=${this.board}
        .me=${this.board.find((r) => r.name === s.you?.name)?.id ?? ''}
      ></leader-board>
      <p>
        <button
          @click=${() => {
            s.forgetSolo();
            this.playing = false;
          }}
        >
          ${t('solo.again')}
        </button>
      </p>
    </section>`;
  }

  /** The paused screen: nothing of the question shows (the server sends none of its text while paused either). */
  private pausedScreen(view: GameView) {
    return html`<section class="panel result" role="status" data-testid="solo-paused">
      <p class="big">❚❚ ${t('solo.paused')}</p>
      ${view.phase === 'question' ? html`<p class="muted">${t('solo.pausedText')}</p>` : nothing}
      <p class="error" role="alert">${this.error}</p>
      <button class="go" ?disabled=${this.busy} @click=${() => this.act(() => this.session.soloControl('resume'))}>
        ${t('solo.resume')}
      </button>
    </section>`;
  }

  override render() {
    const s = this.session;
    const view = s.view;
    return html`
      <conn-banner .status=${s.status}></conn-banner>
      <div class="wrap">
        ${
          !this.playing
            ? this.setup()
            : html`
                ${view ? html`<div class="bar">${this.controls(view)}</div>` : nothing}
                ${view?.phase === 'podium' ? this.result() : nothing}
                ${view?.paused ? this.pausedScreen(view) : nothing}
                <play-screen
                  class=${view?.paused ? 'hide' : ''}
                  .view=${view}
                  .you=${s.you}
                  .offset=${s.offset}
                  .struck=${s.raceEvents}
                  .error=${this.error}
                  ?busy=${this.busy}
                  .bills=${s.bills}
                  @send-answer=${this.sendAnswer}
                  @claim=${(e: CustomEvent<string>) => this.act(() => s.claim(e.detail))}
                  @release=${(e: CustomEvent<string>) => this.act(() => s.release(e.detail))}
                  @deploy-card=${(e: CustomEvent<{ cardId: string; choice: DeployChoice }>) =>
                    this.act(() => s.deploy(e.detail.cardId, e.detail.choice))}
                ></play-screen>
              `
        }
      </div>
    `;
  }
}
customElements.define('solo-view', SoloView);
declare global {
  interface HTMLElementTagNameMap {
    'solo-view': SoloView;
  }
}
