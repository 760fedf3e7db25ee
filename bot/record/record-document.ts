// The full record of one incident as a neutral document (headings, fields, items, fixed-width lines), rendered to
// Markdown and PDF alike so both carry the same content: facts with their history, the risk assessment, law-enforcement
// delays, every obligation with its proof, the timeline, the access log and the chain head with how to check it.
import type { Incident } from '../model/incident-schema.ts';
import type { Obligation } from '../deadlines/types.ts';
import { dueWords, ownCaveats, sharedCaveatLines, STATUS_LABEL } from '../deadlines/present.ts';
import { formatInZone } from '../views/format-in-zone.ts';
import { incidentFacts } from '../views/incident-view.ts';
import { chainedLists, type ChainedEntry } from './chain.ts';
import type { ChainStatus } from './verify-chain.ts';
import { describeFacts } from './state-digest.ts';
import { visibleText } from '../views/visible-text.ts';

/** One piece of a section. */
export type RecordBlock =
  | { kind: 'text'; text: string }
  | { kind: 'field'; label: string; value: string }
  | { kind: 'item'; title: string; lines: string[] }
  | { kind: 'mono'; text: string };

/** A headed part of the record. */
export interface RecordSection {
  heading: string;
  blocks: RecordBlock[];
}

/** The whole record, ready for any renderer. */
export interface RecordDocument {
  title: string;
  /** Who exported it, when, and the time zone used. */
  preface: string[];
  /** Loud notice when the chain is broken or not yet sealed. */
  banner?: string;
  sections: RecordSection[];
}

/** Everything the record is built from. */
export interface RecordInput {
  incident: Incident;
  obligations: readonly Obligation[];
  status: ChainStatus;
  now: Date;
  exportedBy: string;
}

/** Build the record document. */
export function buildRecordDocument(input: RecordInput): RecordDocument {
  const { incident: i, obligations, status, now } = input;
  const tz = i.organization.timezone;
  const at = (iso: string) => formatInZone(iso, tz);
  const doc: RecordDocument = {
    title: `${i.id}: ${i.title}`,
    preface: [`Incident record exported ${at(now.toISOString())} by ${input.exportedBy}. Times in ${tz}.`, `Opened ${at(i.createdAt)}; status ${i.status}.`],
    sections: [
      { heading: 'Facts', blocks: incidentFacts(i, 'en').map((f) => ({ kind: 'field', label: f.label, value: f.value })) },
      factHistory(i, at),
      riskSection(i, at),
      delaySection(i, at),
      obligationSection(i, obligations, now, at),
      ...chainedLists(i).map(([name, entries]) => listSection(name, entries, at)),
      chainSection(i, status),
    ],
  };
  const banner = bannerFor(i.id, status, chainedLists(i).some(([, entries]) => entries.length > 0));
  if (banner) doc.banner = banner;
  return readable(doc);
}

/** The document with invisible and control characters (bidi overrides, zero-width, escapes) shown as markers, as in chat. */
function readable(doc: RecordDocument): RecordDocument {
  const v = visibleText;
  const block = (b: RecordBlock): RecordBlock =>
    b.kind === 'field' ? { ...b, label: v(b.label), value: v(b.value) } : b.kind === 'item' ? { ...b, title: v(b.title), lines: b.lines.map(v) } : { ...b, text: v(b.text) };
  return {
    ...doc,
    title: v(doc.title),
    preface: doc.preface.map(v),
    ...(doc.banner ? { banner: v(doc.banner) } : {}),
    sections: doc.sections.map((s) => ({ heading: v(s.heading), blocks: s.blocks.map(block) })),
  };
}

/** The loud line shown on `show` and exports when the record does not verify; undefined when it does. */
export function bannerFor(id: string, status: ChainStatus, hasEntries = true): string | undefined {
  if (status.state === 'broken' && status.problem.list === 'facts') return `RECORD BROKEN: ${id}: ${status.problem.reason}. Run \`verify ${id}\`; compare with the last anchored head or an earlier export.`;
  if (status.state === 'broken') return `RECORD BROKEN: ${id}'s stored record does not match its hash chain. ${status.problem.reason}. Run \`verify ${id}\`; compare with the last anchored head or an earlier export.`;
  if (status.state === 'unsealed' && hasEntries) return `${id}'s entries were written before chaining and are not sealed yet; they are sealed at the next start-up or change.`;
  return undefined;
}

function factHistory(i: Incident, at: (iso: string) => string): RecordSection {
  const changes = i.timeline.filter((e) => e.changes?.length);
  const blocks: RecordBlock[] = changes.flatMap((e) =>
    (e.changes ?? []).map((c) => ({ kind: 'item' as const, title: `${c.field}: ${show(c.from)} -> ${show(c.to)}`, lines: [`changed ${at(e.at)} by ${whoIs(e.actor)}`] })),
  );
  return { heading: 'Fact history', blocks: blocks.length ? blocks : [{ kind: 'text', text: 'No fact was changed after the incident was opened.' }] };
}

function riskSection(i: Incident, at: (iso: string) => string): RecordSection {
  const blocks: RecordBlock[] = i.riskAssessments.map((r) => ({
    kind: 'item',
    title: `${r.conclusion === 'low_probability' ? 'Low probability of compromise' : 'Presumed breach'} (decided ${at(r.decidedAt)} by ${r.decidedBy})`,
    lines: [
      `Nature and extent of the PHI: ${r.factors.natureAndExtent}`,
      `Unauthorized person: ${r.factors.unauthorizedPerson}`,
      `Acquired or viewed: ${r.factors.acquiredOrViewed}`,
      `Mitigation: ${r.factors.mitigation}`,
    ],
  }));
  return { heading: 'Risk assessment (45 CFR 164.402)', blocks: blocks.length ? blocks : [{ kind: 'text', text: 'No risk assessment recorded.' }] };
}

function delaySection(i: Incident, at: (iso: string) => string): RecordSection {
  const blocks: RecordBlock[] = i.lawEnforcementDelays.map((d) => ({
    kind: 'item',
    title: `${d.form === 'oral' ? 'Oral' : 'Written'} statement from ${d.agency}`,
    lines: [
      `Official: ${d.official}`, `Stated: ${at(d.statedAt)}`, `Until: ${d.until ? at(d.until) : 'not stated'}`,
      // An Item 1.05(c) determination delays the 8-K only; the record says so beside the statement.
      ...(d.secItem105c ? [`Form 8-K Item 1.05(c): ${d.secItem105c.replace('_', ' ')} (delays the 8-K only)`] : []),
    ],
  }));
  return { heading: 'Law-enforcement delays (45 CFR 164.412; Form 8-K Item 1.05(c) where marked)', blocks: blocks.length ? blocks : [{ kind: 'text', text: 'No law-enforcement delay recorded.' }] };
}

function obligationSection(i: Incident, obligations: readonly Obligation[], now: Date, at: (iso: string) => string): RecordSection {
  if (obligations.length === 0) return { heading: 'Notification obligations', blocks: [{ kind: 'text', text: 'No notification obligation applies on the recorded facts.' }] };
  const blocks: RecordBlock[] = [{ kind: 'text', text: `${obligations.length} obligation(s), as computed at the export instant.` }];
  for (const o of obligations) {
    const notices = i.notices.filter((n) => n.obligation === o.obligation || n.obligation === o.rule);
    const proof = notices.length ? notices.map((n) => `Proof recorded: sent ${at(n.sentAt)}${n.note ? `: ${n.note}` : ' (no note)'}`) : [o.status === 'done' ? 'Proof recorded: done' : 'Proof recorded: none yet'];
    blocks.push({
      kind: 'item',
      title: `${o.obligation} -> ${o.recipient}`,
      lines: [
        `Status: ${STATUS_LABEL[o.status]} (${o.status})`,
        `Due: ${o.dueDate ? `${o.dueDate} · ` : ''}${dueWords(o, now.getTime(), at)}`,
        `Citation: ${o.citation} (${o.law})`,
        `Verification level: ${o.verification}`,
        `Basis: ${o.basis}`,
        ...proof,
        ...ownCaveats(o).map((c) => `Note: ${c}`),
        ...(o.caveatRefs?.length ? [`See also notes ${o.caveatRefs.map((r) => `[${r.id}]`).join(', ')} below`] : []),
      ],
    });
  }
  // Caveats many rules share are stated once, after the obligations.
  const shared = sharedCaveatLines(obligations);
  if (shared.length) blocks.push({ kind: 'item', title: 'Notes that apply to several obligations above', lines: shared.map((l) => l.replace(/^\s*[!⚠]?\s*/, '')) });
  return { heading: 'Notification obligations', blocks };
}

function listSection(name: string, entries: readonly ChainedEntry[], at: (iso: string) => string): RecordSection {
  const heading = name === 'timeline' ? `Timeline (${entries.length} entries, append-only)` : name === 'accessLog' ? `Access log (${entries.length} entries)` : name;
  const blocks: RecordBlock[] = entries.map((e, n) => {
    const actor = e.actor as { name?: string; platform?: string; id?: string } | undefined;
    const who = actor ? whoIs(actor) : '';
    // Timeline entries have an action and a text; access-log entries a kind, a command, a channel and maybe a reason.
    const what = typeof e.action === 'string' ? e.action : [e.kind, e.command].filter((v) => typeof v === 'string').join(' ');
    const channel = e.channel as { platform?: string; id?: string; name?: string } | undefined;
    const text = typeof e.text === 'string' ? e.text : [channel ? `from ${channel.platform}:${channel.name ?? channel.id}` : '', typeof e.reason === 'string' ? e.reason : ''].filter(Boolean).join('; ');
    const title = [`${n + 1}.`, typeof e.at === 'string' ? at(e.at) : '', who, what].filter(Boolean).join(' · ');
    return { kind: 'item', title, lines: [...(text ? [text] : []), ...(e.hash ? [`hash ${e.hash}`] : ['written before chaining (sealed into the first link)'])] };
  });
  return { heading, blocks: blocks.length ? blocks : [{ kind: 'text', text: 'No entries.' }] };
}

function chainSection(i: Incident, status: ChainStatus): RecordSection {
  const head = i.chain?.head ?? 'none (not sealed yet)';
  const blocks: RecordBlock[] = [
    { kind: 'field', label: 'Chain head', value: '' },
    { kind: 'mono', text: head },
    { kind: 'field', label: 'Verification at export', value: status.state === 'intact' ? 'intact: every entry matches its hash and follows the one before it' : status.state === 'broken' ? `BROKEN: ${status.problem.reason}` : 'not sealed yet' },
    { kind: 'field', label: 'Facts at export', value: factsWords(status) },
  ];
  if (i.chain?.seal) blocks.push({ kind: 'text', text: `Entries written before chaining were sealed once into the first link on ${i.chain.seal.at}.` });
  if (i.chain?.anchored) blocks.push({ kind: 'text', text: `Last anchored head ${i.chain.anchored.head} posted to ${i.chain.anchored.channel} at ${i.chain.anchored.at}.` });
  blocks.push({ kind: 'text', text: VERIFICATION_PARAGRAPH });
  return { heading: 'Integrity of this record', blocks };
}

/** The facts' coverage by the state digest, as the integrity section states it. */
function factsWords(status: ChainStatus): string {
  if (status.state === 'broken') return status.problem.list === 'facts' ? `CHANGED OUTSIDE BREACHDESK: ${status.problem.reason}` : 'not checked (the chain is broken)';
  if (status.state === 'unsealed' || !status.facts) return 'not checked';
  return describeFacts(status.facts);
}

/** How a reader checks the record (printed in every export). */
export const VERIFICATION_PARAGRAPH =
  'How to check this record: every timeline and access-log entry carries "prev", the hash of the entry before it, and "hash", ' +
  'the SHA-256 of the entry written as canonical JSON (keys sorted, no whitespace) including "prev" and without "hash". The first entry follows ' +
  'SHA-256 of {"incident":"<id>","list":"timeline"}. The chain head is SHA-256 of {"incident":"<id>","lists":{...}} holding each list\'s last hash ' +
  'and entry count. Each timeline entry also carries "stateDigest", the SHA-256 of the incident\'s canonical JSON after its change without "timeline", ' +
  '"accessLog", "chain", "deliveries" and "outbox": the last one must match the incident as exported, read without those and without the members the ' +
  'export adds around it ("format", "formatVersion", "exportedAt", "exportedBy", "obligations", "record", "signature"). Run `verify-export <file.json>` on the JSON export (or recompute these hashes yourself) and compare the head with the one the bot ' +
  'posted to the anchor channel: a record edited after that post cannot match it.';

/**
 * A person as the record names them: the display name and the platform's id (`Ada (slack:U0123ABCD)`). A display name
 * is neither unique nor fixed (anyone may rename themselves after a colleague); the id says who it was.
 */
function whoIs(actor: { name?: string; platform?: string; id?: string }): string {
  return actor.id === undefined || actor.id === actor.name ? `${actor.name} (${actor.platform})` : `${actor.name} (${actor.platform}:${actor.id})`;
}

function show(v: unknown): string {
  return v === null || v === undefined ? 'unset' : typeof v === 'string' ? v : JSON.stringify(v);
}
