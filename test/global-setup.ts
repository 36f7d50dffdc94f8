// Once before every test run (vitest's globalSetup): build what is missing or older than its sources, the client
// (dist/client, served by the server under test and opened by the browser tests) and the server bundle
// (dist/server/main.js, spawned by the tests that run real processes). Test files never build.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export default function setup(): void {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const result = spawnSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('the build failed (node scripts/build.mjs --if-stale): see above');
}
