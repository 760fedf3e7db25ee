// Every refusal, usage line and argument error a French reader gets is French: the reader of a French organization's
// incident (no `lang` chosen, the deployment's default organization American) as much as a reader who chose `lang fr`.
// Command names, flags and the values to type stay as typed; the words around them are French.
import { describe, expect, it } from 'vitest';
import { createTestBot, makeIncident, usHospitalFacts } from '../helpers/test-bot.ts';
import { frenchHospitalFacts } from '../pictures/fixtures.ts';
import { createCommandRegistry } from '../../commands/index.ts';
import { usageFr } from '../../bot/i18n/usage-fr.ts';

const NOW = '2025-02-21T08:00:00Z';
const N = '\u00a0';
const NN = '\u202f';

function world() {
  // createTestBot's deployment default organization is American: the French incident's language must still win.
  const t = createTestBot(NOW, [makeIncident('BR-1', usHospitalFacts()), makeIncident('BR-2', frenchHospitalFacts())]);
  const ask = (text: string) => t.bot.handle({ text, actor: { id: 'U-SAM', name: 'Sam' }, platform: 'slack', channel: { platform: 'slack', id: 'C1', name: 'inc' } });
  return { ...t, ask };
}

const CASES: Array<[string, string[]]> = [
  ['draft BR-2 FR-NIS1-OSE-ANSSI', [`FR-NIS1-OSE-ANSSI ne s’applique pas à BR-2${N}: l’organisation n’est pas enregistrée comme opérateur de services essentiels (organization.frOse)`]],
  ['unlink BR-2', ['Ce canal n’est pas relié à BR-2.']],
  ['done BR-2 FR-CNIL-GDPR-33 --at 2030-01-01T00:00Z', [`L’heure d’envoi 01/01/2030 01:00 CET est dans le futur${N}: enregistrez-la une fois l’envoi fait.`]],
  ['member remove BR-2 slack:U0ZZZ00001', [`slack:U0ZZZ00001 n’est pas membre de l’équipe de réponse de BR-2${NN}; \`members BR-2\` la liste.`]],
  ['member add BR-2 slack:@here', [
    `Impossible de savoir qui est «${N}slack:@here${N}»${N}: donnez une mention Slack (<@U…>), un utilisateur Teams sous la forme teams:<identifiant d’objet Entra>, ou une clé comme slack:U0123ABCD.`,
    `Syntaxe${N}: member add <id> <personne…>  |  member remove <id> <personne>`,
    `Exemple${N}: member add BR-1 <@U0123ABCD> <@U0456EFGH>`,
  ]],
  ['set BR-2', [`Il manque le nom du champ.`, `Syntaxe${N}: set <id> <champ> <valeur…>   (\`help set\` liste les champs)`, `Exemple${N}: set BR-1 affected.US-TX 300`]],
  ['export BR-2 --format doc', [`--format${N}: le format est json, md ou pdf.`, `Syntaxe${N}: export <id> [--format json|md|pdf] [--channel] [--out <chemin>]`, `Exemple${N}: export BR-1 --format pdf`]],
  ['snooze BR-2 FR-CNIL-GDPR-33', [
    'Donnez soit --for <durée>, soit --until <quand>.',
    `Syntaxe${N}: snooze <id> <notification> (--for <4h|2d> | --until <quand>) --reason <texte>`,
    `Exemple${N}: snooze BR-1 US-HIPAA-164.404-INDIVIDUALS --for 1d --reason "les courriers sont chez le routeur"`,
  ]],
  ['snooze BR-2 FR-CNIL-GDPR-33 --for 5q --reason x', [`«${N}5q${N}» n’est pas une durée${N}: utilisez 30m, 4h, 2d ou 1w (minutes, heures, jours, semaines).`]],
  ['delay BR-2 --oral', [`Il manque --agency.`, `Syntaxe${N}: delay <id> --oral|--written --agency <service> --official <nom> [--at <quand>] [--until <quand>] [--sec initial|extension|final|exemptive-order]`, `Exemple${N}: delay BR-1 --oral --agency FBI --official "SA Jane Doe"`]],
  ['clock add BR-2', [`Dites qui doit être prévenu${N}: --to "<destinataire>".`]],
  ['clock add BR-2 --to Assureur --within 48h', [`Donnez la clause ou la police d’assurance${N}: --basis "<texte>".`]],
  ['clock add BR-2 --to Assureur --basis "Police 7.2" --within 5q', [`«${N}5q${N}» n’est pas une durée${N}: comptez en heures ou en jours, comme 48h ou 10d.`]],
  ['clock remove BR-2 CONTRACT-1', [`Retirer un délai demande un motif (--reason "…")${NN}; il est inscrit dans la chronologie.`]],
  ['set BR-2 affected lots', [`«${N}lots${N}» n’est pas un nombre${N}: donnez un entier, par ex. 262${N}831.`]],
  ['set BR-2 key-compromised peut-être', [`«${N}peut-être${N}» n’est ni oui, ni non, ni unknown (inconnu).`]],
  ['log BR-2 --zzz', ['Option inconnue --zzz.']],
  ['set BR-2 tz Mars/Olympus', [`La valeur «${N}Mars/Olympus${N}»${N}: fuseau horaire IANA inconnu (essayez Europe/Paris ou America/Chicago).`]],
  ['set BR-2 status foo', [`La valeur «${N}foo${N}» n’est pas possible ici${N}: choisissez parmi triage, investigating, notifying, monitoring, closed.`]],
  ['set BR-2 discovered 2099-01-01', [`«${N}2099-01-01${N}» tombe en 2099, plus de 5 ans après aujourd’hui (21/02/2025)${NN}; vérifiez l’année.`]],
  [`log BR-2 ${'x'.repeat(4001)}`, [`La note fait 4${N}001 caractères${NN}; la limite est de 4${N}000. Partagez-la en plusieurs notes.`]],
];

describe('refusals, usage and argument errors for a French organization\'s incident', () => {
  it.each(CASES.map(([c, l]) => [c.length > 80 ? `${c.slice(0, 20)}…` : c, c, l] as const))('`%s` without `lang`', async (_title, command, lines) => {
    const reply = await world().ask(command);
    expect(reply.text.split('\n').slice(0, lines.length)).toEqual(lines);
  });

  it.each(CASES.map(([c, l]) => [c.length > 80 ? `${c.slice(0, 20)}…` : c, c, l] as const))('`%s` after `lang fr`', async (_title, command, lines) => {
    const t = world();
    await t.ask('lang fr');
    expect((await t.ask(command)).text.split('\n').slice(0, lines.length)).toEqual(lines);
  });

  it('keeps the English for an English reader of the same incident, and for an American incident', async () => {
    const t = world();
    expect((await t.ask('set BR-1')).text).toBe('Missing field name.\nUsage: set <id> <field> <value…>   (`help set` lists the fields)\nExample: set BR-1 affected.US-TX 300');
    await t.ask('lang en');
    expect((await t.ask('draft BR-2 FR-NIS1-OSE-ANSSI')).text).toBe('FR-NIS1-OSE-ANSSI does not apply to BR-2: not recorded as a French opérateur de services essentiels (organization.frOse)');
  });

  it('answers someone outside the response team in their own language: the error does not tell that BR-2 exists or where', async () => {
    const t = createTestBot(NOW, [makeIncident('BR-2', frenchHospitalFacts())], { admins: ['slack:U0ADMIN001'] });
    const outsider = (text: string) => t.bot.handle({ text, actor: { id: 'U0OUTSIDE1', name: 'Eve' }, platform: 'slack' });
    // The same malformed command as an unknown incident's: English, the deployment's language.
    expect((await outsider('set BR-2')).text).toBe((await outsider('set BR-99')).text);
    expect((await outsider('set BR-2')).text).toBe('Missing field name.\nUsage: set <id> <field> <value…>   (`help set` lists the fields)\nExample: set BR-1 affected.US-TX 300');
  });

  it('records the refusal in the access log in English, as every access-log reason', async () => {
    const t = world();
    await t.ask('member remove BR-2 slack:U0ZZZ00001');
    const refused = (await t.store.get('BR-2'))!.accessLog.filter((e) => e.kind === 'refused');
    expect(refused.at(-1)?.reason).toBe("slack:U0ZZZ00001 is not a member of BR-2's response team; `members BR-2` lists them.");
  });

  it('help <command> in French shows the French syntax and examples', async () => {
    const t = world();
    await t.ask('lang fr');
    const help = (await t.ask('help clock')).text.split('\n');
    expect(help[1]).toBe(`Syntaxe${N}: clock add <id> --to <destinataire> (--within 48h|10d | --by <quand>) [--from discovery|notified|<quand>] --basis <texte> | clock remove <id> <délai> --reason <texte>`);
    expect(help.slice(-2)).toEqual([
      '  clock add BR-1 --to "Assureur cyber (police 123)" --within 48h --from discovery --basis "Police, article 7.2"',
      '  clock remove BR-1 CONTRACT-1 --reason "la police ne couvre pas les prestataires"',
    ]);
  });
});

describe('bot/i18n/usage-fr.ts', () => {
  const specs = createCommandRegistry().commands;
  // What is typed: command words, flags and the listed values (json|md|pdf); placeholders <…> and […] are words.
  const typed = (usage: string) => usage.replace(/<[^>]*>/g, '<>').replace(/\([^)`]*`help set`[^)]*\)/, '').match(/--?[\w-]+|\b[a-z][\w.-]*(?:\|[\w.-]+)+|^[\w-]+/g);

  it('has every command and no other', () => {
    expect(Object.keys(usageFr).sort()).toEqual(specs.map((s) => s.name).sort());
  });

  it.each(specs.map((s) => [s.name, s] as const))('%s keeps the command words, flags and values as typed', (name, spec) => {
    expect(typed(usageFr[name]!.usage)).toEqual(typed(spec.usage));
    expect(usageFr[name]!.examples.length).toBe(spec.examples.length);
    // Each example runs the same command with the same flags.
    usageFr[name]!.examples.forEach((example, i) => {
      const flags = (e: string) => [e.split(' ')[0], ...(e.match(/(?<=\s)--[\w-]+/g) ?? [])];
      expect(flags(example)).toEqual(flags(spec.examples[i]!));
    });
  });
});
