// The debrief as a cloud bill: what a player's (or team's) race reserved, used, cost and lost, with the
// best-known plan's bill beside it.
import { raceStart, bestPlan, simulatePlanState } from './best-plan.js';
import { cardIndex, quoteOnHost } from './quote.js';
import { contextOf } from './race.js';
import type { Deployment, GameContent, GameState } from '../types.js';

export interface Bill {
  deployments: number;
  reserved: { cpu: number; ramGb: number; diskGb: number };
  used: { cpu: number; ramGb: number; diskGb: number };
  /** Off-premise services, cost units per hour (see params COST). */
  offPremCostPerHour: number;
  onPremCostPerHour: number;
  opsHoursPerMonth: number;
  /** Real-world minutes the race's events kept these deployments down (from the state: Deployment.downtimeMin). */
  downtimeMinutes: number;
  /** Points the deployments earned when deployed (the quotes). */
  deployPoints: number;
  /** Points race events gave or took. */
  eventPoints: number;
  /** The final audit's change (the neighbours each deployment ended up with). */
  auditPoints: number;
  /** deployPoints + eventPoints + auditPoints: exactly what the race added to the owner's score. */
  points: number;
}

/** What one deployment added to its owner's score over the race: its points after the audit, plus the events'. */
export function deploymentTotal(dep: Pick<Deployment, 'points' | 'eventPoints'>): number {
  return dep.points + dep.eventPoints;
}

const r2 = (x: number) => Math.round(x * 100) / 100;

/** The bill of one race host's deployments, optionally only those of one player. */
export function billOf(state: GameState, hostId: string, playerId?: string): Bill {
  const race = state.race!;
  const host = race.hosts[hostId]!;
  const cards = cardIndex(state);
  const mine = host.deployments.filter((d) => playerId === undefined || d.playerId === playerId);
  const bill: Bill = {
    deployments: mine.length,
    reserved: { cpu: 0, ramGb: 0, diskGb: 0 },
    used: { cpu: 0, ramGb: 0, diskGb: 0 },
    offPremCostPerHour: 0,
    onPremCostPerHour: 0,
    opsHoursPerMonth: 0,
    downtimeMinutes: 0,
    deployPoints: 0,
    eventPoints: 0,
    auditPoints: 0,
    points: 0,
  };
  for (const dep of mine) {
    const card = cards[dep.cardId]!;
    const others: Deployment[] = host.deployments.filter((x) => x.id !== dep.id);
    const sharedFrom = host.deployments.slice(0, host.deployments.indexOf(dep));
    const q = quoteOnHost({ ...contextOf({ s: state }, host), deployments: others, sharedFrom }, card, dep.choice);
    bill.reserved.cpu += dep.cpu;
    bill.reserved.ramGb += dep.ramGb;
    bill.reserved.diskGb += dep.diskGb;
    if (dep.choice.placement === 'on-prem') {
      bill.used.cpu += card.cpu;
      bill.used.ramGb += card.ramGb;
      bill.used.diskGb += card.diskGb;
      bill.onPremCostPerHour += q.costPerHour;
    } else bill.offPremCostPerHour += q.costPerHour;
    bill.opsHoursPerMonth += q.opsHoursPerMonth;
    bill.deployPoints += dep.points - dep.auditPoints;
    bill.eventPoints += dep.eventPoints;
    bill.auditPoints += dep.auditPoints;
    bill.points += deploymentTotal(dep);
    bill.downtimeMinutes += dep.downtimeMin ?? 0;
  }
  bill.downtimeMinutes = r2(bill.downtimeMinutes);
  for (const k of ['cpu', 'ramGb', 'diskGb'] as const) {
    bill.reserved[k] = r2(bill.reserved[k]);
    bill.used[k] = r2(bill.used[k]);
  }
  bill.offPremCostPerHour = r2(bill.offPremCostPerHour);
  bill.onPremCostPerHour = r2(bill.onPremCostPerHour);
  bill.opsHoursPerMonth = r2(bill.opsHoursPerMonth);
  return bill;
}

/** The best-known plan's bill for a scenario (one planner deploying every card). */
export function bestPlanBill(
  content: GameContent,
  scenarioId: string,
  seed: string,
  budget = 300,
): Bill & { score: number } {
  const start = raceStart(content, scenarioId, seed);
  const plan = bestPlan(content, scenarioId, seed, budget, start);
  return { ...billOf(simulatePlanState(start, plan.choices), 'player:planner'), score: plan.score };
}

/** The best-known plan's bill for the race being played, against the events it actually has. */
export function bestPlanBillForRace(state: GameState, budget = 300): (Bill & { score: number }) | null {
  const race = state.race;
  if (!race) return null;
  const start = raceStart(state.config.content, race.scenarioId, state.seed, race.events, race.startedAt);
  const plan = bestPlan(state.config.content, race.scenarioId, state.seed, budget, start);
  return { ...billOf(simulatePlanState(start, plan.choices), 'player:planner'), score: plan.score };
}
