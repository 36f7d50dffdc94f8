// Where the built client is, from this module's own location rather than the working directory: in the source tree
// (server/paths.ts, run by tsx in tests and benchmarks) it is ../dist/client; in the bundle that `npm start` runs
// (dist/server/main.js, built by scripts/build.mjs with __HOSTRUSH_BUNDLE__ defined) it is ../client. The storage
// migrations are found the same way (server/storage/migrations.ts: ./migrations beside the module or the bundle).
import { fileURLToPath } from 'node:url';

declare const __HOSTRUSH_BUNDLE__: boolean | undefined;

/** True in the bundle built by scripts/build.mjs. */
export const BUNDLED = typeof __HOSTRUSH_BUNDLE__ !== 'undefined' && __HOSTRUSH_BUNDLE__;

/** The folder of the built client (index.html and assets/). */
export const CLIENT_DIR = fileURLToPath(new URL(BUNDLED ? '../client' : '../dist/client', import.meta.url));
