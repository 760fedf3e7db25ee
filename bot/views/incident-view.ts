// The neutral view of one incident: facts, roles, channels and the latest timeline entries.
import type { Incident } from '../model/incident-schema.ts';
import { ok, type Reply, type ReplyField } from '../reply.ts';
import { formatInZone } from './format-in-zone.ts';

const RECENT = 5;

/** Key facts of an incident as label/value pairs. */
export function incidentFacts(i: Incident): ReplyField[] {
  const tz = i.organization.timezone;
  const when = (iso: string | null) => (iso ? formatInZone(iso, tz) : 'not recorded');
  const yesNo = (b: boolean | null) => (b === null ? 'unknown' : b ? 'yes' : 'no');
  const jurisdictions = Object.entries(i.affected.byJurisdiction).map(([j, n]) => `${j} ${n}`).join(', ');
  const fields: ReplyField[] = [
    { label: 'Status', value: i.status },
    { label: 'Organization', value: `${i.organization.name} (${i.organization.role}, ${i.organization.country}, ${tz})` },
    { label: 'Discovered', value: when(i.discoveredAt) },
    { label: 'Affected', value: `${i.affected.total}${jurisdictions ? ` (${jurisdictions})` : ''}` },
    { label: 'PHI involved / encrypted', value: `${yesNo(i.phiInvolved)} / ${yesNo(i.dataEncrypted)}` },
  ];
  if (i.vendor) {
    const v = i.vendor;
    fields.push({ label: 'Vendor', value: `${v.name} (${v.role}${v.isAgent ? ', our agent' : ''}); discovered ${when(v.discoveredAt)}; notified us ${when(v.notifiedUsAt)}` });
  }
  if (i.breachDeterminedAt) fields.push({ label: 'Breach determined', value: when(i.breachDeterminedAt) });
  if (i.materialityDeterminedAt) fields.push({ label: 'Materiality determined', value: when(i.materialityDeterminedAt) });
  if (i.gdprRisk) fields.push({ label: 'GDPR risk', value: i.gdprRisk });
  if (i.dataCategories.length) fields.push({ label: 'Data', value: i.dataCategories.join(', ') });
  for (const d of i.lawEnforcementDelays) {
    fields.push({ label: 'Law-enforcement delay', value: `${d.form} from ${d.agency} (${d.official}) on ${when(d.statedAt)}${d.until ? ` until ${when(d.until)}` : ''}` });
  }
  const roles = Object.entries(i.roles).map(([r, who]) => `${r}: ${who}`).join(', ');
  fields.push({ label: 'Roles', value: roles || 'none assigned (`set <id> commander @name`)' });
  fields.push({ label: 'Linked channels', value: i.channels.map((c) => `${c.platform}:${c.name ?? c.id}`).join(', ') || 'none (`link <id>` in the channel)' });
  return fields;
}

/** The latest timeline entries, oldest first, as lines. */
export function recentTimeline(i: Incident, count = RECENT): string[] {
  return i.timeline.slice(-count).map((e) => `${formatInZone(e.at, i.organization.timezone)} · ${e.actor.name} (${e.actor.platform}) · ${e.text}`);
}

/** The `show` reply. */
export function describeIncident(i: Incident): Reply {
  const facts = incidentFacts(i);
  const recent = recentTimeline(i);
  const text = [
    `${i.id} · ${i.title}`,
    ...facts.map((f) => `  ${f.label}: ${f.value}`),
    `  Recent timeline (${plural(i.timeline.length, 'entry', 'entries')}):`,
    ...recent.map((l) => `    ${l}`),
  ].join('\n');
  return ok(text, {
    card: {
      title: `${i.id} · ${i.title}`,
      fields: facts,
      sections: [{ heading: `Recent timeline (${plural(i.timeline.length, 'entry', 'entries')})`, text: recent.join('\n') || 'empty' }],
      buttons: [
        { label: 'Deadlines', command: `deadlines ${i.id}`, style: 'primary' },
        { label: 'Export', command: `export ${i.id} --format md` },
      ],
    },
    data: i,
  });
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
