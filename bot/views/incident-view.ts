// The neutral view of one incident: facts, roles, channels and the latest timeline entries.
import { LINE_BREAK, LINE_BREAKS } from '../model/line-breaks.ts';
import type { Incident } from '../model/incident-schema.ts';
import { ok, type Reply, type ReplyField } from '../reply.ts';
import { formatInstant, formatNumber, labelled } from '../i18n/format.ts';
import { languageFor, translator, type Lang } from '../i18n/index.ts';

const RECENT = 5;

/** Key facts of an incident as label/value pairs, in `lang` (default: the organization's language). */
export function incidentFacts(i: Incident, lang: Lang = languageFor(i.organization)): ReplyField[] {
  const tr = translator(lang);
  const tz = i.organization.timezone;
  const when = (iso: string | null) => (iso ? formatInstant(iso, tz, lang) : tr('facts.notRecorded'));
  const yesNo = (b: boolean | null) => tr(b === null ? 'facts.unknown' : b ? 'facts.yes' : 'facts.no');
  const num = (n: number) => formatNumber(n, lang);
  const jurisdictions = Object.entries(i.affected.byJurisdiction).map(([j, n]) => `${j} ${num(n)}`).join(', ');
  const fields: ReplyField[] = [
    { label: tr('facts.status'), value: tr(`facts.incidentStatus.${i.status}`) },
    { label: tr('facts.organization'), value: `${i.organization.name} (${tr(`show.orgRole.${i.organization.role}`, { defaultValue: i.organization.role.replace(/_/g, ' ') })}, ${i.organization.country}, ${tz})` },
    { label: tr('facts.discovered'), value: when(i.discoveredAt) },
    { label: tr('facts.affected'), value: `${num(i.affected.total)}${jurisdictions ? ` (${jurisdictions})` : ''}` },
    { label: tr('facts.phi'), value: `${yesNo(i.phiInvolved)} / ${yesNo(i.dataEncrypted)}` },
  ];
  if (i.vendor) {
    const v = i.vendor;
    fields.push({ label: tr('facts.vendor'), value: tr('facts.vendorValue', { name: v.name, role: v.role.replace(/_/g, ' '), agent: v.isAgent ? tr('facts.ourAgent') : v.isAgent === null ? tr('facts.agentUnanswered') : '', discovered: when(v.discoveredAt), notified: when(v.notifiedUsAt) }) });
  }
  if (i.breachDeterminedAt) fields.push({ label: tr('facts.breachDetermined'), value: when(i.breachDeterminedAt) });
  if (i.materialityDeterminedAt) fields.push({ label: tr('facts.materiality'), value: when(i.materialityDeterminedAt) });
  if (i.gdprRisk) fields.push({ label: tr('facts.gdprRisk'), value: tr(`facts.gdpr.${i.gdprRisk}`) });
  if (i.dataCategories.length) fields.push({ label: tr('facts.data'), value: i.dataCategories.join(', ') });
  for (const d of i.lawEnforcementDelays) {
    const until = d.until ? tr('facts.delayUntil', { at: when(d.until) }) : '';
    const sec = d.secItem105c ? tr('facts.delaySec', { step: tr(`facts.delaySecStep.${d.secItem105c}`) }) : '';
    fields.push({ label: tr('facts.delay'), value: tr('facts.delayValue', { form: tr(`facts.delayForm.${d.form}`), agency: d.agency, official: d.official, at: when(d.statedAt), until }) + sec });
  }
  // Role names in words ("privacy officer"), never the record's keys.
  const roles = Object.entries(i.roles).map(([r, who]) => labelled(lang, tr(`facts.role.${r}`), who)).join(', ');
  fields.push({ label: tr('facts.roles'), value: roles || tr('facts.rolesNone', { id: i.id }) });
  fields.push({ label: tr('facts.channels'), value: i.channels.map((c) => `${c.platform}:${c.name ?? c.id}`).join(', ') || tr('facts.channelsNone', { id: i.id }) });
  return fields;
}

/** The latest timeline entries, oldest first, as lines (a note's further lines marked as its own, never as an entry). */
export function recentTimeline(i: Incident, count = RECENT, lang: Lang = languageFor(i.organization)): string[] {
  return i.timeline.slice(-count).map((e) => `${formatInstant(e.at, i.organization.timezone, lang)} · ${e.actor.name} (${e.actor.platform}) · ${continued(e.text)}`);
}

/** Each line after the first of a multi-line text starts with ↳, so a note cannot pass for another timeline entry. */
function continued(text: string): string {
  return LINE_BREAK.test(text) ? text.split(LINE_BREAKS).join('\n      ↳ ') : text;
}

/** The `show` reply, in `lang` (default: the organization's language). */
export function describeIncident(i: Incident, lang: Lang = languageFor(i.organization)): Reply {
  const tr = translator(lang);
  const facts = incidentFacts(i, lang);
  const recent = recentTimeline(i, RECENT, lang);
  const heading = tr('summary.timeline', { count: i.timeline.length });
  const text = [
    `${i.id} · ${i.title}`,
    ...facts.map((f) => `  ${labelled(lang, f.label, f.value)}`),
    `  ${labelled(lang, heading)}`,
    ...recent.map((l) => `    ${l}`),
  ].join('\n');
  return ok(text, {
    lang,
    card: {
      title: `${i.id} · ${i.title}`,
      fields: facts,
      sections: [{ heading, text: recent.join('\n') || tr('summary.empty') }],
      buttons: [
        { label: tr('summary.deadlines'), command: `deadlines ${i.id}`, style: 'primary' },
        { label: tr('show.export'), command: `export ${i.id} --format md` },
      ],
    },
    data: i,
  });
}
