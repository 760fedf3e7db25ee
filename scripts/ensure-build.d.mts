/** True when dist/app is missing or older than a source. */
export function buildIsStale(): boolean;
/** Compile with tsc (incremental) and copy the rule data; returns tsc's exit status. */
export function build(): number;
/** Data folders under data/ copied beside the compiled code. */
export const DATA_DIRS: string[];
