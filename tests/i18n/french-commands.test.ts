// Every command's own wording in French for a French reader: `due`, `list`, `show`, confirmations, usage errors, `help`.
import { describe, expect, it } from 'vitest';
import { createTestBot, makeIncident } from '../helpers/test-bot.ts';
import { frenchHospitalFacts, vendorBreachFacts } from '../pictures/fixtures.ts';

// 09:00 in Paris (CET, UTC+1) on 2025-02-21, the day after the French hospital discovered the breach (20/02 09:00 CET).
// FR-CSP-L1111-8-2-SSI is immediate, at the latest the end of the discovery day: 20/02/2025 23:59 CET, so 9 h overdue.
// FR-CNIL-GDPR-33 is 72 hours after awareness: 20/02 09:00 + 72 h = 23/02/2025 09:00 CET, 2 days from now.
const NOW = '2025-02-21T08:00:00Z';
const SSI = 'FR-CSP-L1111-8-2-SSI';
const CNIL = 'FR-CNIL-GDPR-33';
const NBSP = '\u00a0';

function world(incidents = [makeIncident('BR-1', vendorBreachFacts()), makeIncident('BR-2', frenchHospitalFacts())]) {
  // No deployment default organization: a listing's language follows the incidents listed when the asker chose none.
  const t = createTestBot(NOW, incidents, { defaultOrganization: undefined });
  const ask = (text: string) => t.bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack', channel: { platform: 'slack', id: 'C1', name: 'inc' } });
  return { ...t, ask };
}

describe('due in French', () => {
  it('reads like the deadlines view: status words, recipient, French dates and countdowns, the id only as the handle for done', async () => {
    const t = world();
    await t.ask('lang fr');
    const reply = await t.ask('due');
    expect(reply.text.split('\n')[0]).toBe('Échéances sous 7 jours, 2 incidents ouverts (retards compris)\u00a0:');
    expect(reply.text).toMatch(new RegExp(`^BR-2 · 🔴 en retard · .+ · immédiatement, au plus tard 20/02/2025 23:59 CET · en retard de 9 h · .+ · une fois envoyée\u00a0: \`done BR-2 ${SSI}\`$`, 'm'));
    expect(reply.text).toMatch(new RegExp(`^BR-2 · 🔵 à venir · CNIL .+ · 23/02/2025 09:00 CET · dans 2 j · RGPD art\\. 33 · une fois envoyée\u00a0: \`done BR-2 ${CNIL}\`$`, 'm'));
    // The obligation id is never the line's subject any more.
    expect(reply.text).not.toMatch(/^BR-2 \[/m);
    expect(reply.card!.title).toBe('Échéances sous 7 jours');
    const ssi = reply.card!.sections!.find((s) => s.buttons?.some((b) => b.command === `done BR-2 ${SSI}`))!;
    expect(ssi.heading).toMatch(/^BR-2 · 🔴 en retard · /);
    expect(ssi.text).toContain('Échéance\u00a0: immédiatement, au plus tard 20/02/2025 23:59 CET · en retard de 9 h');
    // Overdue: no snooze offered (a snooze never runs past the deadline).
    expect(ssi.buttons!.map((b) => b.label)).toEqual(['Marquer comme faite', 'Détails']);
  });

  it('says "nothing due" in French, with the period in the singular for one day', async () => {
    const t = world([makeIncident('BR-1', { ...frenchHospitalFacts(), discoveredAt: '2025-02-21T08:30:00+01:00' })]);
    await t.ask('lang fr');
    const reply = await t.ask('due --within 1h');
    // Discovered 30 minutes ago: the SSI notice is due at 23:59 tonight and the CNIL in 72 h, neither within the hour.
    expect(reply.text).toBe('Aucune échéance sous 0 jour, 1 incident ouvert.');
    expect((await t.ask('due --within 24h')).text.split('\n')[0]).toBe('Échéances sous 1 jour, 1 incident ouvert (retards compris)\u00a0:');
  });

  it('is French without `lang` when every incident listed is French, and English for a mixed list', async () => {
    const t = world();
    const mixed = await t.ask('due --within 30d');
    expect(mixed.text).toMatch(/^Due within 30 days across 2 open incidents/);
    const french = world([makeIncident('BR-2', frenchHospitalFacts())]);
    expect((await french.ask('due')).text).toMatch(/^Échéances sous 7 jours, 1 incident ouvert/);
    // A deployment with a default organization answers in that organization's language, whatever is listed.
    const configured = createTestBot(NOW, [makeIncident('BR-2', frenchHospitalFacts())], { defaultOrganization: { name: 'Example Hospital', role: 'covered_entity', country: 'US' } });
    const asked = await configured.bot.handle({ text: 'due', actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack' });
    expect(asked.text).toMatch(/^Due within 7 days across 1 open incident \(overdue included\):/);
  });

  it('keeps the --json contract: the same fields as `deadlines --json`, plus the incident', async () => {
    const t = world();
    await t.ask('lang fr');
    const rows = JSON.parse((await t.ask('due --json')).text) as Record<string, unknown>[];
    const ssi = rows.find((r) => r.obligation === SSI)!;
    expect(ssi).toMatchObject({ incident: 'BR-2', status: 'overdue', kind: 'immediate', dueAt: '2025-02-20T23:59:59.999+01:00' });
    expect(Object.keys(ssi).slice(0, 11)).toEqual(['incident', 'obligation', 'rule', 'recipient', 'citation', 'kind', 'dueDate', 'dueAt', 'status', 'verification', 'basis']);
  });
});

describe('list and show in French', () => {
  it('lists statuses and counts in French words', async () => {
    const t = world();
    await t.ask('lang fr');
    const list = await t.ask('list');
    expect(list.text).toContain(`BR-2  [qualification]  Compte EPR à privilèges volé  (Groupe hospitalier Exemple, 758${NBSP}912 personnes concernées)`);
    expect(list.card!.title).toBe('Incidents ouverts');
    expect(list.card!.sections![1]!.buttons!.map((b) => b.label)).toEqual(['Détails', 'Échéances']);
  });

  it('shows a French organization in French with French punctuation, without `lang`', async () => {
    const reply = await world().ask('show BR-2');
    expect(reply.text).toContain('  Statut\u00a0: qualification');
    expect(reply.text).toContain('  Organisation\u00a0: Groupe hospitalier Exemple (responsable de traitement, FR, Europe/Paris)');
    expect(reply.text).toContain('  Chronologie récente (0 entrée)\u00a0:');
    expect(reply.card!.buttons!.map((b) => b.label)).toEqual(['Échéances', 'Exporter']);
  });
});

describe('confirmations in French', () => {
  it('done, snooze, ack, link and unlink answer in French', async () => {
    const t = world();
    expect((await t.ask(`snooze BR-2 ssi --for 1d --reason courrier`)).text).toMatch(new RegExp(`^${SSI} ne peut pas être suspendue\u00a0: elle est en retard de 9 heures\\.`));
    expect((await t.ask('ack BR-2 ssi')).text).toMatch(new RegExp(`^Sam a accusé réception de BR-2 ${SSI} \\(en retard depuis le 20/02/2025 23:59 CET\\)\u00a0: pas d’escalade\\.`));
    const done = await t.ask('done BR-2 ssi');
    expect(done.text).toMatch(new RegExp(`^Enregistré sur BR-2\u00a0: ${SSI} envoyée le 21/02/2025 09:00 CET \\(après l’échéance du 20/02/2025 23:59 CET\\) · `));
    expect(done.text).toMatch(new RegExp(`\\nEnsuite\u00a0: ${CNIL} → CNIL .*, 23/02/2025 09:00 CET · dans 2 j\\.$`));
    // 09:00 CET + 1 day = 22/02/2025 09:00 CET, before the CNIL deadline.
    expect((await t.ask('snooze BR-2 cnil --for 1d --reason "attente du DPO"')).text).toBe(
      `Sam a suspendu les rappels de BR-2 ${CNIL} jusqu’au 22/02/2025 09:00 CET (attente du DPO). L’échéance ne bouge pas\u00a0: 23/02/2025 09:00 CET.`,
    );
    expect((await t.ask('link BR-2')).text).toBe('Canal slack inc lié à BR-2. Les rappels d’échéance et les synthèses y seront publiés.');
    expect((await t.ask('link BR-2')).text).toBe('Ce canal est déjà lié à BR-2.');
    expect((await t.ask('unlink BR-2')).text).toBe('Ce canal n’est plus lié à BR-2. Plus aucun canal n’est lié\u00a0: personne ne recevra ses rappels.');
    expect((await t.ask('log BR-2 appel à la CNIL')).text).toMatch(/^Note ajoutée à la chronologie de BR-2 \(entrée \d+\)\.$/);
    expect((await t.ask('set BR-2 status notifying')).text).toMatch(/^BR-2 statut\u00a0: qualification → notification\. Inscrit dans la chronologie/);
  });

  it('checks a French organization\'s export in French', async () => {
    const t = world();
    const exported = await t.ask('export BR-2 --format json');
    const json = new TextDecoder().decode(exported.file!.content);
    const lines = (await t.ask(`verify-export ${json}`)).text.split('\n');
    // No signing key in the test deployment: unsigned; the test incident was stored as built, never sealed.
    expect(lines[0]).toBe('Signature\u00a0: aucune (l’export a été fait sans BREACHDESK_SIGNING_KEY, ou sa signature a été retirée).');
    expect(lines[1]).toBe('Chaîne\u00a0: non scellée (exporté avant le chaînage).');
    expect(lines[2]).toMatch(/^Comparez la tête avec celle publiée dans le canal d’ancrage/);
  });

  it('the same commands still answer in English for an American organization', async () => {
    const t = world();
    expect((await t.ask('link BR-1')).text).toMatch(/^Linked slack channel inc to BR-1\./);
    expect((await t.ask('log BR-1 called the FBI')).text).toMatch(/^Noted on BR-1's timeline/);
  });
});

describe('usage errors and help in French', () => {
  it('says unknown commands, missing incidents and bad arguments in French, with the usage', async () => {
    const t = world();
    await t.ask('lang fr');
    expect((await t.ask('liste')).text).toBe('Commande inconnue «\u00a0liste\u00a0». Vouliez-vous dire `list`\u202f?\nSyntaxe\u00a0: help  (liste toutes les commandes)');
    expect((await t.ask('show BR-9')).text).toBe('Aucun incident BR-9. Essayez `list` pour voir les incidents ouverts.');
    const missing = await t.ask('done BR-2');
    expect(missing.outcome).toBe('usage');
    expect(missing.text.split('\n')).toEqual(['Il manque la notification visée (voir `deadlines <id>`).', 'Syntaxe\u00a0: done <id> <notification> [--at <quand>] [--note <texte>]', 'Exemple\u00a0: done BR-1 US-HIPAA-164.404-INDIVIDUALS']);
    expect((await t.ask('done BR-2 ssi --at')).text.split('\n')[0]).toBe('L’option --at attend une valeur.');
    expect((await t.ask('delay BR-2 --oral')).text.split('\n')[0]).toBe('Il manque --agency.');
    expect((await t.ask('show')).text.split('\n')[0]).toBe('Il manque le numéro d’incident (comme BR-12).');
  });

  it('lists every command with a French summary, and explains one in French', async () => {
    const t = world();
    await t.ask('lang fr');
    const help = await t.ask('help');
    expect(help.text.split('\n')[0]).toBe('Commandes breachdesk (Slack\u00a0: /breach <commande>\u202f; Teams\u00a0: @breachdesk <commande>)\u00a0:');
    expect(help.text).toMatch(/^ {2}due +Les notifications bientôt dues \(ou en retard\) de tous les incidents ouverts$/m);
    expect(help.card!.title).toBe('Commandes breachdesk');
    const due = (await t.ask('help due')).text.split('\n');
    expect(due.slice(0, 5)).toEqual([
      'due\u00a0: Les notifications bientôt dues (ou en retard) de tous les incidents ouverts',
      'Syntaxe\u00a0: due [--within <7d|48h|2w>] [--json]',
      'Autres noms\u00a0: upcoming',
      'Qui\u00a0: tout le monde',
      'Options\u00a0:',
    ]);
  });
});
