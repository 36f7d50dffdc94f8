// The server as `npm start` runs it: the bundle scripts/build.mjs writes (built before the run by
// test/global-setup.ts), started with plain node. Tests that spawn real server processes start this file.
import { fileURLToPath } from 'node:url';

export const BUILT_SERVER = fileURLToPath(new URL('../dist/server/main.js', import.meta.url));

/** node and its arguments for one server process (source maps on, as `npm start` has them). */
export function serverArgs(): string[] {
  return ['--enable-source-maps', BUILT_SERVER];
}
