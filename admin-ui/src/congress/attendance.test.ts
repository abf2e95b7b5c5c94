import { describe, expect, it } from 'vitest';
import { attendanceText, byGroup, percent } from './attendance';

describe('attendance', () => {
  it('counts each delegation group in roster order', () => {
    expect(byGroup([
      { delegationGroup: '第二代表团', channel: 'online' },
      { delegationGroup: '第一代表团' },
      { delegationGroup: '第二代表团' },
      { delegationGroup: '第一代表团', channel: 'onSite' },
      { delegationGroup: '第一代表团', channel: 'paperSheet' },
    ])).toEqual([
      { name: '第二代表团', size: 2, present: 1 },
      { name: '第一代表团', size: 3, present: 2 },
    ]);
  });

  it('rounds percentages and has none of nothing', () => {
    expect(percent(2, 3)).toBe(67);
    expect(percent(5, 5)).toBe(100);
    expect(percent(0, 0)).toBe(0);
  });

  it('says a session’s attendance as present of the roster with the share', () => {
    expect(attendanceText(27, 30)).toBe('27/30 (90%)');
    expect(attendanceText(5, 6)).toBe('5/6 (83.3%)');
    expect(attendanceText(0, 0)).toBe('0/0 (—)');
  });
});
