// The build: the client (Vite, into dist/client) and the server (esbuild, one ESM bundle dist/server/main.js with
// the storage migrations copied beside it in dist/server/migrations). `npm start` runs that bundle with plain node.
//
//   node scripts/build.mjs              build both (npm run build)
//   node scripts/build.mjs --if-stale   build what is missing or older than its sources (npm install's `prepare`,
//                                       the test run's global setup)
//   node scripts/build.mjs --if-missing build only what is missing (first `npm start`); a build older than its
//                                       sources is used as it is, with a warning naming the command that rebuilds
//
// Without the build tools (`npm install --omit=dev`), an existing build is used as it is; with none, the message
// says what to do and `--if-missing` fails (there is nothing to start). A lock directory keeps two builds in the
// same checkout (two test runs at once) from writing the same files together.
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const at = (...parts) => join(root, ...parts);

export const CLIENT_OUT = at('dist/client/index.html');
export const SERVER_OUT = at('dist/server/main.js');

/** The newest modification time under the given files and folders (0 when none exists). */
function newest(...paths) {
  let n = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (!stat.isDirectory()) n = Math.max(n, stat.mtimeMs);
    else for (const entry of readdirSync(path)) n = Math.max(n, newest(join(path, entry)));
  }
  return n;
}

const mtime = (path) => (existsSync(path) ? statSync(path).mtimeMs : 0);

const targets = {
  client: {
    out: CLIENT_OUT,
    sources: () => newest(at('client'), at('shared'), at('vite.config.ts'), at('package-lock.json')),
    build: buildClient,
  },
  server: {
    out: SERVER_OUT,
    sources: () => newest(at('server'), at('shared'), at('package-lock.json'), fileURLToPath(import.meta.url)),
    build: buildServer,
  },
};

async function buildClient() {
  const { build } = await import('vite');
  await build({ configFile: at('vite.config.ts'), root: at('client'), logLevel: 'warn' });
}

/**
 * An esbuild bundle of a server entry (npm start's server/main.ts; the load bench's servers under test, beside it so
 * they find the migrations and the client as it does), written beside and renamed into place: a server or test
 * starting meanwhile reads the old file or the new one.
 */
export async function bundleServer(entry, outfile) {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    // node_modules stay where npm put them (better-sqlite3 is native); only our own code is bundled.
    packages: 'external',
    // server/paths.ts: the bundle finds the built client beside itself, not where the source would.
    define: { __HOSTRUSH_BUNDLE__: 'true' },
    sourcemap: 'linked',
    sourcesContent: false,
    legalComments: 'none',
    outfile,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(dirname(outfile), { recursive: true });
  for (const file of result.outputFiles) {
    const temp = `${file.path}.${process.pid}.tmp`;
    writeFileSync(temp, file.contents);
    renameSync(temp, file.path);
  }
}

async function buildServer() {
  await bundleServer(at('server/main.ts'), SERVER_OUT);
  // server/storage/migrations.ts reads ./migrations/<dialect>/ beside its module: beside the bundle here.
  const migrations = at('dist/server/migrations');
  const staged = `${migrations}.${process.pid}.tmp`;
  rmSync(staged, { recursive: true, force: true });
  cpSync(at('server/storage/migrations'), staged, { recursive: true });
  rmSync(migrations, { recursive: true, force: true });
  renameSync(staged, migrations);
}

/** Runs `fn` holding dist/.build-lock (a directory: creating it is atomic); a lock older than 5 minutes is stale. */
async function withLock(fn) {
  const lock = at('dist/.build-lock');
  mkdirSync(at('dist'), { recursive: true });
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - mtime(lock) > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      else if (waited > 10 * 60_000) throw new Error(`a build has held ${lock} for 10 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

async function toolsInstalled() {
  try {
    await import('vite');
    await import('esbuild');
    return true;
  } catch {
    return false;
  }
}

/**
 * Builds the client and the server as `mode` says ('always', 'if-stale' or 'if-missing'). Returns the names of the
 * parts built. Throws when a part is missing and cannot be built.
 */
export async function build(mode = 'always', log = console.log) {
  const wanted = (name) => {
    const t = targets[name];
    if (mode === 'always' || !existsSync(t.out)) return true;
    const stale = mtime(t.out) < t.sources();
    if (stale && mode === 'if-missing') {
      log(
        `HostRush: the ${name} build in ${relative(root, dirname(t.out))} is older than its sources; ` +
          '`npm run build` rebuilds it.',
      );
    }
    return stale && mode === 'if-stale';
  };
  let todo = Object.keys(targets).filter(wanted);
  if (todo.length === 0) return [];
  if (!(await toolsInstalled())) {
    const missing = todo.filter((name) => !existsSync(targets[name].out));
    if (missing.length === 0) {
      log('HostRush: the build tools are not installed (npm install --omit=dev): using the build in dist/ as it is.');
      return [];
    }
    throw new Error(
      `there is no ${missing.join(' or ')} build in dist/ and the build tools are not installed ` +
        '(npm install --omit=dev). Run `npm install` (with the dev dependencies) and `npm run build`, or copy ' +
        'dist/ from a machine that built it.',
    );
  }
  return withLock(async () => {
    // Another build may have done it while this one waited for the lock.
    todo = todo.filter(wanted);
    for (const name of todo) {
      const started = Date.now();
      await targets[name].build();
      log(`HostRush: built the ${name} in ${Date.now() - started} ms`);
    }
    return todo;
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const mode = process.argv.includes('--if-stale')
    ? 'if-stale'
    : process.argv.includes('--if-missing')
      ? 'if-missing'
      : 'always';
  try {
    await build(mode);
  } catch (error) {
    console.error(`HostRush: ${error instanceof Error ? error.message : String(error)}`);
    // npm install's `prepare` goes on without a build (the message says what to do); a start cannot.
    process.exitCode = mode === 'if-stale' && process.env.npm_lifecycle_event === 'prepare' ? 0 : 1;
  }
}
