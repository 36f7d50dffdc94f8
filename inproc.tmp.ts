import { createApp } from './server/app.js';
import { createStorage } from './server/storage/index.js';
import { silentLogger } from './server/log.js';
import { roomCreateSchema } from './shared/protocol/schemas.js';
import { Session } from 'node:inspector/promises';
const storage = await createStorage({ sqlitePath: ':memory:' });
const app = createApp({ storage, restore: false, log: silentLogger, maxPlayersPerRoom: 5000 });
await app.ready;
const m = app.manager();
const N = 4100;
const session = new Session(); session.connect();
for (let round = 0; round < 2; round++) {
const made = await m.createRoom(roomCreateSchema.parse({ packId: 'course-en', options: { questionTimeS: 120 } }));
if (!made.ok) throw new Error('no room');
const room = made.room;
const ids: string[] = [];
for (let i = 0; i < N; i++) { const j = await room.join(`Player ${i}`, undefined); if (!j.ok) throw new Error(j.error.code); ids.push(j.playerId); }
room.control(undefined, 'h', { type: 'start', actor: { role: 'host' } } as any);
await new Promise((r) => setTimeout(r, 50));
const q = room.state.question!;
const ans: any = { type: 'single', choice: 0 };
for (let i = 0; i < N - 1; i++) room.answer(ids[i]!, q.questionId, ans, 2000);
await room.drain();
await new Promise((r) => setTimeout(r, 300));
if (round === 1) { await session.post('Profiler.enable'); await session.post('Profiler.start'); }
const c0 = process.cpuUsage();
const t0 = performance.now();
room.control(undefined, 'h', { type: 'next', actor: { role: 'host' } } as any);
const t1 = performance.now();
await new Promise((r) => setImmediate(r));
await new Promise((r) => setImmediate(r));
const t2 = performance.now();
const c = process.cpuUsage(c0);
if (round === 1) { const { profile } = await session.post('Profiler.stop'); (await import('node:fs')).writeFileSync('/tmp/close.cpuprofile', JSON.stringify(profile)); }
console.log(`close: act ${(t1 - t0).toFixed(1)} ms, flush ${(t2 - t1).toFixed(1)} ms, cpu ${((c.user + c.system) / 1000).toFixed(1)} ms`);
}
process.exit(0);
