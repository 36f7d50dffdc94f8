-- Same as ../sqlite/005_workshop.sql, in PostgreSQL types.
ALTER TABLE imported_packs ADD COLUMN version integer NOT NULL DEFAULT 1;
ALTER TABLE imported_packs ADD COLUMN updated_at bigint NOT NULL DEFAULT 0;
ALTER TABLE imported_packs ADD COLUMN deleted_at bigint;
UPDATE imported_packs SET updated_at = created_at;
CREATE INDEX imported_packs_owner_live ON imported_packs (owner_key_hash, deleted_at);
CREATE TABLE pack_versions (
  pack_id        text    NOT NULL REFERENCES imported_packs (id) ON DELETE CASCADE,
  version        integer NOT NULL,
  saved_at       bigint  NOT NULL,
  title          text    NOT NULL,
  question_count integer NOT NULL,
  pack           jsonb   NOT NULL,
  PRIMARY KEY (pack_id, version)
);
INSERT INTO pack_versions (pack_id, version, saved_at, title, question_count, pack)
  SELECT id, 1, created_at, title, question_count, pack FROM imported_packs;
CREATE TABLE teacher_admissions (
  host_key_hash text   NOT NULL PRIMARY KEY,
  admitted_at   bigint NOT NULL
);
