// The response plan: default steps as data (data/plans/*.json), chosen by the organization's country, plus the
// team's own tasks; each step is done once someone marks it (the incident keeps who and when).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Incident } from '../model/incident-schema.ts';
import { appPath } from '../app-root.ts';

const Words = z.strictObject({ en: z.string().min(1), fr: z.string().min(1) });
const StepSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]+$/),
  phase: z.enum(['now', 'first-days', 'before-notice', 'after']),
  title: Words,
  detail: Words,
  /** Only when the incident has a vendor, or one of these data categories was breached. */
  when: z.strictObject({ vendor: z.boolean().optional(), dataAny: z.array(z.string()).optional() }).optional(),
});
const PlanSchema = z.strictObject({ plan: z.string().min(1), title: Words, appliesTo: z.strictObject({ country: z.string().length(2) }), steps: z.array(StepSchema).min(1) });

export type PlanStep = z.output<typeof StepSchema>;
export type Plan = z.output<typeof PlanSchema>;
export type Lang = 'en' | 'fr';

/** One task as shown to the team: a plan step or a task of their own, open or done. */
export interface TaskView { id: string; title: string; detail?: string; phase: PlanStep['phase'] | 'custom'; doneAt: string | null; doneBy: string | null }

/** The plans shipped in data/plans/. */
export const DEFAULT_PLANS_DIR = appPath('data', 'plans');
let plans: Plan[] | undefined;

/** Read and validate the plan files once; a bad file throws naming it. */
export function loadPlans(dir: string = DEFAULT_PLANS_DIR): Plan[] {
  return readdirSync(dir).filter((n) => n.endsWith('.json')).sort().map((name) => {
    const parsed = PlanSchema.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
    if (!parsed.success) throw new Error(`${join(dir, name)}: ${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message}`);
    return parsed.data;
  });
}

/** The plan for the incident's organization (French plan for FR, US plan otherwise). */
export function planFor(incident: Incident): Plan {
  plans ??= loadPlans();
  return plans.find((p) => p.appliesTo.country === incident.organization.country) ?? plans.find((p) => p.appliesTo.country === 'US')!;
}

/** The plan steps that fit this incident, and the team's own tasks, with their done state. */
export function tasksFor(incident: Incident, lang: Lang): TaskView[] {
  const state = new Map(incident.tasks.map((t) => [t.id, t]));
  const categories = new Set(incident.dataCategories.map((c) => c.toLowerCase()));
  const steps = planFor(incident).steps.filter((s) => {
    if (s.when?.vendor && !incident.vendor) return false;
    if (s.when?.dataAny && !s.when.dataAny.some((c) => categories.has(c))) return false;
    return true;
  });
  const fromPlan = steps.map((s) => ({ id: s.id, title: s.title[lang], detail: s.detail[lang], phase: s.phase, doneAt: state.get(s.id)?.doneAt ?? null, doneBy: state.get(s.id)?.doneBy ?? null }));
  const custom = incident.tasks.filter((t) => t.custom).map((t) => ({ id: t.id, title: t.title, phase: 'custom' as const, doneAt: t.doneAt, doneBy: t.doneBy }));
  return [...fromPlan, ...custom];
}

/** The task a user named by id or by the start of its title, or undefined. */
export function findTask(tasks: readonly TaskView[], words: string): TaskView | undefined {
  const w = words.trim().toLowerCase();
  return tasks.find((t) => t.id.toLowerCase() === w) ?? tasks.find((t) => t.title.toLowerCase().startsWith(w));
}
