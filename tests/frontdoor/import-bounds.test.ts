// Every field of the import format is bounded, and so is the import itself: a refusal names the field, nothing is created.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseImport } from '../../data/import-format.ts';
import { usHospitalFacts } from '../helpers/incidents.ts';
import { withoutAccessLog } from '../helpers/access-attempts.ts';
import { createTestBot, makeIncident } from '../helpers/test-bot.ts';

const sam = { id: 'U0SAM00001', name: 'Sam' };
const long = (n: number) => 'x'.repeat(n);
const delay = { form: 'oral', agency: 'FBI', official: 'SA Example', statedAt: '2025-03-10T15:00:00-05:00' };

describe('import field bounds', () => {
  it.each([
    ['organization name', { organization: { ...usHospitalFacts().organization, name: long(201) } }, 'organization.name: at most 200 characters'],
    ['vendor name', { vendor: { name: long(201), role: 'business_associate' } }, 'vendor.name: at most 200 characters'],
    ['commander', { roles: { commander: long(201) } }, 'roles.commander: at most 200 characters'],
    ['privacy officer', { roles: { privacyOfficer: long(201) } }, 'roles.privacyOfficer: at most 200 characters'],
    ['legal', { roles: { legal: long(201) } }, 'roles.legal: at most 200 characters'],
    ['agency', { lawEnforcementDelays: [{ ...delay, agency: long(201) }] }, 'lawEnforcementDelays.0.agency: at most 200 characters'],
    ['official', { lawEnforcementDelays: [{ ...delay, official: long(201) }] }, 'lawEnforcementDelays.0.official: at most 200 characters'],
    ['delays count', { lawEnforcementDelays: Array.from({ length: 21 }, () => delay) }, 'lawEnforcementDelays: at most 20 delays'],
    ['category length', { dataCategories: [long(101)] }, 'dataCategories.0: at most 100 characters'],
    ['categories count', { dataCategories: Array.from({ length: 51 }, (_, i) => `c${i}`) }, 'dataCategories: at most 50 categories'],
    ['notice obligation', { notices: [{ obligation: long(201), sentAt: '2025-04-01T12:00:00-05:00' }] }, 'notices.0.obligation: at most 200 characters'],
  ])('refuses an over-long %s with the field named', (_what, override, problem) => {
    const result = parseImport(JSON.stringify({ ...usHospitalFacts(), ...override }));
    expect(result).toEqual({ ok: false, problems: [problem] });
  });

  it('accepts every field at its limit', () => {
    const facts = {
      ...usHospitalFacts(),
      roles: { commander: long(200), privacyOfficer: long(200), legal: long(200) },
      dataCategories: Array.from({ length: 50 }, () => long(100)),
      lawEnforcementDelays: Array.from({ length: 20 }, () => ({ ...delay, agency: long(200), official: long(200) })),
    };
    expect(parseImport(JSON.stringify(facts)).ok).toBe(true);
  });
});

describe('import size', () => {
  it('refuses pasted JSON over 1,000,000 characters with the size and the limit, and creates nothing', async () => {
    const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
    const huge = JSON.stringify({ ...usHospitalFacts(), padding: long(1_000_001) });
    const reply = await t.bot.handle({ text: `import ${huge}`, actor: sam, platform: 'slack' });
    expect(reply.outcome).toBe('usage');
    expect(reply.text).toContain(`the import is ${huge.length.toLocaleString('en-US')} characters; the limit is 1,000,000 characters`);
    expect(await t.store.ids()).toEqual(['BR-1']);
  });

  it('refuses a file over the limit before reading it (terminal import)', async () => {
    const { openRuntime } = await import('../../adapters/runtime.ts');
    const dir = mkdtempSync(join(tmpdir(), 'breachdesk-import-'));
    const file = join(dir, 'big.json');
    writeFileSync(file, `{"title":"${long(4_000_001)}"}`);
    const t = createTestBot();
    const runtime = await openRuntime({ dataPath: join(dir, 'store.json'), clock: t.clock, logger: t.logger, core: { defaultTimezone: 'UTC', admins: [], openers: [] } });
    try {
      const reply = await runtime.bot.handle({ argv: ['import', file], actor: { id: 'ana', name: 'ana' }, platform: 'cli' });
      expect(reply.outcome).toBe('refused');
      expect(reply.text).toContain('the import is 4,000,013 bytes; the limit is 1,000,000 characters');
      expect(await runtime.store.ids()).toEqual([]);
    } finally {
      await runtime.close();
    }
  });
});

describe('the same bounds from chat commands', () => {
  it('answers an over-long agency or category with a sentence naming the limit, and changes nothing', async () => {
    const t = createTestBot('2025-03-01T12:00:00Z', [makeIncident('BR-1', usHospitalFacts())]);
    // Unchanged but for the access log, where the refusals are recorded (tests/qa/refused-change-logged.test.ts).
    const before = withoutAccessLog(JSON.stringify([await t.store.get('BR-1')]));
    const agency = await t.bot.handle({ argv: ['delay', 'BR-1', '--oral', '--agency', long(201), '--official', 'SA Example'], actor: sam, platform: 'slack' });
    expect(agency.outcome).toBe('usage');
    expect(agency.text).toContain('agency is at most 200 characters');
    const data = await t.bot.handle({ argv: ['set', 'BR-1', 'data', Array.from({ length: 51 }, (_, i) => `c${i}`).join(',')], actor: sam, platform: 'slack' });
    expect(data.outcome).toBe('usage');
    expect(data.text).toContain('51 data categories; the limit is 50.');
    expect(withoutAccessLog(JSON.stringify([await t.store.get('BR-1')]))).toEqual(before);
  });
});
