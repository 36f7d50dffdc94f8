// The workshop's SQL (migration 005: versions, soft delete, teacher admissions), written once for both adapters:
// `mark(n, json)` writes the n-th parameter (`?` in SQLite, `$n` or `$n::jsonb` in PostgreSQL); both bind the
// parameters in the same order.
import {
  PACK_UPDATE_COLUMNS,
  PACK_VERSION_COLUMNS,
  countLivePacksSql,
  listPackVersionsSql,
  packStateSql,
  packVersionSql,
  prunePackVersionsSql,
  purgeDeletedPacksSql,
} from './common.js';

export type Mark = (n: number, json?: boolean) => string;

export function workshopSql(m: Mark) {
  return {
    /** [cutoff] */
    purgeDeleted: purgeDeletedPacksSql(m(1)),
    /** [owner] -> n */
    countLive: countLivePacksSql(m(1)),
    /** packVersionValues */
    insertVersion:
      `INSERT INTO pack_versions (${PACK_VERSION_COLUMNS}) ` +
      `VALUES (${m(1)}, ${m(2)}, ${m(3)}, ${m(4)}, ${m(5)}, ${m(6, true)})`,
    /** [id] */
    state: packStateSql(m(1)),
    /** [id, version] -> pack */
    version: packVersionSql(m(1), m(2)),
    /** [id] -> version of a live pack */
    latest: `SELECT version FROM imported_packs WHERE id = ${m(1)} AND deleted_at IS NULL`,
    /** packUpdateValues, id */
    update:
      `UPDATE imported_packs SET ${PACK_UPDATE_COLUMNS.map((c, i) => `${c} = ${m(i + 1, c === 'pack')}`).join(', ')}` +
      ` WHERE id = ${m(PACK_UPDATE_COLUMNS.length + 1)}`,
    /** [id, lowest version kept] */
    pruneVersions: prunePackVersionsSql(m(1), m(2)),
    /** [id] */
    versions: listPackVersionsSql(m(1)),
    /** [at, id] */
    softDelete: `UPDATE imported_packs SET deleted_at = ${m(1)} WHERE id = ${m(2)} AND deleted_at IS NULL`,
    /** [id, deletedSince] -> owner_key_hash */
    deletedOwner:
      'SELECT owner_key_hash FROM imported_packs ' +
      `WHERE id = ${m(1)} AND deleted_at IS NOT NULL AND deleted_at >= ${m(2)}`,
    /** [id] */
    undelete: `UPDATE imported_packs SET deleted_at = NULL WHERE id = ${m(1)}`,
    /** [hash, at] */
    admit:
      `INSERT INTO teacher_admissions (host_key_hash, admitted_at) VALUES (${m(1)}, ${m(2)}) ` +
      'ON CONFLICT (host_key_hash) DO NOTHING',
    /** [hash] */
    admitted: `SELECT 1 AS admitted FROM teacher_admissions WHERE host_key_hash = ${m(1)}`,
  };
}

export type WorkshopSql = ReturnType<typeof workshopSql>;

/** Each statement of workshopSql, prepared by `prepare` (SQLite). */
export function workshopStatements<S>(prepare: (sql: string) => S, m: Mark): { [K in keyof WorkshopSql]: S } {
  const sql = workshopSql(m);
  return Object.fromEntries(Object.entries(sql).map(([name, text]) => [name, prepare(text)])) as {
    [K in keyof WorkshopSql]: S;
  };
}
