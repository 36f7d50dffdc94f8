-- Same schema as ../sqlite/001_initial.sql, in PostgreSQL types (jsonb, bigint epoch ms, float8).
CREATE TABLE rooms (
  code          text   NOT NULL PRIMARY KEY,
  mode          text   NOT NULL,
  pack_id       text   NOT NULL,
  pack_title    text   NOT NULL,
  config        jsonb  NOT NULL,
  seed          text   NOT NULL,
  host_key_hash text   NOT NULL,
  created_at    bigint NOT NULL,
  status        text   NOT NULL CHECK (status IN ('active', 'finished', 'abandoned'))
);
CREATE INDEX rooms_status_created ON rooms (status, created_at);

CREATE TABLE room_actions (
  room_code text    NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
  idx       integer NOT NULL,
  action    jsonb   NOT NULL,
  PRIMARY KEY (room_code, idx)
);

-- Seats keep join order through seq (an upsert keeps it).
CREATE TABLE seats (
  room_code  text   NOT NULL REFERENCES rooms (code) ON DELETE CASCADE,
  player_id  text   NOT NULL,
  token_hash text   NOT NULL,
  name       text   NOT NULL,
  team_id    text,
  seq        bigint GENERATED ALWAYS AS IDENTITY,
  UNIQUE (room_code, player_id)
);

CREATE TABLE games (
  game_id       text    NOT NULL PRIMARY KEY,
  room_code     text    NOT NULL,
  host_key_hash text    NOT NULL,
  pack_id       text    NOT NULL,
  pack_title    text    NOT NULL,
  mode          text    NOT NULL,
  seed          text    NOT NULL,
  started_at    bigint  NOT NULL,
  finished_at   bigint  NOT NULL,
  player_count  integer NOT NULL,
  top_player    text
);
CREATE INDEX games_host_finished ON games (host_key_hash, finished_at DESC);
CREATE INDEX games_finished ON games (finished_at);

CREATE TABLE game_players (
  game_id   text    NOT NULL REFERENCES games (game_id) ON DELETE CASCADE,
  ord       integer NOT NULL,
  player_id text    NOT NULL,
  name      text    NOT NULL,
  team_id   text,
  score     float8  NOT NULL,
  rank      integer NOT NULL,
  bot       boolean NOT NULL,
  PRIMARY KEY (game_id, ord)
);

CREATE TABLE game_questions (
  game_id     text    NOT NULL REFERENCES games (game_id) ON DELETE CASCADE,
  ord         integer NOT NULL,
  question_id text    NOT NULL,
  topic       text    NOT NULL,
  type        text    NOT NULL,
  prompt      text    NOT NULL,
  PRIMARY KEY (game_id, ord)
);

CREATE TABLE game_answers (
  game_id     text    NOT NULL REFERENCES games (game_id) ON DELETE CASCADE,
  ord         integer NOT NULL,
  player_id   text    NOT NULL,
  question_id text    NOT NULL,
  topic       text    NOT NULL,
  correctness float8  NOT NULL,
  points      float8  NOT NULL,
  elapsed_ms  float8  NOT NULL,
  PRIMARY KEY (game_id, ord)
);

CREATE TABLE game_decisions (
  game_id    text    NOT NULL REFERENCES games (game_id) ON DELETE CASCADE,
  ord        integer NOT NULL,
  player_id  text    NOT NULL,
  host_id    text    NOT NULL,
  card_id    text    NOT NULL,
  card_title text    NOT NULL,
  topic      text    NOT NULL,
  kind       text,
  placement  text    NOT NULL,
  points     float8  NOT NULL,
  why        jsonb   NOT NULL,
  PRIMARY KEY (game_id, ord)
);

CREATE TABLE game_score_changes (
  game_id   text    NOT NULL REFERENCES games (game_id) ON DELETE CASCADE,
  ord       integer NOT NULL,
  player_id text    NOT NULL,
  delta     float8  NOT NULL,
  why       jsonb   NOT NULL,
  PRIMARY KEY (game_id, ord)
);

CREATE TABLE game_action_logs (
  game_id text  NOT NULL PRIMARY KEY REFERENCES games (game_id) ON DELETE CASCADE,
  actions jsonb NOT NULL
);

CREATE TABLE solo_runs (
  run_id          text   NOT NULL PRIMARY KEY,
  board           text   NOT NULL,
  player_name     text   NOT NULL,
  score           float8 NOT NULL,
  best_plan_ratio float8,
  pack_id         text   NOT NULL,
  seed            text   NOT NULL,
  created_at      bigint NOT NULL,
  actions         jsonb  NOT NULL
);
CREATE INDEX solo_runs_board_rank ON solo_runs (board, score DESC, created_at, run_id);
CREATE INDEX solo_runs_created ON solo_runs (created_at);
