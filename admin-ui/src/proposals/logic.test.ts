import { describe, expect, it } from 'vitest';
import { ProblemError } from '../api/client';
import { translate } from '../i18n/messages';
import { proposalsMessages } from './messages';
import { actionButtons, allowedDecisions, countRows, daysLeft, deadline, organisationTree, proposalProblem, timelineNote } from './logic';

const t = (key: Parameters<typeof translate>[2], values?: Record<string, string | number>) => translate(proposalsMessages, 'zh-CN', key, values);

describe('actionButtons', () => {
  it('shows the actions the API lists, in its order, with the three review decisions as one button', () => {
    expect(actionButtons(['accept', 'convertToSuggestion', 'decline', 'merge', 'linkResolution'])).toEqual(['decide', 'merge', 'linkResolution']);
    expect(actionButtons(['edit', 'inviteCosigners', 'submit'])).toEqual(['edit', 'inviteCosigners', 'submit']);
    expect(actionButtons(undefined)).toEqual([]);
  });
  it('offers only the decisions listed', () => {
    expect(allowedDecisions(['decline', 'merge'])).toEqual(['decline']);
  });
});

describe('deadline', () => {
  const assigned = { status: 'assigned' as const, overdue: false };
  it('takes overdue from the API', () => {
    expect(deadline({ ...assigned, dueOn: '2026-05-01', overdue: true }, '2026-04-01')).toEqual({ kind: 'overdue' });
  });
  it('marks due today and due within a week', () => {
    expect(deadline({ ...assigned, dueOn: '2026-04-01' }, '2026-04-01')).toEqual({ kind: 'dueToday' });
    expect(deadline({ ...assigned, dueOn: '2026-04-08' }, '2026-04-01')).toEqual({ kind: 'dueSoon', days: 7 });
    expect(deadline({ ...assigned, dueOn: '2026-04-09' }, '2026-04-01')).toEqual({ kind: 'none' });
  });
  it('marks nothing once answered or without a deadline', () => {
    expect(deadline({ status: 'answered', dueOn: '2026-04-02', overdue: false }, '2026-04-01')).toEqual({ kind: 'none' });
    expect(deadline({ ...assigned, dueOn: null }, '2026-04-01')).toEqual({ kind: 'none' });
  });
});

describe('daysLeft', () => {
  const assigned = { status: 'assigned' as const, overdue: false };
  it('counts the days to the last day, none left on it', () => {
    expect(daysLeft({ ...assigned, dueOn: '2026-03-02' }, '2026-02-26')).toEqual({ overdue: false, days: 4 });
    expect(daysLeft({ ...assigned, dueOn: '2026-03-02' }, '2026-03-02')).toEqual({ overdue: false, days: 0 });
  });
  it('counts the days past it once the API says it is overdue, at least one', () => {
    expect(daysLeft({ ...assigned, dueOn: '2026-03-02', overdue: true }, '2026-03-05')).toEqual({ overdue: true, days: 3 });
    expect(daysLeft({ ...assigned, dueOn: '2026-03-02', overdue: true }, '2026-03-02')).toEqual({ overdue: true, days: 1 });
  });
  it('has nothing to say of a proposal not with its departments', () => {
    expect(daysLeft({ status: 'answered', dueOn: '2026-03-02', overdue: false }, '2026-02-26')).toBeNull();
    expect(daysLeft({ ...assigned, dueOn: null }, '2026-02-26')).toBeNull();
  });
});

describe('organisationTree', () => {
  const org = (id: string, name: string, kind: 'enterprise' | 'unit' | 'team', parentId?: string) =>
    ({ id, name, kind, parentId, path: [], status: 'active', createdAt: '', updatedAt: '', version: 1 }) as never;
  it('nests departments below the enterprise, sorted by name, the enterprise itself not offered', () => {
    const tree = organisationTree([org('t1', '培训科', 'team', 'u2'), org('e', '企业', 'enterprise'), org('u2', '人力资源部', 'unit', 'e'), org('u1', '安全部', 'unit', 'e')], 'e');
    expect(tree.map((n) => n.title)).toEqual(['安全部', '人力资源部']);
    expect(tree[1].children.map((n) => [n.title, n.selectable])).toEqual([['培训科', true]]);
  });
});

describe('proposalProblem', () => {
  const text = (error: ProblemError) => (proposalProblem(error, t) as ProblemError).message;
  it('explains missing co-signers with the numbers the API gives', () => {
    const error = new ProblemError(409, { code: 'cosigners_missing', detail: 'A proposal needs 2…', required: 2, accepted: 1 } as never);
    expect(text(error)).toBe('还不能提交：需要至少 2 名代表同意附议，目前只有 1 名。请邀请更多代表，或等待受邀代表答复。');
  });
  it('names the status a stale page missed', () => {
    const error = new ProblemError(409, { code: 'transition_not_allowed', currentStatus: 'accepted', allowed: ['assign'] } as never);
    expect(text(error)).toContain('已立案');
  });
  it('leaves other problems as the API words them', () => {
    const error = new ProblemError(422, { code: 'validation_failed', detail: 'x', errors: { answer: ['y'] } });
    expect(proposalProblem(error, t)).toBe(error);
    expect(text(new ProblemError(409, { code: 'proposal_not_draft' }))).toBe(t('problem.proposal_not_draft'));
  });
});

describe('figures', () => {
  it('turns counts into rows with shares, largest first, empty ones left out', () => {
    expect(countRows({ welfare: 1, production: 3, other: 0 }, ['production', 'welfare', 'other'] as const)).toEqual([
      { key: 'production', count: 3, share: 0.75 },
      { key: 'welfare', count: 1, share: 0.25 },
    ]);
  });
});

describe('timelineNote', () => {
  it('words a rating step\'s rating in the user\'s language before its comment and leaves other notes as written', () => {
    expect(timelineNote({ rating: 'satisfied', note: '设备已到位' }, t)).toBe('满意：设备已到位');
    expect(timelineNote({ rating: 'unsatisfied', note: '设备仍未更换' }, t)).toBe('不满意：设备仍未更换');
    expect(timelineNote({ rating: 'basicallySatisfied', note: null }, t)).toBe('基本满意');
    expect(timelineNote({ rating: null, note: 'satisfied: x' }, t)).toBe('satisfied: x');
    expect(timelineNote({ note: null }, t)).toBeUndefined();
  });
});
