// Types of what scripts/build.mjs exports to TypeScript callers (the load bench).
export declare const CLIENT_OUT: string;
export declare const SERVER_OUT: string;
/** An esbuild bundle of a server entry, as `npm start` runs (see build.mjs). */
export declare function bundleServer(entry: string, outfile: string): Promise<void>;
/** Builds the client and the server as `mode` says; returns the names of the parts built. */
export declare function build(
  mode?: 'always' | 'if-stale' | 'if-missing',
  log?: (line: string) => void,
): Promise<string[]>;
