// Français : la syntaxe et les exemples de chaque commande (commands/ déclare l’anglais). Les noms de commande, les
// options (--at) et les valeurs à taper (json|md|pdf, low|breach) restent tels qu’on les tape ; les mots autour, et le
// texte libre des exemples, sont en français.

/** The French usage line and examples of a command, by its name. */
export interface UsageFr {
  usage: string;
  examples: readonly string[];
}

/** Every command's usage and examples in French (tests/i18n/french-refusals.test.ts checks them against the declarations). */
export const usageFr: Readonly<Record<string, UsageFr>> = {
  help: { usage: 'help [commande]', examples: ['help', 'help deadlines'] },
  new: {
    usage: 'new <titre…> [--discovered <quand>] [--org <nom>] [--role <rôle>] [--country <pays>] [--tz <fuseau>] [--affected <n>]',
    examples: ['new Fuite chez le prestataire du DPI --discovered "2025-02-20 09:00" --affected 262831'],
  },
  list: { usage: 'list [--all] [--status <statut>]', examples: ['list', 'list --status notifying', 'list --all'] },
  show: { usage: 'show <id>', examples: ['show BR-1'] },
  log: { usage: 'log <id> <texte…>', examples: ['log BR-1 appel de la police judiciaire\u202f; numéro de procédure 2025-123'] },
  set: {
    usage: 'set <id> <champ> <valeur…>   (`help set` liste les champs)',
    examples: ['set BR-1 affected.US-TX 300', 'set BR-1 discovered "2025-02-20 09:00"', 'set BR-1 status notifying'],
  },
  deadlines: { usage: 'deadlines <id> [--only <notification ou mots>] [--json]', examples: ['deadlines BR-1', 'deadlines BR-1 --only cnil', 'deadlines BR-1 --json'] },
  due: { usage: 'due [--within <7d|48h|2w>] [--json]', examples: ['due', 'due --within 14d'] },
  done: {
    usage: 'done <id> <notification> [--at <quand>] [--note <texte>]',
    examples: ['done BR-1 US-HIPAA-164.404-INDIVIDUALS', 'done BR-1 cnil', 'done BR-1 cnil --at "2025-03-10 14:00" --note "accusé de réception CNIL n° 123"'],
  },
  delay: {
    usage: 'delay <id> --oral|--written --agency <service> --official <nom> [--at <quand>] [--until <quand>] [--sec initial|extension|final|exemptive-order]',
    examples: [
      'delay BR-1 --oral --agency FBI --official "SA Jane Doe"',
      'delay BR-1 --written --agency FBI --official "SAC Roe" --until 2025-06-30',
      'delay BR-1 --written --agency "US Department of Justice" --official "Attorney General" --sec initial --until 2025-04-06',
    ],
  },
  assess: {
    usage: 'assess <id> --nature <texte> --person <texte> --acquired <texte> --mitigation <texte> --conclusion low|breach',
    examples: ['assess BR-1 --nature "noms, numéros de dossier" --person "une autre entité couverte" --acquired "non ouvert" --mitigation "suppression attestée" --conclusion low'],
  },
  summary: { usage: 'summary <id>', examples: ['summary BR-1'] },
  draft: { usage: 'draft <id> <notification> [--lang en|fr]', examples: ['draft BR-2 FR-CNIL-GDPR-33', 'draft BR-1 US-HIPAA-164.404-INDIVIDUALS --lang fr'] },
  next: { usage: 'next <id> [--lang en|fr]', examples: ['next BR-1'] },
  task: { usage: 'task done <id> <tâche> | task add <id> <texte…>', examples: ['task done BR-1 preserve-evidence', 'task add BR-1 Appeler la fondation de l’hôpital'] },
  clock: {
    usage: 'clock add <id> --to <destinataire> (--within 48h|10d | --by <quand>) [--from discovery|notified|<quand>] --basis <texte> | clock remove <id> <délai> --reason <texte>',
    examples: [
      'clock add BR-1 --to "Assureur cyber (police 123)" --within 48h --from discovery --basis "Police, article 7.2"',
      'clock remove BR-1 CONTRACT-1 --reason "la police ne couvre pas les prestataires"',
    ],
  },
  snooze: {
    usage: 'snooze <id> <notification> (--for <4h|2d> | --until <quand>) --reason <texte>',
    examples: ['snooze BR-1 US-HIPAA-164.404-INDIVIDUALS --for 1d --reason "les courriers sont chez le routeur"'],
  },
  ack: { usage: 'ack <id> <notification>', examples: ['ack BR-1 US-HIPAA-164.404-INDIVIDUALS'] },
  link: { usage: 'link <id>', examples: ['link BR-1'] },
  unlink: { usage: 'unlink <id>', examples: ['unlink BR-1'] },
  import: { usage: 'import <fichier.json | {json…}>', examples: ['import incident.json'] },
  coverage: { usage: 'coverage [juridiction] [--json]', examples: ['coverage', 'coverage FR', 'coverage --json'] },
  member: { usage: 'member add <id> <personne…>  |  member remove <id> <personne>', examples: ['member add BR-1 <@U0123ABCD> <@U0456EFGH>', 'member remove BR-1 slack:U0456EFGH'] },
  members: { usage: 'members <id>', examples: ['members BR-1'] },
  access: { usage: 'access <id>', examples: ['access BR-1'] },
  lang: { usage: 'lang [fr|en|auto]', examples: ['lang fr', 'lang en', 'lang auto', 'lang'] },
  export: { usage: 'export <id> [--format json|md|pdf] [--channel] [--out <chemin>]', examples: ['export BR-1 --format pdf', 'export BR-1 --format json', 'export BR-1 --format md --channel'] },
  verify: { usage: 'verify <id>', examples: ['verify BR-1'] },
  'verify-export': { usage: 'verify-export <fichier.json | {json…}>', examples: ['verify-export BR-1-record-2025-03-01.json'] },
};
