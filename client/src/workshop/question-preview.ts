// A question as the phone (390 px) and the projector will show it, before saving: the engine opens it in a one-question
// game and the very components of the game render its views (play-screen on the phone, projector-question).
import { html, css, nothing } from 'lit';
import { createGame, next } from '../../../shared/engine/reducer.js';
import { viewFor } from '../../../shared/engine/view.js';
import { DEFAULT_SCORING } from '../../../shared/engine/quiz/scoring.js';
import { questionSchema } from '../../../shared/content/schema.js';
import type { GameView, Question } from '../../../shared/engine/types.js';
import type { YouMessage } from '../../../shared/protocol/types.js';
import { LocalizedElement } from '../components/localized-element.js';
import { baseStyles } from '../theme/shared-styles.js';
import { t } from '../i18n/index.js';
import { filled } from './draft.js';
import '../components/play-screen.js';
import '../components/projector-question.js';

const PREVIEW = 'preview';

export function previewView(raw: Question, now: number): GameView | null {
  const parsed = questionSchema.safeParse(filled(raw));
  if (!parsed.success) return null;
  const q = parsed.data;
  const system = { role: 'system' as const };
  let state = createGame(
    {
      mode: 'classroom',
      content: { questions: [q], cards: [], scenarios: [] },
      rounds: [{ kind: 'quiz', questionIds: [q.id] }],
      scoring: DEFAULT_SCORING,
      teamCount: 0,
      lateJoin: false,
      lateJoinScore: 'zero',
      leaderboard: 'never',
      showQuestionOnDevices: true,
      teamRoles: false,
    },
    `preview-${q.id}`,
  );
  try {
    state = next(state, {
      type: 'join',
      actor: system,
      at: now,
      playerId: PREVIEW,
      name: t('ws.preview.player'),
    }).state;
    state = next(state, { type: 'start', actor: { role: 'host' }, at: now }).state;
  } catch {
    return null;
  }
  return viewFor(state, { role: 'player', playerId: PREVIEW });
}

export class QuestionPreview extends LocalizedElement {
  static override properties = { question: { attribute: false } };
  static override styles = [
    baseStyles,
    css`
      :host {
        display: grid;
        gap: 0.8rem;
      }
      h3 {
        margin: 0;
        font-size: 1rem;
      }
      .phone {
        width: 390px;
        max-width: 100%;
        height: 560px;
        overflow: auto;
        border: 8px solid var(--hr-kernel);
        /* The phone's own fixed parts (the "more answers below" pill) stay inside the phone, as on a phone. */
        transform: translateZ(0);
        border-radius: 28px;
        padding: 0.8rem;
        background: var(--hr-bg);
        box-sizing: border-box;
      }
      /* The projector at its own size (1600x900, type as the host view sets it at 1920 px), scaled down to fit. */
      .projector {
        width: 390px;
        height: calc(390px * 9 / 16);
        overflow: hidden;
        border: 4px solid var(--hr-hw);
        border-radius: 6px;
        background: var(--hr-bg);
        box-sizing: border-box;
      }
      .stage {
        width: 1600px;
        height: 900px;
        padding: 2rem;
        transform: scale(calc(382 / 1600));
        transform-origin: 0 0;
        font-size: 24px;
        --hr-fs-big: 38px;
        --hr-room-min: 24px;
      }
    `,
  ];
  question: Question | null = null;

  override render() {
    if (!this.question) return nothing;
    const view = previewView(this.question, Date.now());
    if (!view?.question) return html`<p class="muted">${t('ws.preview.fixFirst')}</p>`;
    const you: YouMessage = {
      playerId: PREVIEW,
      name: t('ws.preview.player'),
      teamId: null,
      score: 0,
      streak: 0,
      rank: 1,
      playerCount: 1,
      timeFactor: 1,
      questionId: view.question.question.id,
      answer: null,
      changes: [],
      removed: false,
      layer: null,
      startsAtStep: 0,
    };
    return html`
      <h3 id="pv-phone">${t('ws.preview.phone')}</h3>
      <div class="phone" role="group" tabindex="0" aria-labelledby="pv-phone" data-testid="preview-phone">
        <play-screen .view=${view} .you=${you} .offset=${0}></play-screen>
      </div>
      <h3 id="pv-projector">${t('ws.preview.projector')}</h3>
      <div class="projector" role="group" tabindex="0" aria-labelledby="pv-projector" data-testid="preview-projector">
        <div class="stage"><projector-question .question=${view.question.question}></projector-question></div>
      </div>
    `;
  }
}
customElements.define('question-preview', QuestionPreview);
declare global {
  interface HTMLElementTagNameMap {
    'question-preview': QuestionPreview;
  }
}
