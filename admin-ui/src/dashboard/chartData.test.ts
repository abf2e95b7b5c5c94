import { describe, expect, it } from 'vitest';
import { proposalCategories } from '../api/proposalCategories';
import { barOption, percentOf, slicesOf, statusOrder, summaryOf, turnoutOption, turnoutRows } from './chartData';

const label = (key: string) => `<${key}>`;

describe('slicesOf', () => {
  it('orders known keys as given, then unknown ones by name, and leaves out zeros', () => {
    const slices = slicesOf({ closed: 2, submitted: 1, zzz: 4, assigned: 0, aaa: 1 }, statusOrder, label);
    expect(slices).toEqual([
      { key: 'submitted', label: '<submitted>', value: 1 },
      { key: 'closed', label: '<closed>', value: 2 },
      { key: 'aaa', label: '<aaa>', value: 1 },
      { key: 'zzz', label: '<zzz>', value: 4 },
    ]);
  });

  it('has nothing to show for no counts', () => {
    expect(slicesOf(undefined, proposalCategories, label)).toEqual([]);
    expect(slicesOf({}, proposalCategories, label)).toEqual([]);
  });
});

describe('rates', () => {
  it('are percentages to one decimal, or none', () => {
    expect(percentOf(0.6667)).toBe(66.7);
    expect(percentOf(1)).toBe(100);
    expect(percentOf(0)).toBe(0);
    expect(percentOf(null)).toBeNull();
  });
});

describe('turnoutRows', () => {
  it('splits those present into online and on site and gives turnout in percent', () => {
    const rows = turnoutRows([{ sessionId: 's1', name: '第三届第二次会议', heldOn: '2026-03-20', status: 'closed', mode: 'hybrid', rosterSize: 6, present: 5, online: 2, quorumNeeded: 5, quorate: true, rate: 0.8333 }]);
    expect(rows).toEqual([{ sessionId: 's1', name: '第三届第二次会议', heldOn: '2026-03-20', rosterSize: 6, present: 5, online: 2, onSite: 3, percent: 83.3, quorumNeeded: 5, quorate: true }]);
    expect(turnoutRows(undefined)).toEqual([]);
  });

  it('chart roster and present as bars and turnout as a line on the percentage axis', () => {
    const rows = turnoutRows([{ sessionId: 's1', name: 'A', heldOn: '2026-01-02', status: 'open', mode: 'online', rosterSize: 4, present: 3, online: 3, rate: 0.75 }]);
    const option = turnoutOption(rows, { roster: '应到', present: '实到', rate: '出席率' });
    expect(option.series.map((s) => [s.name, s.type, s.data])).toEqual([['应到', 'bar', [4]], ['实到', 'bar', [3]], ['出席率', 'line', [75]]]);
    expect(option.series[2].yAxisIndex).toBe(1);
  });
});

describe('charts', () => {
  it('bar one series of the slices, the percentage axis capped at 100', () => {
    const option = barOption([{ key: 'a', label: 'A', value: 50 }, { key: 'b', label: 'B', value: 75.5 }], '%');
    expect(option.xAxis.data).toEqual(['A', 'B']);
    expect(option.series[0].data).toEqual([50, 75.5]);
    expect(option.yAxis).toMatchObject({ max: 100 });
    expect(barOption([]).yAxis).not.toHaveProperty('max');
  });

  it('summarise a chart in words for those who cannot see it', () => {
    expect(summaryOf('提案办理状态', [{ label: '已办结', text: '2 件' }, { label: '办理中', text: '1 件' }])).toBe('提案办理状态：已办结 2 件，办理中 1 件');
  });
});
