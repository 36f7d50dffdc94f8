// The create-game form. Sends only the options the protocol accepts (shared/protocol gameOptionsSchema).
import { html, css, nothing } from 'lit';
import { LEADERBOARD_MODES, type Lang, type LeaderboardMode } from '../../../shared/engine/types.js';
import type { PayloadOf, PackSummary } from '../../../shared/protocol/types.js';
import { LocalizedElement } from '../components/localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t } from '../i18n/index.js';
import { navigate } from '../router.js';
import { tokens } from '../session/tokens.js';
import { api } from '../lib/api.js';

type GameOptions = NonNullable<PayloadOf<'room:create'>['options']>;
const MODES = ['classroom', 'team'] as const;

export class CreateForm extends LocalizedElement {
  static override properties = {
    packs: { attribute: false },
    packLang: { attribute: false },
    hostKey: { type: String },
    packId: { state: true },
    mode: { state: true },
    busy: { state: true },
    error: { state: true },
    lateJoin: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      form {
        display: grid;
        gap: 0.9rem;
      }
      .field {
        display: grid;
        gap: 0.3rem;
      }
      .packs {
        display: grid;
        gap: 0.5rem;
      }
      .pack {
        display: flex;
        gap: 0.6rem;
        align-items: flex-start;
        border: 2px solid var(--hr-border);
        border-radius: var(--hr-radius-sm);
        padding: 0.6rem 0.8rem;
        cursor: pointer;
        background: var(--hr-surface);
      }
      .pack:has(input:checked) {
        border-color: var(--hr-brand);
        background: var(--hr-brand-soft);
      }
      .pack input {
        flex: none;
        margin-top: 0.3rem;
        width: 1.2rem;
        height: 1.2rem;
        min-height: 0;
      }
      .pack small {
        display: block;
        color: var(--hr-ink-soft);
        font-weight: 500;
      }
      .share {
        margin: -0.2rem 0 0.3rem 2.4rem;
        font-size: 0.95rem;
      }
      .badge {
        font-size: 0.75rem;
        font-weight: 800;
        background: var(--hr-surface-2);
        border-radius: 4px;
        padding: 0 0.35rem;
        margin-inline-start: 0.3rem;
      }
      fieldset {
        border: 1px solid var(--hr-border);
        border-radius: var(--hr-radius-sm);
        padding: 0.6rem 0.9rem 0.8rem;
        margin: 0;
      }
      legend {
        font-weight: 750;
        padding: 0 0.3rem;
      }
      .checks {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(15rem, 1fr));
        gap: 0.5rem 1rem;
      }
      .check {
        display: flex;
        gap: 0.5rem;
        align-items: center;
        font-weight: 600;
      }
      .check input {
        width: 1.3rem;
        height: 1.3rem;
        min-height: 0;
      }
      .seg {
        display: inline-flex;
        gap: 0.4rem;
        flex-wrap: wrap;
      }
      .submit {
        min-height: 56px;
        font-size: 1.2rem;
      }
    `,
  ];
  packs: PackSummary[] = [];
  packLang: Lang = 'en';
  hostKey = '';
  private packId = '';
  private mode: (typeof MODES)[number] = 'classroom';
  private busy = false;
  private error = '';
  private lateJoin = true;

  /** The packs a class can play: not the daily-challenge pools (built-in `daily-*`), which solo runs draw from. */
  private hostable(): PackSummary[] {
    return this.packs.filter((p) => !(p.builtin && p.id.startsWith('daily-')));
  }

  override willUpdate(changed: Map<string, unknown>): void {
    const packs = this.hostable();
    if ((changed.has('packs') || changed.has('packLang')) && !packs.some((p) => p.id === this.packId)) {
      this.packId = (packs.find((p) => p.language === this.packLang) ?? packs[0])?.id ?? '';
    }
  }

  private options(form: HTMLFormElement): GameOptions {
    const data = new FormData(form);
    const on = (name: string) => data.get(name) === 'on';
    const time = Number(data.get('questionTimeS'));
    const picked = data.get('leaderboard');
    const board = typeof picked === 'string' ? picked : '';
    const options: GameOptions = {
      mode: this.mode,
      races: on('races'),
      leaderboard: (LEADERBOARD_MODES as readonly string[]).includes(board) ? (board as LeaderboardMode) : 'top5',
      showQuestionOnDevices: on('showQuestionOnDevices'),
      lateJoin: on('lateJoin'),
      lateJoinScore: data.get('lateJoinScore') === 'lowest' ? 'lowest' : 'zero',
      scoring: {
        speedPoints: on('speedPoints'),
        streakBonus: on('streakBonus'),
        partialCredit: on('partialCredit'),
        pointsMultiplier: Number(data.get('pointsMultiplier')) as 0 | 1 | 2,
      },
    };
    if (this.mode === 'team') {
      options.teamCount = Math.min(8, Math.max(2, Number(data.get('teamCount')) || 2));
      options.teamRoles = on('teamRoles');
    }
    if (Number.isInteger(time) && time >= 5 && time <= 300) options.questionTimeS = time;
    return options;
  }

  private async submit(e: Event): Promise<void> {
    e.preventDefault();
    if (!this.packId || this.busy) return;
    this.busy = true;
    this.error = '';
    try {
      const created = await api.createRoom({
        packId: this.packId,
        options: this.options(e.target as HTMLFormElement),
        hostKey: this.hostKey,
      });
      tokens.setHostToken(created.roomCode, created.hostToken);
      tokens.addPastGame({ roomCode: created.roomCode, packTitle: created.packTitle, createdAt: Date.now() });
      navigate(`/host/${created.roomCode}`);
    } catch (err) {
      this.error = t('common.error', { message: err instanceof Error ? err.message : String(err) });
    } finally {
      this.busy = false;
    }
  }

  /** An imported pack of this browser's host key: shared with the other teachers on this server, or private again. */
  private async share(pack: PackSummary, shared: boolean): Promise<void> {
    try {
      await api.sharePack(pack.id, shared);
      // The landing page's own list holds this very summary: both show the new state on their next render.
      pack.shared = shared;
      this.error = '';
      this.requestUpdate();
    } catch (err) {
      this.error = t('common.error', { message: err instanceof Error ? err.message : String(err) });
      this.requestUpdate();
    }
  }

  override render() {
    return html`<form @submit=${this.submit}>
      <fieldset>
        <legend>${t('landing.create.pack')}</legend>
        <div class="packs">
          ${this.hostable()
            .sort((a, b) => Number(b.language === this.packLang) - Number(a.language === this.packLang))
            .map(
              (p) =>
                html`<label class="pack">
                    <input
                      type="radio"
                      name="pack"
                      .checked=${p.id === this.packId}
                      @change=${() => (this.packId = p.id)}
                    />
                    <span
                      ><strong>${p.title}</strong><span class="badge">${p.language.toUpperCase()}</span>
                      <small>${p.description}</small>
                      <small
                        >${t('landing.create.counts', {
                          questions: p.counts.questions,
                          cards: p.counts.cards,
                          rounds: p.counts.rounds,
                        })}</small
                      ></span
                    >
                  </label>
                  ${
                    p.mine
                      ? html`<label class="check share"
                          ><input
                            type="checkbox"
                            data-share=${p.id}
                            .checked=${p.shared}
                            @change=${(e: Event) => this.share(p, (e.target as HTMLInputElement).checked)}
                          />${t('landing.create.share')}</label
                        >`
                      : nothing
                  }`,
            )}
        </div>
      </fieldset>
      <fieldset>
        <legend>${t('landing.create.mode')}</legend>
        <div class="seg">
          ${MODES.map(
            (m) =>
              html`<label class="check"
                ><input type="radio" name="mode" .checked=${this.mode === m} @change=${() => (this.mode = m)} />
                ${t(`landing.create.mode.${m}`)}</label
              >`,
          )}
        </div>
        ${
          this.mode === 'team'
            ? html`<div class="field" style="margin-top:0.6rem">
                  <label for="teamCount">${t('landing.create.teamCount')}</label>
                  <input id="teamCount" name="teamCount" type="number" min="2" max="8" value="2" style="width:6rem" />
                </div>
                <label class="check" style="margin-top:0.6rem"
                  ><input
                    type="checkbox"
                    name="teamRoles"
                    aria-describedby="roles-help"
                  />${t('landing.create.teamRoles')}</label
                >
                <small id="roles-help" class="muted">${t('landing.create.teamRolesHelp')}</small>`
            : nothing
        }
      </fieldset>
      <fieldset>
        <legend>${t('landing.create.flow')}</legend>
        <div class="checks">
          <div class="field">
            <label for="qt">${t('landing.create.questionTime')}</label>
            <input id="qt" name="questionTimeS" type="number" min="5" max="300" style="width:8rem" />
          </div>
          <div class="field">
            <label for="board">${t('landing.create.leaderboard')}</label>
            <select id="board" name="leaderboard">
              ${LEADERBOARD_MODES.map(
                (m) =>
                  html`<option value=${m} ?selected=${m === 'top5'}>${t(`landing.create.leaderboard.${m}`)}</option>`,
              )}
            </select>
          </div>
        </div>
        <div class="checks" style="margin-top:0.6rem">
          <label class="check"><input type="checkbox" name="races" checked />${t('landing.create.races')}</label>
          <label class="check"
            ><input type="checkbox" name="showQuestionOnDevices" checked />${t('landing.create.showQuestion')}</label
          >
          <label class="check"
            ><input
              type="checkbox"
              name="lateJoin"
              .checked=${this.lateJoin}
              @change=${(e: Event) => (this.lateJoin = (e.target as HTMLInputElement).checked)}
            />${t('landing.create.lateJoin')}</label
          >
          <div class="field">
            <label for="ljs">${t('landing.create.lateJoinScore')}</label>
            <select id="ljs" name="lateJoinScore" ?disabled=${!this.lateJoin}>
              <option value="zero">${t('landing.create.lateJoinScore.zero')}</option>
              <option value="lowest">${t('landing.create.lateJoinScore.lowest')}</option>
            </select>
          </div>
        </div>
      </fieldset>
      <fieldset>
        <legend>${t('landing.create.scoring')}</legend>
        <div class="checks">
          <label class="check"
            ><input type="checkbox" name="speedPoints" checked />${t('landing.create.speedPoints')}</label
          >
          <label class="check"
            ><input type="checkbox" name="streakBonus" checked />${t('landing.create.streakBonus')}</label
          >
          <label class="check"
            ><input type="checkbox" name="partialCredit" checked />${t('landing.create.partialCredit')}</label
          >
          <div class="field">
            <label for="mult">${t('landing.create.multiplier')}</label>
            <select id="mult" name="pointsMultiplier">
              ${([1, 2, 0] as const).map(
                (n) =>
                  html`<option value=${n} ?selected=${n === 1}>${t('landing.create.multiplier.x', { n })}</option>`,
              )}
            </select>
          </div>
        </div>
      </fieldset>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      <button class="submit" type="submit" ?disabled=${this.busy || !this.packId}>
        ${this.busy ? t('landing.create.creating') : t('landing.create.submit')}
      </button>
    </form>`;
  }
}
customElements.define('create-form', CreateForm);
declare global {
  interface HTMLElementTagNameMap {
    'create-form': CreateForm;
  }
}
