import { describe, expect, it } from 'vitest';
import { filtersOf, withFilters, type FilterShape } from './urlFilters';

interface Filters { q?: string; status?: string[]; unitId?: string }
const shape: FilterShape<Filters> = { q: 'one', status: 'many', unitId: 'one' };

describe('filters in the address', () => {
  it('reads single and repeated values, leaving out what the list does not filter by', () => {
    expect(filtersOf<Filters>(new URLSearchParams('q=张&status=active&status=onLeave&tab=2'), shape))
      .toEqual({ q: '张', status: ['active', 'onLeave'] });
  });

  it('sets the changed filters, removes emptied ones and keeps the rest of the address', () => {
    const next = withFilters<Filters>(new URLSearchParams('q=张&status=active&tab=2'), shape, { status: ['left', 'retired'], q: undefined });
    expect(next.toString()).toBe('tab=2&status=left&status=retired');
    expect(withFilters<Filters>(next, shape, { status: [] }).toString()).toBe('tab=2');
  });
});
