// The cloud bill a player (or its team) gets after each race, with the best-known plan's beside it.
// Read defensively from the server's `player:bill` / `host:bills` messages: a bill is the engine's `Bill`.
import type { Bill } from '../../../shared/engine/index.js';

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
