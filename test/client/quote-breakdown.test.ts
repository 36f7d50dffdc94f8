// The deploy picker's arithmetic in words (client/src/lib/quote-breakdown.ts): every figure it prints is the engine's.
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '../../client/src/i18n/index.js';
import { breakdownLines } from '../../client/src/lib/quote-breakdown.js';
import { quoteOnHost } from '../../shared/engine/race/quote.js';
import { card, LINUX_SERVER } from '../../shared/engine/testing/fixtures.js';

afterEach(() => setLang('en'));

describe('the quote in words', () => {
  it('says how efficiency, isolation and points were reached, in both languages', () => {
    const untrusted = card('plugins', { trust: 'untrusted' });
    const q = quoteOnHost({ spec: LINUX_SERVER, deployments: [], cards: {} }, untrusted, {
      kind: 'container',
      placement: 'on-prem',
    });
    setLang('en');
    const en = breakdownLines(q);
    expect(en.isolation).toContain(`Isolation ${q.isolation} = boundary of Container`);
    expect(en.isolation).toContain('− untrusted code on a shared kernel');
    expect(en.efficiency).toMatch(new RegExp(`^Efficiency ${q.efficiency} = resources \\d+ × 30% \\+ performance`));
    expect(en.points).toBe(
      `Points ${q.points} = 500 × (efficiency ${q.efficiency} × 30% + isolation ${q.isolation} × 70%) ÷ 100`,
    );
    // The printed isolation steps add up to the printed score.
    const steps = [...en.isolation.matchAll(/(?:Container |[−+] [a-z ]+ )(\d+)/g)].map(
      (m, i) => (i === 0 ? 1 : m[0].startsWith('−') ? -1 : 1) * Number(m[1]),
    );
    expect(
      Math.max(
        0,
        steps.reduce((s, x) => s + x, 0),
      ),
    ).toBe(q.isolation);
    setLang('ko');
    const ko = breakdownLines(q);
    expect(ko.isolation).toContain(`격리 ${q.isolation} =`);
    expect(ko.isolation).toContain('신뢰할 수 없는 코드와 커널 공유');
    expect(ko.points).toContain(`점수 ${q.points} = 500 ×`);
  });
});
