// The badge over a question whose points are not standard (pack field `points`): double points or none. The phone
// (play-screen), the projector (projector-question) and the workshop's preview all show it.
import { css, html, nothing } from 'lit';
import type { PublicQuestion } from '../../../shared/engine/types.js';
import { t } from '../i18n/index.js';

export function pointsBadge(pq: PublicQuestion) {
  if (pq.points === undefined) return nothing;
  const double = pq.points === 2;
  return html`<p class="points-badge ${double ? 'double' : 'none'}" data-testid="points-badge">
    ${double ? t('q.points.double') : t('q.points.none')}
  </p>`;
}

export const pointsBadgeStyles = css`
  .points-badge {
    display: inline-block;
    margin: 0 0 0.5rem;
    padding: 0.2rem 0.7rem;
    border-radius: var(--hr-radius-sm);
    font-weight: 800;
  }
  .points-badge.double {
    background: var(--hr-brand);
    color: var(--hr-brand-ink);
  }
  .points-badge.none {
    background: var(--hr-surface-2);
    color: var(--hr-ink);
  }
`;
