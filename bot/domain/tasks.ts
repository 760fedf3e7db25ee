// Response-plan tasks: marking a plan step done, or adding a task of the team's own, recorded on the timeline.
import { CommandRefusedError } from '../errors.ts';
import type { Incident } from '../model/incident-schema.ts';
import type { Decision } from './change.ts';

/** Mark a task done; `title` is the plan step's title (or the custom task's). */
export function completeTask(current: Incident, task: { id: string; title: string }, by: string, now: Date, note?: string): Decision {
  const existing = current.tasks.find((t) => t.id === task.id);
  if (existing?.doneAt) throw new CommandRefusedError(`"${existing.title}" was already marked done on ${existing.doneAt} by ${existing.doneBy}.`);
  const doneAt = now.toISOString();
  const done = { id: task.id, title: task.title, doneAt, doneBy: by, custom: existing?.custom ?? false };
  const tasks = existing ? current.tasks.map((t) => (t.id === task.id ? done : t)) : [...current.tasks, done];
  return {
    next: { ...current, tasks },
    events: [{ action: 'task.done', text: `Task done: ${task.title}${note ? ` (${note})` : ''}`, changes: [{ field: `tasks.${task.id}`, from: 'open', to: 'done' }] }],
  };
}

/** Add a task of the team's own (`TASK-n`). */
export function addTask(current: Incident, title: string): Decision {
  const n = current.tasks.filter((t) => t.custom).reduce((max, t) => Math.max(max, Number(t.id.replace(/^TASK-/, '')) || 0), 0) + 1;
  const task = { id: `TASK-${n}`, title, doneAt: null, doneBy: null, custom: true };
  return {
    next: { ...current, tasks: [...current.tasks, task] },
    events: [{ action: 'task.added', text: `Task added: ${title} (${task.id})`, changes: [{ field: 'tasks', from: null, to: task.id }] }],
  };
}
