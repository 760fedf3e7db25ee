// Property tests: hour clocks ignore the display zone; more residents or more done notices never hide an obligation.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compute, ids, makeIncident } from './helpers.ts';

const ZONES = ['UTC', 'America/Los_Angeles', 'America/Chicago', 'Europe/Paris', 'Europe/London', 'Asia/Tokyo', 'Australia/Sydney', 'Pacific/Chatham'];
const JURISDICTIONS = ['US-TX', 'US-CA', 'US-WA', 'US-CO', 'US-VT', 'US-IA', 'US-NY', 'US-IN', 'US', 'FR', 'DE', 'GB'];
const ROLES = ['covered_entity', 'business_associate', 'controller', 'processor', 'phr_vendor'] as const;
const FROM = Date.parse('2020-01-01T00:00:00Z');
const TO = Date.parse('2030-12-31T00:00:00Z');

const instant = fc.integer({ min: FROM, max: TO }).map((ms) => new Date(ms).toISOString());
const counts = fc.dictionary(fc.constantFrom(...JURISDICTIONS), fc.integer({ min: 0, max: 3000 }));
const facts = fc.record({
  role: fc.constantFrom(...ROLES),
  country: fc.constantFrom('US', 'FR', 'DE', 'GB'),
  zone: fc.constantFrom(...ZONES),
  discoveredAt: instant,
  byJurisdiction: counts,
  unassigned: fc.integer({ min: 0, max: 1000 }),
  nis2Entity: fc.boolean(),
  secRegistrant: fc.boolean(),
  caHealthFacility: fc.boolean(),
  phiInvolved: fc.constantFrom(true, false, null),
  gdprRisk: fc.constantFrom('unlikely', 'risk', 'high', null),
  nowOffsetDays: fc.integer({ min: 0, max: 400 }),
});
type Facts = typeof facts extends fc.Arbitrary<infer T> ? T : never;

function build(f: Facts, byJurisdiction = f.byJurisdiction, notices: { obligation: string; sentAt: string }[] = []) {
  const total = Object.values(byJurisdiction).reduce((a, b) => a + b, 0) + f.unassigned;
  return makeIncident({
    discoveredAt: f.discoveredAt,
    affected: { total, byJurisdiction },
    phiInvolved: f.phiInvolved,
    gdprRisk: f.gdprRisk,
    notices,
    organization: { role: f.role, country: f.country, timezone: f.zone, nis2Entity: f.nis2Entity, secRegistrant: f.secRegistrant, caHealthFacility: f.caHealthFacility },
  });
}
const nowFor = (f: Facts) => new Date(Date.parse(f.discoveredAt) + f.nowOffsetDays * 86_400_000).toISOString();

describe('properties', () => {
  it('an hour rule’s dueAt instant does not depend on organization.timezone', () => {
    fc.assert(
      fc.property(instant, fc.constantFrom(...ZONES), fc.constantFrom(...ZONES), (discoveredAt, z1, z2) => {
        const dueMs = (zone: string) => {
          const incident = makeIncident({ discoveredAt, organization: { role: 'controller', country: 'DE', timezone: zone, nis2Entity: true } });
          const list = compute(incident, discoveredAt);
          return ['EU-GDPR-33-SA', 'EU-NIS2-23-EARLY-WARNING'].map((id) => Date.parse(list.find((o) => o.obligation === id)!.dueAt!));
        };
        const [a, b] = [dueMs(z1), dueMs(z2)];
        expect(a).toEqual(b);
        expect(a).toEqual([Date.parse(discoveredAt) + 72 * 3_600_000, Date.parse(discoveredAt) + 24 * 3_600_000]);
      }),
      { numRuns: 200 },
    );
  });

  it('adding affected residents in any jurisdiction never removes an obligation id', () => {
    fc.assert(
      fc.property(facts, fc.constantFrom(...JURISDICTIONS), fc.integer({ min: 1, max: 3000 }), (f, where, more) => {
        const now = nowFor(f);
        const before = new Set(ids(compute(build(f), now)));
        const grown = { ...f.byJurisdiction, [where]: (f.byJurisdiction[where] ?? 0) + more };
        const after = new Set(ids(compute(build(f, grown), now)));
        for (const id of before) expect(after.has(id), `${id} disappeared after adding ${more} in ${where}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('recording done notices never makes any other obligation disappear', () => {
    fc.assert(
      fc.property(facts, fc.array(fc.nat(), { maxLength: 8 }), (f, picks) => {
        const now = nowFor(f);
        const first = compute(build(f), now);
        if (first.length === 0) return;
        const chosen = [...new Set(picks.map((i) => first[i % first.length]!.obligation))];
        const notices = chosen.map((obligation) => ({ obligation, sentAt: now }));
        const second = compute(build(f, f.byJurisdiction, notices), now);
        expect(new Set(ids(second))).toEqual(new Set(ids(first)));
        for (const id of chosen) expect(second.find((o) => o.obligation === id)!.status).toBe('done');
      }),
      { numRuns: 300 },
    );
  });

  it('status and dates stay consistent', () => {
    fc.assert(
      fc.property(facts, (f) => {
        const now = Date.parse(nowFor(f));
        for (const o of compute(build(f), nowFor(f))) {
          if (o.kind !== 'date') expect(o.dueDate).toBeNull();
          if (o.status === 'overdue') expect(now).toBeGreaterThan(Date.parse(o.dueAt!));
          if (o.status === 'not_applicable') expect(o.dueAt).toBeNull();
          if (o.dueDate !== null) expect(o.dueAt!.slice(0, 10)).toBe(o.dueDate);
        }
      }),
      { numRuns: 200 },
    );
  });
});
