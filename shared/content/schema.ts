// zod schemas for the game-pack format: one per content type and one for the whole GamePack.
// They mirror the TypeScript types in ../engine/types.ts and ./pack.ts exactly; the compile-time checks at the
// bottom of this file fail the build if the two ever drift apart. Relations between fields (answer indexes in
// range, ids unique, references resolved, cards deployable) are checked in ./validate.ts, not here.
import { z } from 'zod';
import {
  BASE_IMAGES,
  DEPLOY_KINDS,
  EVENT_KINDS,
  PLACEMENTS,
  TOPICS,
  type DeployChoice,
  type HostSpec,
  type MatchingQuestion,
  type MultiSelectQuestion,
  type NumericQuestion,
  type OrderingQuestion,
  type Question,
  type RoundSpec,
  type Scenario,
  type ScheduledEvent,
  type SingleChoiceQuestion,
  type TrueFalseQuestion,
  type WorkloadCard,
} from '../engine/types.js';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type GamePack, type PackMeta } from './pack.js';

// ---------------------------------------------------------------- limits

export const LIMITS = {
  idLength: 64,
  titleLength: 120,
  promptLength: 500,
  optionLength: 200,
  explanationLength: 1500,
  noteLength: 1000,
  unitLength: 20,
  cardDescriptionLength: 1000,
  scenarioDescriptionLength: 1500,
  metaDescriptionLength: 2000,
  authorLength: 120,
  versionLength: 40,
  minOptions: 2,
  maxOptions: 6,
  minItems: 2,
  maxItems: 8,
  minPairs: 2,
  maxPairs: 8,
  minTimeLimitS: 5,
  maxTimeLimitS: 240,
  maxQuestions: 500,
  maxCards: 200,
  maxScenarios: 50,
  maxRounds: 100,
  maxRoundQuestions: 100,
  maxDeck: 200,
  maxEvents: 50,
  maxRandomEvents: 20,
  maxCardCpu: 256,
  maxImageOwnMb: 100_000,
  maxReplicas: 10_000,
  maxHostNodes: 64,
  maxCardRamGb: 4096,
  maxCardDiskGb: 100_000,
  maxHostCores: 1024,
  maxHostRamGb: 65_536,
  maxHostDiskGb: 1_000_000,
  maxStartDeadlineS: 86_400,
  maxScenarioLengthS: 7200,
  maxNumeric: 1e12,
} as const;

/** Pack, question, card and scenario ids: letters, digits, '-', '_' and '.', starting with a letter or digit. */
export const ID_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$/;

// ---------------------------------------------------------------- building blocks

/** A trimmed, non-empty string of at most `max` characters. */
const text = (max: number) => z.string().trim().min(1).max(max);
/** A trimmed string of at most `max` characters, which may be empty. */
const optionalText = (max: number) => z.string().trim().max(max);

export const idSchema = z.string().regex(ID_PATTERN, {
  error: 'must be an id of 1-64 letters, digits, "-", "_" or ".", starting with a letter or digit',
});

export const topicSchema = z.enum(TOPICS);

/** A finite number in [min, max]. */
const num = (min: number, max: number) => z.number().min(min).max(max);
/** A finite number above zero, at most max. */
const positive = (max: number) => z.number().positive().max(max);
const index = z.number().int().min(0);

// ---------------------------------------------------------------- questions

const questionBase = {
  id: idSchema,
  topic: topicSchema,
  prompt: text(LIMITS.promptLength),
  explanation: text(LIMITS.explanationLength),
  timeLimitS: z.number().int().min(LIMITS.minTimeLimitS).max(LIMITS.maxTimeLimitS),
  note: text(LIMITS.noteLength).optional(),
  /** Points weight of this question: 0 = no points, 1 = standard (when absent), 2 = double (Kahoot's options). */
  points: z
    .literal([0, 1, 2])
    .optional()
    .meta({ description: 'Points weight: 0 = no points (still right or wrong), 1 = standard (default), 2 = double.' }),
};

const options = z.array(text(LIMITS.optionLength)).min(LIMITS.minOptions).max(LIMITS.maxOptions);

export const singleChoiceQuestionSchema = z.strictObject({
  type: z.literal('single'),
  ...questionBase,
  options,
  correct: index,
});

export const multiSelectQuestionSchema = z.strictObject({
  type: z.literal('multi'),
  ...questionBase,
  options,
  correct: z.array(index).max(LIMITS.maxOptions),
});

export const trueFalseQuestionSchema = z.strictObject({
  type: z.literal('truefalse'),
  ...questionBase,
  correct: z.boolean(),
});

export const orderingQuestionSchema = z.strictObject({
  type: z.literal('ordering'),
  ...questionBase,
  items: z.array(text(LIMITS.optionLength)).min(LIMITS.minItems).max(LIMITS.maxItems),
});

const matchingSide = z.array(text(LIMITS.optionLength)).min(LIMITS.minPairs).max(LIMITS.maxPairs);
export const matchingQuestionSchema = z.strictObject({
  type: z.literal('matching'),
  ...questionBase,
  left: matchingSide,
  right: matchingSide,
  pairs: z.array(index).min(LIMITS.minPairs).max(LIMITS.maxPairs),
});

export const numericQuestionSchema = z.strictObject({
  type: z.literal('numeric'),
  ...questionBase,
  correct: num(-LIMITS.maxNumeric, LIMITS.maxNumeric),
  tolerance: z.number().min(0).max(LIMITS.maxNumeric),
  unit: text(LIMITS.unitLength).optional(),
});

export const questionSchema = z.discriminatedUnion('type', [
  singleChoiceQuestionSchema,
  multiSelectQuestionSchema,
  trueFalseQuestionSchema,
  orderingQuestionSchema,
  matchingQuestionSchema,
  numericQuestionSchema,
]);

// ---------------------------------------------------------------- provisioning

export const guestOsSchema = z.enum(['linux', 'windows']);

export const deployChoiceSchema = z.strictObject({
  kind: z.enum(DEPLOY_KINDS),
  placement: z.enum(PLACEMENTS),
});

export const workloadCardSchema = z.strictObject({
  id: idSchema,
  title: text(LIMITS.titleLength),
  description: text(LIMITS.cardDescriptionLength),
  topic: topicSchema,
  cpu: positive(LIMITS.maxCardCpu),
  ramGb: positive(LIMITS.maxCardRamGb),
  diskGb: positive(LIMITS.maxCardDiskGb),
  guestOs: guestOsSchema,
  trust: z.enum(['trusted', 'untrusted']),
  sensitivity: z.enum(['public', 'internal', 'confidential']),
  residency: z.enum(['any', 'on-prem']),
  traffic: z.enum(['steady', 'bursty']),
  profile: z.enum(['cpu', 'io', 'network', 'syscall']),
  startDeadlineS: positive(LIMITS.maxStartDeadlineS),
  needsCustomKernel: z.boolean(),
  modifiableKernel: z.boolean(),
  needsOsControl: z.boolean(),
  saasAvailable: z.boolean(),
  arrivesAtS: num(0, LIMITS.maxScenarioLengthS).optional(),
  /** Optional (older packs have none): the container image, its base and its own layers in MB. */
  image: z.strictObject({ base: z.enum(BASE_IMAGES), ownMb: num(0, LIMITS.maxImageOwnMb) }).optional(),
  /** Optional: pods it runs as under an orchestrator (1 when absent). */
  replicas: z.number().int().min(1).max(LIMITS.maxReplicas).optional(),
});

export const hostSpecSchema = z.strictObject({
  cores: z.number().int().positive().max(LIMITS.maxHostCores),
  ramGb: positive(LIMITS.maxHostRamGb),
  diskGb: positive(LIMITS.maxHostDiskGb),
  os: guestOsSchema,
  machine: z.enum(['server', 'desktop']),
  /** Optional: machines in the on-premise pool (1 when absent). */
  nodes: z.number().int().min(1).max(LIMITS.maxHostNodes).optional(),
});

export const scheduledEventSchema = z.strictObject({
  kind: z.enum(EVENT_KINDS),
  atS: num(0, LIMITS.maxScenarioLengthS),
});

export const scenarioSchema = z.strictObject({
  id: idSchema,
  title: text(LIMITS.titleLength),
  description: text(LIMITS.scenarioDescriptionLength),
  host: hostSpecSchema,
  deck: z.array(idSchema).min(1).max(LIMITS.maxDeck),
  events: z.array(scheduledEventSchema).max(LIMITS.maxEvents),
  randomEvents: z.number().int().min(0).max(LIMITS.maxRandomEvents),
  lengthS: positive(LIMITS.maxScenarioLengthS),
});

// ---------------------------------------------------------------- rounds and pack

export const roundSpecSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('quiz'), questionIds: z.array(idSchema).min(1).max(LIMITS.maxRoundQuestions) }),
  z.strictObject({ kind: z.literal('race'), scenarioId: idSchema }),
]);

export const packMetaSchema = z.strictObject({
  id: idSchema,
  title: text(LIMITS.titleLength),
  language: z.enum(['ko', 'en']),
  description: optionalText(LIMITS.metaDescriptionLength),
  author: optionalText(LIMITS.authorLength),
  version: text(LIMITS.versionLength),
});

export const gamePackSchema = z
  .strictObject({
    format: z.literal(PACK_FORMAT),
    formatVersion: z.literal(PACK_FORMAT_VERSION),
    meta: packMetaSchema,
    questions: z.array(questionSchema).max(LIMITS.maxQuestions),
    cards: z.array(workloadCardSchema).max(LIMITS.maxCards),
    scenarios: z.array(scenarioSchema).max(LIMITS.maxScenarios),
    rounds: z.array(roundSpecSchema).min(1).max(LIMITS.maxRounds),
  })
  .meta({
    title: 'HostRush game pack',
    description:
      'A HostRush game pack: quiz questions, workload cards, provisioning scenarios and the round order. ' +
      'Generated from shared/content/schema.ts by scripts/gen-pack-schema.ts; do not edit by hand.',
  });

/** The JSON Schema of the pack format, as committed in docs/pack.schema.json (pure: no I/O). */
export function packJsonSchemaText(): string {
  const { $schema, title, description, ...rest } = z.toJSONSchema(gamePackSchema, { target: 'draft-2020-12' });
  return JSON.stringify({ $schema, title, description, ...rest }, null, 2) + '\n';
}

// ---------------------------------------------------------------- compile-time drift checks

/** Mutually assignable, and the same property names (so an extra optional field on either side is caught too). */
type Same<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [KeysOf<A>] extends [KeysOf<B>]
      ? [KeysOf<B>] extends [KeysOf<A>]
        ? true
        : false
      : false
    : false
  : false;
/** All property names of every member of a union. */
type KeysOf<T> = T extends unknown ? keyof T : never;
type Assert<T extends true> = T;

export type SchemaMatchesTypes = [
  Assert<Same<z.infer<typeof gamePackSchema>, GamePack>>,
  Assert<Same<z.infer<typeof packMetaSchema>, PackMeta>>,
  Assert<Same<z.infer<typeof questionSchema>, Question>>,
  Assert<Same<z.infer<typeof singleChoiceQuestionSchema>, SingleChoiceQuestion>>,
  Assert<Same<z.infer<typeof multiSelectQuestionSchema>, MultiSelectQuestion>>,
  Assert<Same<z.infer<typeof trueFalseQuestionSchema>, TrueFalseQuestion>>,
  Assert<Same<z.infer<typeof orderingQuestionSchema>, OrderingQuestion>>,
  Assert<Same<z.infer<typeof matchingQuestionSchema>, MatchingQuestion>>,
  Assert<Same<z.infer<typeof numericQuestionSchema>, NumericQuestion>>,
  Assert<Same<z.infer<typeof workloadCardSchema>, WorkloadCard>>,
  Assert<Same<z.infer<typeof hostSpecSchema>, HostSpec>>,
  Assert<Same<z.infer<typeof scheduledEventSchema>, ScheduledEvent>>,
  Assert<Same<z.infer<typeof scenarioSchema>, Scenario>>,
  Assert<Same<z.infer<typeof roundSpecSchema>, RoundSpec>>,
  Assert<Same<z.infer<typeof deployChoiceSchema>, DeployChoice>>,
];
