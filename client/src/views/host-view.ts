// The projector view: lobby with the big room code, join link and QR; questions with countdown and answered count;
// answer distribution and explanation; the race host picture; leaderboard; podium and the report link.
import { html, css, nothing } from 'lit';
import type { GameView } from '../../../shared/engine/types.js';
import { visibleTopFor } from '../../../shared/engine/board-limit.js';
import { ActionView } from './action-view.js';
import { baseStyles } from '../theme/shared-styles.js';
import { answerStyles } from '../components/answer-style.js';
import { t } from '../i18n/index.js';
import { SessionController } from '../session/session-controller.js';
import { SoundCues } from '../audio/controller.js';
import { errorText } from '../lib/errors.js';
import { teamLabel } from '../lib/labels.js';
import { api } from '../lib/api.js';
import { isLoopbackHost, joinOrigin, type JoinOrigins } from '../../../shared/protocol/join-origin.js';
import { navigate } from '../router.js';
import {
  billHeading,
  boardRows,
  byPhase,
  correctText,
  distributionLabels,
  ownerId,
  playerNames,
  teamRows,
} from '../lib/view-helpers.js';
import '../components/conn-banner.js';
import '../components/qr-code.js';
import '../components/projector-question.js';
import { ROSTER_CHIPS } from '../components/lobby-roster.js';
import { findPlayers } from '../lib/find-players.js';
import '../components/count-down.js';
import '../components/leader-board.js';
import '../components/podium-stand.js';
import '../components/host-picture.js';
import '../components/answer-distribution.js';
import '../components/cloud-bill.js';
import '../components/team-parts.js';
import '../components/race-events.js';
import { signed } from '../components/host-picture.js';
import { raceGains } from '../lib/race-gains.js';

const FACTORS = [1, 1.5, 2] as const;
/** The rows the room is shown between rounds, by the host's leaderboard option (the engine's rule); undefined: none. */
const boardLimit = (view: GameView): number | undefined => visibleTopFor(view.leaderboard, false) || undefined;

export class HostView extends ActionView {
  static override properties = {
    code: { type: String },
    ready: { state: true },
    factors: { state: true },
    toolsOpen: { state: true },
    toolsQuery: { state: true },
    origins: { state: true },
  };
  static override styles = [
    baseStyles,
    answerStyles,
    css`
      /* 24 px on a 1920 px projector; --hr-room-min is the least any text the room reads may be (components use it). */
      :host {
        display: block;
        font-size: clamp(1rem, 1.35vw, 1.5rem);
        --hr-room-min: clamp(1rem, 1.35vw, 1.5rem);
      }
      .wrap {
        padding: clamp(1rem, 2.5vw, 2.2rem);
        max-width: 110rem;
        margin: 0 auto;
        width: 100%;
      }
      .bar {
        display: flex;
        justify-content: space-between;
        align-items: center;
        gap: 1rem;
        flex-wrap: wrap;
        margin-bottom: 1rem;
      }
      .controls {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
      .lobby {
        display: grid;
        grid-template-columns: minmax(0, 1.3fr) minmax(0, 1fr);
        gap: 1.5rem;
        align-items: start;
      }
      @media (max-width: 900px) {
        .lobby {
          grid-template-columns: 1fr;
        }
      }
      .codebox {
        text-align: center;
      }
      .code {
        font-size: var(--hr-fs-huge);
        font-weight: 900;
        letter-spacing: 0.12em;
        line-height: 1;
        font-variant-numeric: tabular-nums;
        color: var(--hr-brand);
      }
      .url {
        font-size: var(--hr-fs-big);
        font-weight: 700;
        word-break: break-all;
      }
      qr-code {
        width: min(20rem, 60vw);
        height: min(20rem, 60vw);
        border: 2px solid var(--hr-border);
      }
      .prompt {
        font-size: var(--hr-fs-big);
        font-weight: 800;
        margin: 0 0 1rem;
      }
      .answered {
        font-size: var(--hr-fs-big);
        font-weight: 800;
      }
      .explain {
        margin-top: 1.2rem;
        border-inline-start: 6px solid var(--hr-brand);
        padding-inline-start: 1rem;
      }
      /* The race at 1920x1080: picture | events and waiting cards | standings, all above the fold. */
      .race-head {
        margin-bottom: 0.6rem;
        --hr-ring: 4.6rem;
      }
      .race-head .prompt {
        margin: 0;
      }
      .race {
        display: grid;
        grid-template-columns: minmax(0, 1.75fr) minmax(0, 1fr) minmax(0, 0.85fr);
        gap: 1rem;
        align-items: start;
      }
      /* The result: the class bill needs the width its rows read in on one line. */
      .race.result {
        grid-template-columns: minmax(0, 1.25fr) minmax(0, 1.4fr) minmax(0, 0.8fr);
      }
      .standings {
        --hr-board-fs: 1em;
        --hr-board-rank: 2.6em;
        --hr-board-pad: 0.3rem 0.6rem;
      }
      .race .panel {
        padding: 0.7rem 0.9rem;
      }
      .race h2 {
        font-size: 1.15em;
        margin-bottom: 0.4rem;
      }
      @media (max-width: 1100px) {
        .race {
          grid-template-columns: 1fr;
        }
      }
      /* Several teams: their hosts side by side across the screen, the events and standings below. */
      .race.multi {
        grid-template-columns: minmax(0, 1.2fr) minmax(0, 1fr);
      }
      .race.multi .hosts {
        grid-column: 1 / -1;
        display: grid;
        gap: 1rem;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 34rem), 1fr));
        align-items: start;
      }
      .cards {
        list-style: none;
        padding: 0;
        margin: 0;
        display: grid;
        gap: 0.35rem;
      }
      .cards li {
        background: var(--hr-surface);
        border: 1px solid var(--hr-border);
        border-radius: var(--hr-radius-sm);
        padding: 0.25rem 0.6rem;
      }
      .cards .who {
        color: var(--hr-ink-soft);
        font-weight: 650;
        display: block;
      }
      .standings .hidden-board,
      .race .hidden-board {
        font-size: 1.15em;
      }
      .center {
        text-align: center;
      }
      .report {
        font-size: 1.3em;
        min-height: 60px;
      }
      .tools {
        margin-top: 1.2rem;
        font-size: 0.8em;
        padding: 0.3rem 1rem;
      }
      .boards {
        max-width: 60rem;
        margin: 0 auto;
        width: 100%;
      }
      .tools .toggle {
        font-weight: 750;
        min-height: 44px;
        padding-inline: 0.2rem;
      }
      .tools ul {
        list-style: none;
        margin: 0.5rem 0 0;
        padding: 0;
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(17rem, 1fr));
        gap: 0.4rem;
      }
      .tools li {
        display: flex;
        align-items: center;
        gap: 0.4rem;
        justify-content: space-between;
        border: 1px solid var(--hr-border);
        border-radius: var(--hr-radius-sm);
        padding: 0.25rem 0.5rem;
        background: var(--hr-surface);
      }
      .tools select {
        width: auto;
        min-height: 40px;
      }
      .layer {
        font-size: max(0.75em, var(--hr-room-min));
        font-weight: 700;
        background: var(--hr-surface-2);
        border-radius: 999px;
        padding: 0.05rem 0.5rem;
      }
      .bills {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(22rem, 1fr));
        gap: 1rem;
        margin-top: 1rem;
      }
      .hidden-board {
        text-align: center;
        padding: 2rem 1rem;
        font-size: var(--hr-fs-big);
        font-weight: 800;
      }
      .warn {
        background: var(--hr-warn-soft);
        color: var(--hr-warn);
        border-radius: var(--hr-radius-sm);
        padding: 0.5rem 0.8rem;
        font-weight: 650;
      }
      .paused {
        background: var(--hr-warn-soft);
        color: var(--hr-warn);
        font-weight: 800;
        padding: 0.3rem 0.8rem;
        border-radius: 999px;
      }
    `,
  ];
  code = '';
  private ready = false;
  /** Extended-time factors this host granted (the view does not carry them: only the player itself sees its own). */
  private factors: Record<string, number> = {};
  private toolsOpen = false;
  /** A large room's tools list shows the players found by name (ROSTER_CHIPS), not thousands of rows. */
  private toolsQuery = '';
  private readonly session = new SessionController(this);

  protected override screenKey(): string {
    const v = this.session.view;
    return v ? `${v.phase}:${v.step}` : '';
  }
  private readonly sound = new SoundCues(this, 'projector', () => ({
    view: this.session.view,
    offset: this.session.offset,
  }));
  /** Where phones can reach the server (null until known, or if the server cannot say). */
  private origins: JoinOrigins | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    api.joinOrigins().then(
      (origins) => (this.origins = origins),
      () => {},
    );
    void this.session
      .resumeHost(this.code)
      .then(() => (this.ready = true))
      .catch((err: unknown) => (this.error = errorText(err)));
  }

  private async control(command: Parameters<SessionController['control']>[0]): Promise<void> {
    await this.act(() => this.session.control(command));
  }

  private joinUrl(): string {
    const path = this.session.room?.joinPath ?? `/join/${this.code}`;
    return new URL(path, joinOrigin(this.origins, location)).toString();
  }

  private lobby(view: GameView) {
    const url = this.joinUrl();
    const players = view.players.filter((p) => !p.bot);
    return html`<div class="lobby">
      <section class="panel codebox" data-room="join">
        <p class="url">${t('host.joinAt', { url: url.replace(/^https?:\/\//, '').replace(/\/join\/\d+$/, '') })}</p>
        <p class="muted">${t('host.code')}</p>
        <p class="code" data-testid="room-code">${this.code}</p>
        <qr-code .value=${url} .label=${t('host.qr')}></qr-code>
        <p class="muted" style="word-break:break-all">${url}</p>
        ${isLoopbackHost(new URL(url).hostname) ? html`<p class="warn" role="note">${t('host.loopback')}</p>` : nothing}
      </section>
      <section class="panel" aria-live="polite" data-room="players">
        <h2>${t('host.players', { count: players.length })}</h2>
        <lobby-roster
          .players=${players}
          .teams=${view.mode === 'team' ? view.teams : []}
          @remove=${(e: CustomEvent<string>) => this.control({ command: 'remove', playerId: e.detail })}
        ></lobby-roster>
      </section>
    </div>`;
  }

  private question(view: GameView) {
    const q = view.question;
    if (!q) return nothing;
    const pq = q.question;
    const answered = this.session.tally?.questionId === pq.id ? this.session.tally.answered : q.answeredCount;
    const total = this.session.tally?.questionId === pq.id ? this.session.tally.total : view.players.length;
    return html`
      <div class="bar" data-room="question-head">
        <count-down
          big
          .endsAt=${q.openedAt + q.limitMs}
          .totalMs=${q.limitMs}
          .offset=${this.session.offset}
          ?paused=${view.paused}
        ></count-down>
        <span class="answered" role="status" data-testid="answered"
          >${t('host.answered', { count: answered, total })}</span
        >
      </div>
      <projector-question .question=${pq}></projector-question>
    `;
  }

  private reveal(view: GameView) {
    const q = view.question;
    if (!q) return nothing;
    const sol = q.solution;
    const labels = distributionLabels(q.question, t('q.true'), t('q.false'), t('player.correct'), t('player.wrong'));
    let correct: number[] = [];
    if (sol?.type === 'single') correct = [sol.correct];
    else if (sol?.type === 'multi') correct = sol.correct;
    else if (sol?.type === 'truefalse') correct = [sol.correct ? 0 : 1];
    else if (sol) correct = [0];
    return html`
      <h1 class="prompt">${q.question.prompt}</h1>
      ${
        q.distribution
          ? html`<answer-distribution
              .labels=${labels}
              .counts=${q.distribution}
              .correct=${correct}
            ></answer-distribution>`
          : nothing
      }
      ${
        sol
          ? html`<section class="explain">
              <h2>${t('host.correct')}: ${correctText(sol, q.question, t('q.true'), t('q.false'))}</h2>
              <p><strong>${t('host.explanation')}:</strong> ${sol.explanation}</p>
            </section>`
          : nothing
      }
    `;
  }

  /**
   * The race at projector scale: the host picture (its hardware above the fold at 1080 px), what each event did to
   * whom, the live standings (with this race's points) and the cards still waiting; when the race ends, the class's
   * bill takes the events' place and the events move below.
   */
  private race(view: GameView) {
    const race = view.race;
    if (!race) return nothing;
    const names = playerNames(view);
    const teamName = (owner: string) =>
      teamLabel(view.teams.find((tm) => tm.id === ownerId(owner))?.name ?? names[ownerId(owner)] ?? owner);
    const byCard = new Map(race.cards.map((c) => [c.id, c]));
    const hostIds = new Set(race.hosts.map((h) => h.id));
    const told = this.session.raceEvents.filter((e) => hostIds.has(e.hostId));
    const multi = race.hosts.length > 1;
    const result = view.phase === 'race-result';
    const bills = result ? this.session.bills : [];
    // Classroom: the class's bill beside the standings, each player's below; teams: every team's bill beside them.
    const [sideBills, moreBills] = view.mode === 'team' ? [bills, []] : [bills.slice(0, 1), bills.slice(1)];
    const events = html`<section class="panel" data-room="race-events">
      <h2>${t('race.events')}</h2>
      <race-events
        .told=${told}
        .schedule=${race.events}
        .names=${names}
        .cardTitles=${Object.fromEntries(race.cards.map((c) => [c.id, c.title]))}
        .hostNames=${multi ? Object.fromEntries(race.hosts.map((h) => [h.id, teamName(h.owner)])) : {}}
        .deployments=${Object.fromEntries(
          race.hosts.flatMap((h) => h.deployments.map((d) => [d.id, { cardId: d.cardId, playerId: d.playerId }])),
        )}
      ></race-events>
    </section>`;
    const waiting = race.hosts.flatMap((h) =>
      h.cards.filter((slot) => !slot.deploymentId).map((slot) => ({ h, slot })),
    );
    const total = race.hosts.reduce((n, h) => n + h.cards.length, 0);
    const cards = html`<section class="panel" data-room="race-cards">
      <h2>${t('race.waiting', { n: waiting.length, total })}</h2>
      ${
        waiting.length
          ? html`<ul class="cards">
              ${waiting.map(
                ({ h, slot }) =>
                  html`<li>
                    <strong>${byCard.get(slot.cardId)?.title ?? slot.cardId}</strong
                    >${multi ? html` <span class="who">· ${teamName(h.owner)}</span>` : nothing}
                    ${
                      slot.claimedBy
                        ? html` <span class="who"
                            >★ ${t('player.race.claimedBy', { name: names[slot.claimedBy] ?? '' })}</span
                          >`
                        : nothing
                    }
                  </li>`,
              )}
            </ul>`
          : html`<p>${t('race.allDeployed')}</p>`
      }
    </section>`;
    return html`
      <div class="bar race-head" data-room="race-head">
        <h1 class="prompt">${t('race.title', { title: race.scenario.title })}</h1>
        <count-down
          big
          .endsAt=${race.endsAt}
          .totalMs=${race.endsAt - race.startedAt}
          .offset=${this.session.offset}
          ?paused=${view.paused}
          .label=${t('race.timeLeft')}
        ></count-down>
      </div>
      <div class="race ${multi ? 'multi' : ''} ${sideBills.length && !multi ? 'result' : ''}">
        <div class="hosts" data-room="race-hosts">
          ${race.hosts.map(
            (h) =>
              html`<section class="panel">
                <host-picture
                  big
                  .now=${this.session.serverNow()}
                  .host=${h}
                  .cards=${race.cards}
                  .names=${names}
                  .events=${race.events}
                  .struck=${told.filter((s) => s.hostId === h.id)}
                  .heading=${h.owner === 'room' ? t('race.host') : t('race.hostOf', { owner: teamName(h.owner) })}
                ></host-picture>
                ${view.mode === 'team' ? html`<team-parts .view=${view} .host=${h}></team-parts>` : nothing}
              </section>`,
          )}
        </div>
        ${
          sideBills.length
            ? html`<div class="stack side-bills" data-room="race-bills">
                ${sideBills.map(
                  (b) => html`<cloud-bill .bill=${b.bill} .best=${b.best} .heading=${billHeading(b)}></cloud-bill>`,
                )}
              </div>`
            : events
        }
        <div class="stack">${this.raceStandings(view)}${result ? nothing : cards}</div>
      </div>
      ${sideBills.length ? events : nothing}
      ${
        moreBills.length
          ? html`<section class="bills" data-room="race-bills" aria-label=${t('bill.title')}>
              ${moreBills.map(
                (b) => html`<cloud-bill .bill=${b.bill} .best=${b.best} .heading=${billHeading(b)}></cloud-bill>`,
              )}
            </section>`
          : nothing
      }
    `;
  }

  /**
   * The race's standings, live: the host's leaderboard choice decides whether and how many; each row says what this
   * race brought.
   */
  private raceStandings(view: GameView) {
    const limit = boardLimit(view);
    const teams = view.mode === 'team' && view.leaderboard !== 'never';
    if (!limit && !teams) {
      return html`<p class="panel hidden-board" data-room="race-standings" data-testid="board-hidden">
        ${t(view.leaderboard === 'end' ? 'board.atEnd' : 'board.never')}
      </p>`;
    }
    const gains = raceGains(view);
    const gainOf = (ids: string[]) =>
      t('race.gain', { points: signed(ids.reduce((n, id) => n + (gains.get(id) ?? 0), 0)) });
    const rows = teams
      ? teamRows(view).map((r) => ({
          ...r,
          detail: gainOf(view.players.filter((p) => p.teamId === r.id).map((p) => p.id)),
        }))
      : boardRows(view).map((r) => ({ ...r, detail: gainOf([r.id]) }));
    return html`<section class="panel standings" data-room="race-standings" data-testid="race-standings">
      <leader-board
        .heading=${teams ? t('board.teams') : t('race.standings')}
        .rows=${rows}
        .limit=${teams ? rows.length : Math.min(limit ?? 5, 5)}
      ></leader-board>
    </section>`;
  }

  /** Between rounds the projector shows what the host chose: top 3/5/10, or nothing until the end, or never. */
  private board(view: GameView) {
    const limit = boardLimit(view);
    return html`<div class="stack boards" data-board=${view.leaderboard}>
      ${
        view.mode === 'team' && view.leaderboard !== 'never'
          ? html`<leader-board .heading=${t('board.teams')} .rows=${teamRows(view)}></leader-board>`
          : nothing
      }
      ${
        limit
          ? html`<leader-board
              .heading=${t('board.top', { n: limit })}
              .rows=${boardRows(view)}
              .limit=${limit}
            ></leader-board>`
          : html`<p class="panel hidden-board" data-testid="board-hidden">
              ${t(view.leaderboard === 'end' ? 'board.atEnd' : 'board.never')}
            </p>`
      }
    </div>`;
  }

  private async setFactor(playerId: string, factor: number): Promise<void> {
    const f = factor === 1.5 ? 1.5 : factor === 2 ? 2 : 1;
    await this.control({ command: 'time-factor', playerId, factor: f });
    if (!this.error) this.factors = { ...this.factors, [playerId]: f };
  }

  /** Host tools, folded away so the projector does not show who has extended time. */
  private tools(view: GameView) {
    const all = view.players.filter((p) => !p.bot);
    if (!all.length || view.phase === 'podium') return nothing;
    const large = all.length > ROSTER_CHIPS;
    const players = large ? findPlayers(all, this.toolsQuery, ROSTER_CHIPS).rows : all;
    return html`<section class="tools panel" data-open=${String(this.toolsOpen)}>
      <button
        class="ghost toggle"
        aria-expanded=${String(this.toolsOpen)}
        aria-controls="tools-list"
        @click=${() => (this.toolsOpen = !this.toolsOpen)}
      >
        ${this.toolsOpen ? '▾' : '▸'} ${t('host.tools', { count: all.length })}
      </button>
      ${
        this.toolsOpen
          ? html`<div id="tools-list">
              <p class="muted">${t('host.toolsHelp')}</p>
              ${
                large
                  ? html`<input
                      type="search"
                      aria-label=${t('host.find')}
                      placeholder=${t('host.findHint')}
                      .value=${this.toolsQuery}
                      @input=${(e: Event) => (this.toolsQuery = (e.target as HTMLInputElement).value)}
                    />`
                  : nothing
              }
              <ul>
                ${players.map(
                  (p) =>
                    html`<li data-player=${p.name}>
                      <span
                        >${p.name}${
                          p.layer ? html` <span class="layer">${t(`layer.${p.layer}`)}</span>` : nothing
                        }</span
                      >
                      <span>
                        ${
                          view.mode === 'team' && view.phase === 'lobby' && view.teams.length
                            ? html`<select
                                aria-label=${t('host.teamOf', { name: p.name })}
                                ?disabled=${this.busy}
                                @change=${(e: Event) =>
                                  this.control({
                                    command: 'move',
                                    playerId: p.id,
                                    teamId: (e.target as HTMLSelectElement).value,
                                  })}
                              >
                                ${view.teams.map(
                                  (tm) =>
                                    html`<option value=${tm.id} ?selected=${p.teamId === tm.id}>
                                      ${teamLabel(tm.name)}
                                    </option>`,
                                )}
                              </select>`
                            : nothing
                        }
                        <select
                          aria-label=${t('host.extendedTime', { name: p.name })}
                          ?disabled=${this.busy}
                          @change=${(e: Event) => this.setFactor(p.id, Number((e.target as HTMLSelectElement).value))}
                        >
                          ${FACTORS.map(
                            (f) =>
                              html`<option value=${f} ?selected=${(this.factors[p.id] ?? 1) === f}>
                                ${t('host.factor', { f })}
                              </option>`,
                          )}
                        </select>
                        <button
                          class="ghost"
                          aria-label=${t('host.remove', { name: p.name })}
                          @click=${() => this.control({ command: 'remove', playerId: p.id })}
                        >
                          ✕
                        </button>
                      </span>
                    </li>`,
                )}
              </ul>
            </div>`
          : nothing
      }
    </section>`;
  }

  private podium(view: GameView) {
    const gameId = this.session.podium?.gameId;
    return html`<div class="stack center">
      <h1>${t('board.podium')}</h1>
      <podium-stand .rows=${view.mode === 'team' ? teamRows(view) : boardRows(view)}></podium-stand>
      <div>
        ${
          gameId
            ? html`<a
                class="btn report"
                href="/report/${gameId}"
                @click=${(e: Event) => (e.preventDefault(), navigate(`/report/${gameId}`))}
                >${t('host.report')}</a
              >`
            : html`<p role="status">${t('common.loading')}</p>`
        }
      </div>
      ${
        view.leaderboard === 'never'
          ? nothing
          : html`<leader-board .rows=${boardRows(view)} .limit=${10} style="text-align:start"></leader-board>`
      }
    </div>`;
  }

  private controls(view: GameView) {
    const b = this.busy;
    const c = (label: string, command: Parameters<SessionController['control']>[0], cls = '') =>
      html`<button class=${cls} ?disabled=${b} @click=${() => this.control(command)}>${label}</button>`;
    const open = view.phase === 'question' || view.phase === 'race';
    return html`<div class="controls">
      ${
        view.phase === 'lobby'
          ? html`${c(
              view.lobbyLocked ? t('host.unlock') : t('host.lock'),
              { command: 'lock', locked: !view.lobbyLocked },
              'secondary',
            )}
            ${c(t('host.start'), { command: 'start' })}`
          : nothing
      }
      ${
        open
          ? html`${c(t('host.addTime'), { command: 'add-time', seconds: 10 }, 'secondary')}
            ${
              view.paused
                ? c(t('host.resume'), { command: 'resume' }, 'secondary')
                : c(t('host.pause'), { command: 'pause' }, 'secondary')
            }
            ${c(view.phase === 'race' ? t('host.endRace') : t('host.skip'), { command: 'next' })}`
          : nothing
      }
      ${
        view.phase === 'reveal' || view.phase === 'leaderboard' || view.phase === 'race-result'
          ? c(t('host.next'), { command: 'next' })
          : nothing
      }
      ${view.phase !== 'podium' && view.phase !== 'lobby' ? c(t('host.end'), { command: 'end' }, 'danger') : nothing}
    </div>`;
  }

  override render() {
    const s = this.session;
    const view = s.view;
    // One template for race and race-result, so the host pictures stay in place when the race ends.
    const race = (v: GameView) => this.race(v);
    const body = view
      ? byPhase(view, {
          lobby: (v) => this.lobby(v),
          question: (v) => this.question(v),
          reveal: (v) => this.reveal(v),
          race,
          'race-result': race,
          leaderboard: (v) => this.board(v),
          podium: (v) => this.podium(v),
        })
      : nothing;
    return html`
      <conn-banner .status=${s.status}></conn-banner>
      <div class="wrap" data-phase=${view?.phase ?? ''} data-key=${view ? `${view.phase}:${view.step}` : ''}>
        ${
          view
            ? html`<div class="bar">
                <span class="muted"
                  >${s.room?.packTitle ?? ''} · ${t('host.code')}
                  <strong>${this.code}</strong>
                  ${
                    view.step >= 0
                      ? html` · ${t('host.step', { step: view.step + 1, count: view.stepCount })}`
                      : nothing
                  }
                  ${view.paused ? html` <span class="paused">${t('host.paused')}</span>` : nothing}</span
                >
                ${this.controls(view)}
              </div>`
            : nothing
        }
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
        ${!view && !this.error ? html`<p role="status">${t('common.loading')}</p>` : nothing}
        ${!view && this.error ? html`<p>${t('host.notFound')}</p>` : nothing}
        <div class="body" data-room=${view?.phase ?? ''}>${body}</div>
        ${view ? this.tools(view) : nothing}
      </div>
    `;
  }
}
customElements.define('host-view', HostView);
declare global {
  interface HTMLElementTagNameMap {
    'host-view': HostView;
  }
}
