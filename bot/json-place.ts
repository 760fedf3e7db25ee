// Where JSON.parse stopped, said as a place in the text (line and column) rather than in the parser's own words, which
// vary by Node version and quote the text (an incident file may hold what the guard would refuse).

/** The line and column (from 1) where parsing stopped; 'end' when the text stops before the JSON does; 'unknown' when the parser does not say. */
export type JsonPlace = { line: number; column: number } | 'end' | 'unknown';

/** The place a JSON.parse error points at in `text`. */
export function jsonErrorPlace(error: unknown, text: string): JsonPlace {
  const message = error instanceof Error ? error.message : '';
  const at = /position (\d+)/.exec(message);
  if (/end of (JSON )?input/i.test(message)) return 'end';
  if (!at) return 'unknown';
  const offset = Number(at[1]);
  if (offset >= text.trimEnd().length) return 'end';
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}

/** The place in words, in English or French. */
export function jsonPlaceWords(place: JsonPlace, lang: 'en' | 'fr' = 'en'): string {
  if (place === 'end') return lang === 'fr' ? 'le texte s’arrête avant la fin du JSON' : 'the text ends before the JSON does';
  if (place === 'unknown') return lang === 'fr' ? 'vérifiez les guillemets droits doubles, les virgules et les accolades' : 'check its double quotes, commas and brackets';
  return lang === 'fr' ? `erreur ligne ${place.line}, colonne ${place.column}` : `error at line ${place.line}, column ${place.column}`;
}
