// Reading the `new` form and modal metadata: pure functions, no Slack needed.
import { describe, expect, it } from 'vitest';
import { decodeMetadata, encodeMetadata, newIncidentModal, parseNewIncident, type ViewStateValues } from '../../adapters/slack/modals.ts';

const form = (values: { title?: string; when?: number; role?: string; total?: string; jur?: string }): ViewStateValues => ({
  title: { value: { value: values.title ?? null } },
  discovered: { value: { selected_date_time: values.when ?? null } },
  role: { value: { selected_option: values.role ? { value: values.role } : null } },
  affected: { value: { value: values.total ?? null } },
  jurisdictions: { value: { value: values.jur ?? null } },
});

describe('parseNewIncident', () => {
  it('builds `new` words with the title after `--`, so a leading dash stays part of the title', () => {
    expect(parseNewIncident(form({ title: '--help desk breach', when: 1740063600, role: 'controller', total: '5' }))).toEqual({
      create: ['new', '--role', 'controller', '--affected', '5', '--discovered', '2025-02-20T15:00:00Z', '--', '--help desk breach'],
      counts: [],
      facts: [],
    });
  });

  it('asks for everything the clocks need: organization, country, zone, PHI, encryption, vendor and its notice date', () => {
    const values: ViewStateValues = {
      ...form({ title: 'EHR vendor breach', when: 1740063600, role: 'covered_entity', total: '262,831', jur: 'US-IN=262,000\nUS-TX\t300\nFR: 531' }),
      org: { value: { value: 'Example Hospital' } },
      country: { value: { value: 'us' } },
      timezone: { value: { value: 'America/Chicago' } },
      phi: { value: { selected_option: { value: 'yes' } } },
      encrypted: { value: { selected_option: { value: 'no' } } },
      vendor: { value: { value: 'EHR vendor' } },
      // 2025-03-15T15:00:00Z.
      vendorNotified: { value: { selected_date_time: 1742050800 } },
    };
    expect(parseNewIncident(values)).toEqual({
      create: ['new', '--role', 'covered_entity', '--affected', '262831', '--org', 'Example Hospital', '--country', 'US', '--tz', 'America/Chicago', '--discovered', '2025-02-20T15:00:00Z', '--', 'EHR vendor breach'],
      counts: [['US-IN', 262000], ['US-TX', 300], ['FR', 531]],
      facts: [['phi', 'yes'], ['encrypted', 'no'], ['vendor', 'EHR vendor'], ['vendor.notified', '2025-03-15T15:00:00Z']],
    });
    const view = newIncidentModal({}, { role: 'covered_entity', organization: 'Example Hospital', country: 'US', timezone: 'America/Chicago' }) as { blocks: Array<{ block_id: string }> };
    expect(view.blocks.map((b) => b.block_id)).toEqual(['title', 'org', 'role', 'country', 'timezone', 'discovered', 'phi', 'encrypted', 'vendor', 'vendorNotified', 'affected', 'jurisdictions']);
  });

  it('refuses a country or time zone it cannot use, in words', () => {
    const bad = parseNewIncident({ ...form({ title: 'x' }), country: { value: { value: 'USA' } }, timezone: { value: { value: 'Central' } } });
    expect(bad).toEqual({ errors: { country: 'Two letters, like US or FR.', timezone: '"Central" is not a time zone name; try America/Chicago or Europe/Paris.' } });
  });

  it('takes the total from the per-jurisdiction counts when none is given', () => {
    expect(parseNewIncident(form({ title: 'x', jur: 'US-TX=300\nus-ca : 12; FR=1' }))).toMatchObject({
      create: expect.arrayContaining(['--affected', '313']),
      counts: [['US-TX', 300], ['US-CA', 12], ['FR', 1]],
    });
  });

  it('names each unreadable field', () => {
    expect(parseNewIncident(form({ title: ' ', total: '-3', jur: 'Texas: many' }))).toEqual({
      errors: { title: 'A title is needed.', affected: 'A whole number, 0 or more (262,831 is fine).', jurisdictions: expect.stringContaining('"Texas: many"') },
    });
  });
});

describe('modal metadata', () => {
  it('round-trips, drops the response_url rather than exceed 3000 characters, and tolerates garbage', () => {
    const origin = { channel: { id: 'C1' }, responseUrl: 'https://hooks.slack.com/x' };
    expect(decodeMetadata(encodeMetadata({ origin, command: 'snooze BR-1 X 1d' }))).toEqual({ origin, command: 'snooze BR-1 X 1d' });
    // A button value is at most 2000 characters; a very long response_url is what can tip it over.
    const long = encodeMetadata({ origin: { ...origin, responseUrl: `https://hooks.slack.com/${'u'.repeat(1000)}` }, command: 'c'.repeat(2000) });
    expect(long.length).toBeLessThanOrEqual(3000);
    expect(decodeMetadata(long)).toEqual({ origin: { channel: { id: 'C1' } }, command: 'c'.repeat(2000) });
    expect(decodeMetadata('not json')).toEqual({ origin: {} });
  });

  it('pre-selects the configured organization role in the form', () => {
    const view = newIncidentModal({}, 'business_associate') as { blocks: Array<{ block_id?: string; element?: { initial_option?: { value: string } } }> };
    expect(view.blocks.find((b) => b.block_id === 'role')?.element?.initial_option?.value).toBe('business_associate');
  });
});
