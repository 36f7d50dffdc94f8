// Event names, error codes and close codes shared by the server and the client.
import { ERROR_CODES as ENGINE_ERROR_CODES, type ErrorCode as EngineErrorCode } from '../engine/types.js';

/** Client -> server events. Every one of them takes a payload and an acknowledgement callback. */
export const C2S = {
  roomCreate: 'room:create',
  hostResume: 'host:resume',
  hostControl: 'host:control',
  playerJoin: 'player:join',
  playerResume: 'player:resume',
  playerTeam: 'player:team',
  playerAnswer: 'player:answer',
  playerClaim: 'player:claim',
  playerRelease: 'player:release',
  playerDeploy: 'player:deploy',
  /** Team games with roles: take (or drop) a layer of the shared responsibility model. */
  playerTakeLayer: 'player:take-layer',
  soloStart: 'solo:start',
  soloControl: 'solo:control',
  gameSync: 'game:sync',
  timePing: 'time:ping',
  sessionLeave: 'session:leave',
} as const;
export type C2SEventName = (typeof C2S)[keyof typeof C2S];

/** Server -> client events. */
export const S2C = {
  /** The part of the game view every member of the room shares; broadcast once per change. */
  roomView: 'room:view',
  /** The host's view (same as roomView plus host-only fields). */
  hostView: 'host:view',
  /** Answer tally for the host, batched a few times a second at most. */
  hostTally: 'host:tally',
  /** A player's private part: own score, rank, own answer and its result. */
  playerYou: 'player:you',
  /** Public game events (question opened/closed, race events...). */
  gameEvents: 'game:events',
  /** The game is stored and over: podium standings and the stored game id. */
  gamePodium: 'game:podium',
  /** The server ends this session (kicked, room closed, seat taken by another device...). */
  sessionClosed: 'session:closed',
  /** The server measures each socket's round trip: the client answers the ack at once with `{ t }`. */
  timePing: 'time:ping',
  /** A player's (or its team's) cloud bill at the end of a race, with the best-known plan's beside it. */
  playerBill: 'player:bill',
  /** Every bill of a race, for the host. */
  hostBills: 'host:bills',
} as const;
export type S2CEventName = (typeof S2C)[keyof typeof S2C];

/**
 * Protocol-level error codes, beside the engine's own (`action/...`, `answer/...`, and the join refusals
 * `room/started`,
 * `name/invalid`, `name/taken`, `name/banned`, which the engine's join rule decides). Stable: clients map them to text.
 */
export const PROTOCOL_ERROR_CODES = [
  'input/invalid',
  'input/too-large',
  'rate/limited',
  'room/unknown',
  'room/full',
  'room/limit',
  'room/not-solo',
  'room/closed',
  'auth/not-joined',
  'auth/not-host',
  'auth/token',
  'auth/removed',
  'auth/teacher',
  'auth/not-owner',
  'name/abusive',
  'pack/unknown',
  'pack/invalid',
  'pack/conflict',
  'pack/limit',
  'solo/forged',
  'game/unknown',
  'storage/failed',
  'server/error',
] as const;
export type ProtocolErrorCode = (typeof PROTOCOL_ERROR_CODES)[number];

export type ErrorCode = ProtocolErrorCode | EngineErrorCode;
export const ALL_ERROR_CODES: readonly ErrorCode[] = [...PROTOCOL_ERROR_CODES, ...ENGINE_ERROR_CODES];

/** Why the server ended a session (`session:closed`). */
export const CLOSE_CODES = {
  kicked: 'kicked',
  replaced: 'replaced',
  roomClosed: 'room-closed',
  shutdown: 'shutdown',
} as const;
export type CloseCode = (typeof CLOSE_CODES)[keyof typeof CLOSE_CODES];

/** Limits both sides agree on. */
export const LIMITS = {
  nicknameMax: 20,
  roomCodeLength: 6,
  tokenMin: 21,
  tokenMax: 64,
  idMax: 64,
  teamCountMin: 2,
  teamCountMax: 8,
  questionTimeMinS: 5,
  questionTimeMaxS: 300,
  soloBotsMax: 3,
  answerItemsMax: 20,
  /** Actions in one solo run log sent for verification. */
  soloActionsMax: 5000,
  addTimeMaxS: 120,
  /** Largest socket message the server accepts (bytes). */
  socketMessageBytes: 16 * 1024,
  /** Largest HTTP JSON/CSV body (pack import). */
  httpBodyBytes: 1024 * 1024,
} as const;
