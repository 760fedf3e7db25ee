// The pure deadline engine: (incident facts, rules, now) → every notice owed, soonest first.
import type { Incident } from '../model/incident-schema.ts';
import { contractualObligations } from './contractual.ts';
import { withFiling } from '../guidance/filing.ts';
import { computeDeadline, describeClock, kindOf, type Deadline } from './clock.ts';
import {
  awarenessTrigger, conditionHolds, determinationTrigger, discoveryTrigger, materialityTrigger, nonUsDiscoveryTrigger, possibleUsResidents, stateDiscoveryTrigger, testThreshold,
  vendorDiscoveryTrigger, withResidents, type Trigger,
} from './facts.ts';
import { runGates } from './gates.ts';
import { notCoveredObligations } from './not-covered.ts';
import type { RuleClock, RuleSet, RuleTolling } from './rule-schema.ts';
import { hipaaDeemingApplies, stateLawCheck } from './state-checks.ts';
import { collectTargets, doneAtFor, recordedNotice, type Target } from './targets.ts';
import { endOfLocalDay, isoInZone, localDate } from './time.ts';
import { wordsFor, type Words } from './words.ts';
import { applyTolling, delayWindows, TOLLING_CAVEAT, type DelayWindow } from './tolling.ts';
import { secDelayEffect } from './sec-delay.ts';
import { caveatWords, UNVERIFIED_CAVEAT } from './caveat-words.ts';
import { CONTRACT_KEYS, type ComputeOptions, type ContractObligation, type Obligation, type ObligationStatus } from './types.ts';

/** Contract keys in design.md order (re-exported for callers of the engine). */
export { CONTRACT_KEYS };
/** Obligation types (re-exported so callers need one import). */
export type { ComputeOptions, ContractObligation, Obligation, ObligationKind, ObligationStatus } from './types.ts';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
interface Ctx {
  incident: Incident;
  rules: RuleSet;
  zone: string;
  now: number;
  soonDays: number;
  soonHours: number;
  windows: DelayWindow[];
  stateWindows: DelayWindow[];
  targets: Map<string, Target>;
  memo: Map<string, Obligation>;
  visiting: Set<string>;
  /** The answer's language: English for the `--json` contract, the organization's for what people read. */
  w: Words;
}

/** Every obligation the rules give this incident at `now`: soonest dueAt first, no deadline last, then by id. */
export function computeObligations(incident: Incident, rules: RuleSet, now: Date, options: ComputeOptions = {}): Obligation[] {
  const w = wordsFor(options.lang ?? 'en', incident.organization.timezone, rules);
  const ctx: Ctx = {
    w,
    incident,
    zone: incident.organization.timezone,
    now: now.getTime(),
    soonDays: (options.dueSoonDays ?? 7) * DAY_MS,
    soonHours: (options.dueSoonHours ?? 24) * HOUR_MS,
    rules,
    windows: delayWindows(incident, 'hipaa_164_412', w),
    stateWindows: delayWindows(incident, 'state_law_enforcement', w),
    targets: collectTargets(incident, rules, w),
    memo: new Map(),
    visiting: new Set(),
  };
  const all = [...[...ctx.targets.keys()].map((id) => resolve(ctx, id)), ...notCoveredObligations(incident, rules, ctx.now, w, ctx.targets)];
  all.push(...contractualObligations(incident, now, { days: options.dueSoonDays ?? 7, hours: options.dueSoonHours ?? 24 }, w));
  // Sorted by due instant (each parsed once), then obligation id.
  const keyed = withFiling(all).map((o) => ({ o, at: o.dueAt === null ? Number.POSITIVE_INFINITY : Date.parse(o.dueAt) }));
  keyed.sort((a, b) => a.at - b.at || (a.o.obligation < b.o.obligation ? -1 : a.o.obligation > b.o.obligation ? 1 : 0));
  return keyed.map((k) => k.o);
}

/** The `deadlines --json` contract keys in contract order, plus `filing` and `contractual` when present. */
export function toContractJson(o: Obligation): ContractObligation {
  const out = {} as Record<string, unknown>;
  for (const key of CONTRACT_KEYS) out[key] = o[key];
  if (o.filing) out.filing = o.filing;
  if (o.contractual) out.contractual = true;
  return out as unknown as ContractObligation;
}

function resolve(ctx: Ctx, id: string): Obligation {
  const cached = ctx.memo.get(id);
  if (cached) return cached;
  if (ctx.visiting.has(id)) throw new Error(`rule data: notice anchors form a cycle through ${id}`);
  ctx.visiting.add(id);
  const result = evaluate(ctx, ctx.targets.get(id)!);
  ctx.visiting.delete(id);
  ctx.memo.set(id, result);
  return result;
}

/** A US State (or DC, territory) breach statute, as opposed to a federal rule. */
const STATE_RULE = /^US-[A-Z]{2}-BREACH$/;
/** A rule of US law (federal or a State's), where the HIPAA agent rule may reach. */
const US_RULE = /^US(-|$)/;

type Anchored = { trigger: Trigger } | { needsFacts: string } | { waitingFor: string };

function anchorTrigger(ctx: Ctx, t: Target): Anchored {
  const anchor = t.part.anchor;
  const w = ctx.w;
  switch (anchor.event) {
    case 'discovery':
      if (STATE_RULE.test(t.rule.id)) return { trigger: stateDiscoveryTrigger(ctx.incident, w) };
      return { trigger: US_RULE.test(t.rule.jurisdiction) ? discoveryTrigger(ctx.incident, w) : nonUsDiscoveryTrigger(ctx.incident, w) };
    case 'determination':
      return { trigger: determinationTrigger(ctx.incident, w) };
    case 'awareness':
      return { trigger: awarenessTrigger(ctx.incident, w) };
    case 'materiality': {
      const trigger = materialityTrigger(ctx.incident, w);
      return trigger ? { trigger } : { needsFacts: w.say('trigger.noMateriality') };
    }
    case 'vendor_discovery': {
      const trigger = vendorDiscoveryTrigger(ctx.incident, w);
      return trigger ? { trigger } : { needsFacts: w.say('trigger.noVendorDiscovery') };
    }
    case 'notice': {
      // The earliest of the notices recorded: whichever reached the residents first starts the clock.
      let first: { ref: string; sentAt: string; ms: number } | null = null;
      for (const ref of anchor.obligations) {
        const refTarget = ctx.targets.get(ref);
        const sent = recordedNotice(ctx.incident, ctx.now, ref, refTarget?.bareIdCounts ? refTarget.rule.id : undefined);
        if (sent && (!first || sent.ms < first.ms)) first = { ref, ...sent };
      }
      if (first) return { trigger: { event: w.say('event.noticeSent', { ref: first.ref }), at: first.sentAt, ms: first.ms, notes: [] } };
      // Not sent yet: that notice's own deadline bounds this one from above.
      let open: { ref: string; dueAt: string } | null = null;
      for (const ref of anchor.obligations) {
        if (!ctx.targets.has(ref)) continue;
        const other = resolve(ctx, ref);
        if (other.dueAt === null || other.status === 'not_applicable') continue;
        if (other.status === 'needs_facts') {
          open ??= { ref, dueAt: other.dueAt };
          continue;
        }
        const note = w.say('trigger.noticeUpperBound', { ref });
        return { trigger: { event: w.say('event.noticeDeadline', { ref }), at: other.dueAt, ms: Date.parse(other.dueAt), notes: [note] } };
      }
      // Only a notice that needs facts has a date: the earliest it could be due still bounds this one, which is asked too.
      if (open) {
        const note = w.say('trigger.noticeUpperBound', { ref: open.ref });
        const question = w.say('trigger.noticeNeedsFacts', { ref: open.ref });
        return { trigger: { event: w.say('event.noticeDeadline', { ref: open.ref }), at: open.dueAt, ms: Date.parse(open.dueAt), notes: [note], question } };
      }
      return { waitingFor: anchor.obligations.join(w.say('basis.or')) };
    }
  }
}

function pickClock(t: Target, ctx: Ctx, trigger: Trigger | null): { clock: RuleClock; note?: string } {
  for (const alt of t.part.alternatives) {
    const { threshold, triggerBefore, hipaaDeemed } = alt.when;
    if (hipaaDeemed && !hipaaDeemingApplies(t.rule, ctx.incident)) continue;
    if (threshold && !testThreshold(threshold, ctx.incident, t.jurisdiction, ctx.w).holds) continue;
    if (triggerBefore && !(trigger && localDate(trigger.ms, ctx.zone) < triggerBefore)) continue;
    return { clock: alt.clock, note: ctx.w.rule(alt.note) };
  }
  return { clock: t.part.clock };
}

function evaluate(ctx: Ctx, t: Target): Obligation {
  const { rule, part } = t;
  const { incident, w } = ctx;
  const verification = part.verification ?? rule.verification;
  const caveats = [...rule.caveats, ...part.caveats];
  const tolling = tollingOf(t);
  if (tolling) caveats.push(TOLLING_CAVEAT[tolling]);
  if (verification === 'unverified') caveats.push(UNVERIFIED_CAVEAT);
  const basis: string[] = [];
  let blocked = applicability(ctx, t, basis);

  const anchored = anchorTrigger(ctx, t);
  const trigger = 'trigger' in anchored ? anchored.trigger : null;
  const picked = pickClock(t, ctx, trigger);
  let deadline: Deadline;
  if ('trigger' in anchored) deadline = computeDeadline(picked.clock, anchored.trigger, ctx.zone, w);
  else if ('waitingFor' in anchored) {
    deadline = { kind: 'none_fixed', dueDate: null, dueAt: null, text: w.say('basis.waiting', { clock: describeClock(picked.clock, w), refs: anchored.waitingFor }) };
  } else {
    deadline = { kind: kindOf(picked.clock), dueDate: null, dueAt: null, text: '' };
    blocked ??= { status: 'needs_facts', reason: anchored.needsFacts };
  }
  // A start that an unanswered fact decides (a vendor that may be our agent): the earliest date, as needs facts.
  const question = trigger?.question;
  if (question && blocked?.status === 'needs_facts') blocked = { ...blocked, reason: `${blocked.reason}${w.say('join')}${question}` };
  else if (question) blocked ??= { status: 'needs_facts', reason: question, earliest: true };
  // The main clock only: an alternative (e.g. an annual log) is not tied to the other notice.
  if (part.orEarlierNotice && deadline.dueDate && !picked.note) {
    // The earliest of the notices named (any of them reaching the residents counts).
    let first: { ref: string; ms: number } | null = null;
    for (const ref of [part.orEarlierNotice].flat()) {
      const sent = recordedNotice(incident, ctx.now, ref);
      if (sent && (!first || sent.ms < first.ms)) first = { ref, ms: sent.ms };
    }
    const sentDay = first && localDate(first.ms, ctx.zone);
    if (first && sentDay && sentDay < deadline.dueDate) {
      deadline = { ...deadline, dueDate: sentDay, dueAt: endOfLocalDay(sentDay, ctx.zone), text: w.say('basis.movedUp', { text: deadline.text, day: w.day(sentDay), ref: first.ref }) };
    }
  }
  basis.unshift(deadline.text, ...(trigger?.notes ?? []));
  if (picked.note) basis.push(picked.note);
  if (t.versionNote) basis.push(t.versionNote);
  if (part.serviceMonths) basis.push(w.say('basis.serviceMonths', { months: part.serviceMonths }));
  if (t.scopeNote) basis.push(t.scopeNote);

  let status: ObligationStatus;
  let tolledUntil: string | null = null;
  const done = doneAtFor(incident, ctx.now, t);
  if (blocked?.status === 'not_applicable') deadline = { ...deadline, dueDate: null, dueAt: null };
  if (done) {
    status = 'done';
    const late = deadline.dueAt !== null && done.ms > deadline.dueAt;
    basis.push(`${w.say(part.owedBy === 'vendor' ? 'basis.receivedOn' : 'basis.sentOn', { day: w.dayOf(done.ms) })}${late ? w.say('basis.late') : ''}`);
  } else if (blocked) {
    status = blocked.status;
    if (blocked.status === 'not_applicable') basis.splice(0, basis.length, blocked.reason, ...(t.scopeNote ? [t.scopeNote] : []));
    else {
      if (deadline.dueAt !== null) basis[0] = w.say(blocked.earliest ? 'basis.earliestIfAgent' : 'basis.ifApplies', { text: basis[0]! });
      basis.unshift(blocked.reason);
    }
  } else {
    status = timingStatus(ctx, deadline);
    if (tolling && deadline.dueAt !== null) {
      const state = tolling === 'state_law_enforcement';
      const clause = state && rule.lawEnforcementDelay ? w.say('delay.clause', { citation: rule.lawEnforcementDelay.citation, terms: w.rule(rule.lawEnforcementDelay.terms) }) : undefined;
      const effect = applyTolling(tolling, state ? ctx.stateWindows : ctx.windows, deadline.dueAt, ctx.now, ctx.zone, clause, w);
      if (effect.state === 'tolled') {
        status = 'tolled';
        tolledUntil = effect.untilMs === null ? null : isoInZone(effect.untilMs, ctx.zone);
        deadline = { ...deadline, dueAt: effect.dueAt, dueDate: deadline.kind === 'date' ? effect.dueDate : null };
      } else if (effect.state === 'ended' && effect.overdue) status = 'overdue';
      if (effect.state !== 'none') basis.push(effect.text);
    }
    // Form 8-K Item 1.05(c): the Attorney General's delay moves the filing to the end of the period granted; no other statement does.
    if (part.delayedBy === 'sec_item_105c' && deadline.dueDate !== null) {
      const effect = secDelayEffect(incident, deadline.dueDate, ctx.now, w);
      if (effect.state === 'needs_facts') {
        status = 'needs_facts';
        deadline = { ...deadline, dueDate: effect.dueDate, dueAt: effect.dueAt };
        basis.unshift(effect.reason);
      } else if (effect.state === 'delayed') {
        deadline = { ...deadline, dueDate: effect.dueDate, dueAt: effect.dueAt };
        status = timingStatus(ctx, deadline);
        if (ctx.now <= effect.dueAt) tolledUntil = isoInZone(effect.dueAt, ctx.zone);
      }
      basis.push(...effect.notes);
    }
    // BREACHDESK_TIMEZONE defaults to UTC, so a bare "UTC" is read as a default nobody chose (Etc/UTC says it on purpose).
    const assumed = incident.organization.timezoneAssumed || ctx.zone === 'UTC';
    // Day counts end at midnight in the zone; an hour count starts from an instant typed, most likely, as a local time
    // read in the assumed zone: either moves when the zone is given.
    const zoned = deadline.kind === 'date' || deadline.kind === 'immediate' ? 'basis.zoneAssumed' : deadline.kind === 'instant' ? 'basis.zoneAssumedInstant' : null;
    if (assumed && zoned && (status === 'pending' || status === 'due_soon')) {
      status = 'needs_facts';
      basis.unshift(w.say(zoned, { zone: ctx.zone, id: incident.id }));
    }
  }
  const said = caveatWords(caveats, ctx.rules, w);
  return {
    obligation: t.id,
    rule: rule.id,
    recipient: w.rule(part.recipient).replaceAll('{jurisdiction}', t.jurisdiction),
    citation: part.citation ?? rule.citation,
    kind: deadline.kind,
    dueDate: deadline.dueDate,
    dueAt: deadline.dueAt === null ? null : isoInZone(deadline.dueAt, ctx.zone),
    status,
    verification,
    basis: basis.filter((s) => s.length > 0).join(w.say('join')),
    law: w.rule(part.law ?? rule.law),
    caveats: said.caveats,
    caveatRefs: said.caveatRefs,
    jurisdiction: t.jurisdiction,
    trigger: trigger ? { event: trigger.event, at: trigger.at } : null,
    tolledUntil,
    doneAt: done?.sentAt ?? null,
  };
}

/** `earliest`: the notice is owed whatever the answer; only its start depends on it (the date shown is the earliest). */
type Blocked = { status: 'not_applicable' | 'needs_facts'; reason: string; earliest?: boolean } | null;

/** Requirements, gates and threshold, in that order: the first that fails decides; notes of passing checks go to `basis`. */
function applicability(ctx: Ctx, t: Target, basis: string[]): Blocked {
  const w = ctx.w;
  const unanswered = t.part.requires.find((req) => req.flag && ctx.incident.organization[req.flag] === null);
  if (!unanswered) return checksAfterFlags(ctx, t, basis);
  // An unanswered flag is asked only when the other checks leave the notice possible: data outside the State's
  // definition, a count below the threshold or a gate that fails rules it out whatever the answer (no question to ask).
  const rest = checksAfterFlags(ctx, t, []);
  if (rest?.status === 'not_applicable') return rest;
  return { status: 'needs_facts', reason: w.say('basis.notAnswered', { flag: unanswered.flag!, otherwise: w.rule(unanswered.otherwise) }) };
}

/** The checks besides unanswered flags: the other requirements, state law, gates and threshold. */
function checksAfterFlags(ctx: Ctx, t: Target, basis: string[]): Blocked {
  const { rule, part } = t;
  const w = ctx.w;
  // An unanswered flag is the caller's question, not a failed requirement.
  const failed = part.requires.find((req) => !(req.flag && ctx.incident.organization[req.flag] === null) && !conditionHoldsFor(req, ctx));
  if (failed) return { status: 'not_applicable', reason: w.rule(failed.otherwise) };
  // A head count that already rules the notice out decides it, whatever fact is still unknown (no question to ask).
  const test = part.threshold && !t.unknownState ? testThreshold(part.threshold, ctx.incident, t.jurisdiction, w) : null;
  // Below the threshold as recorded, but people with no recorded US State could be this State's residents too.
  const unplaced = test && !test.holds && part.threshold!.count === 'residents' && t.jurisdiction.startsWith('US-') ? possibleUsResidents(ctx.incident) : 0;
  const couldCross = unplaced > 0 && testThreshold(part.threshold!, withResidents(ctx.incident, t.jurisdiction, unplaced), t.jurisdiction, w).holds;
  const belowThreshold = (): Blocked => {
    if (couldCross) return { status: 'needs_facts', reason: w.say('basis.mayCross', { text: test!.text, n: w.count(unplaced), jurisdiction: t.jurisdiction }) };
    const otherwise = part.threshold?.otherwise ? [w.rule(part.threshold.otherwise)] : [];
    return { status: 'not_applicable', reason: [test!.text, ...otherwise].join(w.say('basis.reasonJoin')) };
  };
  const unlessBelow = (blocked: Blocked): Blocked => (blocked?.status === 'needs_facts' && test && !test.holds && !couldCross ? belowThreshold() : blocked);
  if (rule.jurisdiction.startsWith('US-')) {
    const state = stateLawCheck(rule, part, ctx.incident, ctx.rules, w);
    if (state.status !== 'applies') return unlessBelow(state);
    basis.push(...state.notes);
  }
  const gate = runGates(part.gates ?? rule.gates, ctx.incident, w);
  if (gate.outcome !== 'applies') return unlessBelow({ status: gate.outcome, reason: gate.reason });
  basis.push(...gate.notes);
  if (t.unknownState) {
    const th = part.threshold!;
    return { status: 'needs_facts', reason: w.say('basis.unknownState', { op: th.op, value: w.count(th.value) }) };
  }
  if (!test) return null;
  if (!test.holds) return belowThreshold();
  basis.push(test.text);
  return null;
}

/** The part's own delay regime, or the state's delay clause when it names this part. */
function tollingOf(t: Target): RuleTolling | null {
  if (t.part.tolling) return t.part.tolling;
  const clause = t.rule.lawEnforcementDelay;
  return clause && t.part.part && clause.parts.includes(t.part.part) ? 'state_law_enforcement' : null;
}

function conditionHoldsFor(req: Target['part']['requires'][number], ctx: Ctx): boolean {
  const { otherwise: _otherwise, ...condition } = req;
  return conditionHolds(condition, ctx.incident, ctx.w).holds;
}

function timingStatus(ctx: Ctx, d: Deadline): ObligationStatus {
  if (d.dueAt === null) return 'pending';
  if (ctx.now > d.dueAt) return 'overdue';
  if (d.kind === 'immediate') return 'due_soon';
  return d.dueAt - ctx.now <= (d.kind === 'instant' ? ctx.soonHours : ctx.soonDays) ? 'due_soon' : 'pending';
}
