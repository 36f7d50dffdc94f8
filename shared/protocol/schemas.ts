// One zod schema per client -> server event payload, plus the HTTP bodies. Strict objects and bounded sizes:
// anything else is refused with `input/invalid` before a handler runs.
import { z } from 'zod';
import { DEPLOY_KINDS, LEADERBOARD_MODES, PLACEMENTS, TEAM_LAYERS } from '../engine/types.js';
import { LIMITS } from './names.js';

const id = z.string().min(1).max(LIMITS.idMax);
/**
 * A team's id, as the engine makes them (`t1` .. `t8`): anything else (`__proto__`, `constructor`, `toString`) is
 * refused before a handler runs; the engine and the room look teams up as own properties as well.
 */
export const teamIdSchema = z.string().regex(/^t[1-9][0-9]?$/, 'a team id is t1, t2, ...');
export const roomCodeSchema = z.string().regex(/^\d{6}$/, 'a room code is 6 digits');
export const tokenSchema = z
  .string()
  .min(LIMITS.tokenMin)
  .max(LIMITS.tokenMax)
  .regex(/^[A-Za-z0-9_-]+$/, 'a token is url-safe characters');
/** Checked again by the nickname rules after normalisation; this only bounds the raw input. */
const rawName = z.string().min(1).max(64);
const smallInt = z
  .number()
  .int()
  .min(0)
  .max(LIMITS.answerItemsMax - 1);
const itemList = z.array(smallInt).max(LIMITS.answerItemsMax);
const stamp = z.number().finite().min(0).max(8.64e15);

export const answerSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('single'), choice: smallInt }),
  z.strictObject({ type: z.literal('multi'), choices: itemList }),
  z.strictObject({ type: z.literal('truefalse'), value: z.boolean() }),
  z.strictObject({ type: z.literal('ordering'), order: itemList }),
  z.strictObject({ type: z.literal('matching'), pairs: itemList }),
  z.strictObject({ type: z.literal('numeric'), value: z.number().finite().min(-1e12).max(1e12) }),
]);

export const deployChoiceSchema = z.strictObject({
  kind: z.enum(DEPLOY_KINDS),
  placement: z.enum(PLACEMENTS),
});

export const scoringOptionsSchema = z.strictObject({
  speedPoints: z.boolean().optional(),
  streakBonus: z.boolean().optional(),
  pointsMultiplier: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
  partialCredit: z.boolean().optional(),
});

export const gameOptionsSchema = z.strictObject({
  mode: z.enum(['classroom', 'team']).default('classroom'),
  teamCount: z.number().int().min(LIMITS.teamCountMin).max(LIMITS.teamCountMax).optional(),
  questionTimeS: z.number().int().min(LIMITS.questionTimeMinS).max(LIMITS.questionTimeMaxS).optional(),
  scoring: scoringOptionsSchema.optional(),
  /** false: quiz only, the pack's races are left out. */
  races: z.boolean().optional(),
  lateJoin: z.boolean().optional(),
  lateJoinScore: z.enum(['zero', 'lowest']).optional(),
  leaderboard: z.enum(LEADERBOARD_MODES).optional(),
  showQuestionOnDevices: z.boolean().optional(),
  /** Team mode: members take layers and only a layer's owner deploys on it. */
  teamRoles: z.boolean().optional(),
});
export type GameOptions = z.input<typeof gameOptionsSchema>;

export const roomCreateSchema = z.strictObject({
  packId: id,
  options: gameOptionsSchema.optional(),
  /** The host's key kept in its browser; the server makes one when absent. Also the room's host token. */
  hostKey: tokenSchema.optional(),
});
export const hostResumeSchema = z.strictObject({ roomCode: roomCodeSchema, hostToken: tokenSchema });

/**
 * A control command's id, made by the client once per command and sent again with its retry: the room answers a
 * retry with the first reply and applies nothing twice (a slow `next` retried must not skip a question).
 */
export const commandIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'a command id is 8-64 url-safe characters');
const hostCommand = <T extends z.ZodRawShape>(shape: T) =>
  z.strictObject({ ...shape, commandId: commandIdSchema.optional() });

export const hostControlSchema = z.discriminatedUnion('command', [
  hostCommand({ command: z.literal('start') }),
  hostCommand({ command: z.literal('next') }),
  hostCommand({ command: z.literal('skip') }),
  hostCommand({ command: z.literal('pause') }),
  hostCommand({ command: z.literal('resume') }),
  hostCommand({ command: z.literal('end') }),
  hostCommand({ command: z.literal('lock'), locked: z.boolean() }),
  hostCommand({ command: z.literal('remove'), playerId: id, ban: z.boolean().optional() }),
  hostCommand({ command: z.literal('move'), playerId: id, teamId: teamIdSchema }),
  hostCommand({ command: z.literal('add-time'), seconds: z.number().int().min(1).max(LIMITS.addTimeMaxS) }),
  hostCommand({
    command: z.literal('time-factor'),
    playerId: id,
    factor: z.union([z.literal(1), z.literal(1.5), z.literal(2)]),
  }),
]);
export type HostControl = z.infer<typeof hostControlSchema>;

/**
 * The language the device reads: the game's texts (questions, cards, scenarios) come in it when the pack has them
 * (the built-in packs are bilingual); absent, as the device last said, else the pack's own.
 */
export const deviceLangSchema = z.enum(['ko', 'en']);
export const playerJoinSchema = z.strictObject({
  roomCode: roomCodeSchema,
  name: rawName,
  teamId: teamIdSchema.optional(),
  lang: deviceLangSchema.optional(),
});
export const playerResumeSchema = z.strictObject({
  roomCode: roomCodeSchema,
  resumeToken: tokenSchema,
  lang: deviceLangSchema.optional(),
});
export const playerTeamSchema = z.strictObject({ teamId: teamIdSchema });
export const playerAnswerSchema = z.strictObject({
  questionId: id,
  answer: answerSchema,
  /** Client-measured time; issue 8 accepts it only inside the server's window. Optional. */
  elapsedMs: z.number().int().min(0).max(3_600_000).optional(),
});
export const playerTakeLayerSchema = z.strictObject({ layer: z.enum([...TEAM_LAYERS, 'none']) });
export const playerCardSchema = z.strictObject({ cardId: id });
export const playerDeploySchema = z.strictObject({ cardId: id, choice: deployChoiceSchema });

export const botLevelSchema = z.enum(['easy', 'medium', 'hard']);
export const soloStartSchema = z.strictObject({
  name: rawName,
  /** A pack id, or 'daily' for today's challenge in `lang`. */
  packId: id,
  lang: z.enum(['ko', 'en']).default('en'),
  bots: z.array(botLevelSchema).max(LIMITS.soloBotsMax).default([]),
  questionTimeS: z.number().int().min(LIMITS.questionTimeMinS).max(LIMITS.questionTimeMaxS).optional(),
});
export const soloControlSchema = z.strictObject({
  command: z.enum(['start', 'next', 'skip', 'pause', 'resume', 'end']),
  commandId: commandIdSchema.optional(),
});
export const emptySchema = z.strictObject({});
/** `lang`: the device switched language (a player's views come in it from this reply on). */
export const gameSyncSchema = z.strictObject({ lang: deviceLangSchema.optional() });
export const timePingSchema = z.strictObject({ t: z.number().finite() });

// ---------------------------------------------------------------- actions (solo verification bodies)

const actorSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('host') }),
  z.strictObject({ role: z.literal('player'), playerId: id }),
  z.strictObject({ role: z.literal('system') }),
]);
const base = { actor: actorSchema, at: stamp };
export const actionSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('join'),
    ...base,
    playerId: id,
    name: z
      .string()
      .min(1)
      .max(LIMITS.nicknameMax * 2),
    teamId: teamIdSchema.optional(),
    bot: z.union([botLevelSchema, z.null()]).optional(),
  }),
  z.strictObject({ type: z.literal('remove-player'), ...base, playerId: id }),
  z.strictObject({ type: z.literal('move-player'), ...base, playerId: id, teamId: teamIdSchema }),
  z.strictObject({ type: z.literal('set-time-factor'), ...base, playerId: id, factor: z.number().finite() }),
  z.strictObject({ type: z.literal('lock-lobby'), ...base, locked: z.boolean() }),
  z.strictObject({ type: z.literal('start'), ...base }),
  z.strictObject({ type: z.literal('next'), ...base }),
  z.strictObject({ type: z.literal('skip'), ...base }),
  z.strictObject({ type: z.literal('pause'), ...base }),
  z.strictObject({ type: z.literal('resume'), ...base }),
  z.strictObject({ type: z.literal('add-time'), ...base, seconds: z.number().int().min(1).max(LIMITS.addTimeMaxS) }),
  z.strictObject({ type: z.literal('end'), ...base }),
  z.strictObject({
    type: z.literal('answer'),
    ...base,
    questionId: id,
    answer: answerSchema,
    elapsedMs: z.number().int().min(0).max(3_600_000).optional(),
  }),
  z.strictObject({ type: z.literal('claim'), ...base, cardId: id }),
  z.strictObject({ type: z.literal('release'), ...base, cardId: id }),
  z.strictObject({ type: z.literal('deploy'), ...base, cardId: id, choice: deployChoiceSchema }),
  z.strictObject({ type: z.literal('take-layer'), ...base, layer: z.union([z.enum(TEAM_LAYERS), z.null()]) }),
  z.strictObject({ type: z.literal('tick'), ...base }),
]);

export const soloVerifySchema = z.strictObject({
  packId: id,
  seed: z.string().min(1).max(128),
  actions: z.array(actionSchema).min(1).max(LIMITS.soloActionsMax),
  questionTimeS: z.number().int().min(LIMITS.questionTimeMinS).max(LIMITS.questionTimeMaxS).optional(),
  /** The score the client shows; when given it must equal the replay's. */
  claimedScore: z.number().finite().optional(),
  /** The run's game id (its podium's): the log must be the one the server played and stored under it. */
  gameId: z.string().min(1).max(200).optional(),
});

/** Schemas by client -> server event name: the server checks each payload against its schema first. */
export const C2S_SCHEMAS = {
  'room:create': roomCreateSchema,
  'host:resume': hostResumeSchema,
  'host:control': hostControlSchema,
  'player:join': playerJoinSchema,
  'player:resume': playerResumeSchema,
  'player:team': playerTeamSchema,
  'player:answer': playerAnswerSchema,
  'player:claim': playerCardSchema,
  'player:release': playerCardSchema,
  'player:deploy': playerDeploySchema,
  'player:take-layer': playerTakeLayerSchema,
  'solo:start': soloStartSchema,
  'solo:control': soloControlSchema,
  'game:sync': gameSyncSchema,
  'time:ping': timePingSchema,
  'session:leave': emptySchema,
} as const;
