// The deployment picker offers, at each placement, the kinds the engine's rules allow there
// (client/src/lib/deploy-options.ts).
import { describe, expect, it } from 'vitest';
import { KINDS_AT } from '../../client/src/lib/deploy-options.js';

describe('the kinds offered at each placement', () => {
  it(
    'on-premise offers every kind (each then marked fitting or not for the ' +
      'host), containers under an orchestrator beside plain ones',
    () => {
      expect(KINDS_AT['on-prem']).toEqual([
        'traditional',
        'container',
        'orchestrated-container',
        'sandboxed-container',
        'microvm',
        'vm-full',
        'vm-para',
        'vm-type2',
      ]);
    },
  );
  it(
    'IaaS offers VMs and containers on them, not a traditional install, a ' +
      "Type 2 hypervisor, a microVM or the game's own orchestrator",
    () => {
      expect(KINDS_AT.iaas).toEqual(['container', 'sandboxed-container', 'vm-full', 'vm-para']);
    },
  );
  it('PaaS and SaaS offer no kind: the provider decides', () => {
    expect(KINDS_AT.paas).toEqual([]);
    expect(KINDS_AT.saas).toEqual([]);
  });
});
