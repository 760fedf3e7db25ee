// The deadlines view as a Reply: the card (grouped list, next actions, footnotes) and the plain text, both from the view.
import type { Reply, ReplyCard, ReplyListGroup, ReplySection } from '../reply.ts';
import { translator } from '../i18n/index.ts';
import { labelled } from '../i18n/format.ts';
import type { DeadlineLine, DeadlinesView } from './deadlines-view.ts';
import { withLazyText } from '../lazy-text.ts';

/** The `deadlines <id>` reply; `from` skips the first notices (the "Show more" page of a platform that ran out of room). */
export function deadlinesReply(view: DeadlinesView, data: unknown, from = 0): Reply {
  const tr = translator(view.lang);
  const title = tr('deadlines.title', { id: view.incidentId });
  const subtitle = `${view.title} · ${tr('deadlines.asOf', { now: view.asOf, notLegalAdvice: tr('common.notLegalAdvice') })}`;
  const counts = tr('deadlines.counts', view.counts);
  const groups = skipLines(view, from);
  // The next notices carry their buttons on their own line: what to do now sits where it is due, not in a second list.
  const list: ReplyListGroup[] = groups.map((g) => ({
    heading: g.quiet ? `${g.heading} (${g.lines.length})` : g.heading,
    ...(g.quiet ? { collapsed: true } : {}),
    items: g.lines.map((l) => ({
      text: l.line, tone: l.tone, label: l.recipient, details: withLazyText({ text: '' }, 'text', () => detailsText(view, l)), detailsCommand: l.detailsCommand,
      ...(l.actions.length ? { buttons: l.actions } : {}),
    })),
  }));
  const next: ReplySection[] = [];
  const card: ReplyCard = {
    title,
    subtitle: `${subtitle}\n${counts}`,
    list,
    listDetailsLabel: tr('deadlines.detailsFor'),
    more: { label: tr('deadlines.showMore', { left: '{{left}}' }), command: `deadlines ${view.incidentId}`, offset: from, total: view.counts.total },
    sections: next,
    footnotes: view.footnotes,
    footnotesHeading: tr('deadlines.footnotesHeading'),
    footer: tr('common.timesIn', { zone: view.zone }),
  };
  return { outcome: 'ok', visibility: 'private', lang: view.lang, text: deadlinesText(view, from), card, data };
}

/** The plain text (terminal, chat fallback): the same view, one line per notice, notes once at the end. */
export function deadlinesText(view: DeadlinesView, from = 0): string {
  const tr = translator(view.lang);
  const out = [
    `${tr('deadlines.title', { id: view.incidentId })} · ${view.title}`,
    tr('deadlines.asOf', { now: view.asOf, notLegalAdvice: tr('common.notLegalAdvice') }),
    tr('deadlines.counts', view.counts),
  ];
  if (view.counts.total === 0) out.push(tr('deadlines.empty', { id: view.incidentId }));
  for (const g of skipLines(view, from)) {
    out.push('', g.heading);
    // The id in brackets is what `done` and `--only` accept; plain words work too.
    // No click-through in plain text: each line says which notes apply to it.
    for (const l of g.lines) out.push(`  ${l.line}  [${l.obligation}]${l.footnoteRefs.length ? ` ${tr('deadlines.noteRefs', { refs: l.footnoteRefs.join(', ') })}` : ''}`);
  }
  if (view.footnotes.length) out.push('', labelled(view.lang, tr('deadlines.footnotesHeading')), ...view.footnotes.map((f, i) => `  [${i + 1}] ${f}`));
  const example = view.next[0]?.obligation ?? view.groups[0]?.lines[0]?.obligation;
  if (example) out.push('', tr('deadlines.detailsHint', { id: view.incidentId, example }));
  return out.join('\n');
}

/** One notice in full (`deadlines <id> --only …`, Slack's details modal): recipient, due, citation, basis, filing, caveats. */
export function obligationDetailsReply(view: DeadlinesView, line: DeadlineLine, data: unknown): Reply {
  const tr = translator(view.lang);
  const fields = [
    { label: tr('deadlines.recipient'), value: line.recipient },
    { label: tr('deadlines.due'), value: [line.due, line.countdown].filter(Boolean).join(' · ') },
    { label: tr('deadlines.citation'), value: line.citation },
    { label: tr('deadlines.verification'), value: `${line.badge} ${line.verificationWords}` },
    { label: tr('deadlines.obligationId'), value: line.obligation },
  ];
  const sections: ReplySection[] = [{ heading: tr('deadlines.basis'), text: line.basis }];
  if (line.tolledUntil) sections.push({ text: tr('deadlines.tolledUntil', { at: line.tolledUntil }) });
  if (line.filing) sections.push({ heading: tr('deadlines.filing'), text: line.filing });
  const caveats = allCaveats(view, line);
  if (caveats.length) sections.push({ heading: tr('deadlines.caveats'), text: caveats.map((c) => `• ${c}`).join('\n') });
  const title = `${line.icon} ${line.statusWord} · ${line.recipient}`;
  const text = [
    `${view.incidentId} · ${title}`,
    ...fields.map((f) => `  ${labelled(view.lang, f.label, f.value)}`),
    ...sections.flatMap((s) => [s.heading ? labelled(view.lang, s.heading) : '', ...(s.text ?? '').split('\n').map((x) => `  ${x}`)].filter(Boolean)),
  ].join('\n');
  return {
    outcome: 'ok', visibility: 'private', lang: view.lang, text, data,
    card: { title: `${view.incidentId} · ${clipLabel(line.recipient, 120)}`, subtitle: `${line.icon} ${line.statusWord}`, fields, sections, buttons: line.actions, footer: tr('common.timesIn', { zone: view.zone }) },
  };
}

/** Details shown inside a card (Teams): basis, filing, own caveats in full, shared ones by number. */
function detailsText(view: DeadlinesView, line: DeadlineLine): string {
  const tr = translator(view.lang);
  return [
    labelled(view.lang, tr('deadlines.recipient'), line.recipient),
    labelled(view.lang, tr('deadlines.citation'), `${line.citation} · ${line.badge} ${line.verificationWords}`),
    labelled(view.lang, tr('deadlines.basis'), line.basis),
    ...(line.tolledUntil ? [tr('deadlines.tolledUntil', { at: line.tolledUntil })] : []),
    ...(line.filing ? [labelled(view.lang, tr('deadlines.filing'), line.filing)] : []),
    ...line.ownCaveats.map((c) => `⚠ ${c}`),
    ...(line.footnoteRefs.length ? [tr('deadlines.footnoteRefs', { refs: line.footnoteRefs.map((n) => `[${n}]`).join(' ') })] : []),
    labelled(view.lang, tr('deadlines.obligationId'), line.obligation),
  ].join('\n');
}

function allCaveats(view: DeadlinesView, line: DeadlineLine): string[] {
  return [...line.ownCaveats, ...line.footnoteRefs.map((n) => view.footnotes[n - 1]!)];
}

/** The groups with the first `from` lines (in display order) left out. */
function skipLines(view: DeadlinesView, from: number): DeadlinesView['groups'] {
  let skip = from;
  const out: DeadlinesView['groups'] = [];
  for (const g of view.groups) {
    if (skip >= g.lines.length) {
      skip -= g.lines.length;
      continue;
    }
    out.push({ ...g, lines: g.lines.slice(skip) });
    skip = 0;
  }
  return out;
}

function clipLabel(text: string, max = 40): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
