-- Same schema as ../sqlite/003_imported_packs.sql, in PostgreSQL types (jsonb, bigint epoch ms).
CREATE TABLE imported_packs (
  id             text    NOT NULL PRIMARY KEY,
  created_at     bigint  NOT NULL,
  title          text    NOT NULL,
  language       text    NOT NULL,
  description    text    NOT NULL,
  question_count integer NOT NULL,
  card_count     integer NOT NULL,
  scenario_count integer NOT NULL,
  round_count    integer NOT NULL,
  pack           jsonb   NOT NULL
);
CREATE INDEX imported_packs_created ON imported_packs (created_at DESC, id DESC);
