// The workshop's look: a laptop layout (1366-1920 px) of a list of the pack's parts, the form, and the preview.
import { css } from 'lit';

export const workshopStyles = css`
  :host {
    display: block;
    padding: 1rem clamp(1rem, 2vw, 2rem) 2rem;
  }
  .top {
    display: flex;
    align-items: center;
    gap: 0.6rem 1rem;
    flex-wrap: wrap;
    margin-bottom: 1rem;
  }
  .top h1 {
    margin: 0;
    font-size: 1.5rem;
    flex: 1 1 16rem;
  }
  .status {
    font-weight: 650;
  }
  .cols {
    display: grid;
    grid-template-columns: minmax(13rem, 18rem) minmax(0, 1fr) 27.5rem;
    gap: 1rem;
    align-items: start;
  }
  .cols.wide {
    grid-template-columns: minmax(15rem, 19rem) 1fr;
  }
  nav.parts {
    display: grid;
    gap: 0.8rem;
    position: sticky;
    top: 0.5rem;
    max-height: calc(100vh - 1rem);
    overflow: auto;
  }
  nav.parts h2 {
    font-size: 1rem;
    margin: 0.3rem 0 0.2rem;
  }
  nav.parts ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.25rem;
  }
  nav.parts li button {
    width: 100%;
    justify-content: flex-start;
    text-align: start;
    background: var(--hr-surface);
    color: var(--hr-ink);
    border-color: var(--hr-border);
    font-weight: 550;
    min-height: 40px;
    padding: 0.35rem 0.6rem;
  }
  nav.parts li button[aria-current='true'] {
    border-color: var(--hr-brand);
    background: var(--hr-brand-soft);
  }
  .badge {
    margin-inline-start: auto;
    font-size: 0.8rem;
    font-weight: 800;
    border-radius: 999px;
    padding: 0 0.45rem;
    background: var(--hr-danger);
    color: #fff;
  }
  .tag {
    font-size: 0.78rem;
    font-weight: 750;
    border-radius: 4px;
    padding: 0 0.35rem;
    background: var(--hr-surface-2);
    color: var(--hr-ink);
  }
  .field {
    display: grid;
    gap: 0.25rem;
    margin-bottom: 0.7rem;
    min-width: 0;
  }
  .field input:not([type='checkbox']):not([type='radio']),
  .field select,
  .field textarea {
    width: 100%;
    min-width: 0;
    box-sizing: border-box;
  }
  .field.check {
    display: grid;
    grid-template-columns: auto 1fr;
    align-items: center;
    gap: 0.2rem 0.5rem;
  }
  .field.check .ferr {
    grid-column: 1 / -1;
  }
  .field.check input,
  .check input {
    width: 1.25rem;
    height: 1.25rem;
    min-height: 0;
  }
  .check {
    display: inline-flex;
    gap: 0.4rem;
    align-items: center;
    margin-inline-end: 1rem;
  }
  textarea {
    font: inherit;
    color: var(--hr-ink);
    background: var(--hr-surface);
    border: 2px solid var(--hr-border);
    border-radius: var(--hr-radius-sm);
    padding: 0.55rem 0.7rem;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-color: var(--hr-danger);
  }
  .ferr {
    color: var(--hr-danger);
    font-weight: 600;
    font-size: 0.92rem;
  }
  .ferr span {
    display: block;
  }
  .errs {
    color: var(--hr-danger);
    font-weight: 600;
    background: var(--hr-danger-soft);
    border-radius: var(--hr-radius-sm);
    padding: 0.5rem 0.8rem 0.5rem 1.8rem;
    margin: 0 0 0.8rem;
  }
  .with-unit {
    display: flex;
    align-items: center;
    gap: 0.35rem;
  }
  .with-unit input {
    width: 100%;
    min-width: 0;
  }
  .grid2,
  .grid3,
  .grid4 {
    display: grid;
    gap: 0 0.8rem;
  }
  .grid2 {
    grid-template-columns: repeat(2, minmax(0, 1fr));
  }
  .grid3 {
    grid-template-columns: repeat(3, minmax(0, 1fr));
  }
  .grid4 {
    grid-template-columns: repeat(4, minmax(0, 1fr));
  }
  fieldset {
    border: 1px solid var(--hr-border);
    border-radius: var(--hr-radius-sm);
    padding: 0.5rem 0.8rem 0.7rem;
    margin: 0 0 0.8rem;
    min-width: 0;
  }
  legend {
    font-weight: 750;
    padding: 0 0.3rem;
  }
  .optrow {
    display: flex;
    gap: 0.5rem;
    align-items: flex-start;
  }
  .optrow > .field {
    flex: 1;
    margin-bottom: 0.4rem;
  }
  .optrow > input[type='radio'],
  .optrow > input[type='checkbox'] {
    width: 1.4rem;
    height: 1.4rem;
    min-height: 0;
    margin-top: 0.75rem;
  }
  .optrow > .letter,
  .optrow > span[aria-hidden] {
    font-weight: 800;
    margin-top: 0.7rem;
    min-width: 1.2rem;
  }
  .rowbtns {
    display: inline-flex;
    gap: 0.25rem;
  }
  button.icon {
    min-width: 40px;
    min-height: 40px;
    padding: 0.2rem;
    background: var(--hr-surface);
    color: var(--hr-ink);
    border-color: var(--hr-border);
  }
  button.icon.danger {
    color: var(--hr-danger);
  }
  button.small {
    min-height: 40px;
    padding: 0.3rem 0.8rem;
  }
  .rounds h3 {
    margin-top: 0.8rem;
  }
  .roundlist {
    padding-inline-start: 0;
    list-style: none;
    display: grid;
    gap: 0.6rem;
  }
  .round {
    border: 1px solid var(--hr-border);
    border-radius: var(--hr-radius-sm);
    padding: 0.5rem 0.8rem;
  }
  .roundhead {
    display: flex;
    justify-content: space-between;
    align-items: center;
  }
  .qpick {
    display: flex;
    flex-wrap: wrap;
  }
  .side {
    display: grid;
    gap: 1rem;
    position: sticky;
    top: 0.5rem;
  }
  .quote table {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.92rem;
  }
  .quote th,
  .quote td {
    text-align: start;
    padding: 0.3rem 0.4rem;
    border-bottom: 1px solid var(--hr-border);
    vertical-align: top;
  }
  .quote tr.no {
    color: var(--hr-ink-soft);
  }
  .ok {
    color: var(--hr-ok);
    font-weight: 700;
  }
  .warn {
    color: var(--hr-warn);
    font-weight: 700;
  }
  .formhead {
    display: flex;
    justify-content: space-between;
    align-items: center;
    gap: 1rem;
  }
  .formhead h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  button.link {
    background: none;
    border: none;
    color: inherit;
    padding: 0.1rem 0;
    min-height: 0;
    min-width: 0;
    font-weight: 600;
    text-align: start;
    text-decoration: underline;
  }
  dialog {
    border: 1px solid var(--hr-border);
    border-radius: var(--hr-radius);
    padding: 1.2rem;
    max-width: 40rem;
  }
`;
