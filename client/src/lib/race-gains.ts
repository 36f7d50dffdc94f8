// Points each player made in the current race, from what the screen can see: every deployment's points (public in
// the view, re-scored at the race's end) plus every race event's effects. Only when the screen saw every event
// (not after a reload mid-race): a figure that might not add up is not shown.
import type { GameView, RaceEventEffect } from '../../../shared/engine/types.js';

export function raceGains(view: GameView, told: Array<{ hostId: string; effects?: RaceEventEffect[] }>): Map<string, number> | null {
  const race = view.race;
  if (!race) return null;
  const hostIds = new Set(race.hosts.map((h) => h.id));
  const mine = told.filter((e) => hostIds.has(e.hostId));
  const fired = race.events.filter((e) => e.fired).length;
  if (mine.length < fired * race.hosts.length || mine.some((e) => !e.effects)) return null;
  const gains = new Map<string, number>();
  const add = (id: string, n: number) => gains.set(id, (gains.get(id) ?? 0) + n);
  for (const h of race.hosts) for (const d of h.deployments) add(d.playerId, d.points);
  for (const e of mine) for (const x of e.effects ?? []) add(x.playerId, x.delta);
  return gains;
}
