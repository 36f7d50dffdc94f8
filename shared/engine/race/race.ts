// Provisioning races: start, claim, deploy, events, and the final audit with the final neighbours.
import { reject, type Draft } from '../draft.js';
import { activePlayerIds } from '../steps.js';
import type { DeployChoice, RaceHost, RaceState, Scenario, TeamLayer, WorkloadCard } from '../types.js';
import { EVENT_KINDS } from '../types.js';
import { fireEvent, recoverDue } from './events.js';
import { cardIndex, quoteOnHost, type HostContext } from './quote.js';
import { playerOf } from '../players.js';

export function scenarioById(d: Draft, id: string): Scenario | undefined {
  return d.s.config.content.scenarios.find((s) => s.id === id);
}

/** Which race host a player deploys to: the room's, its team's, or its own (solo). */
export function hostIdFor(d: { s: Draft['s'] }, playerId: string): string {
  const mode = d.s.config.mode;
  if (mode === 'classroom') return 'room';
  if (mode === 'team') return `team:${playerOf(d.s, playerId)?.teamId ?? 'none'}`;
  return `player:${playerId}`;
}

export function startRace(d: Draft, scenarioId: string, at: number): void {
  const scenario = scenarioById(d, scenarioId);
  if (!scenario) reject('action/malformed', `The pack has no scenario '${scenarioId}'.`);
  const cards = cardIndex(d.s);
  const owners =
    d.s.config.mode === 'classroom'
      ? ['room']
      : d.s.config.mode === 'team'
        ? Object.keys(d.s.teams).map((t) => `team:${t}`)
        : activePlayerIds(d.s).map((p) => `player:${p}`);
  const spread = (scenario.lengthS * 0.6) / Math.max(1, scenario.deck.length);
  const hosts: Record<string, RaceHost> = {};
  for (const id of owners) {
    hosts[id] = {
      id,
      owner: id,
      spec: scenario.host,
      cards: scenario.deck.map((cardId, i) => ({
        cardId,
        arrivesAt: at + Math.round(1000 * (cards[cardId]?.arrivesAtS ?? i * spread)),
        claimedBy: null,
        deploymentId: null,
      })),
      deployments: [],
    };
  }
  const events = scenario.events.map((e) => ({ kind: e.kind, at: at + e.atS * 1000, fired: false }));
  for (let i = 0; i < scenario.randomEvents; i++) {
    const kind = d.rng.pick(EVENT_KINDS);
    const frac = 0.2 + 0.7 * d.rng.float();
    events.push({ kind, at: at + Math.round(scenario.lengthS * 1000 * frac), fired: false });
  }
  events.sort((a, b) => a.at - b.at);
  const race: RaceState = {
    scenarioId,
    startedAt: at,
    endsAt: at + scenario.lengthS * 1000,
    hosts,
    events,
    nextDeploymentId: 1,
  };
  d.setRace(race);
  d.s.phase = 'race';
}

function slotFor(d: Draft, playerId: string, cardId: string, at: number) {
  const race = d.s.race!;
  const hostId = hostIdFor(d, playerId);
  const host = Object.hasOwn(race.hosts, hostId) ? race.hosts[hostId] : undefined;
  if (!host) reject('action/forbidden', 'You have no host in this race.');
  const index = host.cards.findIndex((c) => c.cardId === cardId);
  if (index < 0) reject('card/unknown', `There is no card '${cardId}' on your host.`);
  const slot = host.cards[index]!;
  if (slot.arrivesAt > at) reject('card/not-arrived', 'That card has not arrived yet.');
  if (slot.deploymentId) reject('card/deployed', 'That card is already deployed.');
  if (slot.claimedBy && slot.claimedBy !== playerId) reject('card/claimed', 'Another player has claimed that card.');
  return { hostId, index };
}

export function claimCard(d: Draft, playerId: string, cardId: string, at: number, claim: boolean): void {
  requireRace(d);
  const { hostId, index } = slotFor(d, playerId, cardId, at);
  const slot = d.race().hosts[hostId]!.cards[index]!;
  if (!claim && slot.claimedBy !== playerId) reject('card/claimed', 'You have not claimed that card.');
  slot.claimedBy = claim ? playerId : null;
  d.emit({ type: 'card-claimed', hostId, cardId, playerId: slot.claimedBy });
}

export function contextOf(d: { s: Draft['s'] }, host: RaceHost): HostContext {
  return { spec: host.spec, deployments: host.deployments, cards: cardIndex(d.s) };
}

/**
 * Shared responsibility: the lowest layer the customer still manages decides who deploys. On-premise the
 * customer runs the infrastructure; on IaaS the provider does and the customer's lowest layer is the OS;
 * on PaaS and SaaS only the application (and its data) is left to the customer.
 */
export function layerOf(choice: DeployChoice): TeamLayer {
  return choice.placement === 'on-prem' ? 'infrastructure' : choice.placement === 'iaas' ? 'os-runtime' : 'application';
}

/** In a team game with roles, only the owner of a layer acts on it (anyone may while nobody owns it). */
function checkLayer(d: Draft, playerId: string, layer: TeamLayer): void {
  if (d.s.config.mode !== 'team' || !d.s.config.teamRoles) return;
  const me = playerOf(d.s, playerId)!;
  const owner = d.s.playerOrder
    .map((id) => playerOf(d.s, id)!)
    .find((p) => p.teamId === me.teamId && p.layer === layer && !p.removed);
  if (owner && owner.id !== playerId)
    reject('team/not-your-layer', `The ${layer} layer belongs to ${owner.name} in your team.`);
}

export function deployCard(d: Draft, playerId: string, cardId: string, choice: DeployChoice, at: number): void {
  requireRace(d);
  const { hostId, index } = slotFor(d, playerId, cardId, at);
  checkLayer(d, playerId, layerOf(choice));
  const host = d.s.race!.hosts[hostId]!;
  const card = cardIndex(d.s)[cardId] as WorkloadCard;
  const quote = quoteOnHost(contextOf(d, host), card, choice);
  if (!quote.allowed) reject('deploy/not-allowed', quote.blockers.map((b) => b.en).join(' '));
  if (!quote.fits) reject('deploy/no-capacity', quote.blockers.map((b) => b.en).join(' '));
  const race = d.race();
  const deployment = {
    id: `d${race.nextDeploymentId++}`,
    cardId,
    playerId,
    hostId,
    choice: quote.choice,
    at,
    readyAt: at + quote.startGameMs,
    cpu: quote.cpu,
    ramGb: quote.ramGb,
    diskGb: quote.diskGb,
    points: quote.points,
    auditPoints: 0,
    eventPoints: 0,
    down: false,
    layer: layerOf(quote.choice),
  };
  const h = race.hosts[hostId]!;
  h.deployments.push(deployment);
  h.cards[index]!.deploymentId = deployment.id;
  h.cards[index]!.claimedBy = playerId;
  d.emit({ type: 'deployed', hostId, deployment });
  d.addScore(playerId, quote.points, quote.why);
}

function requireRace(d: Draft): void {
  if (d.s.phase !== 'race' || !d.s.race) reject('action/wrong-phase', 'No race is running.');
}

/** Fire every event due by `at`, in time order, bringing back before each one what was due back by then. */
export function fireDueEvents(d: Draft, at: number): void {
  const race = d.s.race;
  if (!race || d.s.phase !== 'race') return;
  race.events.forEach((e, i) => {
    if (e.fired || e.at > at) return;
    recoverDue(d, e.at);
    const r = d.race();
    r.events[i]!.fired = true;
    for (const hostId of Object.keys(r.hosts)) fireEvent(d, hostId, e.kind, e.at);
  });
  recoverDue(d, at);
}

/**
 * End of race: re-score every deployment against its final neighbours (a workload deployed early must
 * still answer for who moved in beside it), then show the results.
 */
export function endRace(d: Draft): void {
  const race = d.race();
  for (const host of Object.values(race.hosts)) {
    for (const dep of host.deployments) {
      const others = host.deployments.filter((x) => x.id !== dep.id);
      const card = cardIndex(d.s)[dep.cardId]!;
      // Image layers and the control plane: only what was on the host before it counts as found there.
      const sharedFrom = host.deployments.slice(0, host.deployments.indexOf(dep));
      const final = quoteOnHost({ ...contextOf(d, host), deployments: others, sharedFrom }, card, dep.choice);
      const delta = final.points - dep.points;
      if (delta !== 0) {
        dep.points = final.points;
        dep.auditPoints += delta;
        d.addScore(dep.playerId, delta, [
          {
            topic: 'choosing',
            ko: `최종 점검 결과 ${card.title} ${delta > 0 ? '+' : ''}${delta}점. 마지막에 함께 놓인 워크로드를 반영했습니다.`,
            en:
              `Final audit (${card.title}): ${delta > 0 ? '+' : ''}${delta} points for ` +
              `the neighbours it ended up with.`,
          },
          ...final.why.filter((w) => w.source === '190' || w.source === 'CVE1'),
        ]);
      }
    }
  }
  d.s.phase = 'race-result';
}
