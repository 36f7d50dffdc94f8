// The phone view: join with a nickname (or get back in with the seat kept on this device), then play.
import { html, css, nothing } from 'lit';
import type { TeamLayer } from '../../../shared/engine/types.js';
import { ActionView } from './action-view.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t } from '../i18n/index.js';
import { SessionController, SessionError } from '../session/session-controller.js';
import { tokens } from '../session/tokens.js';
import { errorText } from '../lib/errors.js';
import { navigate } from '../router.js';
import type { AnswerDetail, DeployDetail, PlayScreen } from '../components/play-screen.js';
import '../components/play-screen.js';
import '../components/conn-banner.js';

const STAGE = { checking: 'checking', join: 'join', playing: 'playing' } as const;
type Stage = (typeof STAGE)[keyof typeof STAGE];

export class PlayerView extends ActionView {
  static override properties = {
    code: { type: String },
    stage: { state: true },
    name: { state: true },
    sending: { state: true },
    roles: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .wrap {
        padding: clamp(0.8rem, 3vw, 1.5rem);
        max-width: 46rem;
        margin: 0 auto;
        width: 100%;
      }
      form {
        display: grid;
        gap: 0.7rem;
      }
      .code {
        font-size: 2rem;
        font-weight: 900;
        letter-spacing: 0.2em;
        font-variant-numeric: tabular-nums;
      }
      input {
        font-size: 1.3rem;
      }
      .go {
        min-height: 56px;
        font-size: 1.2rem;
      }
    `,
  ];
  code = '';
  private stage: Stage = STAGE.checking;
  private name = tokens.nickname();
  private sending = false;
  /**
   * Whether this team game has roles. The view does not say, so the phone asks once in the lobby by dropping a
   * layer it does not hold (a no-op when roles are on, refused with `action/wrong-phase` when they are off).
   */
  private roles: boolean | null = null;
  private probing = false;
  private probes = 0;
  private readonly session = new SessionController(this);

  protected override screenKey(): string {
    const v = this.session.view;
    return v ? `${v.phase}:${v.step}` : '';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.start();
  }

  private async start(): Promise<void> {
    if (!this.session.hasSeat(this.code)) {
      this.stage = STAGE.join;
      this.focusName();
      return;
    }
    try {
      await this.session.resumePlayer(this.code);
      this.stage = STAGE.playing;
      if (location.pathname !== `/play/${this.code}`) navigate(`/play/${this.code}`, true);
    } catch (err) {
      this.error = errorText(err);
      this.stage = STAGE.join;
      this.focusName();
    }
  }

  /** The join form's one field has the focus: type a name, press Enter. */
  private focusName(): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#nick')?.focus());
  }

  private async join(e: Event): Promise<void> {
    e.preventDefault();
    const name = this.nickname(this.name);
    if (name === null) return;
    await this.act(async () => {
      await this.session.join(this.code, name);
      this.stage = STAGE.playing;
      navigate(`/play/${this.code}`, true);
    });
  }

  override willUpdate(): void {
    const view = this.session.view;
    if (
      this.roles !== null ||
      this.probing ||
      this.probes >= 3 ||
      view?.mode !== 'team' ||
      view.phase !== 'lobby' ||
      !this.session.you
    )
      return;
    const me = view.players.find((p) => p.id === this.session.you?.playerId);
    if (me?.layer) {
      this.roles = true;
      return;
    }
    this.probing = true;
    this.probes++;
    void this.session
      .takeLayer(null)
      .then(() => (this.roles = true))
      .catch((err: unknown) => {
        if (err instanceof SessionError && err.code === 'action/wrong-phase') this.roles = false;
      })
      .finally(() => (this.probing = false));
  }

  private async takeLayer(layer: TeamLayer | null): Promise<void> {
    await this.act(
      () => this.session.takeLayer(layer),
      (err) => {
        // Refused in the lobby: this game has no roles (not an error to show).
        if (!(err instanceof SessionError && err.code === 'action/wrong-phase' && this.session.view?.phase === 'lobby'))
          return errorText(err);
        this.roles = false;
        return '';
      },
    );
  }

  private async deploy(d: DeployDetail): Promise<void> {
    await this.act(
      () => this.session.deploy(d.cardId, d.choice),
      // A refusal by layer: say which layer the choice needs and who owns it.
      (err) =>
        err instanceof SessionError && err.code === 'team/not-your-layer'
          ? t('team.notYourLayer', { layer: t(`layer.${d.layer}`), name: d.owner || t('layer.teammate') })
          : errorText(err),
    );
  }

  private async sendAnswer(e: CustomEvent<AnswerDetail>): Promise<void> {
    // `sending`, not `busy`: only the answer controls wait for it.
    await this.act(
      async () => {
        await this.session.answer(e.detail.questionId, e.detail.answer);
        this.renderRoot.querySelector<PlayScreen>('play-screen')?.markSent(e.detail.questionId);
      },
      errorText,
      (on) => (this.sending = on),
    );
  }

  override render() {
    const s = this.session;
    return html`
      <conn-banner .status=${s.status}></conn-banner>
      <div class="wrap">
        ${this.stage === STAGE.checking ? html`<p role="status">${t('common.loading')}</p>` : nothing}
        ${
          this.stage === STAGE.join
            ? html`<section class="panel">
                <h1>${t('player.join.title', { code: '' })} <span class="code">${this.code}</span></h1>
                <form @submit=${this.join}>
                  <label for="nick">${t('player.join.name')}</label>
                  <input
                    id="nick"
                    autocomplete="nickname"
                    maxlength="20"
                    required
                    .value=${this.name}
                    aria-describedby="nick-help nick-err"
                    @input=${(e: Event) => (this.name = (e.target as HTMLInputElement).value)}
                  />
                  <span id="nick-help" class="muted">${t('player.join.nameHelp')}</span>
                  <p id="nick-err" class="error" role="alert">${this.error}</p>
                  <button class="go" type="submit" ?disabled=${this.busy}>${t('player.join.submit')}</button>
                </form>
              </section>`
            : nothing
        }
        ${
          this.stage === STAGE.playing
            ? s.closed && s.closed.code !== 'shutdown'
              ? html`<p class="error" role="alert">
                  ${s.closed.code === 'kicked' ? t('player.removed') : s.closed.message}
                </p>`
              : html`<play-screen
                  .view=${s.view}
                  .you=${s.you}
                  .offset=${s.offset}
                  .struck=${s.raceEvents}
                  .error=${this.error}
                  ?sending=${this.sending}
                  ?busy=${this.busy}
                  .bills=${s.bills}
                  ?roles=${s.view?.mode === 'team' && this.roles === true}
                  @layer=${(e: CustomEvent<TeamLayer | null>) => this.takeLayer(e.detail)}
                  @send-answer=${this.sendAnswer}
                  @team=${(e: CustomEvent<string>) => this.act(() => s.pickTeam(e.detail))}
                  @claim=${(e: CustomEvent<string>) => this.act(() => s.claim(e.detail))}
                  @release=${(e: CustomEvent<string>) => this.act(() => s.release(e.detail))}
                  @deploy-card=${(e: CustomEvent<DeployDetail>) => this.deploy(e.detail)}
                ></play-screen>`
            : nothing
        }
      </div>
    `;
  }
}
customElements.define('player-view', PlayerView);
declare global {
  interface HTMLElementTagNameMap {
    'player-view': PlayerView;
  }
}
