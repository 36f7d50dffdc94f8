// `npm run bench`: every benchmark, figures printed as a table. Record results in docs/BENCHMARKS.md.
import os from 'node:os';
import { engineBench, type Figure } from './engine.js';

const sections: Array<[string, () => Promise<Figure[]> | Figure[]]> = [
  ['engine', engineBench],
  ['storage', async () => (await import('./storage.js')).storageBench()],
  ['heap', async () => (await import('./answer-heap.js')).answerHeapBench()],
  ['budgets', async () => (await import('./budgets.js')).budgetsBench()],
  ['load', async () => (await import('./load/index.js')).loadBench()],
  ['cluster', async () => (await import('./cluster/index.js')).clusterBench()],
  ['client', async () => (await import('./client.js')).clientBench()],
];

const only = process.argv[2];
console.log(
  `HostRush benchmarks, ${new Date().toISOString()}, ${os.cpus().length} x ` +
    `${os.cpus()[0]?.model ?? 'cpu'}, Node ${process.version}`,
);
for (const [name, run] of sections) {
  if (only && only !== name) continue;
  console.log(`\n## ${name}`);
  for (const f of await run()) {
    const value = f.value >= 100 ? f.value.toFixed(0) : f.value >= 1 ? f.value.toFixed(2) : f.value.toFixed(3);
    console.log(`${f.name.padEnd(58)} ${value.padStart(12)} ${f.unit.padEnd(10)} ${f.goal ? `goal ${f.goal}` : ''}`);
  }
}
