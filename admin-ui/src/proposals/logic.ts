import { ProblemError } from '../api/client';
import { daysFrom } from '../auth/today';
import { inWords } from '../i18n/problemText';
import type { components } from '../api/schema';
import type { MessageKey } from '../i18n/messages';

export type Proposal = components['schemas']['Proposal'];
export type ProposalStatus = components['schemas']['ProposalStatus'];
export type ProposalCategory = components['schemas']['ProposalCategory'];
export type CallerAction = components['schemas']['CallerAction'];
export type Rating = components['schemas']['Rating'];
type Organisation = components['schemas']['Organisation'];
type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export const statuses: readonly ProposalStatus[] = [
  'draft', 'submitted', 'underReview', 'accepted', 'convertedToSuggestion', 'notAccepted', 'assigned', 'answered', 'rated', 'closed', 'merged',
];
export { proposalCategories as categories } from '../api/proposalCategories';

export const statusColor: Record<ProposalStatus, string> = {
  draft: 'default', submitted: 'blue', underReview: 'geekblue', accepted: 'cyan', convertedToSuggestion: 'purple', notAccepted: 'default',
  assigned: 'orange', answered: 'gold', rated: 'lime', closed: 'green', merged: 'default',
};

/** The review decisions, each open when the API lists its action. */
export const decisions = ['accept', 'convertToSuggestion', 'decline'] as const;
export type Decision = (typeof decisions)[number];

/**
 * The buttons for the actions the API says the caller may take, in its order: the three review decisions are one
 * "decide" button (its dialog offers those listed).
 */
export function actionButtons(actions: readonly CallerAction[] | null | undefined): (Exclude<CallerAction, Decision> | 'decide')[] {
  const buttons: (Exclude<CallerAction, Decision> | 'decide')[] = [];
  for (const action of actions ?? []) {
    const button = (decisions as readonly string[]).includes(action) ? 'decide' : (action as Exclude<CallerAction, Decision>);
    if (!buttons.includes(button)) {
      buttons.push(button);
    }
  }
  return buttons;
}

export const allowedDecisions = (actions: readonly CallerAction[] | null | undefined): Decision[] =>
  decisions.filter((d) => (actions ?? []).includes(d));

export type Deadline = { kind: 'overdue' } | { kind: 'dueToday' } | { kind: 'dueSoon'; days: number } | { kind: 'none' };

/**
 * How near a proposal being handled is to its deadline, for highlighting: overdue as the API says it is; otherwise
 * due today, or due within <paramref name="soonDays"/> days of <paramref name="today"/> (both dates yyyy-MM-dd).
 */
export function deadline(proposal: Pick<Proposal, 'status' | 'dueOn' | 'overdue'>, today: string, soonDays = 7): Deadline {
  if (proposal.overdue) {
    return { kind: 'overdue' };
  }
  if (proposal.status !== 'assigned' || !proposal.dueOn) {
    return { kind: 'none' };
  }
  const days = daysFrom(today, proposal.dueOn);
  if (days <= 0) {
    return { kind: 'dueToday' };
  }
  return days <= soonDays ? { kind: 'dueSoon', days } : { kind: 'none' };
}

/**
 * The days a proposal being handled has left to be answered on <paramref name="today"/> (yyyy-MM-dd, the enterprise's):
 * how many, or how many it is overdue (as the API says it is: answered in time, the last day is still its own); none
 * for a proposal not with its departments.
 */
export function daysLeft(proposal: Pick<Proposal, 'status' | 'dueOn' | 'overdue'>, today: string): { overdue: boolean; days: number } | null {
  if (proposal.status !== 'assigned' || !proposal.dueOn) {
    return null;
  }
  const days = daysFrom(today, proposal.dueOn);
  return proposal.overdue ? { overdue: true, days: Math.max(1, -days) } : { overdue: false, days: Math.max(0, days) };
}

export interface TreeNode {
  value: string;
  title: string;
  selectable: boolean;
  disabled?: boolean;
  children: TreeNode[];
}

/**
 * The organisation tree below <paramref name="rootId"/> from a flat list (parents before or after children), names in
 * order; departments (units and teams) can be picked, the enterprise itself cannot.
 */
export function organisationTree(organisations: readonly Organisation[], rootId: string | undefined): TreeNode[] {
  const nodes = new Map<string, TreeNode>();
  for (const o of organisations) {
    nodes.set(o.id, { value: o.id, title: o.name, selectable: o.kind === 'unit' || o.kind === 'team', children: [] });
  }
  const roots: TreeNode[] = [];
  for (const o of organisations.filter((o) => o.id !== rootId)) {
    const parent = o.parentId && o.parentId !== rootId ? nodes.get(o.parentId) : undefined;
    (parent ? parent.children : roots).push(nodes.get(o.id)!);
  }
  const sort = (list: TreeNode[]) => {
    list.sort((a, b) => a.title.localeCompare(b.title, 'zh-CN'));
    list.forEach((n) => sort(n.children));
    return list;
  };
  return sort(roots);
}

/** A refused action's problem in the user's words (see inWords), naming the status a stale page missed. */
export function proposalProblem(error: unknown, t: Translate): unknown {
  const current = error instanceof ProblemError ? String((error.problem as Record<string, unknown>).currentStatus ?? '') : '';
  return inWords(error, t, { status: statuses.includes(current as ProposalStatus) ? t(`proposals.status.${current}` as MessageKey) : current });
}

/** A timeline step's note for reading: a rating step's rating in the user's words, before its comment. */
export function timelineNote(entry: { rating?: Rating | null; note?: string | null }, t: Translate): string | undefined {
  const note = entry.note ?? undefined;
  if (!entry.rating) {
    return note;
  }
  const rating = t(`proposals.rating.${entry.rating}` as MessageKey);
  return note ? `${rating}：${note}` : rating;
}


/** Counts by key as table rows with their share of the total, largest first, in the order of <paramref name="keys"/> on ties. */
export function countRows<K extends string>(counts: Partial<Record<string, number>> | undefined, keys: readonly K[]): { key: K; count: number; share: number }[] {
  const total = keys.reduce((sum, k) => sum + (counts?.[k] ?? 0), 0);
  return keys
    .map((key) => ({ key, count: counts?.[key] ?? 0, share: total === 0 ? 0 : (counts?.[key] ?? 0) / total }))
    .filter((row) => row.count > 0)
    .sort((a, b) => b.count - a.count || keys.indexOf(a.key) - keys.indexOf(b.key));
}
