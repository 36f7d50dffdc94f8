// The answer looks (a question has up to six options): colour AND shape AND letter, so nothing is told by colour alone.
import { css } from 'lit';

export const ANSWER_LOOKS = [
  { letter: 'A', shape: '▲', cls: 'a' },
  { letter: 'B', shape: '◆', cls: 'b' },
  { letter: 'C', shape: '●', cls: 'c' },
  { letter: 'D', shape: '■', cls: 'd' },
  { letter: 'E', shape: '★', cls: 'e' },
  { letter: 'F', shape: '⬢', cls: 'f' },
] as const;

export function answerLook(index: number) {
  return ANSWER_LOOKS[index % ANSWER_LOOKS.length] ?? ANSWER_LOOKS[0];
}

export const answerStyles = css`
  .ans {
    display: flex;
    align-items: center;
    gap: 0.8rem;
    text-align: start;
    width: 100%;
    min-height: 64px;
    padding: 0.8rem 1rem;
    border-radius: var(--hr-radius);
    border: 3px solid transparent;
    font-size: 1.15rem;
    font-weight: 650;
    box-shadow: 0 3px 0 rgba(0, 0, 0, 0.25);
  }
  .ans .shape {
    font-size: 1.6rem;
    line-height: 1;
    width: 1.8rem;
    text-align: center;
    flex: none;
  }
  .ans .letter {
    flex: none;
    font-weight: 800;
    border-radius: 6px;
    padding: 0.1rem 0.45rem;
    background: rgba(255, 255, 255, 0.9);
    color: var(--hr-ink);
  }
  .ans .text {
    flex: 1;
  }
  .ans.a {
    background: var(--hr-a);
    color: var(--hr-a-ink);
    border-color: var(--hr-a);
  }
  .ans.b {
    background: var(--hr-b);
    color: var(--hr-b-ink);
    border-color: var(--hr-b);
  }
  .ans.c {
    background: var(--hr-c);
    color: var(--hr-c-ink);
    border-color: var(--hr-c);
  }
  .ans.d {
    background: var(--hr-d);
    color: var(--hr-d-ink);
    border-color: var(--hr-d);
  }
  .ans.e {
    background: var(--hr-e);
    color: var(--hr-e-ink);
    border-color: var(--hr-e);
  }
  .ans.f {
    background: var(--hr-f);
    color: var(--hr-f-ink);
    border-color: var(--hr-f);
  }
  .ans[aria-pressed='true'] {
    border-color: var(--hr-ink);
    outline: 4px solid var(--hr-surface);
    outline-offset: -7px;
  }
  .ans[aria-pressed='true'] .text::after {
    content: ' ✓';
  }
  /* Focus: a dark ring outside (clear on the light page) over a white one (clear on every answer colour, blue too). */
  .ans:focus-visible {
    outline: 4px solid var(--hr-ink);
    outline-offset: 3px;
    box-shadow:
      0 0 0 3px var(--hr-surface),
      inset 0 0 0 3px var(--hr-surface);
  }
  .ans.dim {
    opacity: 0.45;
  }
`;

/**
 * The button that sends a multi-part answer (multiple select, ordering, matching, numeric): it stays in reach at the
 * bottom of a phone's screen while the options scroll above it.
 */
export const submitStyles = css`
  .submit {
    margin-top: 1rem;
    width: 100%;
    min-height: 56px;
    font-size: 1.2rem;
    position: sticky;
    bottom: max(0.5rem, env(safe-area-inset-bottom));
    z-index: 2;
    box-shadow: 0 0 0 0.4rem var(--hr-bg);
  }
`;
