// Breached data categories in plain words for letters, in English and French; unknown ones are written as typed.
import type { DraftLang } from './draft-text.ts';

const WORDS: Record<string, [string, string]> = {
  name: ['names', 'nom et prénom'],
  ssn: ['Social Security numbers', 'numéros de sécurité sociale américains'],
  nir: ['French social security numbers (NIR)', 'numéro de sécurité sociale (NIR)'],
  dob: ['dates of birth', 'date de naissance'],
  address: ['home addresses', 'adresse postale'],
  email: ['e-mail addresses', 'adresse électronique'],
  phone: ['telephone numbers', 'numéro de téléphone'],
  medical: ['medical information', 'données médicales'],
  diagnosis: ['diagnoses', 'diagnostics'],
  prescriptions: ['prescription information', 'prescriptions'],
  care_history: ['treatment and care history', 'historique des soins'],
  physician: ['names of treating physicians', 'nom du médecin traitant'],
  health_insurance: ['health insurance information', 'informations d’assurance maladie'],
  financial_account: ['financial account numbers', 'numéros de compte bancaire'],
  payment_card: ['payment card numbers', 'numéros de carte bancaire'],
  drivers_license: ["driver's licence numbers", 'numéros de permis de conduire'],
  state_id: ['state identification card numbers', 'numéros de carte d’identité'],
  passport: ['passport numbers', 'numéros de passeport'],
  account_credentials: ['account user names and passwords', 'identifiants et mots de passe'],
  username_password: ['account user names and passwords', 'identifiants et mots de passe'],
  biometric: ['biometric data', 'données biométriques'],
  genetic: ['genetic data', 'données génétiques'],
  tax_id: ['taxpayer identification numbers', 'numéros fiscaux'],
  sex: ['sex', 'sexe'],
  part2_records: ['substance-use-disorder treatment records', 'dossiers de traitement des addictions'],
  sud_treatment: ['substance-use-disorder treatment records', 'dossiers de traitement des addictions'],
};

/** The breached categories as a phrase ("names, dates of birth and diagnoses"), or null when none is recorded. */
export function dataPhrase(categories: readonly string[], lang: DraftLang): string | null {
  if (categories.length === 0) return null;
  const words = [...new Set(categories.map((c) => WORDS[c.toLowerCase()]?.[lang === 'fr' ? 1 : 0] ?? c))];
  if (words.length === 1) return words[0]!;
  return `${words.slice(0, -1).join(', ')} ${lang === 'fr' ? 'et' : 'and'} ${words.at(-1)}`;
}

/** True when one of these categories was breached. */
export function breached(categories: readonly string[], ...any: string[]): boolean {
  const set = new Set(categories.map((c) => c.toLowerCase()));
  return any.some((c) => set.has(c));
}
