// GDPR Art. 3 / UK GDPR Art. 3 territorial scope: an organization based outside the EU/EEA (resp. the UK) whose breach
// affects residents there is reached only through an establishment there (Art. 3(1)) or by offering goods or services to,
// or monitoring, people there (Art. 3(2)). Unanswered: the notices need facts with their clocks; no: not applicable;
// yes: owed as before. An organization established there is not asked and keeps its answers exactly.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkScenario, runScenario, usFacts, type Row, type Scenario } from './run-scenario.ts';

// Every US scenario: awareness Mon 2026-03-02 09:00 CST = 15:00Z. GDPR / UK GDPR Art. 33(1): + 72 continuous hours
// = Thu 2026-03-05 15:00Z = 09:00 CST (Chicago moves to CDT only on Sun 2026-03-08). At NOW (63 h before): pending.
const NOW = '2026-03-03T00:00:00Z';
const DUE_72H = '2026-03-05T09:00:00.000-06:00';
const EU_QUESTION = /^not answered yet whether the GDPR reaches the organization for these people \(organization\.gdprTerritorial: set BR-1 gdpr-scope yes\|no\): it is based outside the EU\/EEA \(US\).*GDPR Art\. 3\(1\).*Art\. 3\(2\).*EDPB/;
const UK_QUESTION = /^not answered yet whether the UK GDPR reaches the organization for these people \(organization\.ukGdprTerritorial: set BR-1 uk-gdpr-scope yes\|no\): it is based outside the United Kingdom \(US\).*UK GDPR Art\. 3\(1\).*Art\. 3\(2\)/;

const usWith = (byJurisdiction: Record<string, number>, organization: Record<string, unknown> = {}, more: Record<string, unknown> = {}) => {
  const total = Object.values(byJurisdiction).reduce((a, b) => a + b, 0);
  return usFacts({ gdprRisk: 'high', affected: { total, byJurisdiction }, organization, ...more });
};

const scenarios: Scenario[] = [
  {
    name: 'US hospital, 40 French residents, scope not answered: Art. 33 and 34 need facts, the 72-hour instant shown',
    facts: usWith({ 'US-TX': 60, FR: 40 }),
    now: NOW,
    expect: {
      'EU-GDPR-33-SA': { status: 'needs_facts', kind: 'instant', dueAt: DUE_72H, verification: 'verified_primary_text', basis: EU_QUESTION },
      // Art. 34: "without undue delay", no fixed hours; risk assessed high, so only the Art. 3 answer is missing.
      'EU-GDPR-34-DS': { status: 'needs_facts', kind: 'none_fixed', dueAt: null, basis: EU_QUESTION },
    },
    // The CNIL rule is for organizations based in France; no UK resident, no UK GDPR.
    absent: ['FR-CNIL-GDPR-33', 'UK-GDPR-33-ICO', 'UK-GDPR-34-DS'],
  },
  {
    name: 'US hospital, French residents, scope answered no: not applicable, saying Art. 3',
    facts: usWith({ 'US-TX': 60, FR: 40 }, { gdprTerritorial: false }),
    now: NOW,
    expect: {
      'EU-GDPR-33-SA': { status: 'not_applicable', dueAt: null, basis: /^the GDPR does not reach the organization for these people \(organization\.gdprTerritorial = no\): based in US.*Art\. 3\(1\).*Art\. 3\(2\)/ },
      'EU-GDPR-34-DS': { status: 'not_applicable', dueAt: null, basis: /gdprTerritorial = no/ },
    },
  },
  {
    name: 'US hospital, French residents, scope answered yes: owed as before, on the same 72-hour instant',
    facts: usWith({ 'US-TX': 60, FR: 40 }, { gdprTerritorial: true }),
    now: NOW,
    expect: {
      'EU-GDPR-33-SA': { status: 'pending', kind: 'instant', dueAt: DUE_72H, verification: 'verified_primary_text', basis: /^72 hours after .*gdprTerritorial = yes/ },
      'EU-GDPR-34-DS': { status: 'pending', kind: 'none_fixed', basis: /assessed as high.*gdprTerritorial = yes/ },
    },
  },
  {
    name: 'US hospital, risk assessed unlikely: Art. 33 not applicable for the risk, the scope not asked',
    facts: usWith({ FR: 40 }, {}, { gdprRisk: 'unlikely' }),
    now: NOW,
    expect: {
      'EU-GDPR-33-SA': { status: 'not_applicable', basis: /^risk to individuals assessed as unlikely(?!.*gdprTerritorial)/ },
      'EU-GDPR-34-DS': { status: 'not_applicable', basis: /^risk to individuals assessed as unlikely(?!.*gdprTerritorial)/ },
    },
  },
  {
    name: 'US hospital, risk not assessed: both questions asked for Art. 34; scope no rules it out whatever the risk',
    facts: usWith({ FR: 40 }, {}, { gdprRisk: null }),
    now: NOW,
    expect: {
      'EU-GDPR-33-SA': { status: 'needs_facts', dueAt: DUE_72H, basis: EU_QUESTION },
      'EU-GDPR-34-DS': { status: 'needs_facts', basis: /not assessed \(gdprRisk\).*; not answered yet whether the GDPR reaches the organization/ },
    },
  },
  {
    name: 'US hospital, risk not assessed, scope no: Art. 34 not applicable (Art. 3), the risk no longer asked',
    facts: usWith({ FR: 40 }, { gdprTerritorial: false }, { gdprRisk: null }),
    now: NOW,
    expect: {
      'EU-GDPR-34-DS': { status: 'not_applicable', basis: /^the GDPR does not reach(?!.*gdprRisk)/ },
    },
  },
  {
    name: 'US business associate (processor), French residents: the Art. 33(2) notice to the controller follows the same gate',
    facts: usWith({ FR: 40 }, { role: 'business_associate' }),
    now: NOW,
    expect: { 'EU-GDPR-33-PROCESSOR': { status: 'needs_facts', kind: 'none_fixed', dueAt: null, basis: EU_QUESTION } },
    absent: ['EU-GDPR-33-SA', 'EU-GDPR-34-DS'],
  },
  {
    name: 'US business associate, scope no: the Art. 33(2) notice is not applicable',
    facts: usWith({ FR: 40 }, { role: 'business_associate', gdprTerritorial: false }),
    now: NOW,
    expect: { 'EU-GDPR-33-PROCESSOR': { status: 'not_applicable', basis: /gdprTerritorial = no/ } },
  },
  {
    name: 'US hospital, 25 UK residents, UK scope not answered: the ICO notice needs facts on the 72-hour instant',
    facts: usWith({ 'US-TX': 60, GB: 25 }),
    now: NOW,
    expect: {
      'UK-GDPR-33-ICO': { status: 'needs_facts', kind: 'instant', dueAt: DUE_72H, verification: 'verified_secondary', basis: UK_QUESTION },
      'UK-GDPR-34-DS': { status: 'needs_facts', basis: UK_QUESTION },
    },
    absent: ['EU-GDPR-33-SA'],
  },
  {
    name: 'US hospital, UK residents, UK scope no / EU scope yes: the EU answer does not answer the UK question',
    facts: usWith({ GB: 25, DE: 5 }, { ukGdprTerritorial: false, gdprTerritorial: true }),
    now: NOW,
    expect: {
      'UK-GDPR-33-ICO': { status: 'not_applicable', basis: /^the UK GDPR does not reach the organization.*ukGdprTerritorial = no.*UK GDPR Art\. 3\(1\)/ },
      'UK-GDPR-34-DS': { status: 'not_applicable' },
      'EU-GDPR-33-SA': { status: 'pending', dueAt: DUE_72H },
    },
  },
  {
    name: 'US hospital, UK residents, UK scope yes, EU scope unanswered: ICO owed, the EU notice still asked',
    facts: usWith({ GB: 25, DE: 5 }, { ukGdprTerritorial: true }),
    now: NOW,
    expect: {
      'UK-GDPR-33-ICO': { status: 'pending', kind: 'instant', dueAt: DUE_72H, basis: /ukGdprTerritorial = yes/ },
      'EU-GDPR-33-SA': { status: 'needs_facts', dueAt: DUE_72H, basis: EU_QUESTION },
    },
  },
  {
    // A French hospital is established in the Union (Art. 3(1)): it is never asked. Awareness 2026-10-20 10:00 CEST
    // (08:00Z) + 72 h = 10-23 08:00Z = 10:00 CEST (Paris leaves summer time only on 10-25).
    name: 'French hospital with French and German residents: GDPR answers as before, the scope never asked',
    facts: {
      title: 'CH', discoveredAt: '2026-10-20T10:00:00+02:00', phiInvolved: true, dataEncrypted: false, gdprRisk: 'high',
      organization: { name: 'CH', role: 'controller', country: 'FR', timezone: 'Europe/Paris', gdprTerritorial: false },
      dataCategories: ['name', 'diagnosis'], affected: { total: 50, byJurisdiction: { FR: 45, DE: 5 } },
    },
    now: '2026-10-20T12:00:00Z',
    expect: {
      'FR-CNIL-GDPR-33': { status: 'pending', kind: 'instant', dueAt: '2026-10-23T10:00:00.000+02:00', basis: /^(?!.*gdprTerritorial)/ },
      'EU-GDPR-34-DS': { status: 'pending', basis: /^(?!.*(gdprTerritorial|Art\. 3\())/ },
    },
    absent: ['EU-GDPR-33-SA'],
  },
  {
    // A French hospital is not established in the UK: the UK GDPR reaches it only under UK GDPR Art. 3(2), asked like a US
    // one's (was: the ICO notice owed). Its GDPR answers stay as they were. Awareness 2026-10-20 10:00 CEST + 72 h =
    // 10-23 10:00 CEST.
    name: 'French hospital with UK residents: the ICO notice asks the UK question, the CNIL notice unchanged',
    facts: {
      title: 'CH', discoveredAt: '2026-10-20T10:00:00+02:00', phiInvolved: true, dataEncrypted: false, gdprRisk: 'high',
      organization: { name: 'CH', role: 'controller', country: 'FR', timezone: 'Europe/Paris' },
      dataCategories: ['name', 'diagnosis'], affected: { total: 50, byJurisdiction: { FR: 45, GB: 5 } },
    },
    now: '2026-10-20T12:00:00Z',
    expect: {
      'UK-GDPR-33-ICO': { status: 'needs_facts', dueAt: '2026-10-23T10:00:00.000+02:00', basis: /^not answered yet whether the UK GDPR reaches.*outside the United Kingdom \(FR\)/ },
      'FR-CNIL-GDPR-33': { status: 'pending', dueAt: '2026-10-23T10:00:00.000+02:00', basis: /^(?!.*gdprTerritorial)/ },
    },
  },
  {
    // A UK hospital is established in the UK: UK GDPR as before, whatever ukGdprTerritorial says.
    name: 'UK hospital with UK residents: ICO as before, the UK scope never asked',
    facts: {
      title: 'NHS trust', discoveredAt: '2026-03-02T09:00:00+00:00', phiInvolved: true, dataEncrypted: false, gdprRisk: 'risk',
      organization: { name: 'Trust', role: 'controller', country: 'GB', timezone: 'Europe/London', ukGdprTerritorial: false },
      dataCategories: ['name'], affected: { total: 5, byJurisdiction: { GB: 5 } },
    },
    now: NOW,
    // 2026-03-02 09:00 GMT + 72 h = 03-05 09:00 GMT.
    expect: { 'UK-GDPR-33-ICO': { status: 'pending', dueAt: '2026-03-05T09:00:00.000+00:00', basis: /^(?!.*ukGdprTerritorial)/ } },
  },
];

describe('GDPR / UK GDPR Art. 3 territorial scope', () => {
  it.each(scenarios.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
    await checkScenario(s);
  });

  it('an organization established in the EU gets exactly the same rows whatever gdprTerritorial says', async () => {
    const german = (flag: boolean | null) => ({
      title: 'Klinik', discoveredAt: '2026-03-02T09:00:00+01:00', phiInvolved: true, dataEncrypted: false, gdprRisk: 'high',
      organization: { name: 'Klinik', role: 'controller', country: 'DE', timezone: 'Europe/Berlin', gdprTerritorial: flag, ukGdprTerritorial: flag },
      dataCategories: ['name', 'diagnosis'], affected: { total: 30, byJurisdiction: { DE: 20, AT: 10 } },
    });
    const unanswered = (await runScenario(german(null), NOW)).rows;
    expect((await runScenario(german(false), NOW)).rows).toEqual(unanswered);
    expect((await runScenario(german(true), NOW)).rows).toEqual(unanswered);
    // 2026-03-02 09:00 CET (08:00Z) + 72 h = 03-05 08:00Z = 09:00 CET.
    expect(unanswered.find((r) => r.obligation === 'EU-GDPR-33-SA')).toMatchObject({ status: 'pending', dueAt: '2026-03-05T09:00:00.000+01:00' });
  });

  it('set <id> gdpr-scope yes|no|unknown moves the notices, and the French answer asks in French', async () => {
    const { say } = await runScenario(usWith({ FR: 40 }), NOW);
    const sa = async () => (JSON.parse((await say('deadlines BR-1 --json')).text) as Row[]).find((r) => r.obligation === 'EU-GDPR-33-SA')!;
    expect((await say('set BR-1 gdpr-scope no')).outcome).toBe('ok');
    expect(await sa()).toMatchObject({ status: 'not_applicable', dueAt: null });
    expect((await say('set BR-1 organization.gdprTerritorial yes')).outcome).toBe('ok');
    expect(await sa()).toMatchObject({ status: 'pending', dueAt: DUE_72H });
    expect((await say('set BR-1 gdpr-scope unknown')).outcome).toBe('ok');
    expect(await sa()).toMatchObject({ status: 'needs_facts', dueAt: DUE_72H });
    await say('lang fr');
    const french = (await say('deadlines BR-1 --only EU-GDPR-33-SA')).text;
    expect(french).toContain('établi hors de l’UE/EEE (US), il n’y est soumis');
    expect(french).toContain('set BR-1 gdpr-scope oui|non');
  });

  it('next asks the question with the way to answer it, in its first clause', async () => {
    const { say } = await runScenario(usWith({ FR: 40 }), NOW);
    expect((await say('next BR-1')).text).toMatch(/affected data subjects: not answered yet whether the GDPR reaches the organization for these people \(organization\.gdprTerritorial: set BR-1 gdpr-scope yes\|no\): it is based outside the EU\/EEA \(US\)/);
  });

  it('help set lists both fields', async () => {
    const { say } = await runScenario(usWith({ FR: 40 }), NOW);
    const text = (await say('help set')).text;
    expect(text).toContain('organization.gdprTerritorial');
    expect(text).toContain('organization.ukGdprTerritorial');
  });
});

describe('GDPR territorial scope through the real CLI (import, then --json deadlines)', () => {
  const BIN = join(import.meta.dirname, '..', '..', 'bin', 'breachdesk.js');
  const cli = (dir: string, args: string[]) => {
    const r = spawnSync(process.execPath, [BIN, '--data', join(dir, 'store.json'), '--now', NOW, ...args], {
      encoding: 'utf8', cwd: dir, env: { PATH: process.env.PATH, HOME: dir, USER: 'checker' }, timeout: 60_000,
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  it.each([
    ['not answered', undefined, { status: 'needs_facts', dueAt: DUE_72H }],
    ['no', false, { status: 'not_applicable', dueAt: null }],
    ['yes', true, { status: 'pending', dueAt: DUE_72H }],
  ] as const)('US hospital with French residents, gdprTerritorial %s', (_label, flag, want) => {
    const dir = mkdtempSync(join(tmpdir(), 'gdpr-scope-'));
    const file = join(dir, 'incident.json');
    writeFileSync(file, JSON.stringify(usWith({ 'US-TX': 60, FR: 40 }, flag === undefined ? {} : { gdprTerritorial: flag })));
    expect(cli(dir, ['import', file])).toMatchObject({ code: 0, stdout: 'BR-1\n' });
    const out = cli(dir, ['--json', 'deadlines', 'BR-1']);
    expect(out.code).toBe(0);
    const rows = JSON.parse(out.stdout) as Row[];
    expect(rows.find((r) => r.obligation === 'EU-GDPR-33-SA')).toMatchObject({ ...want, kind: 'instant', citation: 'GDPR Art. 33(1),(3),(4),(5)' });
  });

  it('a gdprTerritorial that is not a boolean or null is refused by name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gdpr-scope-'));
    const file = join(dir, 'incident.json');
    writeFileSync(file, JSON.stringify(usWith({ FR: 40 }, { gdprTerritorial: 'maybe' })));
    const out = cli(dir, ['import', file]);
    expect(out.code).not.toBe(0);
    expect(out.stderr).toContain('gdprTerritorial');
  });
});
