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
    });
  });

  it('takes the total from the per-jurisdiction counts when none is given', () => {
    expect(parseNewIncident(form({ title: 'x', jur: 'US-TX=300\nus-ca : 12; FR=1' }))).toMatchObject({
      create: expect.arrayContaining(['--affected', '313']),
      counts: [['US-TX', 300], ['US-CA', 12], ['FR', 1]],
    });
  });

  it('names each unreadable field', () => {
    expect(parseNewIncident(form({ title: ' ', total: '-3', jur: 'Texas: many' }))).toEqual({
      errors: { title: 'A title is needed.', affected: 'A whole number, 0 or more.', jurisdictions: expect.stringContaining('"Texas: many"') },
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
