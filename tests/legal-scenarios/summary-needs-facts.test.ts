import { describe, expect, it } from 'vitest';
import { runScenario, usFacts } from './run-scenario.ts';

describe('summary: a needs-facts notice whose clock is running keeps its date beside the question', () => {
  // An encrypted laptop, the key's fate not recorded: every notice it decides needs facts (HHS guidance under 45 CFR
  // 164.402: encrypted PHI is secured only if the key was not breached), yet each clock runs from discovery, Mon
  // 2026-03-02 09:00 CST, whatever the answer: Tex. Bus. & Com. 521.053(i), AG within 30 days → Wed 2026-04-01 23:59
  // (CDT by then); 164.404(b), within 60 days → Fri 2026-05-01 23:59 CDT.
  const laptop = usFacts({ dataEncrypted: true, affected: { total: 600, byJurisdiction: { 'US-TX': 600 } } });
  const NOW = '2026-03-05T12:00:00Z';

  it('in English', async () => {
    const { say } = await runScenario(laptop, NOW);
    const text = (await say('summary BR-1')).text;
    const section = text.slice(text.indexOf('Needs facts'));
    expect(section).toMatch(/Texas Attorney General[^\n]*keyCompromised[^\n]* · if owed, due 2026-04-01 23:59 CDT \(in [^)]+\)/);
    expect(section).toMatch(/\n {2}[^\n]*keyCompromised[^\n]* · if owed, due 2026-05-01 23:59 CDT/);
  });

  it('in French', async () => {
    const { say } = await runScenario(laptop, NOW);
    const text = (await (await say('lang fr'), say('summary BR-1'))).text;
    expect(text).toMatch(/procureur général du Texas[^\n]* · si la notification est due, échéance 01\/04\/2026 23:59 [^(]*\(dans [^)]+\)/);
    expect(text).not.toMatch(/if owed/);
  });
});
