// The exported record (Markdown, PDF) is in English for every organization and every reader, like the timeline and the
// access log it holds ("the record reads alike for every incident"): labels, colons, numbers and dates included. The
// chat answer that hands it over is in the reader's language.
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createTestBot, makeIncident } from '../helpers/test-bot.ts';
import { frenchHospitalFacts } from '../pictures/fixtures.ts';

const sam = { id: 'U-SAM', name: 'Sam' };

async function exported(readerLang?: 'fr' | 'en') {
  const t = createTestBot('2025-02-21T08:00:00Z', [makeIncident('BR-2', frenchHospitalFacts())]);
  const say = (text: string) => t.bot.handle({ text, actor: sam, platform: 'slack' });
  if (readerLang) await say(`lang ${readerLang}`);
  const md = await say('export BR-2 --format md');
  const pdf = await say('export BR-2 --format pdf');
  const pdfText = execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: pdf.file!.content, encoding: 'utf8' }).replace(/\s+/g, ' ');
  return { md: Buffer.from(md.file!.content).toString('utf8'), mdReply: md.text, pdfText, pdfReply: pdf.text };
}

// The Facts section of the French hospital's record, as the English record writes it (no French label, no French colon).
const FACTS_MD = [
  '- **Status:** triage',
  '- **Organization:** Groupe hospitalier Exemple (controller, FR, Europe/Paris)',
  '- **Discovered:** 2025-02-20 09:00 CET',
  '- **Affected:** 758,912 (FR 758,912)',
  '- **PHI involved / encrypted:** yes / no',
  '- **GDPR risk:** high risk',
  '- **Data:** identité, données de santé',
].join('\n');

describe('the exported record of a French organization', () => {
  it.each([[undefined], ['fr' as const], ['en' as const]])('is English throughout for a reader whose lang is %s', async (readerLang) => {
    const { md, pdfText } = await exported(readerLang);
    expect(md).toContain(`## Facts\n\n${FACTS_MD}\n`);
    expect(md).not.toMatch(/Statut|Découverte|Personnes concernées|\u00a0:/);
    expect(pdfText).toContain('Facts Status: triage Organization: Groupe hospitalier Exemple (controller, FR, Europe/Paris) Discovered: 2025-02-20 09:00 CET Affected: 758,912 (FR 758,912)');
    expect(pdfText).not.toMatch(/Statut|Découverte|Personnes concernées/);
  });

  it('is handed over in the reader\'s language, counts and size as that language writes them', async () => {
    const fr = await exported();
    expect(fr.mdReply).toMatch(/^Dossier de BR-2 en MD \(\d+,\d\u00a0Ko\)\u00a0: faits et leur historique, 9 obligations, 0 entrée de chronologie\.$/m);
    const en = await exported('en');
    expect(en.pdfReply).toMatch(/^BR-2 record as PDF \(\d+\.\d KB\): facts and their history, 9 obligations, 0 timeline entries\.$/m);
  });
});
