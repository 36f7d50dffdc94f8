import { describe, expect, it } from 'vitest';
import { EMPTY_TABLE, TableWriter, entriesOf, getIn, sizeOf, withIn, type Table } from './table.js';

const ids = Array.from({ length: 500 }, (_, i) => `id-${i}-${(i * 7919).toString(36)}`);

describe('bucketed tables', () => {
  it('keeps every entry, finds each one, and never changes the input table', () => {
    let table: Table<number> = EMPTY_TABLE;
    const snapshots: string[] = [];
    for (const [i, id] of ids.entries()) {
      snapshots.push(JSON.stringify(table));
      const before = table;
      table = withIn(table, id, i);
      expect(JSON.stringify(before)).toBe(snapshots[i]);
    }
    expect(sizeOf(table)).toBe(ids.length);
    for (const [i, id] of ids.entries()) expect(getIn(table, id)).toBe(i);
    expect(getIn(table, 'nobody')).toBeUndefined();
    expect(new Set(entriesOf(table).map(([id]) => id))).toEqual(new Set(ids));
  });

  it('replaces an entry in place of adding a second one, and survives a JSON round trip', () => {
    let table: Table<string> = withIn(withIn(EMPTY_TABLE, 'a', 'one'), 'b', 'two');
    table = withIn(table, 'a', 'uno');
    expect(sizeOf(table)).toBe(2);
    const back = JSON.parse(JSON.stringify(table)) as Table<string>;
    expect(getIn(back, 'a')).toBe('uno');
    expect(getIn(back, 'b')).toBe('two');
  });

  it('a writer copies the index and each touched bucket once and shares the others', () => {
    let base: Table<number> = EMPTY_TABLE;
    for (const [i, id] of ids.entries()) base = withIn(base, id, i);
    const writer = new TableWriter(base);
    for (const id of ids.slice(0, 3)) writer.set(id, -1);
    writer.set(ids[0]!, -2);
    const out = writer.table;
    expect(out).not.toBe(base);
    expect(getIn(out, ids[0]!)).toBe(-2);
    expect(getIn(base, ids[0]!)).toBe(0);
    const touched = out.filter((bucket, i) => bucket !== base[i]).length;
    expect(touched).toBeGreaterThan(0);
    expect(touched).toBeLessThanOrEqual(3);
  });
});
