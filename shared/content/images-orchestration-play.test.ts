// Images with shared layers and orchestration, played in the built-in scenarios (issue 14): one scenario where the
// orchestrator is the right answer for the bursty stateless tiers (s-tax-season, three nodes, two surges, a failed
// node) and one where it is not (s-small-office, one server, steady work), where shared layers decide a deadline.
import { describe, expect, it } from 'vitest';
import { bestPlan, raceStart, simulatePlan, simulatePlanState, type Plan } from '../engine/race/best-plan.js';
import { quoteOnHost } from '../engine/race/quote.js';
import { DOWNTIME_MIN } from '../engine/race/params.js';
import type { DeployChoice, DeployKind } from '../engine/types.js';
import type { GamePack } from './pack.js';
import { builtinPack } from './builtin.js';

const pack = builtinPack('daily-en') as GamePack;
const onPrem = (kind: DeployKind): DeployChoice => ({ kind, placement: 'on-prem' });
const card = (id: string) => pack.cards.find((c) => c.id === id)!;
/** The plan with every card of `ids` deployed as `kind` instead. */
const swap = (plan: Plan['choices'], ids: (id: string) => boolean, kind: DeployKind) =>
  plan.map((c) => (ids(c.cardId) ? { ...c, choice: onPrem(kind) } : c));

describe('s-tax-season: the orchestrator is the right answer for the bursty stateless tiers', () => {
  const id = 's-tax-season';
  const start = raceStart(pack, id, 'play');
  const plan = bestPlan(pack, id, 'play', 200, start);
  const bursty = (cardId: string) => card(cardId).traffic === 'bursty';

  it(
    'the best-known plan runs every bursty stateless tier under the ' + 'orchestrator, and the stateful database not',
    () => {
      for (const c of plan.choices)
        if (bursty(c.cardId)) expect(c.choice, c.cardId).toEqual(onPrem('orchestrated-container'));
      expect(plan.choices.find((c) => c.cardId === 'c-tax-db')!.choice?.kind).not.toBe('orchestrated-container');
    },
  );

  it('the same tiers as plain containers or microVMs (scaled by hand, down until the repair) score less', () => {
    for (const kind of ['container', 'microvm', 'vm-full'] as const)
      expect(simulatePlan(start, swap(plan.choices, bursty, kind)), kind).toBeLessThan(plan.score);
  });

  it(
    'after the node failure the orchestrated tiers were back in minutes; ' +
      'what else ran on that node waits for the repair',
    () => {
      const end = simulatePlanState(start, plan.choices);
      const deps = end.race!.hosts['player:planner']!.deployments;
      const hit = deps.filter((d) => (d.downtimeMin ?? 0) > 0);
      expect(hit.length).toBeGreaterThan(0);
      for (const d of hit)
        expect(d.downtimeMin, d.cardId).toBe(
          d.choice.kind === 'orchestrated-container' ? DOWNTIME_MIN.podReschedule : DOWNTIME_MIN.hardwareFailure,
        );
      expect(hit.some((d) => d.choice.kind === 'orchestrated-container')).toBe(true);
    },
  );
});

describe('s-small-office: one server and steady work, where the orchestrator is not worth it', () => {
  const id = 's-small-office';
  const start = raceStart(pack, id, 'play');
  const plan = bestPlan(pack, id, 'play', 200, start);

  it('the best-known plan orchestrates nothing', () => {
    for (const c of plan.choices) expect(c.choice?.kind, c.cardId).not.toBe('orchestrated-container');
  });

  it(
    'plain containers beat the same containers under an orchestrator: a ' +
      'control plane with nothing to scale and nowhere to fail over',
    () => {
      const containers = plan.choices.map((c) => ({ ...c, choice: onPrem('container') }));
      expect(
        simulatePlan(
          start,
          swap(containers, () => true, 'orchestrated-container'),
        ),
      ).toBeLessThan(simulatePlan(start, containers));
    },
  );

  it('the webhook meets its 3 s only as a second container on the base image the wiki already brought', () => {
    const wikiThen = (wiki: DeployKind) => {
      const end = simulatePlanState(start, [
        { cardId: 'c-office-wiki', choice: onPrem(wiki) },
        { cardId: 'c-office-webhook', choice: onPrem('container') },
      ]);
      const host = end.race!.hosts['player:planner']!;
      const hook = host.deployments.find((d) => d.cardId === 'c-office-webhook')!;
      const quote = quoteOnHost(
        {
          spec: host.spec,
          deployments: host.deployments,
          sharedFrom: host.deployments.filter((d) => d.cardId === 'c-office-wiki'),
          cards: Object.fromEntries(pack.cards.map((c) => [c.id, c])),
        },
        card('c-office-webhook'),
        onPrem('container'),
      );
      return { hook, quote };
    };
    const shared = wikiThen('container');
    const alone = wikiThen('vm-full');
    expect(shared.quote.meetsDeadline).toBe(true);
    expect(alone.quote.meetsDeadline).toBe(false);
    expect(shared.hook.diskGb).toBeLessThan(alone.hook.diskGb);
    expect(shared.hook.readyAt - shared.hook.at).toBeLessThan(alone.hook.readyAt - alone.hook.at);
    expect(shared.quote.why.some((w) => w.source === 'DL')).toBe(true);
  });
});
