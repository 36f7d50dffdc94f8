import { describe, expect, it } from 'vitest';
import { findPlayers } from '../../client/src/lib/find-players.js';

const players = ['Bot 1', 'Ada', 'bob', 'Rob', '보람', 'Ｂｏｎｏ', 'Abo'].map((name, i) => ({ id: `p${i}`, name }));

describe('findPlayers (the host lobby search of a large room)', () => {
  it('finds any part of a name, case and width folded, names that start with the query first', () => {
    const found = findPlayers(players, 'BO', 10);
    expect(found.rows.map((p) => p.name)).toEqual(['Bot 1', 'bob', 'Ｂｏｎｏ', 'Abo']);
    expect(found.total).toBe(4);
  });

  it('finds Korean names', () => {
    expect(findPlayers(players, '보', 10).rows.map((p) => p.id)).toEqual(['p4']);
  });

  it('shows at most `limit` matches and says how many matched', () => {
    const found = findPlayers(players, 'b', 2);
    expect(found.rows).toHaveLength(2);
    expect(found.total).toBe(5);
  });

  it('an empty or blank query finds nobody', () => {
    expect(findPlayers(players, '  ', 10)).toEqual({ rows: [], total: 0 });
    expect(findPlayers(players, 'zz', 10)).toEqual({ rows: [], total: 0 });
  });
});
