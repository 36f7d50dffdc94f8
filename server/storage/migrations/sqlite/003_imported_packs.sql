-- Packs teachers imported (POST /api/packs/import), so that a restart keeps them and every process finds them.
-- `pack` is the GamePack as validated (JSON). The summary columns serve the pack list without reading the pack
-- (a pack may be up to 1 MB); created_at orders the list (newest first) and says which import goes past the cap.
CREATE TABLE imported_packs (
  id             TEXT    NOT NULL PRIMARY KEY,
  created_at     INTEGER NOT NULL,
  title          TEXT    NOT NULL,
  language       TEXT    NOT NULL,
  description    TEXT    NOT NULL,
  question_count INTEGER NOT NULL,
  card_count     INTEGER NOT NULL,
  scenario_count INTEGER NOT NULL,
  round_count    INTEGER NOT NULL,
  pack           TEXT    NOT NULL
) STRICT;
CREATE INDEX imported_packs_created ON imported_packs (created_at DESC, id DESC);
