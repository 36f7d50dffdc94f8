-- Same as ../sqlite/004_imported_pack_owner.sql, in PostgreSQL types.
ALTER TABLE imported_packs ADD COLUMN owner_key_hash text NOT NULL DEFAULT '';
ALTER TABLE imported_packs ADD COLUMN shared boolean NOT NULL DEFAULT false;
UPDATE imported_packs SET shared = true;
CREATE INDEX imported_packs_owner ON imported_packs (owner_key_hash, created_at DESC);
