// The two catalogs must say the same things: same keys (the Catalog type checks that) and the same parameters.
import { describe, expect, it } from 'vitest';
import { en } from '../../client/src/i18n/en.js';
import { ko } from '../../client/src/i18n/ko.js';

const params = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('have the same keys and the same parameters in ko and en', () => {
    expect(Object.keys(ko).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en) as Array<keyof typeof en>) {
      expect(params(ko[key]), key).toEqual(params(en[key]));
      expect(ko[key].trim().length, key).toBeGreaterThan(0);
    }
  });
});
