// The fixed vocabulary of breached data categories, with English and French aliases; unknown words are kept, flagged.

/** Every category the state personal-information definitions are written against. */
export const DATA_CATEGORIES = [
  'name', 'ssn', 'drivers_license', 'state_id', 'passport', 'financial_account', 'payment_card', 'account_credentials',
  'username_password', 'dob', 'address', 'email', 'phone', 'medical', 'diagnosis', 'prescriptions', 'care_history',
  'physician', 'sex', 'health_insurance', 'biometric', 'genetic', 'tax_id', 'nhs_number', 'nir', 'part2_records',
  'sud_treatment',
] as const;

/** One category of the vocabulary. */
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** Categories that are medical information in the statutes that count it (diagnosis, treatment, provider, …). */
export const MEDICAL_CATEGORIES: ReadonlySet<DataCategory> = new Set([
  'medical', 'diagnosis', 'prescriptions', 'care_history', 'physician', 'part2_records', 'sud_treatment',
]);

// Aliases are compared after normalizing: lower case, accents removed, any run of non-letters as one space.
const ALIASES: Record<DataCategory, readonly string[]> = {
  name: ['full name', 'first name', 'last name', 'patient name', 'names', 'nom', 'prenom', 'nom prenom', 'identite'],
  ssn: ['social security number', 'social security', 'ss number'],
  drivers_license: ['driver license', 'drivers license', 'driver s license', 'driving licence', 'driver licence', 'permis de conduire'],
  state_id: ['state id', 'state identification', 'state id card', 'government id', 'carte d identite', 'carte nationale d identite'],
  passport: ['passport number', 'passeport', 'numero de passeport'],
  financial_account: ['bank account', 'account number', 'financial account number', 'iban', 'rib', 'compte bancaire', 'coordonnees bancaires'],
  payment_card: ['credit card', 'debit card', 'card number', 'payment card number', 'carte bancaire', 'numero de carte'],
  account_credentials: ['credentials', 'security code', 'access code', 'password', 'pin', 'identifiants', 'mot de passe'],
  username_password: ['username and password', 'user name and password', 'login and password', 'email and password', 'username password'],
  dob: ['date of birth', 'birth date', 'birthdate', 'date de naissance'],
  address: ['postal address', 'home address', 'street address', 'adresse', 'adresse postale'],
  email: ['email address', 'e mail', 'e mail address', 'courriel', 'adresse electronique', 'adresse mail'],
  phone: ['phone number', 'telephone', 'telephone number', 'mobile number', 'numero de telephone'],
  medical: ['medical information', 'medical record', 'medical records', 'health information', 'health data', 'phi', 'donnees de sante', 'dossier medical', 'donnees medicales'],
  diagnosis: ['diagnoses', 'diagnostic', 'diagnostics', 'condition', 'conditions'],
  prescriptions: ['prescription', 'medication', 'medications', 'ordonnance', 'ordonnances', 'traitement', 'traitements'],
  care_history: ['treatment history', 'treatment', 'medical history', 'care', 'visit history', 'antecedents', 'historique des soins', 'parcours de soins'],
  physician: ['doctor', 'provider', 'treating physician', 'medecin', 'medecin traitant'],
  sex: ['gender', 'sexe'],
  health_insurance: ['health insurance information', 'insurance', 'member id', 'policy number', 'subscriber number', 'mutuelle', 'assurance maladie'],
  biometric: ['biometric data', 'biometrics', 'fingerprint', 'fingerprints', 'face scan', 'donnees biometriques', 'empreintes'],
  genetic: ['genetic data', 'genetic information', 'dna', 'donnees genetiques'],
  tax_id: ['tin', 'taxpayer identification number', 'itin', 'ein', 'tax identification number', 'numero fiscal', 'numero fiscal de reference'],
  nhs_number: ['nhs', 'nhs no'],
  nir: ['numero de securite sociale', 'securite sociale', 'numero de secu', 'french social security number', 'numero d inscription au repertoire', 'ins'],
  part2_records: ['part 2 records', 'part 2', '42 cfr part 2', '42 cfr part 2 records'],
  sud_treatment: ['substance use disorder', 'substance use disorder treatment', 'sud', 'sud records', 'addiction treatment', 'addiction', 'addictologie'],
};

/** Lower case, no accents, one space between words: the form aliases are compared in. */
export function normalizeCategoryWord(raw: string): string {
  return raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const LOOKUP: ReadonlyMap<string, DataCategory> = (() => {
  const map = new Map<string, DataCategory>();
  for (const category of DATA_CATEGORIES) {
    map.set(normalizeCategoryWord(category), category);
    for (const alias of ALIASES[category]) map.set(normalizeCategoryWord(alias), category);
  }
  return map;
})();

/** The vocabulary category a typed word means, or null when it is not recognised. */
export function categoryOf(raw: string): DataCategory | null {
  return LOOKUP.get(normalizeCategoryWord(raw)) ?? null;
}

/** Recorded categories sorted into recognised ones and words kept as typed but not recognised. */
export interface CategoryReading {
  known: ReadonlySet<DataCategory>;
  unknown: readonly string[];
}

/** Read the incident's recorded categories; nothing is rejected. */
export function readCategories(recorded: readonly string[]): CategoryReading {
  const known = new Set<DataCategory>();
  const unknown: string[] = [];
  for (const raw of recorded) {
    const category = categoryOf(raw);
    if (category) known.add(category);
    else unknown.push(raw);
  }
  return { known, unknown };
}
