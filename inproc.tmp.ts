// In-process: a room of N through the real Room (no sockets): bytes allocated per answer, by part.
import { createApp } from './server/app.js';
import { answerFor } from './bench/load/drivers.js';
import v8 from 'node:v8';
import { Session } from 'node:inspector/promises';
const session = new Session(); session.connect(); await session.post('HeapProfiler.enable');
import { PerformanceObserver } from 'node:perf_hooks';
let gcs = 0;
new PerformanceObserver((l) => (gcs += l.getEntries().length)).observe({ entryTypes: ['gc'] });
const N = Number(process.env.N ?? 4100);
const Q = Number(process.env.Q ?? 12);
const app = createApp({ sqlitePath: ':memory:' } as never);
await app.ready;
const m = app.manager();
const made = await m.createRoom({ packId: 'course-en', options: { mode: 'classroom', questionTimeS: 120 } } as never);
if (!made.ok) throw new Error('create');
const room = made.room;
const ids: string[] = [];
for (let i = 0; i < N; i++) {
  const j = await room.join(`Bot ${i}`, undefined);
  if (!j.ok) throw new Error('join ' + JSON.stringify(j));
  ids.push(j.playerId);
}
await room.join('idle', undefined);
let started = false;
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const used = () => v8.getHeapStatistics().used_heap_size;
for (let k = 0; k < Q; k++) {
  let r = room.act({ type: started ? 'next' : 'start', actor: { role: 'host' } } as never);
  started = true;
  while (room.state.phase !== 'question') { r = room.act({ type: 'next', actor: { role: 'host' } } as never); if (!r.ok) throw new Error('next ' + JSON.stringify(r)); }
  const q = room.sharedView().question!;
  const answers = ids.map((_, i) => answerFor(q.question, i));
  await new Promise((r) => setTimeout(r, 20));
  (globalThis as any).gc();
  const g0 = gcs; const h0 = used();
  if (k === Q - 1) await session.post('HeapProfiler.startSampling', { samplingInterval: 256, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  const c0 = cpu();
  for (let i = 0; i < N; i++) {
    const a = room.answer(ids[i]!, q.question.id, answers[i] as never, 1000);
    if (!a.ok) throw new Error('answer ' + JSON.stringify(a));
  }
  const c1 = cpu(); const h1 = used(); const g1 = gcs;
  (globalThis as any).gc(); const live1 = used();
  if (k === Q - 1) {
    const { profile } = (await session.post('HeapProfiler.stopSampling')) as any;
    const self = new Map<string, number>();
    const walk = (n: any, path: string[]) => {
      const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').slice(-2).join('/')}:${n.callFrame.lineNumber + 1}`;
      const p2 = [...path, name];
      if (n.selfSize > 0) { const key = p2.slice(-3).join(' < '); self.set(key, (self.get(key) ?? 0) + n.selfSize); }
      for (const c of n.children) walk(c, p2);
    };
    walk(profile.head, []);
    const total = [...self.values()].reduce((a, b) => a + b, 0);
    console.error(`sampled ${(total / N).toFixed(0)} B/answer`);
    for (const [k2, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.error(`${(v / N).toFixed(0).padStart(6)} B  ${k2}`);
  }
  room.act({ type: 'next', actor: { role: 'host' } } as never);
  const c2 = cpu();
  await new Promise((r) => setTimeout(r, 50));
  (globalThis as any).gc(); const live2 = used();
  console.error(`Q${k} ${q.question.type}: answers ${(c1 - c0).toFixed(0)} ms, close ${(c2 - c1).toFixed(0)} ms, ${((h1 - h0) / N).toFixed(0)} B/answer allocated, ${((live1 - h0) / N).toFixed(0)} B/answer alive at close, ${((live2 - h0) / N).toFixed(0)} B/answer kept after it${g1 > g0 ? ' (GC ran: not exact)' : ''}`);
}
process.exit(0);
