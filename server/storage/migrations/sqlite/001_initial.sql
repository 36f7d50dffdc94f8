-- Rooms in play: enough to rebuild a room after a server restart (config + seed + action log + seats).
CREATE TABLE rooms (
  code          TEXT    NOT NULL PRIMARY KEY,
  mode          TEXT    NOT NULL,
  pack_id       TEXT    NOT NULL,
  pack_title    TEXT    NOT NULL,
  config        TEXT    NOT NULL,
  seed          TEXT    NOT NULL,
  host_key_hash TEXT    NOT NULL,
  created_at    INTEGER NOT NULL,
  status        TEXT    NOT NULL CHECK (status IN ('active', 'finished', 'abandoned'))
) STRICT;
CREATE INDEX rooms_status_created ON rooms (status, created_at);

CREATE TABLE room_actions (
  room_code TEXT    NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
  idx       INTEGER NOT NULL,
  action    TEXT    NOT NULL,
  PRIMARY KEY (room_code, idx)
) STRICT, WITHOUT ROWID;

-- Seats keep join order through the rowid (an upsert keeps it).
CREATE TABLE seats (
  room_code  TEXT NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
  player_id  TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  name       TEXT NOT NULL,
  team_id    TEXT,
  UNIQUE (room_code, player_id)
) STRICT;

-- Finished games: what the reports read. Child rows keep their original order in `ord`.
CREATE TABLE games (
  game_id       TEXT    NOT NULL PRIMARY KEY,
  room_code     TEXT    NOT NULL,
  host_key_hash TEXT    NOT NULL,
  pack_id       TEXT    NOT NULL,
  pack_title    TEXT    NOT NULL,
  mode          TEXT    NOT NULL,
  seed          TEXT    NOT NULL,
  started_at    INTEGER NOT NULL,
  finished_at   INTEGER NOT NULL,
  player_count  INTEGER NOT NULL,
  top_player    TEXT
) STRICT;
CREATE INDEX games_host_finished ON games (host_key_hash, finished_at DESC);
CREATE INDEX games_finished ON games (finished_at);

CREATE TABLE game_players (
  game_id   TEXT    NOT NULL REFERENCES games (game_id) ON DELETE CASCADE,
  ord       INTEGER NOT NULL,
  player_id TEXT    NOT NULL,
  name      TEXT    NOT NULL,
  team_id   TEXT,
  score     REAL    NOT NULL,
  rank      INTEGER NOT NULL,
  bot       INTEGER NOT NULL,
  PRIMARY KEY (game_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE game_questions (
  game_id     TEXT    NOT NULL REFERENCES games (game_id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,
  question_id TEXT    NOT NULL,
  topic       TEXT    NOT NULL,
  type        TEXT    NOT NULL,
  prompt      TEXT    NOT NULL,
  PRIMARY KEY (game_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE game_answers (
  game_id     TEXT    NOT NULL REFERENCES games (game_id) ON DELETE CASCADE,
  ord         INTEGER NOT NULL,
  player_id   TEXT    NOT NULL,
  question_id TEXT    NOT NULL,
  topic       TEXT    NOT NULL,
  correctness REAL    NOT NULL,
  points      REAL    NOT NULL,
  elapsed_ms  REAL    NOT NULL,
  PRIMARY KEY (game_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE game_decisions (
  game_id    TEXT    NOT NULL REFERENCES games (game_id) ON DELETE CASCADE,
  ord        INTEGER NOT NULL,
  player_id  TEXT    NOT NULL,
  host_id    TEXT    NOT NULL,
  card_id    TEXT    NOT NULL,
  card_title TEXT    NOT NULL,
  topic      TEXT    NOT NULL,
  kind       TEXT,
  placement  TEXT    NOT NULL,
  points     REAL    NOT NULL,
  why        TEXT    NOT NULL,
  PRIMARY KEY (game_id, ord)
) STRICT, WITHOUT ROWID;

CREATE TABLE game_score_changes (
  game_id   TEXT    NOT NULL REFERENCES games (game_id) ON DELETE CASCADE,
  ord       INTEGER NOT NULL,
  player_id TEXT    NOT NULL,
  delta     REAL    NOT NULL,
  why       TEXT    NOT NULL,
  PRIMARY KEY (game_id, ord)
) STRICT, WITHOUT ROWID;

-- The whole action log as one JSON document: it is only ever read whole, to replay the game.
CREATE TABLE game_action_logs (
  game_id TEXT NOT NULL PRIMARY KEY REFERENCES games (game_id) ON DELETE CASCADE,
  actions TEXT NOT NULL
) STRICT;

CREATE TABLE solo_runs (
  run_id          TEXT    NOT NULL PRIMARY KEY,
  board           TEXT    NOT NULL,
  player_name     TEXT    NOT NULL,
  score           REAL    NOT NULL,
  best_plan_ratio REAL,
  pack_id         TEXT    NOT NULL,
  seed            TEXT    NOT NULL,
  created_at      INTEGER NOT NULL,
  actions         TEXT    NOT NULL
) STRICT;
CREATE INDEX solo_runs_board_rank ON solo_runs (board, score DESC, created_at, run_id);
CREATE INDEX solo_runs_created ON solo_runs (created_at);
