// Styles every component shares: buttons, form fields, panels, focus and reduced motion.
import { css } from 'lit';

export const baseStyles = css`
  :host {
    font-family: var(--hr-font);
    color: var(--hr-ink);
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  :focus-visible {
    outline: 3px solid var(--hr-focus);
    outline-offset: 3px;
  }
  h1,
  h2,
  h3 {
    line-height: 1.2;
    margin: 0 0 0.6rem;
  }
  p {
    margin: 0 0 0.6rem;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip: rect(0, 0, 0, 0);
    white-space: nowrap;
    border: 0;
  }
  button,
  .btn {
    font: inherit;
    font-weight: 650;
    cursor: pointer;
    border-radius: var(--hr-radius-sm);
    border: 2px solid var(--hr-brand);
    background: var(--hr-brand);
    color: var(--hr-brand-ink);
    padding: 0.6rem 1.1rem;
    min-height: 44px;
    min-width: 44px;
    text-decoration: none;
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.4rem;
    transition:
      transform var(--hr-motion),
      background var(--hr-motion);
  }
  button:hover:not(:disabled),
  .btn:hover {
    filter: brightness(1.08);
  }
  button:active:not(:disabled) {
    transform: translateY(1px);
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.55;
  }
  button.secondary,
  .btn.secondary {
    background: var(--hr-surface);
    color: var(--hr-brand);
  }
  button.danger {
    background: var(--hr-danger);
    border-color: var(--hr-danger);
    color: #fff;
  }
  button.ghost {
    background: transparent;
    border-color: transparent;
    color: var(--hr-ink);
  }
  label {
    font-weight: 600;
  }
  input,
  select {
    font: inherit;
    color: var(--hr-ink);
    background: var(--hr-surface);
    border: 2px solid var(--hr-border);
    border-radius: var(--hr-radius-sm);
    padding: 0.55rem 0.7rem;
    min-height: 44px;
  }
  input:focus-visible,
  select:focus-visible {
    border-color: var(--hr-focus);
  }
  .panel {
    background: var(--hr-surface);
    border-radius: var(--hr-radius);
    box-shadow: var(--hr-shadow);
    padding: clamp(1rem, 2.5vw, 1.6rem);
    border: 1px solid var(--hr-border);
  }
  .muted {
    color: var(--hr-ink-soft);
  }
  .error {
    color: var(--hr-danger);
    font-weight: 600;
  }
  .row {
    display: flex;
    gap: 0.6rem;
    flex-wrap: wrap;
    align-items: center;
  }
  .stack {
    display: grid;
    gap: var(--hr-gap);
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
