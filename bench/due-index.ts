// `due --within 7d` in the running bot over the deadline index, against the walk it replaces (the engine over every
// open incident, which is also what filling the index costs once) and against `help` (a command's floor).
import { openRuntime } from '../adapters/runtime.ts';
import { createManualClock } from '../bot/clock.ts';
import type { Logger } from '../bot/ports.ts';
import { percentile } from './stats.ts';

const quiet: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: (m) => void process.stderr.write(`${m}\n`) };

/** What due costs once the index is filled, and what filling it (the old walk) cost. */
export interface DueInBot {
  fillMs: number;
  due: { p50: number; p99: number };
  help: { p50: number; p99: number };
  lines: number;
}

/** Open the store as the bot does, fill the index with one `due`, then time `due --within 7d` and `help` alternately. */
export async function benchDueInBot(storePath: string, now: Date, requests = 200): Promise<DueInBot> {
  const clock = createManualClock(now.toISOString());
  const runtime = await openRuntime({ dataPath: storePath, clock, logger: quiet, core: { defaultTimezone: 'America/Chicago', admins: [], openers: [] } as never });
  try {
    const ask = async (text: string) => {
      const t = performance.now();
      const reply = await runtime.bot.handle({ text, actor: { id: 'UADMIN', name: 'Privacy Officer' }, platform: 'terminal' });
      if (reply.outcome !== 'ok') throw new Error(`due bench: ${text} answered ${reply.outcome}: ${reply.text.slice(0, 200)}`);
      return { ms: performance.now() - t, reply };
    };
    const fill = await ask('due --within 7d');
    const due: number[] = [];
    const help: number[] = [];
    for (let i = 0; i < requests; i++) {
      due.push((await ask('due --within 7d')).ms);
      help.push((await ask('help')).ms);
    }
    return {
      fillMs: fill.ms,
      due: { p50: percentile(due, 50), p99: percentile(due, 99) },
      help: { p50: percentile(help, 50), p99: percentile(help, 99) },
      lines: fill.reply.text.split('\n').length,
    };
  } finally {
    await runtime.close(); // writes the index beside the store, as a bot that stops does
  }
}
