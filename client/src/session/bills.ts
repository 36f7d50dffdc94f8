// The cloud bill a player (or its team) gets after each race, with the best-known plan's beside it.
// Read defensively from the server's `player:bill` / `host:bills` messages: a bill is the engine's `Bill`.
import type { Bill } from '../../../shared/engine/index.js';
import { toCsv } from '../../../shared/csv/index.js';

export interface RaceBill {
  /** Whose bill: a player id, a team id, or 'room'. */
  owner: string;
  /** Display name when the server gives one. */
  name: string;
  scenarioId: string;
  scenarioTitle: string;
  /** 'class' for the class's shared host in classroom mode. */
  kind: string;
  bill: Bill;
  best: (Bill & { score?: number }) | null;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function asBill(x: unknown): Bill | null {
  if (!isObj(x) || !isObj(x.reserved) || !isObj(x.used) || typeof x.points !== 'number') return null;
  return x as unknown as Bill;
}

function one(x: unknown): RaceBill | null {
  if (!isObj(x)) return null;
  const bill = asBill(x.bill) ?? asBill(x.mine) ?? asBill(x);
  if (!bill) return null;
  const bestRaw = x.best ?? x.bestPlan ?? x.bestBill;
  const str = (...keys: string[]) => {
    for (const k of keys) if (typeof x[k] === 'string') return x[k] as string;
    return '';
  };
  const owner = isObj(x.owner) ? x.owner : null;
  return {
    owner: owner && typeof owner.id === 'string' ? owner.id : str('owner', 'playerId', 'teamId', 'hostId'),
    name: owner && typeof owner.name === 'string' ? owner.name : str('name', 'ownerName', 'teamName', 'playerName'),
    scenarioId: str('scenarioId'),
    scenarioTitle: str('scenarioTitle'),
    kind: owner && typeof owner.kind === 'string' ? owner.kind : '',
    bill,
    best: asBill(bestRaw) as RaceBill['best'],
  };
}

/** One bill (`player:bill`), a list, or `{ bills: [...], best }` (`host:bills`). */
export function parseBills(payload: unknown): RaceBill[] {
  const list = Array.isArray(payload) ? payload : isObj(payload) && Array.isArray(payload.bills) ? payload.bills : [payload];
  const sharedBest = isObj(payload) && !Array.isArray(payload) ? asBill(payload.best) : null;
  return list
    .map(one)
    .filter((b): b is RaceBill => b !== null)
    .map((b) => (b.best ? b : { ...b, best: sharedBest as RaceBill['best'] }));
}

const BILL_COLUMNS = ['race', 'owner', 'deployments', 'cpu used', 'cpu reserved', 'ram used', 'ram reserved', 'disk used', 'disk reserved',
  'off-prem cost/h', 'on-prem cost/h', 'ops h/month', 'downtime min', 'points', 'best points'] as const;

/**
 * The report page's "Download the cloud bills (CSV)": written by the project's one CSV writer (shared/csv), so a
 * player's name or a scenario title such as `=HYPERLINK(...)` is text in a spreadsheet, never a live formula.
 */
export function billsCsv(bills: readonly RaceBill[]): string {
  return toCsv([
    BILL_COLUMNS,
    ...bills.map((b) => {
      const x = b.bill;
      return [b.scenarioTitle, b.name || b.owner, x.deployments, x.used.cpu, x.reserved.cpu, x.used.ramGb, x.reserved.ramGb, x.used.diskGb,
        x.reserved.diskGb, x.offPremCostPerHour, x.onPremCostPerHour, x.opsHoursPerMonth, x.downtimeMinutes, x.points,
        b.best ? (b.best.score ?? b.best.points) : null];
    }),
  ]);
}
