// Vitest global setup: the one-shot CLI runs compiled JavaScript (bin/breachdesk.js), so build it once, before any
// test spawns it, instead of letting the first spawned CLI compile while others wait or race.
import { build, buildIsStale } from '../../scripts/ensure-build.mjs';

export default function setup(): void {
  if (buildIsStale() && build() !== 0) throw new Error('npm run build failed: see the TypeScript errors above');
}
