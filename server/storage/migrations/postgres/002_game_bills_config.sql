-- Race bills of a finished game (RaceBill[] as JSON; NULL: no race billed), read by the report's bill section,
-- and the game's config (GameConfig as JSON), so the report can replay the game step by step from its seed.
ALTER TABLE games ADD COLUMN bills jsonb;
ALTER TABLE games ADD COLUMN config jsonb;
