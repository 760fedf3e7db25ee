// Bad JSON is answered with a place in the text (line, column) or "the text ends early", never the parser's wording.
import { describe, expect, it } from 'vitest';
import { jsonErrorPlace } from '../../bot/json-place.ts';
import { createTestBot } from '../helpers/test-bot.ts';

const placeOf = (text: string) => {
  try {
    JSON.parse(text);
  } catch (error) {
    return jsonErrorPlace(error, text);
  }
  throw new Error('parsed');
};

describe('where bad JSON stops', () => {
  it('names the line and column of the first wrong character', () => {
    // `{"title": "x" "y"}`: the second string starts at offset 14, the 15th character of line 1.
    expect(placeOf('{"title": "x" "y"}')).toEqual({ line: 1, column: 15 });
    // Line 2, `  "title": "x" "y"`, starts at offset 2; its second string starts at offset 17, the 16th character.
    expect(placeOf('{\n  "title": "x" "y"\n}')).toEqual({ line: 2, column: 16 });
  });

  it('says nothing it does not know when the parser names no place (and never repeats the text it quotes)', () => {
    expect(placeOf("{\n  \"title\": 'x'\n}")).toBe('unknown');
  });

  it('says the text ends early for JSON cut short', () => {
    expect(placeOf('{"title": "x",')).toBe('end');
    expect(placeOf('{"title": "x"')).toBe('end');
  });

  it('reaches the user as a sentence, without the parser wording', async () => {
    const t = createTestBot('2025-03-01T12:00:00Z');
    const reply = await t.bot.handle({ text: 'import {"title": "x" "y"}', actor: { id: 'U1', name: 'Sam' }, platform: 'slack' });
    expect(reply.text).toContain('not valid JSON (error at line 1, column 15)');
    expect(reply.text).not.toMatch(/Expected|position|Unexpected/);
  });
});
