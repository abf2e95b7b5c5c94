import { describe, expect, it } from 'vitest';
import { fieldErrors, namePath } from './problems';

describe('problem field errors', () => {
  it('turn API field paths into form name paths', () => {
    expect(namePath('residentId')).toEqual(['residentId']);
    expect(namePath('items[0].title')).toEqual(['items', 0, 'title']);
  });

  it('go on the fields the form has, and the rest to the form', () => {
    const problem = { status: 422, code: 'validation_failed', errors: { residentId: ['身份证号校验位错误'], unitId: ['部门不存在'] } };
    expect(fieldErrors(problem, ['name', 'residentId'])).toEqual({
      fields: [{ name: ['residentId'], errors: ['身份证号校验位错误'] }],
      general: ['部门不存在'],
    });
  });

  it('fall back to the detail when the problem names no field', () => {
    expect(fieldErrors({ status: 409, detail: '同级已有同名单位' }, ['name'])).toEqual({ fields: [], general: ['同级已有同名单位'] });
  });
});
