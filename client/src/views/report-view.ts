// A finished game's report: accuracy per curriculum topic (bar chart with numbers, as a table), most-missed
// questions, the per-player table, CSV download, and a step-by-step replay when the server offers the action log.
import { html, css, nothing } from 'lit';
import type { Action, DeployKind, GameConfig, Placement, TeamLayer, TopicId } from '../../../shared/engine/types.js';
import { LocalizedElement } from '../components/localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t, fmt, lang } from '../i18n/index.js';
import { hostKey } from '../session/tokens.js';
import { api } from '../lib/api.js';
import { errorText } from '../lib/errors.js';
import { kindLabel, placeLabel, playerLabel, topicLabel } from '../lib/labels.js';
import { billHeading } from '../lib/view-helpers.js';
import type { RaceBill } from '../../../shared/protocol/types.js';
import { billsCsv, storedBills } from '../session/bills.js';
import '../components/game-replay.js';
import '../components/cloud-bill.js';

/** The parts of the server's GameReport this view reads (server/reports/report.ts). */
interface Report {
  summary: {
    gameId: string;
    packTitle: string;
    mode: string;
    finishedAt: number;
    playerCount: number;
    questionCount: number;
    accuracy: number | null;
  };
  players: Array<{
    playerId: string;
    rank: number;
    name: string;
    team: string | null;
    score: number;
    bot: boolean;
    accuracy: number | null;
    answered: number;
  }>;
  topics: Array<{ topic: TopicId; questions: number; answers: number; accuracy: number | null }>;
  mostMissed: Array<{ questionId: string; topic: TopicId; prompt: string; answers: number; accuracy: number }>;
  /** Issue 8: the races' cloud bills, when the server's report carries them (read by `storedBills`: stored data). */
  bills?: unknown;
  /** Race decisions by layer of the shared responsibility model (server/reports/report.ts LayerDecisions). */
  decisions?: {
    byLayer?: Array<{
      layer: TeamLayer;
      count: number;
      points: number;
      decisions: Array<{
        playerId: string;
        name: string;
        cardTitle: string;
        kind: DeployKind | 'none';
        placement: Placement;
        points: number;
      }>;
    }>;
  };
  teams?: Array<{
    teamId: string;
    rank: number;
    score: number;
    members: Array<{ name: string; score: number; bot: boolean; share: number | null }>;
  }>;
}

interface ReplayLog {
  config: GameConfig;
  seed: string;
  actions: Action[];
}

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

export class ReportView extends LocalizedElement {
  static override properties = {
    gameId: { type: String },
    report: { state: true },
    log: { state: true },
    error: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: block;
      }
      .wrap {
        padding: clamp(1rem, 3vw, 2rem);
        max-width: 72rem;
        margin: 0 auto;
        width: 100%;
        display: grid;
        gap: 1.2rem;
      }
      table {
        width: 100%;
        border-collapse: collapse;
      }
      th,
      td {
        text-align: start;
        padding: 0.45rem 0.6rem;
        border-bottom: 1px solid var(--hr-border);
        vertical-align: middle;
      }
      th {
        font-weight: 750;
        background: var(--hr-surface-2);
      }
      td.num,
      th.num {
        text-align: end;
        font-variant-numeric: tabular-nums;
      }
      .barcell {
        width: 45%;
      }
      .track {
        height: 1.2rem;
        background: var(--hr-surface-2);
        border-radius: 4px;
        overflow: hidden;
        border: 1px solid var(--hr-border);
      }
      .fill {
        display: block;
        height: 100%;
        background: var(--hr-brand);
      }
      .fill.low {
        background: var(--hr-danger);
      }
      .head {
        display: flex;
        justify-content: space-between;
        gap: 1rem;
        flex-wrap: wrap;
        align-items: center;
      }
      .bills {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(20rem, 1fr));
        gap: 1rem;
        margin-top: 0.8rem;
      }
      ol {
        margin: 0;
        padding-inline-start: 1.4rem;
        display: grid;
        gap: 0.4rem;
      }
    `,
  ];
  gameId = '';
  private report: Report | null = null;
  private log: ReplayLog | null = null;
  private error = '';

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private async load(): Promise<void> {
    try {
      const body = await api.report<{ report: Report }>(this.gameId, hostKey());
      this.report = body.report;
    } catch (err) {
      this.error = errorText(err);
      return;
    }
    // The replay needs the game's config, seed and action log; shown only when the server provides them.
    try {
      const res = await fetch(`/api/games/${encodeURIComponent(this.gameId)}/replay`, {
        headers: { 'x-host-key': hostKey() },
      });
      const body = res.ok ? ((await res.json()) as Partial<ReplayLog>) : null;
      if (body?.config && body.seed && Array.isArray(body.actions)) this.log = body as ReplayLog;
    } catch {
      this.log = null;
    }
  }

  private bills(): RaceBill[] {
    return storedBills(this.report?.bills);
  }

  private downloadBills(): void {
    this.save(
      new Blob([billsCsv(this.bills())], { type: 'text/csv;charset=utf-8' }),
      `hostrush-${this.gameId}-bills.csv`,
    );
  }

  private save(blob: Blob, name: string): void {
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  private async downloadCsv(): Promise<void> {
    try {
      const blob = await api.reportCsv(`${this.gameId}`, hostKey(), lang());
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `hostrush-${this.gameId}.csv`;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (err) {
      this.error = errorText(err);
    }
  }

  override render() {
    if (this.error)
      return html`<div class="wrap">
        <p class="error" role="alert">${this.error}</p>
        <p>${t('report.noKey')}</p>
      </div>`;
    const r = this.report;
    if (!r) return html`<div class="wrap"><p role="status">${t('common.loading')}</p></div>`;
    return html`<div class="wrap">
      <section class="panel head">
        <div>
          <h1>${t('report.title')}: ${r.summary.packTitle}</h1>
          <p class="muted">
            ${new Date(r.summary.finishedAt).toLocaleString(lang())} ·
            ${t('host.players', { count: r.summary.playerCount })} · ${t('report.accuracy')} ${pct(r.summary.accuracy)}
          </p>
        </div>
        <button data-testid="report-csv" @click=${this.downloadCsv}>↓ ${t('report.csv')}</button>
      </section>
      <section class="panel" aria-labelledby="topics-h">
        <h2 id="topics-h">${t('report.topics')}</h2>
        ${
          r.topics.length
            ? html`<table>
                <thead>
                  <tr>
                    <th scope="col">${t('report.topic')}</th>
                    <th scope="col" class="barcell"><span class="sr-only">${t('report.accuracy')}</span></th>
                    <th scope="col" class="num">${t('report.accuracy')}</th>
                    <th scope="col" class="num">${t('report.answers')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${r.topics.map(
                    (tp) =>
                      html`<tr>
                        <th scope="row">${topicLabel(tp.topic)}</th>
                        <td class="barcell">
                          <div class="track" aria-hidden="true">
                            <span
                              class="fill ${tp.accuracy !== null && tp.accuracy < 0.5 ? 'low' : ''}"
                              style="width:${Math.round((tp.accuracy ?? 0) * 100)}%"
                            ></span>
                          </div>
                        </td>
                        <td class="num">${pct(tp.accuracy)}</td>
                        <td class="num">${fmt(tp.answers)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
            : html`<p class="muted">${t('report.empty')}</p>`
        }
      </section>
      <section class="panel" aria-labelledby="missed-h">
        <h2 id="missed-h">${t('report.missed')}</h2>
        ${
          r.mostMissed.length
            ? html`<ol>
                ${r.mostMissed.map(
                  (q) =>
                    html`<li>
                      <strong>${q.prompt}</strong> — ${t('report.missedRow', { pct: Math.round(q.accuracy * 100) })}
                      <span class="muted">(${topicLabel(q.topic)})</span>
                    </li>`,
                )}
              </ol>`
            : html`<p class="muted">${t('report.empty')}</p>`
        }
      </section>
      <section class="panel" aria-labelledby="players-h">
        <h2 id="players-h">${t('report.players')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col" class="num">${t('common.rank')}</th>
              <th scope="col">${t('common.player')}</th>
              <th scope="col" class="num">${t('common.score')}</th>
              <th scope="col" class="num">${t('report.accuracy')}</th>
              <th scope="col" class="num">${t('report.answers')}</th>
            </tr>
          </thead>
          <tbody>
            ${r.players.map(
              (p) =>
                html`<tr>
                  <td class="num">${p.rank}</td>
                  <td>${playerLabel(p)}</td>
                  <td class="num">${fmt(p.score)}</td>
                  <td class="num">${pct(p.accuracy)}</td>
                  <td class="num">${p.answered}</td>
                </tr>`,
            )}
          </tbody>
        </table>
      </section>
      ${
        this.bills().length
          ? html`<section class="panel" aria-labelledby="bills-h">
              <div class="head">
                <h2 id="bills-h">${t('report.bills')}</h2>
                <button class="secondary" data-testid="bills-csv" @click=${this.downloadBills}>
                  ↓ ${t('bill.download')}
                </button>
              </div>
              <div class="bills">
                ${this.bills().map(
                  (b, _, all) =>
                    html`<cloud-bill
                      .bill=${b.bill}
                      .best=${b.best}
                      .heading=${billHeading(
                        b,
                        all.some((x) => x.scenarioId !== b.scenarioId),
                      )}
                    ></cloud-bill>`,
                )}
              </div>
            </section>`
          : nothing
      }
      ${
        r.teams?.length
          ? html`<section class="panel" aria-labelledby="teams-h">
              <h2 id="teams-h">${t('board.teams')}</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col" class="num">${t('common.rank')}</th>
                    <th scope="col">${t('team.members')}</th>
                    <th scope="col" class="num">${t('common.score')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${r.teams.map(
                    (tm) =>
                      html`<tr>
                        <td class="num">${tm.rank}</td>
                        <td>
                          ${tm.members.map(
                            (m, i) =>
                              html`${i ? ', ' : ''}${playerLabel(m)}${
                                m.share !== null ? html` <span class="muted">(${pct(m.share)})</span>` : nothing
                              }`,
                          )}
                        </td>
                        <td class="num">${fmt(tm.score)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </section>`
          : nothing
      }
      ${
        r.decisions?.byLayer?.some((l) => l.count > 0)
          ? html`<section class="panel" aria-labelledby="layers-h">
              <h2 id="layers-h">${t('report.layers')}</h2>
              <table>
                <thead>
                  <tr>
                    <th scope="col">${t('report.layer')}</th>
                    <th scope="col">${t('report.decisionList')}</th>
                    <th scope="col" class="num">${t('report.decisions')}</th>
                    <th scope="col" class="num">${t('common.score')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${r.decisions.byLayer.map(
                    (l) =>
                      html`<tr>
                        <th scope="row">${t(`layer.${l.layer}`)}</th>
                        <td>
                          ${
                            l.decisions.length
                              ? l.decisions.map(
                                  (d, i) =>
                                    html`${i ? html`<br />` : nothing}${t('report.decisionRow', {
                                      name: d.name,
                                      card: d.cardTitle,
                                      kind: d.kind === 'none' ? placeLabel(d.placement) : kindLabel(d.kind),
                                      placement: placeLabel(d.placement),
                                    })}`,
                                )
                              : html`<span class="muted">—</span>`
                          }
                        </td>
                        <td class="num">${fmt(l.count)}</td>
                        <td class="num">${fmt(l.points)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>
            </section>`
          : nothing
      }
      ${
        this.log
          ? html`<section class="panel">
              <h2>${t('report.replay')}</h2>
              <game-replay .config=${this.log.config} .seed=${this.log.seed} .actions=${this.log.actions}></game-replay>
            </section>`
          : nothing
      }
    </div>`;
  }
}
customElements.define('report-view', ReportView);
declare global {
  interface HTMLElementTagNameMap {
    'report-view': ReportView;
  }
}
