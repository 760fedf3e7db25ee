// `help` in every language: each command's summary is in the catalogue, and the English copy is the declaration's own.
import { describe, expect, it } from 'vitest';
import { allCommandSpecs } from '../../commands/index.ts';
import { catalogue } from '../../bot/i18n/index.ts';
import { FIELDS } from '../../commands/fields.ts';
import { fieldHelpKey } from '../../commands/set-command.ts';

describe('help summaries', () => {
  it('describes every command in French, and the English catalogue repeats each declaration word for word', () => {
    const en = catalogue('en').help.summary as Record<string, string>;
    const fr = catalogue('fr').help.summary as Record<string, string>;
    for (const spec of allCommandSpecs()) {
      expect(en[spec.name], spec.name).toBe(spec.summary);
      expect(fr[spec.name], spec.name).toBeTruthy();
      expect(fr[spec.name], spec.name).not.toBe(spec.summary);
    }
  });

  it('describes every option of every command in French, the English copy word for word', () => {
    const en = catalogue('en').help.option as Record<string, Record<string, string>>;
    const fr = catalogue('fr').help.option as Record<string, Record<string, string>>;
    for (const spec of allCommandSpecs()) {
      for (const [name, option] of Object.entries(spec.options ?? {})) {
        expect(en[spec.name]?.[name], `${spec.name} --${name}`).toBe(option.description);
        expect(fr[spec.name]?.[name], `${spec.name} --${name}`).toBeTruthy();
      }
    }
    // Nothing described that no command declares.
    for (const [command, described] of Object.entries(en)) {
      for (const name of Object.keys(described)) expect(allCommandSpecs().find((s) => s.name === command)?.options?.[name], `${command} --${name}`).toBeDefined();
    }
  });

  it('describes every field of `help set` in French, the English copy word for word', () => {
    const en = catalogue('en').help.field as Record<string, string>;
    const fr = catalogue('fr').help.field as Record<string, string>;
    for (const field of FIELDS) {
      const key = fieldHelpKey(field.path).replace(/^help\.field\./, '');
      expect(en[key], field.path).toBe(field.help);
      expect(fr[key], field.path).toBeTruthy();
    }
    expect(Object.keys(en).length).toBe(FIELDS.length);
  });
});
