import { describe, expect, it } from 'vitest';
import { translate, type MessageKey } from '../i18n/messages';
import { auditWords, grantablePlaces, permissionWords, recordTypes, shownValue, wordsOf, workerLabel } from './logic';
import { accessMessages } from './messages';
import { accessWords } from './words';

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

const inChinese = (key: MessageKey) => translate(accessMessages, 'zh-CN', key);
const inEnglish = (key: MessageKey) => translate(accessMessages, 'en', key);

describe('the audit trail in words', () => {
  it('words its modules, record types, actions and fields in both languages', () => {
    expect(wordsOf(inChinese, auditWords.module('proposals'))).toBe('提案');
    expect(wordsOf(inChinese, auditWords.action('update'))).toBe('修改');
    expect(wordsOf(inChinese, auditWords.field('status'))).toBe('状态');
    expect(wordsOf(inChinese, auditWords.entity('directory', 'workers'))).toBe('职工');
    expect(wordsOf(inEnglish, auditWords.entity('proposals', 'proposals'))).toBe('Proposal');
    expect(wordsOf(inEnglish, auditWords.action('delete'))).toBe('Deleted');
    expect(wordsOf(inEnglish, auditWords.actorType('apiClient'))).toBe('API client');
  });

  it('has no words for a code it does not know, which is then shown as it is', () => {
    expect(wordsOf(inChinese, auditWords.field('brand_new_column'))).toBeUndefined();
    expect(wordsOf(inChinese, auditWords.module('reform'))).toBeUndefined();
  });

  it('words every table the migrations track', () => {
    const migrations = import.meta.glob<string>('../../../db-migrations/*.sql', { query: '?raw', import: 'default', eager: true });
    const tracked = Object.values(migrations)
      .flatMap((sql) => [...sql.matchAll(/shared\.track_changes\('(\w+)\.(\w+)'/g)])
      .map(([, module, table]) => `${module}.${table}`);
    expect(tracked.length).toBeGreaterThan(30);
    const unworded = [...new Set(tracked)].filter((table) => {
      const [module, entityType] = table.split('.');
      return !wordsOf(inChinese, auditWords.entity(module, entityType)) || !wordsOf(inEnglish, auditWords.entity(module, entityType));
    });
    expect(unworded).toEqual([]);
  });

  it('lists the record types it words, of one module or all, each table once', () => {
    const keys = Object.keys(accessWords['zh-CN']);
    expect(recordTypes(keys, 'access').map((r) => r.entityType)).toEqual(['api_clients', 'grants', 'users']);
    const all = recordTypes(keys).map((r) => r.entityType);
    expect(all).toContain('workers');
    expect(all.filter((table) => table === 'resolutions')).toHaveLength(1);
  });

  it('shows a change’s moments in the enterprise’s zone and its other values as they are', () => {
    expect(shownValue('2026-12-03T10:38:00Z', 'Asia/Shanghai')).toBe('2026-12-03 18:38');
    expect(shownValue('2026-12-03', 'Asia/Shanghai')).toBe('2026-12-03');
    expect(shownValue(null, 'Asia/Shanghai')).toBe('—');
    expect(shownValue(['proposals.read'], 'Asia/Shanghai')).toBe('["proposals.read"]');
    expect(shownValue(false, 'Asia/Shanghai')).toBe('false');
  });

  it('words the permissions API clients are given', () => {
    expect(wordsOf(inChinese, permissionWords('access.audit.read'))).toBe('查看审计日志');
    expect(wordsOf(inEnglish, permissionWords('integration.webhooks.manage'))).toBe('Manage webhook subscriptions');
  });
});

describe('workerLabel', () => {
  it('names a worker with their employee number and unit', () => {
    expect(workerLabel({ name: '王芳', employeeNumber: 'E0001', unitName: '总装车间' })).toBe('王芳（E0001，总装车间）');
    expect(workerLabel({ name: '王芳', employeeNumber: 'E0001' })).toBe('王芳（E0001）');
  });
});
