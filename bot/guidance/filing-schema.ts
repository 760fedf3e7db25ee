// Filing guidance as data: where a notice goes, how it is sent, what it must contain, substitute-notice rules.
import { z } from 'zod';

const Verification = z.enum(['verified_primary_text', 'verified_secondary', 'unverified']);

/** Where and how to file one notice; every list item is one thing to do or include. */
export const FilingSchema = z.strictObject({
  /** Who receives it, in plain words. */
  to: z.string().min(1),
  portal: z.string().url().optional(),
  email: z.string().optional(),
  postal: z.string().optional(),
  phone: z.string().optional(),
  form: z.string().optional(),
  /** How it is sent (mail, web form, e-mail...). */
  method: z.string().min(1),
  signedBy: z.string().optional(),
  /** What the notice must contain (a checklist). */
  content: z.array(z.string().min(1)).min(1),
  /** The same checklist in French, for French drafts and answers (where the notice is French). */
  contentFr: z.array(z.string().min(1)).optional(),
  signedByFr: z.string().min(1).optional(),
  /** `to`, `form`, `method` (and `signedByFr`: `signedBy`) in French, for French drafts and answers (where the notice is French). */
  toFr: z.string().min(1).optional(),
  formFr: z.string().min(1).optional(),
  methodFr: z.string().min(1).optional(),
  /** When the usual channel fails (164.404(d) substitute notice...). */
  substitute: z.array(z.string().min(1)).optional(),
  /** `substitute` in French, one for one. */
  substituteFr: z.array(z.string().min(1)).optional(),
  notes: z.array(z.string().min(1)).optional(),
  /** `notes` in French, one for one (a French reader sees these instead). */
  notesFr: z.array(z.string().min(1)).optional(),
  verification: Verification,
  /** Source by title and date, and when breachdesk last checked it. */
  source: z.string().min(1),
  /** `source` in French (titles of French texts stay as written). */
  sourceFr: z.string().min(1).optional(),
  checked: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});

/** One file of data/filing/: entries matched to obligations by id pattern. */
export const FilingFileSchema = z.strictObject({
  description: z.string(),
  entries: z.array(
    z.strictObject({
      /** Obligation ids or patterns: `US-TX-BREACH:attorney_general`, a rule id (any part), `US-*-BREACH:individuals`. */
      match: z.array(z.string().min(1)).min(1),
      filing: FilingSchema,
    }),
  ),
});

export type Filing = z.output<typeof FilingSchema>;

/** French renderings must match the English lists one for one, so a French reader never loses a note. */
export function filingFrenchProblem(f: Filing): string | undefined {
  if (f.notesFr && f.notesFr.length !== (f.notes ?? []).length) return 'notesFr must have one entry per note';
  if (f.contentFr && f.contentFr.length !== f.content.length) return 'contentFr must have one entry per content item';
  if (f.substituteFr && f.substituteFr.length !== (f.substitute ?? []).length) return 'substituteFr must have one entry per substitute-notice rule';
  return undefined;
}
export type FilingFile = z.output<typeof FilingFileSchema>;
