import { describe, expect, it } from 'vitest';
import { dateText } from '../i18n/format';
import { daysFrom } from './today';

describe('today in the enterprise’s zone', () => {
  it('gives the day of the zone, not of UTC or the browser', () => {
    const lateEvening = new Date('2026-12-31T16:30:00Z');
    expect(dateText(lateEvening, 'Asia/Shanghai')).toBe('2027-01-01');
    expect(dateText(lateEvening, 'Asia/Urumqi')).toBe('2026-12-31');
    expect(dateText(lateEvening, 'UTC')).toBe('2026-12-31');
  });
});

describe('daysFrom', () => {
  it('counts whole days forward, zero on the day and negative once it has passed, across a month end', () => {
    expect(daysFrom('2026-01-30', '2026-02-02')).toBe(3);
    expect(daysFrom('2026-02-02', '2026-02-02')).toBe(0);
    expect(daysFrom('2026-02-05', '2026-02-02')).toBe(-3);
  });

  it('is not thrown by a change to summer time between the days', () => {
    expect(daysFrom('2026-03-28', '2026-03-30')).toBe(2);
  });
});
