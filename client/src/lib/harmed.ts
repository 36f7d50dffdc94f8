// Which deployments the race's events harmed, for the host picture's "exposed ⚠" mark: only those an event took
// points from. A cloud workload rewarded for surviving a hardware failure was named by the event but not harmed.
import type { RaceEventEffect } from '../../../shared/engine/types.js';

export function harmedIds(struck: ReadonlyArray<{ affected: string[]; effects?: RaceEventEffect[] }>): Set<string> {
  const ids = new Set<string>();
  for (const s of struck) {
    // Events from servers older than per-player effects name only `affected`: all of them were charged then.
    if (!s.effects) for (const id of s.affected) ids.add(id);
    else for (const e of s.effects) if (e.delta < 0) ids.add(e.deploymentId);
  }
  return ids;
}
