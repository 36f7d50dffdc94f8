-- The teacher's workshop (issue 16): an imported pack becomes an editable pack. `version` is its latest version
-- (1 when imported), `updated_at` when that version was saved, `deleted_at` a soft delete (NULL: live): a deleted
-- pack is neither listed nor hostable and can be brought back for WORKSHOP_UNDO_MS, then goes for good.
-- pack_versions keeps every version's pack (the newest WORKSHOP_VERSIONS_KEPT of each), the current one included,
-- so an accidental save can be undone and a pack read at a version never changes (rooms cache it by version).
-- teacher_admissions: the host keys (hashed) admitted with HOSTRUSH_TEACHER_PASSWORD.
ALTER TABLE imported_packs ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE imported_packs ADD COLUMN updated_at INTEGER NOT NULL DEFAULT 0;
ALTER TABLE imported_packs ADD COLUMN deleted_at INTEGER;
UPDATE imported_packs SET updated_at = created_at;
CREATE INDEX imported_packs_owner_live ON imported_packs (owner_key_hash, deleted_at);
CREATE TABLE pack_versions (
  pack_id        TEXT    NOT NULL REFERENCES imported_packs (id) ON DELETE CASCADE,
  version        INTEGER NOT NULL,
  saved_at       INTEGER NOT NULL,
  title          TEXT    NOT NULL,
  question_count INTEGER NOT NULL,
  pack           TEXT    NOT NULL,
  PRIMARY KEY (pack_id, version)
) STRICT;
INSERT INTO pack_versions (pack_id, version, saved_at, title, question_count, pack)
  SELECT id, 1, created_at, title, question_count, pack FROM imported_packs;
CREATE TABLE teacher_admissions (
  host_key_hash TEXT    NOT NULL PRIMARY KEY,
  admitted_at   INTEGER NOT NULL
) STRICT;
