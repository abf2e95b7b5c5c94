import { describe, expect, it } from 'vitest';
import { grantablePlaces, workerLabel } from './logic';

const region = { id: 'r', kind: 'region' as const, path: ['p', 'r'] };
const office = { id: 'o', kind: 'unit' as const, path: ['p', 'r', 'o'] };
const enterprise = { id: 'e', kind: 'enterprise' as const, path: ['p', 'r', 'e'] };
const workshop = { id: 'w', kind: 'unit' as const, path: ['p', 'r', 'e', 'w'] };
const places = [region, office, enterprise, workshop];
const ids = (found: { id: string }[]) => found.map((p) => p.id);

describe('grantablePlaces', () => {
  it('offers a region only its own nodes and, when creating, its enterprises for their first administrator', () => {
    expect(ids(grantablePlaces(places, 'r', 'regionAdmin', true))).toEqual(['r']);
    expect(ids(grantablePlaces(places, 'r', 'enterpriseAdmin', true))).toEqual(['e']);
    expect(ids(grantablePlaces(places, 'r', 'handler', true))).toEqual(['o']);
    expect(ids(grantablePlaces(places, 'r', 'representative', true))).toEqual([]);
  });
  it('grants a region account no role inside an enterprise', () => {
    expect(ids(grantablePlaces(places, 'r', 'enterpriseAdmin', false))).toEqual([]);
    expect(ids(grantablePlaces(places, 'r', undefined, false))).toEqual(['r', 'o']);
  });
  it('offers an enterprise every node of its own', () => {
    expect(ids(grantablePlaces([enterprise, workshop], 'e', 'handler', false))).toEqual(['e', 'w']);
    expect(ids(grantablePlaces([enterprise, workshop], 'e', undefined, true))).toEqual(['e', 'w']);
  });
});

describe('workerLabel', () => {
  it('names a worker with their employee number and unit', () => {
    expect(workerLabel({ name: '王芳', employeeNumber: 'E0001', unitName: '总装车间' })).toBe('王芳（E0001，总装车间）');
    expect(workerLabel({ name: '王芳', employeeNumber: 'E0001' })).toBe('王芳（E0001）');
  });
});
