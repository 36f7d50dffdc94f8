// Every built-in pack is a valid pack in the import/export format and survives export -> import unchanged.
import { describe, expect, it } from 'vitest';
import { BUILTIN_PACKS } from './builtin.js';
import { exportPack, parsePackJson } from './pack-io.js';
import { formatPackError, validatePack } from './validate.js';

describe('built-in packs in the pack format', () => {
  it('there are built-in packs', () => {
    expect(BUILTIN_PACKS.length).toBeGreaterThan(0);
  });

  it.each(BUILTIN_PACKS.map((p) => [p.meta.id, p] as const))('%s validates with no errors', (_id, pack) => {
    const r = validatePack(pack);
    expect(r.ok ? [] : r.errors.map(formatPackError)).toEqual([]);
  });

  it.each(BUILTIN_PACKS.map((p) => [p.meta.id, p] as const))(
    '%s round-trips through export and import',
    (_id, pack) => {
      const text = exportPack(pack);
      const r = parsePackJson(text);
      expect(r.ok ? [] : r.errors.map(formatPackError)).toEqual([]);
      if (!r.ok) return;
      expect(r.pack).toEqual(pack);
      expect(exportPack(r.pack)).toBe(text);
      expect(new TextEncoder().encode(text).length).toBeLessThan(5 * 1024 * 1024);
    },
  );
});
