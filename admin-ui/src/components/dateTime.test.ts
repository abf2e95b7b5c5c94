import { describe, expect, it } from 'vitest';
import { dateTime, isDateTime } from './dateTime';

describe('moments as people read them', () => {
  it('are the local date and minute, not the API’s ISO text', () => {
    const local = new Date(2026, 11, 3, 18, 38, 27, 512);
    expect(dateTime(local.toISOString())).toBe('2026-12-03 18:38');
    expect(dateTime('2026-12-08T01:28:44.837312+00:00')).toMatch(/^2026-12-0[78] \d{2}:\d{2}$/);
    expect(dateTime(null)).toBe('—');
  });

  it('are told from dates and other text', () => {
    expect(isDateTime('2026-12-08T01:28:44.837312+00:00')).toBe(true);
    expect(isDateTime('2026-12-08T01:28:44Z')).toBe(true);
    expect(isDateTime('2026-12-08')).toBe(false);
    expect(isDateTime('关于2026-12-08T01:28的提案')).toBe(false);
    expect(isDateTime(20261208)).toBe(false);
  });
});
