import { describe, expect, it } from 'vitest';
import { importContentType } from './ImportsPage';

describe('importContentType', () => {
  it('sends XLSX files as spreadsheets and everything else as CSV, whatever their case', () => {
    expect(importContentType('职工名册.XLSX')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(importContentType('workers.csv')).toBe('text/csv');
    expect(importContentType('导出')).toBe('text/csv');
  });
});
