// The "every card is deployable somewhere" check, with the engine's legalChoices replaced by a stricter rule set:
// under the real rules every card can at least run on-premise in a VM (vm-full on a server, vm-type2 on a desktop),
// so no real card is undeployable today; this file checks the validator's logic if the rules ever make one so.
import { describe, expect, it, vi } from 'vitest';
import type { DeployChoice, HostSpec, WorkloadCard } from '../engine/types.js';
import { smallPack } from '../../test/fixtures/packs/small-pack.js';

const calls: { card: string; host: HostSpec }[] = [];
vi.mock('../engine/index.js', () => ({
  // Stricter test rules: a Windows card runs only on a Windows host, and never off the premises.
  legalChoices: (card: WorkloadCard, host: HostSpec): DeployChoice[] => {
    calls.push({ card: card.id, host });
    if (card.guestOs === 'windows' && host.os !== 'windows') return [];
    return [{ kind: 'vm-full', placement: 'on-prem' }];
  },
}));

const { validatePack } = await import('./validate.js');

describe('validatePack: undeployable cards (mocked rules)', () => {
  it('accepts the fixture when its Windows card is in a Windows scenario', () => {
    const p = smallPack();
    p.scenarios[1]!.host.os = 'windows';
    p.scenarios[0]!.deck = ['c-web', 'c-grader'];
    expect(validatePack(p).ok).toBe(true);
  });

  it('rejects a card that no host of its scenarios can run, naming the scenarios', () => {
    const p = smallPack(); // c-erp (Windows) is in s-server and s-laptop, both Linux
    expect(validatePack(p)).toEqual({
      ok: false,
      errors: [
        {
          path: 'cards[1]',
          message:
            'card "c-erp" cannot be deployed on the host of any scenario that uses it ("s-server", "s-laptop"): ' +
            'no deploy kind and placement is allowed for it',
        },
      ],
    });
  });

  it('checks a card that is in no scenario against a Linux and a Windows server', () => {
    const p = smallPack();
    p.scenarios[0]!.deck = ['c-web', 'c-grader'];
    p.scenarios[1]!.deck = ['c-web'];
    calls.length = 0;
    expect(validatePack(p).ok).toBe(true); // the Windows server host can run it
    expect(calls.filter((c) => c.card === 'c-erp').map((c) => `${c.host.os}/${c.host.machine}`)).toEqual([
      'linux/server',
      'windows/server',
    ]);
  });
});
