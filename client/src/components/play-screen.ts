// The phone's game screen for one player (classroom, team or solo): question and answer, feedback with the why,
// race cards with the deployment picker, own rank and score. Data in, DOM events out.
import { html, css, nothing } from 'lit';
import {
  TEAM_LAYERS,
  type Answer,
  type DeployChoice,
  type GameView,
  type TeamLayer,
  type Why,
} from '../../../shared/engine/types.js';
import type { RaceBill, YouMessage } from '../../../shared/protocol/types.js';
import { rankOnLadder } from '../../../shared/engine/ladder.js';
import { LocalizedElement } from './localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t, fmt } from '../i18n/index.js';
import { teamLabel, whyText } from '../lib/labels.js';
import { whyCite, whyLine } from './why-cite.js';
import { pointsBadge, pointsBadgeStyles } from './points-badge.js';
import { SoundCues } from '../audio/controller.js';
import { billHeading, boardRows, byPhase, correctText, hostFor, ownerId, playerNames } from '../lib/view-helpers.js';
import type { StruckEvent } from './host-picture.js';
import './question-answer.js';
import './more-below.js';
import './count-down.js';
import './leader-board.js';
import './podium-stand.js';

let raceParts: Promise<void> | null = null;

export interface DeployDetail {
  cardId: string;
  choice: DeployChoice;
  layer: TeamLayer;
  owner: string;
}

export interface AnswerDetail {
  questionId: string;
  answer: Answer;
}

/**
 * @fires send-answer - detail: AnswerDetail ; @fires claim / release - detail: cardId ; @fires deploy - detail: {
 * cardId, choice } ; @fires team - detail: teamId
 */
export class PlayScreen extends LocalizedElement {
  static override properties = {
    view: { attribute: false },
    you: { attribute: false },
    offset: { type: Number },
    struck: { attribute: false },
    sending: { type: Boolean },
    busy: { type: Boolean },
    error: { type: String },
    bills: { attribute: false },
    roles: { type: Boolean },
    picking: { state: true },
    sentFor: { state: true },
    clock: { state: true },
  };
  static override styles = [
    baseStyles,
    pointsBadgeStyles,
    css`
      :host {
        display: block;
      }
      .top {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 0.6rem;
        margin-bottom: 0.8rem;
        flex-wrap: wrap;
      }
      .me {
        font-weight: 750;
      }
      .head {
        flex-wrap: nowrap;
        align-items: flex-start;
      }
      .head .rank {
        display: block;
        font-weight: 500;
        font-size: 0.9em;
      }
      .score {
        font-variant-numeric: tabular-nums;
        background: var(--hr-brand);
        color: #fff;
        border-radius: 999px;
        padding: 0.2rem 0.8rem;
        font-weight: 800;
      }
      .prompt {
        font-size: clamp(1.2rem, 4.5vw, 1.6rem);
        font-weight: 750;
        margin: 0 0 0.6rem;
      }
      .note {
        background: var(--hr-surface-2);
        border-radius: var(--hr-radius-sm);
        padding: 0.5rem 0.7rem;
        white-space: pre-wrap;
      }
      .center {
        text-align: center;
        padding: 1.5rem 0.5rem;
      }
      .big {
        font-size: clamp(1.6rem, 7vw, 2.6rem);
        font-weight: 850;
        margin: 0.4rem 0;
      }
      .feedback {
        border-radius: var(--hr-radius);
        padding: 1rem;
        border: 3px solid var(--hr-border);
        background: var(--hr-surface);
      }
      .feedback.right {
        border-color: var(--hr-ok);
        background: var(--hr-ok-soft);
      }
      .feedback.part {
        border-color: var(--hr-warn);
        background: var(--hr-warn-soft);
      }
      .feedback.wrong {
        border-color: var(--hr-danger);
        background: var(--hr-danger-soft);
      }
      .feedback h2 {
        font-size: 1.7rem;
      }
      .whys {
        margin: 0.5rem 0 0;
        padding-inline-start: 1.2rem;
      }
      .answer-key {
        font-weight: 700;
      }
      .race-top {
        flex-wrap: nowrap;
        align-items: flex-start;
      }
      .race-top .prompt {
        font-size: clamp(1.05rem, 4.2vw, 1.5rem);
        min-width: 0;
        overflow-wrap: anywhere;
      }
      .race-h {
        font-size: 1.05rem;
        margin: 0.6rem 0 0.4rem;
      }
      details.hostfold {
        margin-top: 0.8rem;
        padding: 0.5rem 0.8rem;
      }
      details.hostfold > summary {
        cursor: pointer;
        font-weight: 750;
        min-height: 44px;
        display: flex;
        align-items: center;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      details.hostfold > summary .use {
        font-weight: 600;
        font-variant-numeric: tabular-nums;
        color: var(--hr-ink-soft);
        font-size: 0.92rem;
      }
      details.hostfold[open] > summary {
        margin-bottom: 0.5rem;
      }
      .race-parts {
        margin-top: 0.8rem;
      }
      .race-why {
        padding: 0.5rem 0.8rem;
        font-size: 0.95rem;
      }
      .race-why p {
        margin: 0;
      }
      .race-why summary {
        cursor: pointer;
        display: grid;
        gap: 0.2rem;
        min-height: 44px;
        align-content: center;
      }
      .race-why .more {
        font-weight: 700;
        color: var(--hr-brand);
        font-size: 0.9rem;
      }
      .race-why .whys {
        margin-top: 0.3rem;
      }
      .clamp {
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
        overflow: hidden;
      }
      details[open] > summary .clamp {
        -webkit-line-clamp: unset;
        display: block;
      }
      .section {
        margin-top: 1rem;
      }
      .teams {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
        justify-content: center;
      }
      .teams button {
        min-width: 7rem;
      }
      .layers {
        display: grid;
        gap: 0.5rem;
        max-width: 26rem;
        margin: 0 auto;
        text-align: start;
      }
      .layers button {
        display: grid;
        justify-items: start;
        justify-content: start;
        width: 100%;
        text-align: start;
        gap: 0.1rem;
        padding: 0.6rem 1rem;
      }
      .layers small {
        font-weight: 500;
      }
      .mylayer {
        display: inline-block;
        font-size: 0.8em;
        font-weight: 750;
        background: var(--hr-brand-soft);
        border-radius: 999px;
        padding: 0.1rem 0.7rem;
      }
      .late {
        border: 2px dashed var(--hr-brand);
        border-radius: var(--hr-radius);
        background: var(--hr-brand-soft);
      }
    `,
  ];
  view: GameView | null = null;
  you: YouMessage | null = null;
  offset = 0;
  struck: StruckEvent[] = [];
  sending = false;
  busy = false;
  error = '';
  /** The cloud bill(s) of the last race. */
  bills: RaceBill[] = [];
  /** Team game with roles: the layer picker shows in the lobby. */
  roles = false;
  private picking: string | null = null;
  /**
   * The shared host picture: folded on a phone (the cards come first), open on wider screens; then as the player leaves
   * it.
   */
  private hostOpen: boolean | null = null;
  /** The card whose picker just closed: its button gets focus back after the next render. */
  private refocus: { cardId: string; to: 'button' | 'card' } | null = null;
  /** The question id this device already sent an answer for (the ack may come before `you` updates). */
  private sentFor = '';
  private clock = Date.now();
  /** When this device first showed the current question (performance clock), kept on the answer element. */
  private shown = { id: '', at: 0 };
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly sound = new SoundCues(this, 'phone', () => ({
    view: this.view,
    offset: this.offset,
    timeFactor: this.you?.timeFactor ?? 1,
  }));

  override connectedCallback(): void {
    super.connectedCallback();
    // Cards arrive over time: re-render once a second during a race only.
    this.timer = setInterval(() => {
      if (this.view?.phase === 'race') this.clock = Date.now();
    }, 1000);
  }
  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this.timer) clearInterval(this.timer);
  }

  private emit<T>(type: string, detail: T): void {
    this.dispatchEvent(new CustomEvent<T>(type, { detail, bubbles: true, composed: true }));
  }

  override willUpdate(): void {
    // Races bring the engine's quote and the host picture: load them only when one starts.
    if (this.view?.race && !raceParts) raceParts = import('./race-parts.js').then(() => this.requestUpdate());
  }

  private shownAt(questionId: string): number {
    if (this.shown.id !== questionId) this.shown = { id: questionId, at: Math.round(performance.now()) };
    return this.shown.at;
  }

  markSent(questionId: string): void {
    this.sentFor = questionId;
  }

  private header() {
    const you = this.you;
    return html`<div class="top head">
      <span class="me"
        >${you?.name ?? ''}${
          this.myLayer()
            ? html` <span class="mylayer" data-testid="my-layer">${t(`layer.${this.myLayer()!}`)}</span>`
            : nothing
        }
        ${
          you && this.standing().rank > 0 && this.view?.phase !== 'lobby'
            ? html`<span class="muted rank" data-testid="my-rank">${t('player.yourRank', this.standing())}</span>`
            : nothing
        }</span
      >
      <span class="score" aria-label=${t('common.score')}>${t('common.points', { points: fmt(you?.score ?? 0) })}</span>
    </div>`;
  }

  /**
   * The player's own rank, kept private on its phone. The shared view lists the top of the board: when this player
   * is in it, the rank is counted from it (always current); otherwise the last private message's.
   */
  private standing(): { rank: number; count: number } {
    const you = this.you;
    const view = this.view;
    if (!you) return { rank: 0, count: 0 };
    const count = Math.max(you.playerCount, view?.playerCount ?? 0);
    if (view?.me) return { rank: view.me.rank, count };
    // The views that show results carry the whole room's scores (engine/ladder.ts): the rank is counted there.
    if (view?.ladder && !you.removed) return { rank: rankOnLadder(view.ladder, you.score), count };
    const mine = view?.players.find((p) => p.id === you.playerId);
    if (!view || !mine) return { rank: you.rank, count };
    const score = Math.max(mine.score, you.score);
    return { rank: 1 + view.players.filter((p) => p.id !== you.playerId && p.score > score).length, count };
  }

  /** The team as the latest view says (a lobby move shows there before the next private message). */
  private myTeam(): string | null {
    const id = this.you?.playerId;
    return this.view?.me?.teamId ?? this.view?.players.find((p) => p.id === id)?.teamId ?? this.you?.teamId ?? null;
  }

  private myLayer(): TeamLayer | null {
    const you = this.you;
    if (!you) return null;
    const inView = this.view?.players.find((p) => p.id === you.playerId);
    return inView ? inView.layer : (you.layer ?? null);
  }

  /** Who owns each layer in my team (team games with roles). */
  private owners(view: GameView): Partial<Record<TeamLayer, { id: string; name: string }>> | null {
    const you = this.you;
    const team = this.myTeam();
    if (view.mode !== 'team' || !you || !team) return null;
    const mates = view.players.filter((p) => p.teamId === team);
    const out: Partial<Record<TeamLayer, { id: string; name: string }>> = {};
    for (const p of mates) if (p.layer) out[p.layer] = { id: p.id, name: p.name };
    const mine = this.myLayer();
    if (mine) out[mine] = { id: you.playerId, name: you.name };
    return this.roles || Object.keys(out).length ? out : null;
  }

  private whys(): Why[] {
    return (this.you?.changes ?? []).flatMap((c) => c.why);
  }

  private lobby(view: GameView) {
    return html`<div class="center">
      <p class="big">${t('player.lobby', { name: this.you?.name ?? '' })}</p>
      ${
        view.mode === 'team' && view.teams.length
          ? html`<h2>${t('player.join.team')}</h2>
              <div class="teams" role="group" aria-label=${t('player.join.team')}>
                ${view.teams.map(
                  (team) =>
                    html`<button
                      class=${this.myTeam() === team.id ? '' : 'secondary'}
                      aria-pressed=${String(this.myTeam() === team.id)}
                      @click=${() => this.emit('team', team.id)}
                    >
                      ${teamLabel(team.name)}
                    </button>`,
                )}
              </div>
              ${this.roles ? this.layerPicker(view) : nothing}`
          : nothing
      }
    </div>`;
  }

  private layerPicker(view: GameView) {
    const you = this.you;
    const mine = this.myLayer();
    const mates = view.players.filter((p) => p.teamId === this.myTeam() && p.id !== you?.playerId);
    return html`<h2 class="section">${t('layer.pick')}</h2>
      <p class="muted">${t('layer.help')}</p>
      <div class="layers" role="group" aria-label=${t('layer.pick')}>
        ${TEAM_LAYERS.map((layer) => {
          const holder = mates.find((p) => p.layer === layer);
          return html`<button
            class=${mine === layer ? '' : 'secondary'}
            aria-pressed=${String(mine === layer)}
            data-layer=${layer}
            ?disabled=${Boolean(holder) || this.busy}
            @click=${() => this.emit<TeamLayer | null>('layer', mine === layer ? null : layer)}
          >
            <span>${t(`layer.${layer}`)}</span>
            <small>${holder ? t('layer.takenBy', { name: holder.name }) : t(`layer.${layer}.what`)}</small>
          </button>`;
        })}
      </div>`;
  }

  private question(view: GameView) {
    const q = view.question;
    if (!q) return nothing;
    const pq = q.question;
    const factor = this.you?.timeFactor ?? 1;
    const answered = Boolean(this.you?.answer) || this.sentFor === pq.id;
    if (this.you && (this.you.startsAtStep ?? 0) > view.step)
      return html`<div class="center feedback late" role="status" data-testid="late">
        <p class="big">${t('player.lateTitle')}</p>
        <p>${t('player.lateText')}</p>
      </div>`;
    return html`
      <div class="top">
        <span class="muted">${t('host.step', { step: view.step + 1, count: view.stepCount })}</span>
        <count-down
          .endsAt=${q.openedAt + q.limitMs * factor}
          .totalMs=${q.limitMs * factor}
          .offset=${this.offset}
          ?paused=${view.paused}
        ></count-down>
      </div>
      ${pointsBadge(pq)}
      ${pq.prompt ? html`<h1 class="prompt">${pq.prompt}</h1>` : html`<h1 class="prompt">${t('player.lookUp')}</h1>`}
      ${factor > 1 ? html`<p class="muted" data-testid="extended">${t('player.extended', { f: factor })}</p>` : nothing}
      ${pq.note ? html`<p class="note">${pq.note}</p>` : nothing}
      ${
        answered
          ? html`<div class="center" role="status" data-testid="answered">
              <p class="big">✓</p>
              <p>${t('player.answered')}</p>
            </div>`
          : html`<question-answer
                .question=${pq}
                ?disabled=${this.sending || q.closed || view.paused}
                data-shown-at=${this.shownAt(pq.id)}
                @answer=${(e: CustomEvent<Answer>) =>
                  this.emit<AnswerDetail>('send-answer', { questionId: pq.id, answer: e.detail })}
              ></question-answer>
              <more-below></more-below>
              ${this.sending ? html`<p role="status">${t('player.sending')}</p>` : nothing}`
      }
    `;
  }

  private reveal(view: GameView) {
    const q = view.question;
    const rec = this.you?.answer ?? null;
    const c = rec?.correctness ?? null;
    const cls = c === null ? 'wrong' : c >= 1 ? 'right' : c > 0 ? 'part' : 'wrong';
    const title =
      c === null ? t('player.tooLate') : c >= 1 ? t('player.correct') : c > 0 ? t('player.partial') : t('player.wrong');
    const whys = this.whys();
    return html`<section class="feedback ${cls}" role="status" aria-live="polite">
      <h2>${c !== null && c >= 1 ? '✓' : c !== null && c > 0 ? '◐' : '✕'} ${title}</h2>
      ${rec ? html`<p class="big">${t('player.gained', { points: fmt(rec.points + rec.streakBonus) })}</p>` : nothing}
      ${this.you && this.you.streak > 1 ? html`<p>${t('player.streak', { n: this.you.streak })}</p>` : nothing}
      ${
        q?.solution
          ? html`<p>
                <span class="answer-key">${t('host.correct')}:</span>
                ${correctText(q.solution, q.question, t('q.true'), t('q.false'))}
              </p>
              <p><strong>${t('player.why')}:</strong> ${q.solution.explanation}</p>`
          : nothing
      }
      ${
        whys.length
          ? html`<ul class="whys">
              ${whys.map((w) => html`<li>${whyLine(w)}</li>`)}
            </ul>`
          : nothing
      }
    </section>`;
  }

  private race(view: GameView) {
    const race = view.race;
    const you = this.you;
    if (!race || !you) return nothing;
    const host = hostFor(view, you.playerId, this.myTeam());
    const now = this.clock + this.offset;
    const names = playerNames(view);
    const pickCard = this.picking ? race.cards.find((c) => c.id === this.picking) : undefined;
    const whys = this.whys();
    const heading =
      view.mode === 'team'
        ? t('race.hostOf', {
            owner: teamLabel(view.teams.find((tm) => tm.id === ownerId(host?.owner ?? ''))?.name ?? ''),
          })
        : t('race.host');
    // What the host has given out so far, for the folded picture's summary line.
    const used = (host?.deployments ?? []).reduce((u, d) => ({ cpu: u.cpu + d.cpu, ram: u.ram + d.ramGb }), {
      cpu: 0,
      ram: 0,
    });
    const open = this.hostOpen ?? (typeof matchMedia === 'function' && matchMedia('(min-width: 60rem)').matches);
    return html`
      <div class="top race-top">
        <h1 class="prompt" style="margin:0">${t('race.title', { title: race.scenario.title })}</h1>
        <count-down
          .endsAt=${race.endsAt}
          .totalMs=${race.endsAt - race.startedAt}
          .offset=${this.offset}
          ?paused=${view.paused}
          .label=${t('race.timeLeft')}
        ></count-down>
      </div>
      ${whys.length ? this.raceWhys(whys.slice(-4)) : nothing}
      <h2 class="race-h">${t('player.race.cards')}</h2>
      <race-cards
        .host=${host}
        .cards=${race.cards}
        .names=${names}
        .me=${you.playerId}
        .now=${now}
        ?busy=${this.busy}
        @pick=${(e: CustomEvent<string>) => (this.picking = e.detail)}
      ></race-cards>
      <more-below .label=${t('player.race.moreCards')}></more-below>
      ${
        view.mode === 'team'
          ? html`<team-parts class="race-parts" .view=${view} .host=${host} .me=${you.playerId}></team-parts>`
          : nothing
      }
      ${
        host
          ? html`<details
              class="hostfold panel"
              data-testid="host-fold"
              ?open=${open}
              @toggle=${(e: Event) => (this.hostOpen = (e.currentTarget as HTMLDetailsElement).open)}
            >
              <summary>
                ${heading}
                <span class="use"
                  >${t('player.race.hostUse', {
                    cpu: fmt(used.cpu, 1),
                    cores: fmt(host.spec.cores),
                    ram: fmt(used.ram, 1),
                    total: fmt(host.spec.ramGb),
                  })}</span
                >
              </summary>
              <host-picture
                .host=${host}
                .cards=${race.cards}
                .names=${names}
                .events=${race.events}
                .struck=${this.struck}
              ></host-picture>
            </details>`
          : nothing
      }
      ${
        pickCard && host
          ? html`<deploy-picker
              .card=${pickCard}
              .host=${host}
              .cards=${race.cards}
              ?busy=${this.busy}
              .owners=${this.owners(view)}
              .me=${you.playerId}
              @cancel=${() => this.closePicker('button')}
              @deploy=${(e: CustomEvent<DeployDetail>) => {
                this.closePicker('card');
                this.emit('deploy-card', e.detail);
              }}
            ></deploy-picker>`
          : nothing
      }
    `;
  }

  /**
   * What the last deployment earned and why, in brief: the first reason, the others one tap away (the cards come
   * first).
   */
  private raceWhys(whys: Why[]) {
    const [first, ...rest] = whys;
    return html`<div class="feedback race-why" role="status">
      ${
        rest.length
          ? html`<details>
              <summary>
                <span class="clamp">${whyText(first!)}</span
                ><span class="more">${t('player.race.moreWhy', { n: rest.length })}</span>
              </summary>
              ${whyCite(first!)}
              <ul class="whys">
                ${rest.map((w) => html`<li>${whyLine(w)}</li>`)}
              </ul>
            </details>`
          : html`<p>${whyLine(first!)}</p>`
      }
    </div>`;
  }

  /** Closes the picker and gives focus back to the card it was opened from. */
  private closePicker(to: 'button' | 'card'): void {
    this.refocus = this.picking ? { cardId: this.picking, to } : null;
    this.picking = null;
  }

  private standings(view: GameView, final: boolean) {
    const you = this.you;
    return html`<div class="center" role="status">
        ${
          final
            ? html`<p class="big">
                ${t('player.gameOver', { rank: this.standing().rank, score: fmt(you?.score ?? 0) })}
              </p>`
            : html`<p class="big">${t('player.yourRank', this.standing())}</p>
                <p>${t('player.waitNext')}</p>`
        }
      </div>
      ${
        !final && this.bills.length
          ? this.bills.map(
              (b) => html`<cloud-bill .bill=${b.bill} .best=${b.best} .heading=${billHeading(b)}></cloud-bill>`,
            )
          : nothing
      }
      ${final ? html`<podium-stand .rows=${boardRows(view)}></podium-stand>` : nothing}
      ${
        this.whys().length
          ? html`<ul class="whys">
              ${this.whys().map((w) => html`<li>${whyLine(w)}</li>`)}
            </ul>`
          : nothing
      }`;
  }

  override updated(): void {
    // The picker (a modal dialog) moves focus into itself; once it closes, focus goes back to the card.
    if (this.refocus) {
      const { cardId, to } = this.refocus;
      this.refocus = null;
      this.renderRoot.querySelector('race-cards')?.focusCard(cardId, to);
    }
  }

  override render() {
    const view = this.view;
    if (!view) return html`<p role="status">${t('common.loading')}</p>`;
    if (this.you?.removed) return html`<p class="center error" role="alert">${t('player.removed')}</p>`;
    const body = byPhase(
      view,
      {
        lobby: (v) => this.lobby(v),
        question: (v) => this.question(v),
        reveal: (v) => this.reveal(v),
        race: (v) => this.race(v),
        podium: (v) => this.standings(v, true),
      },
      (v) => this.standings(v, false),
    );
    return html`<div data-phase=${view.phase} data-key=${`${view.phase}:${view.step}`}>
      ${this.header()}${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}${body}
    </div>`;
  }
}
customElements.define('play-screen', PlayScreen);
declare global {
  interface HTMLElementTagNameMap {
    'play-screen': PlayScreen;
  }
}
