// Drives a game through the protocol as a host would: answer what is open, then `next` until the podium.
import type { GameView } from '../../shared/engine/index.js';
import { answerFor, expectOk, type TestClient } from './harness.js';

export interface Seat {
  client: TestClient;
  playerId: string;
  /** Answers right (true), wrong (false), or not at all (null). */
  right: boolean | null;
}

/** Waits for the host view of at least `version`. */
export function hostView(host: TestClient, version: number): Promise<GameView> {
  return host.waitFor('host:view', (v) => v.version >= version);
}

/** Plays every remaining step: players answer each question, the host moves on. Returns the number of questions. */
export async function playToEnd(
  host: TestClient,
  seats: Seat[],
  packId: string,
  control = 'host:control' as const,
): Promise<number> {
  let view = await host.waitFor('host:view');
  let questions = 0;
  for (let guard = 0; guard < 500 && !view.finished; guard++) {
    if (view.phase === 'question' && view.question && !view.question.closed) {
      questions++;
      const q = view.question.question;
      await Promise.all(
        seats
          .filter((s) => s.right !== null)
          .map(async (s) => {
            const reply = await s.client.call('player:answer', {
              questionId: q.id,
              answer: answerFor(packId, q, s.right!),
            });
            expectOk(reply);
          }),
      );
    }
    if (process.env.DEBUG_PLAY) console.log(view.phase, view.step, view.version, view.question?.closed);
    const reply = expectOk(await host.call(control, { command: 'next' }));
    view = await hostView(host, reply.version as number);
  }
  return questions;
}
