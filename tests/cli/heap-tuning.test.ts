// The long-running bot bounds V8's heap growth unless the operator chose a growth factor on the node command line.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HEAP_GROWING_PERCENT, tuneHeap } from '../../adapters/heap-tuning.ts';

const ROOT = join(import.meta.dirname, '..', '..');

describe('heap tuning', () => {
  it('applies the bounded growth by default and alongside other heap flags', () => {
    expect(HEAP_GROWING_PERCENT).toBeGreaterThan(0);
    expect(tuneHeap([])).toBe(true);
    expect(tuneHeap(['--max-old-space-size=2048', '--enable-source-maps'])).toBe(true);
  });

  it.each(['--heap-growing-percent=50', '--heap_growing_percent=50'])("leaves the operator's %s alone", (flag) => {
    expect(tuneHeap([flag])).toBe(false);
  });

  it('reads the real command line of a node process', () => {
    const script = `import { tuneHeap } from ${JSON.stringify(join(ROOT, 'adapters', 'heap-tuning.ts'))}; console.log(tuneHeap());`;
    const run = (flags: string[]) => spawnSync(process.execPath, [...flags, '--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8' });
    expect(run([]).stdout.trim()).toBe('true');
    expect(run(['--heap-growing-percent=40']).stdout.trim()).toBe('false');
  });
});
