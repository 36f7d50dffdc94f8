// What the OS sees of the server over one window of the bench, on stderr (Linux only; each off unless asked for):
//   LOAD_THREADS=1   each thread's CPU (the main thread's apart from V8's and libuv's helpers), user+system
//   LOAD_PERF=<dir>  Linux perf samples of the server, <dir>/<kind>-<window>.perf; with
//                    LOAD_NODE_FLAGS=--perf-basic-prof (LOAD_FLOOR_NODE_FLAGS for the floors) JS functions are
//                    named: `perf report -i <file>` shows the native and kernel time that V8's own profiler counts
//                    as idle (reading sockets, writing frames) and the helper threads' (the JIT's compiles, the GC).
//   LOAD_TRACE_GC=<file> (proc.ts: the server's stdout, V8's traces) gets `=== START|STOP <kind> <window>` lines
//                    around each window: with LOAD_NODE_FLAGS='--trace-opt --trace-deopt', which functions a window
//                    deoptimized and compiled again (run the bench under `stdbuf -o0` so that V8's lines are not
//                    held in a buffer past the markers).
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import { procThreadCpuMs, type ServerProcess } from './proc.js';
import { sleep } from './stats.js';

export interface WindowProbe {
  stop(): Promise<void>;
}

export async function probeWindow(server: ServerProcess, label: string): Promise<WindowProbe> {
  const dir = process.env.LOAD_PERF;
  const perf = dir
    ? spawn(
        'perf',
        [
          'record',
          '-e',
          'cpu-clock',
          '-F',
          '1999',
          '-g',
          '-p',
          String(server.pid),
          '-o',
          `${dir}/${server.kind}-${label}.perf`,
        ],
        { stdio: 'ignore' },
      )
    : null;
  // perf attaches to every thread before it samples: without the wait, the window's start is missed.
  if (perf) await sleep(300);
  const mark = (what: string) => {
    if (process.env.LOAD_TRACE_GC) appendFileSync(process.env.LOAD_TRACE_GC, `\n=== ${what} ${server.kind} ${label}\n`);
  };
  mark('START');
  const before = process.env.LOAD_THREADS ? procThreadCpuMs(server.pid) : null;
  return {
    async stop() {
      mark('STOP');
      if (before) {
        const parts = [...procThreadCpuMs(server.pid)].map(([name, t]) => {
          const was = before.get(name) ?? { user: 0, system: 0 };
          return `${name} ${(t.user - was.user).toFixed(0)}+${(t.system - was.system).toFixed(0)} ms`;
        });
        console.error(`threads ${server.kind} ${label}: ${parts.join(', ')}`);
      }
      if (perf) {
        const exited = new Promise((resolve) => perf.once('exit', resolve));
        perf.kill('SIGINT');
        await exited;
      }
    },
  };
}
