import { describe, expect, it } from 'vitest';
import { importsFilter } from './home';

describe('importsFilter', () => {
  const now = new Date('2026-12-08T02:00:00Z');

  it('reads failed in the last days a link names as the moment they began', () => {
    expect(importsFilter(new URLSearchParams('phase=failed&days=30'), now)).toEqual({ phase: ['failed'], since: '2026-11-08T02:00:00.000Z', days: 30 });
  });

  it('reads nothing from a link that names no such filter, or names it wrongly', () => {
    expect(importsFilter(new URLSearchParams(''), now)).toBeNull();
    expect(importsFilter(new URLSearchParams('phase=completed&days=30'), now)).toBeNull();
    expect(importsFilter(new URLSearchParams('phase=failed'), now)).toBeNull();
    expect(importsFilter(new URLSearchParams('phase=failed&days=1.5'), now)).toBeNull();
    expect(importsFilter(new URLSearchParams('phase=failed&days=0'), now)).toBeNull();
    expect(importsFilter(new URLSearchParams('phase=failed&days=400'), now)).toBeNull();
  });
});
