// The races' cloud bills of a finished game's report, and their CSV. Live bills arrive typed by the protocol
// (`player:bill`, `host:bills`, `game:sync`); a report's come from stored games (`GET /api/games/:id/report`),
// which no protocol schema checks on the way back: games stored by earlier versions may hold other shapes, so this
// reader takes what it can and gives the protocol's `RaceBill`.
import type { Bill } from '../../../shared/engine/index.js';
import type { RaceBill } from '../../../shared/protocol/types.js';
import { toCsv } from '../../../shared/csv/index.js';

type Owner = RaceBill['owner'];
const KINDS: ReadonlyArray<Owner['kind']> = ['player', 'team', 'class'];

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

function asBill(x: unknown): Bill | null {
  if (!isObj(x) || !isObj(x.reserved) || !isObj(x.used) || typeof x.points !== 'number') return null;
  return x as unknown as Bill;
}

/** A stored best-known plan without its score is worth its points (as the bill and the CSV always read it). */
function asBest(x: unknown): RaceBill['best'] {
  const best = asBill(x);
  if (!best || !isObj(x)) return null;
  return { ...best, score: typeof x.score === 'number' ? x.score : best.points };
}

function one(x: unknown): RaceBill | null {
  if (!isObj(x)) return null;
  const bill = asBill(x.bill) ?? asBill(x.mine) ?? asBill(x);
  if (!bill) return null;
  const str = (...keys: string[]) => {
    for (const k of keys) if (typeof x[k] === 'string') return x[k];
    return '';
  };
  const owner = isObj(x.owner) ? x.owner : null;
  const id = owner && typeof owner.id === 'string' ? owner.id : str('owner', 'playerId', 'teamId', 'hostId');
  const kind =
    KINDS.find((k) => owner?.kind === k) ??
    (id === 'room' ? 'class' : typeof x.teamId === 'string' ? 'team' : 'player');
  return {
    step: typeof x.step === 'number' ? x.step : 0,
    scenarioId: str('scenarioId'),
    scenarioTitle: str('scenarioTitle'),
    owner: {
      kind,
      id,
      name: owner && typeof owner.name === 'string' ? owner.name : str('name', 'ownerName', 'teamName', 'playerName'),
    },
    bill,
    best: asBest(x.best ?? x.bestPlan ?? x.bestBill),
  };
}

/** One race's bills: a list, `{ bills: [...], best }` (a `HostBills`) or a single bill. */
function raceBills(payload: unknown): RaceBill[] {
  const list = Array.isArray(payload)
    ? payload
    : isObj(payload) && Array.isArray(payload.bills)
      ? payload.bills
      : [payload];
  const sharedBest = isObj(payload) && !Array.isArray(payload) ? asBest(payload.best) : null;
  return list
    .map(one)
    .filter((b): b is RaceBill => b !== null)
    .map((b) => (b.best ? b : { ...b, best: sharedBest }));
}

/** A stored report's `bills`: a flat list of bills (today's reports) or one entry per race. */
export function storedBills(raw: unknown): RaceBill[] {
  if (!raw) return [];
  return Array.isArray(raw) ? raw.flatMap((r) => raceBills(r)) : raceBills(raw);
}

const BILL_COLUMNS = [
  'race',
  'owner',
  'deployments',
  'cpu used',
  'cpu reserved',
  'ram used',
  'ram reserved',
  'disk used',
  'disk reserved',
  'off-prem cost/h',
  'on-prem cost/h',
  'ops h/month',
  'downtime min',
  'points',
  'best points',
] as const;

/**
 * The report page's "Download the cloud bills (CSV)": written by the project's one CSV writer (shared/csv), so a
 * player's name or a scenario title such as `=HYPERLINK(...)` is text in a spreadsheet, never a live formula.
 */
export function billsCsv(bills: readonly RaceBill[]): string {
  return toCsv([
    BILL_COLUMNS,
    ...bills.map((b) => {
      const x = b.bill;
      return [
        b.scenarioTitle,
        b.owner.name || b.owner.id,
        x.deployments,
        x.used.cpu,
        x.reserved.cpu,
        x.used.ramGb,
        x.reserved.ramGb,
        x.used.diskGb,
        x.reserved.diskGb,
        x.offPremCostPerHour,
        x.onPremCostPerHour,
        x.opsHoursPerMonth,
        x.downtimeMinutes,
        x.points,
        b.best ? b.best.score : null,
      ];
    }),
  ]);
}
