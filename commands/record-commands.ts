// The written record: `export` (JSON signed when a key is set, Markdown, PDF) as a file, `verify` and `verify-export`.
import { jsonErrorPlace, jsonPlaceWords } from '../bot/json-place.ts';
import { actorKey } from '../bot/access/actor-key.ts';
import { z } from 'zod';
import { obligationsNow } from '../bot/domain/obligations.ts';
import { CONTRACT_KEYS } from '../bot/deadlines/types.ts';
import type { Incident } from '../bot/model/incident-schema.ts';
import { ok, refused, type ReplyFile } from '../bot/reply.ts';
import { postAnchor } from '../bot/record/anchor.ts';
import { checkSignature, signExport } from '../bot/record/export-signature.ts';
import { bannerFor, buildRecordDocument, VERIFICATION_PARAGRAPH } from '../bot/record/record-document.ts';
import { recordToMarkdown } from '../bot/record/record-markdown.ts';
import { verifyChain, type ChainStatus } from '../bot/record/verify-chain.ts';
import { checkFacts, exportedIncident, factsSummary, type FactsStatus } from '../bot/record/state-digest.ts';
import { languageFor, t, translator, type Lang } from '../bot/i18n/index.ts';
import { askerLanguage } from './asker-language.ts';
import type { CommandContext } from './context.ts';
import type { CommandSpec } from './registry.ts';
import { IncidentIdArg, requireIncident } from './shared.ts';
import { CommandRefusedError } from '../bot/errors.ts';
import { nestedDeeperThan } from '../bot/model/nesting.ts';

const MEDIA = { json: 'application/json', md: 'text/markdown', pdf: 'application/pdf' } as const;

type ExportArgs = { id: string; format: keyof typeof MEDIA; channel?: boolean; out?: string };

const exportCommand: CommandSpec<ExportArgs> = {
  id: 'incident.export',
  permission: 'read',
  audit: 'export',
  name: 'export',
  summary: 'Export the full record (facts and their history, obligations with proof, timeline, chain head) as a JSON, Markdown or PDF file',
  usage: 'export <id> [--format json|md|pdf] [--channel] [--out <path>]',
  examples: ['export BR-1 --format pdf', 'export BR-1 --format json', 'export BR-1 --format md --channel'],
  positionals: [{ name: 'id' }],
  options: {
    format: { type: 'string', description: 'json (default, re-importable, signed when BREACHDESK_SIGNING_KEY is set), md or pdf' },
    channel: { type: 'boolean', description: 'share the file in this channel (default: to you privately)' },
    out: { type: 'string', description: 'terminal and CLI: where to write the file' },
  },
  args: z.object({
    id: IncidentIdArg,
    format: z.enum(['json', 'md', 'pdf'], { error: 'format must be json, md or pdf' }).default('json'),
    channel: z.boolean().optional(),
    out: z.string().min(1).optional(),
  }),
  async handler(args, ctx) {
    const incident = await requireIncident(ctx, args.id);
    const now = ctx.clock.now();
    const status = verifyChain(incident);
    ctx.records?.note(incident.id, status);
    // A stored date out of range refuses the export with the reason (bot/domain/obligations.ts), never a half record.
    const obligations = obligationsNow(incident, ctx.rules, now);
    const doc = buildRecordDocument({ incident, obligations, status, now, exportedBy: `${ctx.actor.name} (${actorKey(ctx.actor)})` });
    let content: Uint8Array;
    let data: unknown;
    if (args.format === 'json') {
      const exported = jsonExport(incident, obligations, status, ctx);
      content = Buffer.from(`${JSON.stringify(exported, null, 2)}\n`, 'utf8');
      data = exported;
    } else {
      content = args.format === 'md' ? Buffer.from(recordToMarkdown(doc), 'utf8') : await (await import('../bot/record/record-pdf.ts')).recordToPdf(doc, { createdAt: now, ...(incident.chain ? { head: incident.chain.head } : {}) });
      data = { id: incident.id, format: args.format, head: incident.chain?.head ?? null, chain: status.state };
    }
    const anchored = await anchorOnExport(incident, ctx);
    const file: ReplyFile = {
      name: `${incident.id}-record-${now.toISOString().slice(0, 10)}.${args.format}`,
      mediaType: MEDIA[args.format],
      content,
      title: `${incident.id} record (${args.format.toUpperCase()})`,
      share: args.channel ? 'channel' : 'private',
      ...(args.out ? { path: args.out } : {}),
    };
    const lang = languageFor(incident.organization, ctx.language);
    const tr = translator(lang);
    const lines = [
      ...(doc.banner ? [doc.banner] : []),
      tr('record.exported', { id: incident.id, format: args.format.toUpperCase(), size: kilobytes(content.length, lang), obligations: tr('record.obligationCount', { count: obligations.length }), entries: tr('record.entryCount', { count: incident.timeline.length }) }),
      tr('record.head', { head: incident.chain?.head ?? tr('record.notSealed'), state: tr(`record.state.${status.state}`), signed: args.format === 'json' && ctx.config.signingKey ? tr('record.signed') : '' }),
      ...(anchored ? [tr(anchored.key, { channel: anchored.channel })] : []),
    ];
    return ok(lines.join('\n'), { file, data, visibility: args.channel ? 'channel' : 'private' });
  },
};

function jsonExport(incident: Incident, obligations: ReturnType<typeof obligationsNow>, status: ChainStatus, ctx: CommandContext): Record<string, unknown> {
  const exported: Record<string, unknown> = {
    format: 'breachdesk-incident', formatVersion: 2, exportedAt: ctx.clock.now().toISOString(), exportedBy: ctx.actor.name,
    ...incident,
    obligations: obligations.map((o) => Object.fromEntries(CONTRACT_KEYS.map((k) => [k, o[k]]))),
    record: { chain: status.state, head: incident.chain?.head ?? null, ...(status.state === 'broken' ? { problem: status.problem.reason } : {}), ...factsOf(status), howToVerify: VERIFICATION_PARAGRAPH },
  };
  return ctx.config.signingKey ? signExport(exported, ctx.config.signingKey) : exported;
}

async function anchorOnExport(incident: Incident, ctx: CommandContext): Promise<{ key: string; channel: string } | undefined> {
  const channel = ctx.config.anchorChannel;
  if (!channel || !ctx.notifier || !incident.chain) return undefined;
  try {
    await postAnchor({ store: ctx.store, notifier: ctx.notifier, channel }, [incident], ctx.clock.now(), 'export');
    return { key: 'record.anchorPosted', channel: `${channel.platform}:${channel.id}` };
  } catch (error) {
    ctx.logger.warn('anchor on export refused', { incident: incident.id, error: error instanceof Error ? error.message : String(error) });
    return { key: 'record.anchorFailed', channel: `${channel.platform}:${channel.id}` };
  }
}

const verifyCommand: CommandSpec<{ id: string }> = {
  id: 'record.verify',
  permission: 'read',
  audit: 'read',
  name: 'verify',
  summary: "Check an incident's hash chain and its facts against the state digest it recorded; names the first entry that does not match",
  usage: 'verify <id>',
  examples: ['verify BR-1'],
  positionals: [{ name: 'id' }],
  args: z.object({ id: IncidentIdArg }),
  async handler(args, ctx) {
    const incident = await requireIncident(ctx, args.id);
    const status = verifyChain(incident);
    ctx.records?.note(incident.id, status);
    const data = { id: incident.id, chain: status.state, head: incident.chain?.head ?? null, ...(status.state === 'broken' ? { problem: status.problem } : {}), ...factsOf(status) };
    if (status.state === 'broken') return { ...refused(bannerFor(incident.id, status)!), data };
    const anchored = incident.chain?.anchored;
    const tr = translator(languageFor(incident.organization, ctx.language));
    const extra = anchored ? `\n${tr(anchored.head === incident.chain!.head ? 'record.anchoredSame' : 'record.anchoredSince', { head: anchored.head, channel: anchored.channel, at: anchored.at })}` : '';
    const said = status.state === 'intact' ? tr('record.intact', { id: incident.id, head: status.head, count: incident.timeline.length }) : tr('record.unsealed', { id: incident.id });
    const facts = status.state === 'intact' && status.facts ? `\n${factsLine(tr, status.facts)}` : '';
    return ok(`${said}${facts}${extra}`, { data });
  },
};

const verifyExportCommand: CommandSpec<{ source: string }> = {
  id: 'record.verify-export',
  // Checks a file the asker already holds; no stored incident is read.
  permission: 'public',
  name: 'verify-export',
  summary: "Check a JSON export: its Ed25519 signature, its hash chain and its facts; prints the head to compare with the anchor channel",
  usage: 'verify-export <file.json | {json…}>',
  examples: ['verify-export BR-1-record-2025-03-01.json'],
  positionals: [{ name: 'source', rest: true, raw: true }],
  args: z.object({ source: z.string({ error: 'Missing file or JSON to verify.' }).min(1) }),
  async handler(args, ctx) {
    const text = await readExport(args.source, ctx);
    let document: Record<string, unknown>;
    try {
      document = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new CommandRefusedError(t(askerLanguage(ctx), 'record.notJson', { problem: jsonPlaceWords(jsonErrorPlace(error, text), askerLanguage(ctx)) }));
    }
    if (document?.format !== 'breachdesk-incident') throw new CommandRefusedError(t(askerLanguage(ctx), 'record.notExport'));
    const shape = exportShapeProblem(document);
    if (shape) throw new CommandRefusedError(t(askerLanguage(ctx), 'record.badExport', { problem: shape }));
    const signature = checkSignature(document, ctx.config.signingKey);
    // The incident as exported (without the members the export adds around it): its chain, then its facts against the
    // state digest its timeline recorded, so facts edited in the file after the export fail too.
    const exported = exportedIncident(document) as unknown as Incident;
    const chain = verifyChain(exported, undefined, { facts: false });
    const facts = chain.state === 'intact' ? checkFacts(exported) : undefined;
    // The exported organization's language, as its other answers; the reasons are the checks' own (English).
    const organization = document.organization as { country?: unknown } | undefined;
    const tr = translator(typeof organization?.country === 'string' ? languageFor({ country: organization.country }, ctx.language) : askerLanguage(ctx));
    // With a key configured here every export made here is signed: one without a signature is not taken as good.
    const keyed = Boolean(ctx.config.signingKey);
    const which = signature.state === 'valid' ? (signature.matchesConfiguredKey === false ? tr('record.sigOtherKey') : signature.matchesConfiguredKey ? tr('record.sigThisKey') : '') : '';
    const lines = [
      signature.state === 'valid' ? tr('record.sigValid', { key: signature.keyId, which }) : signature.state === 'unsigned' ? tr(keyed ? 'record.sigMissing' : 'record.sigNone') : tr('record.sigInvalid', { reason: signature.reason }),
      chain.state === 'intact' ? tr('record.chainIntact', { head: chain.head }) : chain.state === 'broken' ? tr('record.chainBroken', { reason: chain.problem.reason }) : tr('record.chainUnsealed'),
      ...(facts ? [factsLine(tr, facts)] : []),
      tr('record.compareAnchor'),
    ];
    const good = ((signature.state === 'unsigned' && !keyed) || (signature.state === 'valid' && signature.matchesConfiguredKey !== false)) && chain.state !== 'broken' && facts?.state !== 'changed';
    const data = { signature, chain: chain.state, head: chain.state === 'intact' ? chain.head : null, ...factsSummary(facts) };
    return good ? ok(lines.join('\n'), { data }) : { ...refused(lines.join('\n')), data };
  },
};

/** What in an export's record-keeping fields the checks cannot read (English, like the checks' reasons), or undefined. */
function exportShapeProblem(document: Record<string, unknown>): string | undefined {
  const isObject = (v: unknown) => typeof v === 'object' && v !== null && !Array.isArray(v);
  // The checks walk the document recursively (canonical JSON): one nested thousands of levels deep would overflow the stack.
  if (nestedDeeperThan(document, MAX_EXPORT_DEPTH)) return `it nests values more than ${MAX_EXPORT_DEPTH} levels deep (an export breachdesk writes nests a few)`;
  if (typeof document.id !== 'string') return '"id" is not an incident id';
  if (!Array.isArray(document.timeline)) return '"timeline" is not a list';
  for (const list of ['timeline', 'accessLog'] as const) {
    const entries = document[list];
    if (entries === undefined) continue;
    if (!Array.isArray(entries)) return `"${list}" is not a list`;
    const bad = entries.findIndex((e) => !isObject(e));
    if (bad !== -1) return `${list} entry ${bad + 1} is not an entry`;
  }
  const chain = document.chain as Record<string, unknown> | undefined;
  const lists = chain?.lists as Record<string, unknown> | undefined;
  const sealed = (chain?.seal as Record<string, unknown> | null | undefined)?.lists as Record<string, unknown> | undefined;
  const records = (v: unknown) => isObject(v) && Object.values(v as object).every(isObject);
  if (chain !== undefined && (!isObject(chain) || !records(lists) || (chain.seal !== undefined && !records(sealed)))) return '"chain" is not a chain record breachdesk wrote';
  return undefined;
}

const MAX_EXPORT_DEPTH = 100;

async function readExport(source: string, ctx: CommandContext): Promise<string> {
  // Pasted JSON of any shape is checked (and refused in words), never taken for a file name.
  if (/^\s*[{[]/.test(source)) return source;
  if (!ctx.readFile) throw new CommandRefusedError(t(askerLanguage(ctx), 'record.exportFromChat'));
  try {
    return await ctx.readFile(source);
  } catch (error) {
    throw new CommandRefusedError(`Cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** The facts' verdict of a verification, for `verify --json` and the JSON export's `record`. */
function factsOf(status: ChainStatus) {
  if (status.state === 'broken' && status.problem.list === 'facts') return factsSummary({ state: 'changed', entry: status.problem.entry ?? 0, reason: status.problem.reason });
  return factsSummary(status.state === 'intact' ? status.facts : undefined);
}

/** One line on the facts for `verify` and `verify-export`, in the answer's language (the reason stays English, as the chain's). */
function factsLine(tr: ReturnType<typeof translator>, facts: FactsStatus): string {
  if (facts.state === 'changed') return tr('record.factsChanged', { reason: facts.reason });
  if (facts.state === 'not_covered') return tr('record.factsNotCovered');
  return tr(facts.olderEntries ? 'record.factsCoveredSince' : 'record.factsCovered', { entry: facts.entry, at: facts.at, since: facts.since });
}

/** A file size as the language writes it: 10.0 KB, 10,0 Ko. */
function kilobytes(bytes: number, lang: Lang): string {
  if (bytes < 1024) return t(lang, 'record.bytes', { n: bytes });
  const n = (bytes / 1024).toFixed(1);
  return t(lang, 'record.kilobytes', { n: lang === 'fr' ? n.replace('.', ',') : n });
}

/** Export and verification of the record. */
export const recordCommands: CommandSpec[] = [exportCommand, verifyCommand, verifyExportCommand];
