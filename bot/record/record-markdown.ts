// The record document as Markdown (the `export --format md` file).
import type { RecordDocument } from './record-document.ts';

/** Markdown text of the whole record; never shortened. */
export function recordToMarkdown(doc: RecordDocument): string {
  const lines = [`# ${doc.title}`, '', ...doc.preface, ''];
  if (doc.banner) lines.push(`> **${doc.banner}**`, '');
  for (const s of doc.sections) {
    lines.push(`## ${s.heading}`, '');
    for (const b of s.blocks) {
      if (b.kind === 'text') lines.push(b.text, '');
      else if (b.kind === 'field') lines.push(b.value ? `- **${b.label}:** ${b.value}` : `- **${b.label}:**`);
      else if (b.kind === 'mono') lines.push('', `    ${b.text}`, '');
      else lines.push(`- **${b.title}**`, ...b.lines.map((l) => `  - ${l.replace(/\n/g, ' ')}`));
    }
    lines.push('');
  }
  return lines.join('\n');
}
