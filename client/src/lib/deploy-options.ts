// What a player chooses from in the deployment picker, read from the engine's rules (one source of truth).
import type { DeployKind, HostSpec, Placement, WorkloadCard } from '../../../shared/engine/types.js';
import { DEPLOY_KINDS, PLACEMENTS } from '../../../shared/engine/types.js';
import { ruleBlockers } from '../../../shared/engine/race/rules.js';

/** PaaS and SaaS leave the kind to the provider (the engine records it as 'container'). */
export const OFF_SERVICE: readonly Placement[] = ['paas', 'saas'];

/**
 * The kinds offered at each placement: a kind is offered where some host lets the most accommodating card run that
 * way. So IaaS (rented VMs) offers no traditional install, Type 2 hypervisor or microVM, and on-premise offers all,
 * each then marked fitting or not for the card and host at hand (containers under an orchestrator on premises only).
 * PaaS and SaaS offer none: nothing to choose.
 */
const rank = (kind: DeployKind): number =>
  kind === 'orchestrated-container' ? DEPLOY_KINDS.indexOf('container') + 0.5 : DEPLOY_KINDS.indexOf(kind);

export const KINDS_AT: Readonly<Record<Placement, readonly DeployKind[]>> = (() => {
  const card: WorkloadCard = {
    id: 'probe',
    title: '',
    description: '',
    topic: 'virtualization',
    cpu: 0,
    ramGb: 0,
    diskGb: 0,
    guestOs: 'linux',
    trust: 'trusted',
    sensitivity: 'public',
    residency: 'any',
    traffic: 'steady',
    profile: 'cpu',
    startDeadlineS: 1e9,
    needsCustomKernel: false,
    modifiableKernel: true,
    needsOsControl: false,
    saasAvailable: true,
  };
  const hosts: HostSpec[] = (['server', 'desktop'] as const).flatMap((machine) =>
    (['linux', 'windows'] as const).map((os) => ({ cores: 1, ramGb: 1, diskGb: 1, os, machine })),
  );
  const out = {} as Record<Placement, readonly DeployKind[]>;
  // Containers under an orchestrator are listed beside plain containers, the choice they are an option of.
  const order = [...DEPLOY_KINDS].sort((a, b) => rank(a) - rank(b));
  for (const placement of PLACEMENTS)
    out[placement] = OFF_SERVICE.includes(placement)
      ? []
      : order.filter((kind) => hosts.some((h) => ruleBlockers(card, h, { kind, placement }).length === 0));
  return out;
})();
