// Picks the answer component for a question's type.
import { html, LitElement } from 'lit';
import type { PublicQuestion } from '../../../shared/engine/types.js';
import './answer-choices.js';
import './answer-ordering.js';
import './answer-matching.js';
import './answer-numeric.js';

export class QuestionAnswer extends LitElement {
  static override properties = { question: { attribute: false }, disabled: { type: Boolean } };
  question: PublicQuestion | null = null;
  disabled = false;
  override render() {
    const q = this.question;
    if (!q) return null;
    switch (q.type) {
      case 'ordering':
        return html`<answer-ordering .question=${q} ?disabled=${this.disabled}></answer-ordering>`;
      case 'matching':
        return html`<answer-matching .question=${q} ?disabled=${this.disabled}></answer-matching>`;
      case 'numeric':
        return html`<answer-numeric .question=${q} ?disabled=${this.disabled}></answer-numeric>`;
      default:
        return html`<answer-choices .question=${q} ?disabled=${this.disabled}></answer-choices>`;
    }
  }
}
customElements.define('question-answer', QuestionAnswer);
declare global {
  interface HTMLElementTagNameMap {
    'question-answer': QuestionAnswer;
  }
}
