// What a one-shot command verifies before it runs: the one incident it names, or every record.
import { describe, expect, it } from 'vitest';
import { recordScope } from '../../adapters/cli/record-scope.ts';

describe('one-shot record check scope', () => {
  it.each([
    [['deadlines', 'BR-1'], { only: ['BR-1'] }],
    [['show', 'br-12', '--json'], { only: ['BR-12'] }],
    [['next', 'br7'], { only: ['BR-7'] }],
    [['access', '7'], { only: ['BR-7'] }],
    [['member', 'add', 'BR-3', 'slack:U1'], { only: ['BR-3'] }],
    [['log', 'BR-4', 'called', 'BR-4'], { only: ['BR-4'] }],
  ])('%j checks the named incident only', (argv, scope) => {
    expect(recordScope(argv)).toEqual(scope);
  });

  it.each([
    [['due', '--within', '7d']],
    [['help']],
    [['coverage', 'US-TX']],
    [['new', 'Lost laptop', '--discovered', '2025-02-20 09:00']],
  ])('%j reads no record health and checks none', (argv) => {
    expect(recordScope(argv)).toEqual({ only: [] });
  });

  it.each([
    // `list` marks every broken record; commands naming none or two incidents.
    [['list']],
    [['log', 'BR-4', 'see', 'BR-5']],
    [['log', 'BR-4', 'called', '3', 'times']],
    [['nosuchcommand', 'BR-1']],
    [[]],
  ])('%j checks every record', (argv) => {
    expect(recordScope(argv)).toBe('await');
  });
});
