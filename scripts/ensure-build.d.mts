/** True when dist/app or one of its bundles is missing, or older than a source. */
export function buildIsStale(): boolean;
/** Compile with tsc (incremental), copy the data folders and bundle the entry points; returns tsc's exit status. */
export function build(): number;
/** Data folders under data/ copied beside the compiled code. */
export const DATA_DIRS: string[];
/** Bundle the entry points of the compiled `appDir` (default dist/app) into `<appDir>/bundle/{cli,bot}.cjs`. */
export function bundleEntries(appDir?: string): void;
