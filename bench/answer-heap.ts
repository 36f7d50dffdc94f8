// `npm run bench heap`: what each answer keeps alive in a 4,100-player room, in one process through the real room
// (app, room, engine, seal, log and its SQLite batches; no sockets). What outlives two scavenges is copied to the old
// generation and freed only by a full GC: it sets how often a question's answers pause the server (issue 17).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import { createApp } from '../server/app.js';
import { silentLogger } from '../server/log.js';
import { createStorage } from '../server/storage/index.js';
import type { Answer } from '../shared/engine/index.js';
import { publicQuestion } from '../shared/engine/view.js';
import type { Figure } from './engine.js';
import { answerFor } from './load/drivers.js';

const PLAYERS = 4100;
const QUESTIONS = 3;

export async function answerHeapBench(): Promise<Figure[]> {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const heapUsed = () => (gc(), gc(), process.memoryUsage().heapUsed);
  const dir = mkdtempSync(join(tmpdir(), 'hostrush-heap-'));
  const storage = await createStorage({ sqlitePath: join(dir, 'heap.db') });
  const app = createApp({ storage, restore: false, log: silentLogger });
  try {
    await app.ready;
    const made = await app
      .manager()
      .createRoom({ packId: 'course-en', options: { mode: 'classroom', questionTimeS: 120 } });
    if (!made.ok) throw new Error(`heap: ${made.error.message}`);
    const room = made.room;
    const ids: string[] = [];
    for (let i = 0; i < PLAYERS; i++) {
      const joined = await room.join(`P${i}`, undefined);
      if (!joined.ok) throw new Error(`heap: ${joined.error.message}`);
      ids.push(joined.playerId);
    }
    const perAnswer: number[] = [];
    for (let k = 0; k < QUESTIONS; k++) {
      room.act({ type: k === 0 ? 'start' : 'next', actor: { role: 'host' } });
      if (room.state.phase !== 'question') room.act({ type: 'next', actor: { role: 'host' } });
      const qs = room.state.question;
      const q = room.state.config.content.questions.find((x) => x.id === qs?.questionId);
      if (!qs || !q) throw new Error('heap: no question opened');
      for (const id of ids) room.noteQuestionSent(id);
      await room.drain();
      const before = heapUsed();
      // All but one: the last answer would close the question.
      for (let i = 0; i < PLAYERS - 1; i++) {
        const r = room.answer(ids[i]!, qs.questionId, answerFor(publicQuestion(q, qs.perm), i) as Answer, 1000);
        if (!r.ok) throw new Error(`heap: ${r.error.message}`);
      }
      await room.drain();
      perAnswer.push((heapUsed() - before) / (PLAYERS - 1));
      room.act({ type: 'next', actor: { role: 'host' } });
    }
    perAnswer.sort((a, b) => a - b);
    return [
      {
        name: `heap kept per answer, ${PLAYERS}-player room (median of ${QUESTIONS})`,
        value: perAnswer[Math.floor(QUESTIONS / 2)]!,
        unit: 'B',
      },
    ];
  } finally {
    await app.close();
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
