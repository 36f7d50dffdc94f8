// Every number the deploy picker shows has its why: the quote's breakdown adds up to its efficiency, its isolation
// and its points, for every kind and placement, alone on a host and beside a neighbour of another sensitivity.
import { describe, expect, it } from 'vitest';
import { DEPLOY_KINDS, PLACEMENTS, type DeployChoice, type WorkloadCard } from '../types.js';
import { quoteOnHost, type HostContext } from './quote.js';
import { card, LINUX_SERVER } from '../testing/fixtures.js';

const pub = card('pub', { sensitivity: 'public' });
const neighbour = {
  id: 'd1',
  cardId: 'pub',
  playerId: 'x',
  hostId: 'h',
  choice: { kind: 'container', placement: 'on-prem' } as DeployChoice,
  at: 0,
  readyAt: 0,
  cpu: 1,
  ramGb: 1,
  diskGb: 1,
  points: 0,
  auditPoints: 0,
  eventPoints: 0,
  down: false,
  layer: 'infrastructure' as const,
};
const hosts: HostContext[] = [
  { spec: LINUX_SERVER, deployments: [], cards: {} },
  { spec: LINUX_SERVER, deployments: [neighbour], cards: { pub } },
];
const cards: WorkloadCard[] = [card('plain'), card('untrusted', { trust: 'untrusted', sensitivity: 'confidential' })];

describe('the quote explains its own numbers', () => {
  it('efficiency, isolation and points add up from the breakdown', () => {
    let checked = 0;
    let steps = 0;
    for (const ctx of hosts)
      for (const c of cards)
        for (const placement of PLACEMENTS)
          for (const kind of DEPLOY_KINDS) {
            const q = quoteOnHost(ctx, c, { kind, placement });
            const b = q.breakdown;
            const parts = Object.values(b.efficiency);
            expect(parts.reduce((s, p) => s + p.weight, 0)).toBeCloseTo(1, 9);
            // Each part is shown rounded: the weighted sum is within rounding of the score.
            expect(Math.abs(parts.reduce((s, p) => s + p.score * p.weight, 0) - q.efficiency)).toBeLessThanOrEqual(1);
            expect(b.isolation[0]!.part).toBe('boundary');
            const iso = b.isolation.reduce((s, x) => s + x.delta, 0);
            expect(Math.max(0, Math.min(100, iso))).toBe(q.isolation);
            steps += b.isolation.length - 1;
            if (q.blockers.length === 0) {
              const w = b.isolationWeight;
              expect(Math.round((b.perCard * ((1 - w) * q.efficiency + w * q.isolation)) / 100)).toBe(q.points);
            }
            checked++;
          }
    expect(checked).toBe(hosts.length * cards.length * PLACEMENTS.length * DEPLOY_KINDS.length);
    // The penalties showed up somewhere (untrusted on a shared kernel, mixed sensitivity, noisy neighbours).
    expect(steps).toBeGreaterThan(10);
  });
});
