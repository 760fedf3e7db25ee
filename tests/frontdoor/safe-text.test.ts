// Invisible and control characters in user text are shown, not obeyed; JSON answers keep their value.
import { describe, expect, it } from 'vitest';
import { escapeInvisibleInJson, terminalText, visibleText } from '../../adapters/safe-text.ts';
import { teamsText } from '../../adapters/teams/teams-text.ts';

describe('visibleText', () => {
  it.each([
    ['ANSI colour and clear-screen escapes', 'EHR \u001b[31mbreach\u001b[0m\u001b[2J', 'EHR ␛[31mbreach␛[0m␛[2J'],
    ['a one-byte CSI (C1 control)', 'a\u009b31mb', 'a[U+009B]31mb'],
    ['a right-to-left override (Trojan Source)', 'invoice\u202Efdp.exe', 'invoice[U+202E]fdp.exe'],
    ['bidi isolates', 'x\u2066y\u2069', 'x[U+2066]y[U+2069]'],
    ['zero-width space and joiner between letters', 'BR\u200B-1\u200Dx', 'BR[U+200B]-1[U+200D]x'],
    ['a byte-order mark and a NUL', '\uFEFFtitle\u0000', '[U+FEFF]title␀'],
    ['a lone carriage return that would overwrite the line', 'real\rfake', 'real␍fake'],
    ['Unicode tag characters (invisible ASCII)', 'ok\u{E0041}\u{E0042}', 'ok[U+E0041][U+E0042]'],
  ])('shows %s', (_what, input, expected) => {
    expect(visibleText(input)).toBe(expected);
  });

  it('keeps newlines, tabs, accents, CRLF as a newline, and emoji built with a zero-width joiner', () => {
    expect(visibleText('Hôpital\tSaint-Éloi\r\nligne 2')).toBe('Hôpital\tSaint-Éloi\nligne 2');
    expect(visibleText('nurse 👩‍⚕️ ok')).toBe('nurse 👩‍⚕️ ok');
  });

  it('keeps the no-break spaces of French typography (U+00A0 before ":", U+202F before ";" "?" "!"): they are visible spacing, not hidden characters', () => {
    const french = 'Statut\u00a0: clos\u202f; suite\u202f? Oui\u202f! «\u00a0faite\u00a0»';
    expect(visibleText(french)).toBe(french);
    expect(terminalText(french)).toBe(french);
    expect(teamsText(french)).toBe(french);
    expect(escapeInvisibleInJson(JSON.stringify({ text: french }))).toBe(JSON.stringify({ text: french }));
  });
});

describe('terminalText', () => {
  it('writes invisible characters in JSON as \\u escapes, so the parsed value is unchanged', () => {
    const json = JSON.stringify({ title: 'a\u202Eb\u001b[2Jc' }, null, 2);
    const shown = terminalText(json);
    expect(shown).not.toMatch(/[\u202E\u001b]/);
    expect(JSON.parse(shown)).toEqual({ title: 'a\u202Eb\u001b[2Jc' });
    expect(escapeInvisibleInJson('"\u{E0041}"')).toBe('"\\udb40\\udc41"');
  });

  it('shows markers in plain text', () => {
    expect(terminalText('BR-1 \u001b]0;pwned\u0007')).toBe('BR-1 ␛]0;pwned␇');
  });
});

describe('teamsText', () => {
  it('writes markdown links out with their real target, so a label cannot hide it', () => {
    expect(teamsText('see [HHS portal](https://evil.example/login) now')).toBe('see HHS portal (https://evil.example/login) now');
    expect(teamsText('![x](https://evil.example/p.png)')).toBe('!x (https://evil.example/p.png)');
    expect(teamsText('[[a](https://x.example)](https://y.example)')).not.toMatch(/\]\(/);
  });

  it('turns <at> mentions into plain @names and shows control characters', () => {
    expect(teamsText('ping <at>General</at> \u202E')).toBe('ping @General [U+202E]');
  });
});
