// A text made on first read is an ordinary property to every reader, made once and only when read.
import { describe, expect, it } from 'vitest';
import { withLazyText } from '../../bot/lazy-text.ts';

describe('a lazy text', () => {
  it('is made on the first read only, once, and reads like any other property', () => {
    let made = 0;
    const details = withLazyText({ text: '', buttons: [] as string[] }, 'text', () => `made ${++made}`);
    expect(made).toBe(0);
    expect(details.text).toBe('made 1');
    expect(details.text).toBe('made 1');
    expect({ ...details }).toEqual({ text: 'made 1', buttons: [] });
    expect(JSON.stringify(details)).toBe('{"text":"made 1","buttons":[]}');
    expect(Object.keys(details)).toEqual(['text', 'buttons']);
    expect(made).toBe(1);
  });
});
