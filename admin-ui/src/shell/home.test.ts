import { describe, expect, it } from 'vitest';
import { figuresRows, visibleHome, type HomeEntry } from './home';

const count = (key: string, anyOf: string[]): HomeEntry => ({ kind: 'count', key, anyOf, title: 'shell.home', to: '/', load: async () => 0 });

describe('visibleHome', () => {
  const entries = [count('a', ['proposals.manage']), count('b', ['proposals.read', 'proposals.handle']), count('c', ['congress.sessions.read'])];

  it('keeps, in order, the entries any of whose permissions the user holds', () => {
    expect(visibleHome(entries, ['proposals.handle', 'congress.sessions.read']).map((e) => e.key)).toEqual(['b', 'c']);
  });

  it('leaves nothing to someone holding none of them', () => {
    expect(visibleHome(entries, ['directory.organisations.read'])).toEqual([]);
  });
});

describe('figuresRows', () => {
  it('joins each entry’s figures by enterprise under the entry’s key, in the order enterprises first appear', () => {
    const rows = figuresRows([
      { key: 'proposals', figures: [
        { enterpriseId: 'e2', enterpriseName: '新能电池', values: { submitted: 4, onTime: '100.0%' } },
        { enterpriseId: 'e1', enterpriseName: '精工机械', values: { submitted: 0 } },
      ] },
      { key: 'congress', figures: [
        { enterpriseId: 'e1', enterpriseName: '精工机械', values: { held: 1 } },
        { enterpriseId: 'e3', enterpriseName: '后来的企业', values: { held: 0 } },
      ] },
    ]);
    expect(rows).toEqual([
      { enterpriseId: 'e2', enterpriseName: '新能电池', cells: { 'proposals.submitted': 4, 'proposals.onTime': '100.0%' } },
      { enterpriseId: 'e1', enterpriseName: '精工机械', cells: { 'proposals.submitted': 0, 'congress.held': 1 } },
      { enterpriseId: 'e3', enterpriseName: '后来的企业', cells: { 'congress.held': 0 } },
    ]);
  });

  it('leaves the cells of figures still loading empty', () => {
    expect(figuresRows([{ key: 'proposals' }, { key: 'congress', figures: [{ enterpriseId: 'e1', enterpriseName: '精工机械', values: { held: 2 } }] }]))
      .toEqual([{ enterpriseId: 'e1', enterpriseName: '精工机械', cells: { 'congress.held': 2 } }]);
  });
});
