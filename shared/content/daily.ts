// The daily challenge: a short game drawn from the daily pool with the day's seed, so everyone plays the
// same questions and the same race that day, and a different set the next.
import { hashSeed, Rng } from '../engine/rng.js';
import type { Question, RoundSpec, TopicId } from '../engine/types.js';
import type { GamePack } from './pack.js';

export const DAILY_QUESTIONS = 10;

/** Two quiz rounds of five around one race; questions spread over as many topics as possible. */
export function dailyRounds(pack: GamePack, seed: string): RoundSpec[] {
  const rng = new Rng(hashSeed(`rounds|${seed}`));
  const byTopic = new Map<TopicId, Question[]>();
  for (const q of pack.questions) byTopic.set(q.topic, [...(byTopic.get(q.topic) ?? []), q]);
  const topics = [...byTopic.keys()];
  const order = rng.permutation(topics.length).map((i) => topics[i]!);
  const picked: string[] = [];
  const wanted = Math.min(DAILY_QUESTIONS, pack.questions.length);
  for (let pass = 0; picked.length < wanted; pass++) {
    for (const topic of order) {
      if (picked.length >= wanted) break;
      const pool = byTopic.get(topic)!.filter((q) => !picked.includes(q.id));
      if (pool.length > 0) picked.push(rng.pick(pool).id);
    }
  }
  const rounds: RoundSpec[] = [{ kind: 'quiz', questionIds: picked.slice(0, Math.ceil(wanted / 2)) }];
  if (pack.scenarios.length > 0) rounds.push({ kind: 'race', scenarioId: rng.pick(pack.scenarios).id });
  if (picked.length > Math.ceil(wanted / 2))
    rounds.push({ kind: 'quiz', questionIds: picked.slice(Math.ceil(wanted / 2)) });
  return rounds;
}
