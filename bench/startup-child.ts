// Opens a store in a fresh process and reports how long until it is ready and the resident memory then.
import { tuneHeap } from '../adapters/heap-tuning.ts';
import { openFileStore } from '../data/file-store.ts';

tuneHeap(); // as `npm start` does

const started = performance.now(); // performance.now() counts from process start, so `started` is the boot cost
const store = await openFileStore(process.argv[2]!, new Date());
const readyMs = performance.now() - started;
const sinceProcessStartMs = performance.now();
const rssMb = process.memoryUsage().rss / 1048576;
// Then one walk over every record (what `list --all` or the scheduler's full re-plan does): each is parsed once.
const count = (await store.list()).length;
const rssAfterListMb = process.memoryUsage().rss / 1048576;
process.stdout.write(`${JSON.stringify({ readyMs, sinceProcessStartMs, rssMb, count, rssAfterListMb })}\n`);
process.exit(0); // leave the store as it was: no pack rewrite, no lock release needed for a bench child
