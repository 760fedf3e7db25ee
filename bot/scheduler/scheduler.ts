// The reminder scheduler: plans from "what is due and not yet delivered", posts, and records only what the platform accepted.
import type { Incident } from '../model/incident-schema.ts';
import type { Reply } from '../reply.ts';
import { summaryReply } from '../views/summary-view.ts';
import type { DeadlineIndex } from '../deadlines/deadline-index.ts';
import { computeObligations as engineCompute } from '../deadlines/engine.ts';
import { languageFor } from '../i18n/index.ts';
import type { RuleSet } from '../deadlines/rule-schema.ts';
import type { Obligation } from '../deadlines/types.ts';
import type { ChannelTarget, Clock, IncidentStore, Logger, Notifier } from '../ports.ts';
import { openIncidents } from '../slices.ts';
import { applyChange, SYSTEM_ACTOR } from '../domain/change.ts';
import { incidentDateProblems } from '../domain/dates.ts';
import { boundSnoozes } from '../domain/reminders.ts';
import { indexedPortfolio, PORTFOLIO_DIGEST, planDailyDigest, portfolioRecord, portfolioReply, portfolioRows, portfolioSentIn, portfolioSlot, type DigestConfig, type PortfolioRow } from './digest.ts';
import { createDueIndex } from './due-index.ts';
import { channelLabel, planReminders, type PendingRecord } from './plan.ts';
import { createLanePool } from './lanes.ts';
import { countSent, emptyReport, type TickReport } from './tick-report.ts';

export type { TickReport } from './tick-report.ts';
import { DEFAULT_REMINDER_POLICY, parseLocalTime, validatePolicy, type ReminderPolicy } from './policy.ts';
import { reminderReply } from './reminder-message.ts';
import { createDeliverer } from './deliverer.ts';
import { reachableChannels, type AccessConfig } from '../access/policy.ts';
import type { BackoffConfig } from './retry.ts';

/** What the scheduler is built from. */
export interface SchedulerConfig {
  store: IncidentStore;
  rules: RuleSet;
  clock: Clock;
  notifier: Notifier;
  logger: Logger;
  /** Overrides of DEFAULT_REMINDER_POLICY. */
  policy?: Partial<ReminderPolicy>;
  /** Seconds between ticks once started (default 30). */
  tickSeconds?: number;
  /** Escalate unacknowledged overdue obligations after this many hours (default 4). */
  escalateAfterHours?: number;
  /** Daily digests; none without it. */
  digest?: DigestConfig;
  /** Retry timing for refused posts (default 30 s × 2^n, at most 1 h). */
  backoff?: BackoffConfig;
  /** Access settings: reminders and digests go only to channels linked by a current team member or an admin (all linked channels without it). */
  access?: AccessConfig;
  /** Channels posted to at once (default 16); posts to one channel always go one after another. */
  concurrency?: number;
  /** A Retry-After up to this long is waited out within the tick (default 5 s). */
  inTickWaitMs?: number;
  /** The process's deadline index: filled by the start-up walk, read by the portfolio digest (engine per incident without it). */
  deadlineIndex?: () => Promise<DeadlineIndex>;
  /** Further jobs run on every tick after reminders and digests (each decides itself when it has work, e.g. the daily anchor). */
  jobs?: ReadonlyArray<{ name: string; run(now: Date): Promise<void> }>;
  /** The deadline engine (injectable for tests). */
  computeObligations?: (incident: Incident, rules: RuleSet, now: Date) => Obligation[];
}

/** A running reminder scheduler. */
export interface Scheduler {
  /** Plan and deliver everything due now; concurrent calls share one run. */
  tick(): Promise<TickReport>;
  /** Tick every `tickSeconds` (the first one at once). */
  start(): void;
  /** Stop ticking and wait for the current tick. */
  stop(): Promise<void>;
  /** Recompute every open incident's next due instant (full scan); returns how many open incidents it planned. */
  rebuildIndex(): Promise<number>;
  /** The earliest instant anything is due, if any. */
  nextDueAt(): Date | null;
}

const HOUR_MS = 3_600_000;
const PORTFOLIO = '#portfolio';
const DEFAULT_CONCURRENCY = 16;
const INCIDENTS_IN_FLIGHT = 64;
/** Portfolio intents live in their holder incident but are planned by processPortfolio, not by the holder's plan. */
const isPortfolioKey = (key: string) => key.split('|')[1] === PORTFOLIO_DIGEST;

/** Build the scheduler; nothing runs until tick() or start(). */
export function createScheduler(config: SchedulerConfig): Scheduler {
  const { store, rules, clock, notifier, logger, digest } = config;
  const policy: ReminderPolicy = { ...DEFAULT_REMINDER_POLICY, ...config.policy };
  validatePolicy(policy);
  if (digest) parseLocalTime(digest.localTime);
  const escalateAfterHours = config.escalateAfterHours ?? 4;
  // In the organization's language: reminders quote recipient, basis and caveats, and French organizations read French.
  const compute = config.computeObligations ?? ((i: Incident, r: RuleSet, now: Date) => engineCompute(i, r, now, { lang: languageFor(i.organization) }));
  const index = createDueIndex();
  const deliverer = createDeliverer({ store, clock, notifier, logger, ...(config.backoff ? { backoff: config.backoff } : {}), ...(config.inTickWaitMs !== undefined ? { inTickWaitMs: config.inTickWaitMs } : {}) });
  const lanes = createLanePool(config.concurrency ?? DEFAULT_CONCURRENCY);
  let built = false;
  let portfolioNextAt = 0;
  let portfolioIdle = false;
  let running: Promise<TickReport> | null = null;
  /** Set while stop() waits for a tick: a walk over the store ends early. */
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  let unsubscribe: (() => void) | undefined;

  const subscribe = () => {
    unsubscribe ??= store.onChange((incident) => {
      // Only the changed incident is re-planned, on the next tick.
      index.schedule(incident.id, 0);
      if (portfolioIdle) portfolioNextAt = 0;
    });
  };
  subscribe();

  const earliest = (...times: (number | null)[]) => times.reduce<number | null>((a, t) => (t === null ? a : a === null ? t : Math.min(a, t)), null);

  function planIncident(stored: Incident, now: Date) {
    const incident = config.access ? { ...stored, channels: reachableChannels(stored, config.access) } : stored;
    const obligations = compute(incident, rules, now);
    const plan = planReminders(incident, obligations, policy, now, { escalateAfterHours });
    const daily = digest ? planDailyDigest(incident, digest, now, policy.lateAfterMinutes * 60_000) : { sends: [], nextAt: null };
    // Time alone changes nothing else: facts change through the store, which re-queues the incident.
    return { obligations, plan, daily, nextAt: earliest(plan.nextAt, daily.nextAt) };
  }

  async function rebuildIndex(): Promise<number> {
    subscribe();
    index.clear();
    const now = clock.now();
    const began = performance.now();
    let planned = 0;
    const deadlines = await config.deadlineIndex?.();
    // A full re-plan of a large store takes seconds: it yields every few ms, so chat requests are still answered meanwhile.
    // Closed incidents get no reminders or digests: their deadlines are not computed at all.
    for await (const incident of openIncidents(store)) {
      // Shutting down: the walk ends here (the next start plans again; the deadline index recomputes what it lacks).
      if (stopping) return planned;
      planned++;
      try {
        const { obligations, plan, daily, nextAt } = planIncident(incident, now);
        // The same engine run fills the deadline index (due, App Home, portfolio digest).
        deadlines?.record(incident, now, obligations);
        // Intents left by an earlier run are reconciled at once; so are snoozes past a deadline that moved earlier.
        const act = plan.sends.length || daily.sends.length || incident.outbox.length || plan.snoozeCuts.length;
        index.schedule(incident.id, act ? now.getTime() : earliest(nextAt, deliverer.retries.nextFor(incident.id)));
      } catch (error) {
        logger.error('scheduler: cannot plan incident', { incident: incident.id, error: describe(error) });
        index.schedule(incident.id, now.getTime() + HOUR_MS);
      }
    }
    built = true;
    logger.info(`scheduler: planned ${planned} open incidents in ${((performance.now() - began) / 1000).toFixed(1)} s`);
    return planned;
  }

  /** Deliver and count; returns when to look again after a refusal (null when sent). */
  async function send(recordIn: string, retryGroup: string, target: ChannelTarget, key: string, reply: () => Reply, records: readonly PendingRecord[], report: TickReport): Promise<number | null> {
    const outcome = await deliverer.deliver(recordIn, retryGroup, target, key, reply, records);
    if (outcome.status === 'sent') return null;
    report[outcome.status]++;
    return outcome.until;
  }

  /** The incident as stored now still sends to this channel (a post takes time; people unlink meanwhile). */
  async function stillLinked(id: string, channel: { platform: string; id: string }): Promise<boolean> {
    const current = await store.get(id);
    return current !== undefined && current.status !== 'closed' && current.channels.some((c) => c.platform === channel.platform && c.id === channel.id);
  }

  /** Plan one incident and queue its posts in the channel lanes; resolves once they all finished. */
  async function processIncident(id: string, now: Date, report: TickReport): Promise<void> {
    const incident = await store.get(id);
    if (!incident) return;
    const version = index.version(id);
    let planned: ReturnType<typeof planIncident>;
    try {
      planned = planIncident(incident, now);
    } catch (error) {
      logger.error('scheduler: cannot plan incident', { incident: id, error: describe(error) });
      index.schedule(id, now.getTime() + HOUR_MS);
      return;
    }
    report.examined++;
    const { obligations, plan, daily } = planned;
    if (plan.snoozeCuts.length) await recordSnoozeCuts(id, obligations, now);
    const plannedKeys = new Set([...plan.sends.map((s) => s.key), ...daily.sends.map((d) => d.key)]);
    deliverer.retries.retain(id, plannedKeys);
    // Intents left by an earlier run whose post is no longer due are resolved, never silently dropped.
    const stale = incident.outbox.map((o) => o.key).filter((k) => !plannedKeys.has(k) && !isPortfolioKey(k));
    if (stale.length) await deliverer.resolve(id, stale);
    let retryAt: number | null = null;
    const posts: Promise<void>[] = [];
    const queue = (target: ChannelTarget, key: string, reply: () => Reply, records: readonly PendingRecord[], onSent: () => void) => {
      // Posted already; only its record is pending.
      if (deliverer.isUnrecorded(key)) return;
      posts.push(
        lanes.run(channelLabel(target), async () => {
          // `unlink` (or closing the incident) while earlier posts were going out cancels the rest for that channel at once.
          if (!(await stillLinked(id, target))) return;
          const again = await send(id, id, target, key, reply, records, report);
          if (again === null) onSent();
          retryAt = earliest(retryAt, again);
        }),
      );
    };
    for (const r of plan.sends) queue(r.channel, r.key, () => reminderReply(incident, r, escalateAfterHours, now), r.records, () => countSent(report, r.records));
    for (const d of daily.sends) queue(d.channel, d.key, () => summaryReply(incident, obligations, now, 'digest'), [d.record], () => report.digests++);
    const results = await Promise.allSettled(posts);
    const failure = results.find((r) => r.status === 'rejected');
    // A change during processing (our own records included) already queued this incident for the next tick.
    if (index.version(id) === version) index.schedule(id, earliest(planned.nextAt, retryAt));
    if (failure) throw failure.reason;
  }

  /** Write the snooze cuts the plan already applies, as the system actor, so the timeline says so. */
  async function recordSnoozeCuts(id: string, obligations: readonly Obligation[], now: Date): Promise<void> {
    try {
      await applyChange({ store, actor: SYSTEM_ACTOR, now, logger }, id, boundSnoozes(obligations, now));
    } catch (error) {
      logger.error('scheduler: cannot record a snooze cut to the deadline', { incident: id, error: describe(error) });
    }
  }

  async function processPortfolio(now: Date, report: TickReport): Promise<void> {
    const target = digest?.portfolioChannel;
    if (!target || now.getTime() < portfolioNextAt) return;
    let holder: Incident | undefined;
    for await (const incident of openIncidents(store)) {
      holder = incident;
      break;
    }
    const slot = portfolioSlot(holder, digest, now);
    portfolioIdle = !slot.holder;
    if (!slot.holder || now.getTime() < slot.fireAt || (await portfolioAlreadySent(target, slot.day))) {
      portfolioNextAt = slot.holder && now.getTime() < slot.fireAt ? slot.fireAt : slot.nextAt;
      return;
    }
    const rec = portfolioRecord(slot.holder, target, slot.day, slot.fireAt, slot.zone);
    // Summarized one incident at a time (only the digest's lines are kept), yielding between slices.
    const { rows, open } = await portfolioListing(now);
    const again = await send(slot.holder.id, PORTFOLIO, target, rec.key, () => portfolioReply(rows, open, now, slot.zone, slot.lang), [rec], report);
    if (again === null) {
      report.digests++;
      portfolioNextAt = slot.nextAt;
    } else portfolioNextAt = again;
  }

  /** The portfolio digest's lines and open-incident count: from the deadline index when there is one. */
  async function portfolioListing(now: Date): Promise<{ rows: PortfolioRow[]; open: number }> {
    const deadlines = await config.deadlineIndex?.();
    if (deadlines) return indexedPortfolio(deadlines, now);
    const rows: PortfolioRow[] = [];
    let open = 0;
    for await (const incident of openIncidents(store)) {
      open++;
      // A record stored before dates were range-checked (year 9999) is named in the digest, not allowed to stop it.
      const problems = incidentDateProblems(incident, now);
      if (problems.length) rows.push({ due: 0, overdue: true, line: `${incident.id} · deadlines cannot be computed: ${problems[0]}` });
      else rows.push(...portfolioRows(incident, compute(incident, rules, now), now));
    }
    return { rows, open };
  }

  /** True when some open incident already records that day's portfolio digest for this channel. */
  async function portfolioAlreadySent(target: ChannelTarget, day: string): Promise<boolean> {
    for await (const incident of openIncidents(store)) if (portfolioSentIn(incident, target, day)) return true;
    return false;
  }

  async function runTick(): Promise<TickReport> {
    const now = clock.now();
    const report = emptyReport(now);
    await deliverer.flushUnrecorded();
    if (!built) await rebuildIndex();
    if (stopping) return report;
    // Incidents are planned one after another; their posts run side by side in the channel lanes, and a slow
    // channel holds one of the in-flight slots only.
    const inFlight = new Set<Promise<void>>();
    for (const id of index.takeDue(now.getTime())) {
      if (inFlight.size >= INCIDENTS_IN_FLIGHT) await Promise.race(inFlight);
      const work = processIncident(id, now, report)
        .catch((error: unknown) => {
          // One broken incident must not stop the others; it is looked at again in an hour.
          logger.error('scheduler: incident failed', { incident: id, error: describe(error) });
          if (index.nextFor(id) === null) index.schedule(id, now.getTime() + HOUR_MS);
        })
        .finally(() => inFlight.delete(work));
      inFlight.add(work);
    }
    await Promise.all(inFlight);
    await processPortfolio(now, report);
    for (const job of config.jobs ?? []) {
      await job.run(now).catch((error: unknown) => logger.error(`scheduler: job ${job.name} failed`, { error: describe(error) }));
    }
    return report;
  }

  function tick(): Promise<TickReport> {
    running ??= runTick().finally(() => {
      running = null;
    });
    return running;
  }

  return {
    tick,
    rebuildIndex,
    start() {
      if (timer) return;
      subscribe();
      const every = (config.tickSeconds ?? 30) * 1000;
      const loop = () => {
        tick()
          // One line per completed tick at debug level: an operator (or a test) can see the loop turn without waiting on a timer.
          .then((r) => logger.debug('scheduler: tick done', { at: r.at, examined: r.examined, sent: r.sent, failed: r.failed, deferred: r.deferred }))
          .catch((error: unknown) => logger.error('scheduler: tick failed', { error: describe(error) }))
          .finally(() => {
            if (timer) timer = setTimeout(loop, every).unref();
          });
      };
      timer = setTimeout(loop, 0).unref();
    },
    async stop() {
      stopping = true;
      clearTimeout(timer);
      timer = undefined;
      unsubscribe?.();
      unsubscribe = undefined;
      built = false;
      // A start-up walk in progress ends at its next incident instead of planning the whole store first.
      await running;
      stopping = false;
    },
    nextDueAt() {
      const at = earliest(index.peek(), digest?.portfolioChannel ? portfolioNextAt : null);
      return at === null ? null : new Date(at);
    },
  };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
