-- Imported packs get an owner and a shared flag (docs/SECURITY.md, "The answer key"): owner_key_hash is the hash of
-- the host key that imported the pack (only it, or an operator, exports the pack with its answers, and lists or
-- hosts it while it is private); shared = 1 lets every host on this server list, preview (without answers) and
-- host it. Packs imported before owners existed were open to everyone: they stay usable (shared) but have no owner,
-- so only an operator exports their answers.
ALTER TABLE imported_packs ADD COLUMN owner_key_hash TEXT NOT NULL DEFAULT '';
ALTER TABLE imported_packs ADD COLUMN shared INTEGER NOT NULL DEFAULT 0;
UPDATE imported_packs SET shared = 1;
CREATE INDEX imported_packs_owner ON imported_packs (owner_key_hash, created_at DESC);
