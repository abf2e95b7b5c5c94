import { describe, expect, it } from 'vitest';
import { ballotChoices, paperCountRows } from './choices';

describe('paper count rows', () => {
  it('go item by item and choice by choice, with what was counted before', () => {
    expect(paperCountRows('motion', [{ number: 1 }, { number: 2 }], [{ item: 2, choice: 'against', count: 3 }])).toEqual([
      { item: 1, choice: 'for', count: 0 }, { item: 1, choice: 'against', count: 0 }, { item: 1, choice: 'abstain', count: 0 },
      { item: 2, choice: 'for', count: 0 }, { item: 2, choice: 'against', count: 3 }, { item: 2, choice: 'abstain', count: 0 },
    ]);
  });

  it('have one row per candidate in an election', () => {
    expect(paperCountRows('election', [{ number: 1 }, { number: 2 }])).toEqual([
      { item: 1, choice: 'selected', count: 0 }, { item: 2, choice: 'selected', count: 0 },
    ]);
  });
});

describe('ballot choices', () => {
  it('send every item of a motion with its choice', () => {
    expect(ballotChoices('motion', { 1: 'for', 2: 'against', 3: undefined })).toEqual([{ item: 1, choice: 'for' }, { item: 2, choice: 'against' }]);
  });

  it('send only the candidates selected in an election', () => {
    expect(ballotChoices('election', { 1: false, 2: true, 3: true })).toEqual([{ item: 2, choice: 'selected' }, { item: 3, choice: 'selected' }]);
  });
});
