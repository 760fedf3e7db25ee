// A French reader who types a bad value reads the problem in French: counts, yes/no, GDPR risk, instants, periods,
// fields, languages and tasks (the readers write them in English once; commands/said-in-french.ts says them in French).
import { describe, expect, it } from 'vitest';
import { createTestBot, makeIncident } from '../helpers/test-bot.ts';
import { frenchHospitalFacts } from '../pictures/fixtures.ts';

const NOW = '2025-02-21T08:00:00Z';

async function frenchReader() {
  const t = createTestBot(NOW, [makeIncident('BR-1', frenchHospitalFacts())], { defaultOrganization: undefined });
  const ask = async (text: string) => (await t.bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack', channel: { platform: 'slack', id: 'C1' } })).text;
  await ask('lang fr');
  return ask;
}

describe('argument problems in French', () => {
  it.each([
    ['new Fuite --org "CH Exemple" --role controller --country FR --affected -5', '«\u00a0-5\u00a0» est négatif\u00a0: un nombre de personnes est un entier positif ou nul.'],
    ['new Fuite --affected 10', 'Aucune organisation par défaut n’est configurée\u00a0: donnez --org, --role et --country.'],
    ['set BR-1 affected 1e6', '«\u00a01e6\u00a0» ressemble à une notation scientifique'],
    ['set BR-1 affected 1,5', '«\u00a01,5\u00a0» n’est pas un nombre entier'],
    ['set BR-1 affected beaucoup', '«\u00a0beaucoup\u00a0» n’est pas un nombre\u00a0: donnez un entier, par ex. 262\u00a0831.'],
    ['set BR-1 phi peut-être', '«\u00a0peut-être\u00a0» n’est ni oui ni non\u00a0: répondez oui ou non'],
    ['set BR-1 risk énorme', '«\u00a0énorme\u00a0» n’est pas un niveau de risque RGPD\u00a0: dites faible, risque ou élevé'],
    ['set BR-1 nope 3', 'Champ inconnu «\u00a0nope\u00a0». Champs\u00a0: '],
    ['done BR-1 cnil --at hier', '«\u00a0hier\u00a0» n’est pas une date et une heure'],
    // Five years after 21/02/2025 is 21/02/2030: 2099 is past it.
    ['set BR-1 discovered "20/02/2099 09:00"', 'tombe en 2099, plus de 5 ans après aujourd’hui (21/02/2025)\u202f; vérifiez l’année.'],
    ['due --within bientôt', 'attendu une durée comme 7d (jours), 48h (heures) ou 2w (semaines).'],
    ['draft BR-1 cnil --lang de', 'La langue est en ou fr.'],
    ['task add BR-1', 'Écrivez la tâche à ajouter.'],
  ])('%s', async (command, french) => {
    const ask = await frenchReader();
    const text = await ask(command);
    expect(text).toContain(french);
    // The usage lines around it are French too, and no English sentence of the readers is left.
    expect(text).not.toMatch(/\b(is not|is negative|looks like|expected a period|Unknown field|The language is|Write the task|check the year)\b/);
  });

  it('the domain refuses in French too, with instants as France writes them', async () => {
    const ask = await frenchReader();
    // Now is 21/02/2025 09:00 CET; the hospital discovered the breach on 20/02/2025 09:00 CET.
    expect(await ask('done BR-1 cnil --at "19/02/2025 09:00"')).toContain('L’heure d’envoi 19/02/2025 09:00 CET est antérieure à la découverte de BR-1 (20/02/2025 09:00 CET)\u00a0: une notification ne peut pas précéder la découverte.');
    expect(await ask('done BR-1 cnil --at "22/02/2025 09:00"')).toContain('L’heure d’envoi 22/02/2025 09:00 CET est dans le futur');
    expect((await ask('done BR-1 ssi')).split('\n')[0]).toMatch(/^Enregistré sur BR-1/);
    expect(await ask('done BR-1 ssi')).toBe('FR-CSP-L1111-8-2-SSI est déjà enregistrée comme envoyée le 21/02/2025 09:00 CET.');
    expect(await ask('unlink BR-1')).toBe('Ce canal n’est pas relié à BR-1.');
  });

  it('warns about suspicious facts in French', async () => {
    const ask = await frenchReader();
    // The fixture counts 758,912 residents of FR; a total of 10 is below that.
    const reply = await ask('set BR-1 affected 10');
    expect(reply).toContain('Les résidents comptés par juridiction (758\u00a0912) dépassent le total des personnes concernées (10)');
    expect(reply).not.toContain('exceed the total');
  });

  it('keeps English for an English reader', async () => {
    const t = createTestBot(NOW, [makeIncident('BR-1', frenchHospitalFacts())], { defaultOrganization: undefined });
    const text = (await t.bot.handle({ text: 'lang en', actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack' })) && (await t.bot.handle({ text: 'set BR-1 phi maybe', actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack' })).text;
    expect(text).toContain('"maybe" is not yes or no');
  });
});
