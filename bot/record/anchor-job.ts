// The daily anchor job: once a UTC day, post the heads of every incident whose head changed since it was last
// anchored. The day is recorded on the anchored incidents, so a restart the same day does not post again.
import type { Logger } from '../ports.ts';
import { createSlicer } from '../slices.ts';
import type { Incident } from '../model/incident-schema.ts';
import { postAnchor, type AnchorTarget } from './anchor.ts';

/** A job the scheduler runs on every tick (it decides itself whether there is anything to do). */
export interface AnchorJob {
  readonly name: string;
  run(now: Date): Promise<void>;
}

const DAY_MS = 86_400_000;

/** Build the daily anchor job. */
export function createAnchorJob(deps: AnchorTarget & { logger: Logger }): AnchorJob {
  let lastDay: string | undefined;
  let scanned = false;
  let retryAt = 0;

  async function walk(visit: (i: Incident) => void): Promise<void> {
    const pause = createSlicer();
    for (const id of await deps.store.ids()) {
      await pause();
      const incident = await deps.store.get(id);
      if (incident) visit(incident);
    }
  }

  return {
    name: 'anchor',
    async run(now) {
      const today = now.toISOString().slice(0, 10);
      if (now.getTime() < retryAt) return;
      if (!scanned) {
        // The durable once-a-day record: the latest day stamped on any anchored incident.
        await walk((i) => {
          const day = i.chain?.anchored?.day;
          if (day && (!lastDay || day > lastDay)) lastDay = day;
        });
        scanned = true;
      }
      if (lastDay !== undefined && lastDay >= today) return;
      const changed: Incident[] = [];
      await walk((i) => {
        if (i.chain && i.chain.anchored?.head !== i.chain.head) changed.push(i);
      });
      try {
        const posted = await postAnchor(deps, changed, now, 'daily');
        lastDay = today;
        if (posted) deps.logger.info(`anchor: posted ${posted} chain head(s)`, { day: today });
      } catch (error) {
        // Refused or unreachable: try again in a few minutes, still within the day.
        retryAt = now.getTime() + Math.min(DAY_MS / 24, 5 * 60_000);
        deps.logger.warn('anchor: post refused; will retry', { error: error instanceof Error ? error.message : String(error) });
      }
    },
  };
}
