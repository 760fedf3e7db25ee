// How far V8 lets the heap grow past its live data before a full collection, for the long-running bot.
//
// By default V8 may grow the old generation to several times its live size. Planning every incident after start-up
// makes a lot of short-lived garbage that survives young collections. Left alone, the process grew to 800–900 MB while
// planning 100,000 incidents (their texts then held in memory), and to about 670 MB under a long burst of commands; with
// the growth bounded at 10 % it stayed near 600 MB and 340 MB, at about the same speed. Now that packed incidents stay on
// disk until changed, 10 % gave a planning peak of about 310 MB at 100,000 incidents, but it kept the old generation so
// close to its live size that a full collection ran every few hundred commands: the slash command's p99 was 16–17 ms.
// At 50 %: peak 360 MB (still under the 400 MB goal), p99 8–9 ms; at 100 %: peak 427 MB, p99 7–12 ms (2026-12-02, one
// machine, bench/boot-bot.ts and the command-latency server on fresh copies of the synthetic store). This is a growth
// factor, not a cap: a larger store still gets the memory it needs.
import { setFlagsFromString } from 'node:v8';

/** Old-generation growth after a full collection, in percent of the live size. */
export const HEAP_GROWING_PERCENT = 50;

/** Apply HEAP_GROWING_PERCENT unless the operator chose a growth factor on the command line; true when applied. */
export function tuneHeap(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((arg) => /^--heap[-_]growing[-_]percent\b/.test(arg))) return false;
  // V8 reads this flag at each collection, so setting it once, at any time, takes effect from the next one.
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
