import dayjs from 'dayjs';
import { describe, expect, it } from 'vitest';
import { dateText, dateTimeText, fromWallClock, isDateTime, rateText, timeText, wallClock } from './format';

describe('dates and times in the enterprise’s zone', () => {
  const evening = '2026-12-03T10:38:00Z';

  it('writes an instant as the enterprise reads it, whatever zone the browser is in', () => {
    expect(dateTimeText(evening, 'Asia/Shanghai')).toBe('2026-12-03 18:38');
    expect(dateTimeText(evening, 'UTC')).toBe('2026-12-03 10:38');
    expect(timeText(evening, 'Asia/Shanghai')).toBe('18:38');
  });

  it('puts an instant after midnight in Suzhou on the next day', () => {
    expect(dateText('2026-12-03T16:30:00Z', 'Asia/Shanghai')).toBe('2026-12-04');
  });

  it('leaves a date as it is and writes nothing for none', () => {
    expect(dateText('2026-12-03', 'America/Los_Angeles')).toBe('2026-12-03');
    expect(dateTimeText(null, 'Asia/Shanghai')).toBe('—');
  });

  it('round-trips a picker’s wall-clock value to the instant it means in the enterprise’s zone', () => {
    const wall = wallClock(evening, 'Asia/Shanghai');
    expect(wall.format('YYYY-MM-DD HH:mm')).toBe('2026-12-03 18:38');
    expect(fromWallClock(wall, 'Asia/Shanghai')).toBe('2026-12-03T10:38:00.000Z');
    expect(fromWallClock(dayjs('2026-12-03T09:00'), 'Asia/Shanghai')).toBe('2026-12-03T01:00:00.000Z');
  });
});

describe('isDateTime', () => {
  it('tells a moment the API wrote from a date or other text', () => {
    expect(isDateTime('2026-12-08T01:28:44.837312+00:00')).toBe(true);
    expect(isDateTime('2026-12-03T10:38:00Z')).toBe(true);
    expect(isDateTime('2026-12-03')).toBe(false);
    expect(isDateTime('active')).toBe(false);
  });
});

describe('rates', () => {
  it('writes every rate one way: at most one decimal, no trailing zero', () => {
    expect(rateText(1)).toBe('100%');
    expect(rateText(0.9)).toBe('90%');
    expect(rateText(2 / 3)).toBe('66.7%');
    expect(rateText(0)).toBe('0%');
    expect(rateText(null)).toBe('—');
    expect(rateText(undefined, '暂无')).toBe('暂无');
  });
});
