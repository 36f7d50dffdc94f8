// The Socket.IO event maps, used as generics on both sides: `Server<ClientToServerEvents, ServerToClientEvents>`
// and `Socket<ServerToClientEvents, ClientToServerEvents>`.
import type { z } from 'zod';
import type {
  Action,
  AnswerRecord,
  GameEvent,
  GameMode,
  GameView,
  Lang,
  ScoreChange,
  TeamLayer,
} from '../engine/types.js';
import type { Bill } from '../engine/race/bill.js';
import type { Standing as EngineStanding, TeamStanding } from '../engine/standings.js';
import type { C2S_SCHEMAS } from './schemas.js';
import type { CloseCode, ErrorCode } from './names.js';
import type { SealedResult } from './sealed.js';

export interface ErrorReply {
  ok: false;
  error: { code: ErrorCode; message: string };
}
export type Reply<T extends object = object> = ({ ok: true } & T) | ErrorReply;
export type Ack<T extends object = object> = (reply: Reply<T>) => void;

/** Payload type of a client -> server event, as the client sends it. */
export type PayloadOf<E extends keyof typeof C2S_SCHEMAS> = z.input<(typeof C2S_SCHEMAS)[E]>;

/** An accepted answer: the state version, and the player's sealed result (not in solo). */
export interface AnswerAck {
  version: number;
  sealed?: SealedResult;
}

/** A player's private message: sent to that player only. */
export interface YouMessage {
  playerId: string;
  name: string;
  teamId: string | null;
  score: number;
  streak: number;
  /** 1-based rank among the room's players (ties share a rank). */
  rank: number;
  playerCount: number;
  /** Extended-time factor granted by the host (only this player sees its own). */
  timeFactor: number;
  /** The question `answer` belongs to (the room's current one when this was sent); null between questions. */
  questionId: string | null;
  /**
   * The player's answer record for that question, with its result once it closed. Not re-sent when a new question
   * opens: a client drops it once the shared view's question id differs from `questionId`.
   */
  answer: AnswerRecord | null;
  /** Score changes since the last message, each with its "why". */
  changes: ScoreChange[];
  removed: boolean;
  /** Team games with roles: the layer this player owns (null: none). */
  layer: TeamLayer | null;
  /** The first step this player plays (a late joiner starts at the next question). */
  startsAtStep: number;
}

/** One cloud bill of a race: a player's (classroom, solo) or a team's (team mode). */
export interface RaceBill {
  /** The race's step index and scenario. */
  step: number;
  scenarioId: string;
  scenarioTitle: string;
  owner: { kind: 'player' | 'team' | 'class'; id: string; name: string };
  bill: Bill;
  /** The best-known plan's bill for this scenario (one planner deploying every card), null if unknown. */
  best: (Bill & { score: number }) | null;
}

/** Every bill of a race, for the host (the class's own bill first in classroom mode). */
export interface HostBills {
  step: number;
  scenarioId: string;
  scenarioTitle: string;
  bills: RaceBill[];
  best: (Bill & { score: number }) | null;
}

export interface RoomInfo {
  roomCode: string;
  mode: GameMode;
  packId: string;
  packTitle: string;
  /** Path the players open to join (the client builds the absolute URL and QR code). */
  joinPath: string;
}

export interface HostSession extends RoomInfo {
  view: GameView;
}
export interface RoomCreated extends HostSession {
  /** The host token (also the host's key for its list of past games): keep it, it is shown only once. */
  hostToken: string;
}
export interface PlayerSession extends RoomInfo {
  playerId: string;
  view: GameView;
  you: YouMessage;
}
export interface PlayerJoined extends PlayerSession {
  resumeToken: string;
}
export interface SoloStarted extends PlayerJoined {
  seed: string;
  board: string | null;
}

export interface Tally {
  questionId: string;
  answered: number;
  total: number;
  version: number;
}

/** A podium row: the engine's standing without its bot flag. */
export type Standing = Omit<EngineStanding, 'bot'>;
export type TeamStandingInfo = TeamStanding;
export interface Podium {
  gameId: string;
  standings: Standing[];
  teams: TeamStandingInfo[];
  /** Solo runs: whether the run was verified and entered the leaderboard. */
  /**
   * `bestPlanRatio`: the player's race points over the best-known plan's score for the same races' scenarios
   * (summed over the run's races, 3 decimals); null when the run had no race or no best plan scored above 0.
   */
  solo?: { verified: boolean; board: string | null; score: number; reason?: string; bestPlanRatio?: number | null };
}

export interface SessionClosed {
  code: CloseCode;
  message: string;
}

/** Game events safe for every member of the room (per-player results travel in `player:you`). */
export type PublicGameEvent = Exclude<GameEvent, { type: 'error' } | { type: 'answer-accepted' } | { type: 'score' }>;

export interface ClientToServerEvents {
  'room:create': (payload: PayloadOf<'room:create'>, ack: Ack<RoomCreated>) => void;
  'host:resume': (payload: PayloadOf<'host:resume'>, ack: Ack<HostSession>) => void;
  'host:control': (payload: PayloadOf<'host:control'>, ack: Ack<{ version: number }>) => void;
  'player:join': (payload: PayloadOf<'player:join'>, ack: Ack<PlayerJoined>) => void;
  'player:resume': (payload: PayloadOf<'player:resume'>, ack: Ack<PlayerSession>) => void;
  'player:team': (payload: PayloadOf<'player:team'>, ack: Ack<{ version: number }>) => void;
  /** An accepted answer's ack carries the player's result, sealed until the reveal (sealed.ts; not in solo). */
  'player:answer': (payload: PayloadOf<'player:answer'>, ack: Ack<AnswerAck>) => void;
  'player:claim': (payload: PayloadOf<'player:claim'>, ack: Ack<{ version: number }>) => void;
  'player:release': (payload: PayloadOf<'player:release'>, ack: Ack<{ version: number }>) => void;
  'player:deploy': (payload: PayloadOf<'player:deploy'>, ack: Ack<{ version: number }>) => void;
  'player:take-layer': (payload: PayloadOf<'player:take-layer'>, ack: Ack<{ version: number }>) => void;
  'solo:start': (payload: PayloadOf<'solo:start'>, ack: Ack<SoloStarted>) => void;
  'solo:control': (payload: PayloadOf<'solo:control'>, ack: Ack<{ version: number }>) => void;
  'game:sync': (
    payload: PayloadOf<'game:sync'>,
    ack: Ack<{ view: GameView; you: YouMessage | null; bills: RaceBill[] }>,
  ) => void;
  'time:ping': (payload: PayloadOf<'time:ping'>, ack: Ack<{ t: number; serverNow: number }>) => void;
  'session:leave': (payload: PayloadOf<'session:leave'>, ack: Ack) => void;
}

export interface ServerToClientEvents {
  'room:view': (view: GameView) => void;
  'host:view': (view: GameView) => void;
  'host:tally': (tally: Tally) => void;
  'player:you': (you: YouMessage) => void;
  'game:events': (events: PublicGameEvent[]) => void;
  'game:podium': (podium: Podium) => void;
  'session:closed': (closed: SessionClosed) => void;
  /** Round-trip measurement: answer the ack at once with the same `t`. */
  'time:ping': (ping: { t: number }, ack: (pong: { t: number }) => void) => void;
  'player:bill': (bill: RaceBill) => void;
  'host:bills': (bills: HostBills) => void;
}

// ---------------------------------------------------------------- HTTP bodies and answers

export interface PackSummary {
  id: string;
  title: string;
  language: Lang;
  description: string;
  builtin: boolean;
  counts: { questions: number; cards: number; scenarios: number; rounds: number };
  /** Imported packs: shared with every host on this server (built-in packs are). */
  shared: boolean;
  /** Imported by the host key that asked (only its owner, or an operator, exports it with its answers). */
  mine: boolean;
}

export interface SoloVerifyResult {
  verified: boolean;
  score: number;
  reason?: string;
}

export type { Action, Bill };
