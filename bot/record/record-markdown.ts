// The record document as Markdown (the `export --format md` file).
import type { RecordDocument } from './record-document.ts';

/** Markdown text of the whole record; never shortened. */
export function recordToMarkdown(doc: RecordDocument): string {
  const lines = [`# ${line(doc.title)}`, '', ...doc.preface.map(line), ''];
  if (doc.banner) lines.push(`> **${line(doc.banner)}**`, '');
  for (const s of doc.sections) {
    lines.push(`## ${line(s.heading)}`, '');
    for (const b of s.blocks) {
      if (b.kind === 'text') lines.push(line(b.text), '');
      else if (b.kind === 'field') lines.push(b.value ? `- **${line(b.label)}:** ${line(b.value)}` : `- **${line(b.label)}:**`);
      else if (b.kind === 'mono') lines.push('', `    ${b.text.replace(/\s+/g, ' ')}`, '');
      else lines.push(`- **${line(b.title)}**`, ...b.lines.map((l) => `  - ${line(l)}`));
    }
    lines.push('');
  }
  return lines.join('\n');
}

// Titles, notes, names and reasons are people's text: in a Markdown viewer it must read as typed, never become a link
// whose label hides its target, a remote image (a beacon), raw HTML, an entity (`&#x202E;`), or a heading or list line
// of its own that would pass for part of the record. Backslash escapes keep every character visible.
function line(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/[\\`*_[\]<>&#|~!]/g, '\\$&');
}
