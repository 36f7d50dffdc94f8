// Points each player made in the current race: every deployment's total (its points at deploy, the final audit's
// change and what race events gave or took, all public in the view), summed per player. The same sum as the bills'
// "added to the score", so the standings, the bills and the score agree.
import type { GameView } from '../../../shared/engine/types.js';
import { deploymentTotal } from '../../../shared/engine/race/bill.js';

export function raceGains(view: GameView): Map<string, number> {
  const gains = new Map<string, number>();
  for (const h of view.race?.hosts ?? [])
    for (const d of h.deployments) gains.set(d.playerId, (gains.get(d.playerId) ?? 0) + deploymentTotal(d));
  return gains;
}
