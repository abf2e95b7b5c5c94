import type { components } from '../api/schema';

type ProposalStatus = components['schemas']['ProposalStatus'];
type SessionTurnout = components['schemas']['SessionTurnout'];

/** One bar or slice: what it counts (its key), how it is labelled, and the figure. */
export interface Slice { key: string; label: string; value: number }

/** Statuses in the order a proposal goes through them, for the status chart. */
export const statusOrder: readonly ProposalStatus[] = [
  'draft', 'submitted', 'underReview', 'accepted', 'assigned', 'answered', 'rated', 'closed', 'convertedToSuggestion', 'notAccepted', 'merged',
];

/**
 * The API's counts by key as slices: the known keys in their order, then any the screen does not know yet (by name),
 * leaving out what counts nothing.
 */
export function slicesOf(counts: Record<string, number> | undefined, order: readonly string[], label: (key: string) => string): Slice[] {
  const entries = Object.entries(counts ?? {}).filter(([, value]) => value > 0);
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  return entries
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([key, value]) => ({ key, label: label(key), value }));
}

/** A rate (0–1, as the API gives it) as a percentage to one decimal, or null when there is nothing to rate. */
export const percentOf = (rate: number | null | undefined): number | null => (rate == null ? null : Math.round(rate * 1000) / 10);


/** A chart's accessible summary: its title, then each slice with its figure. */
export const summaryOf = (title: string, slices: readonly { label: string; text: string }[]) =>
  `${title}：${slices.map((s) => `${s.label} ${s.text}`).join('，')}`;

/** A session's turnout as the chart and its table show it. */
export interface TurnoutRow {
  sessionId: string;
  name: string;
  heldOn: string;
  rosterSize: number;
  present: number;
  online: number;
  onSite: number;
  /** Present out of the roster, in percent to one decimal; null for an empty roster. */
  percent: number | null;
  quorumNeeded: number;
  quorate: boolean;
}

export function turnoutRows(sessions: readonly SessionTurnout[] | undefined): TurnoutRow[] {
  return (sessions ?? []).map((s) => ({
    sessionId: s.sessionId ?? '',
    name: s.name ?? '',
    heldOn: s.heldOn ?? '',
    rosterSize: s.rosterSize ?? 0,
    present: s.present ?? 0,
    online: s.online ?? 0,
    onSite: (s.present ?? 0) - (s.online ?? 0),
    percent: percentOf(s.rate),
    quorumNeeded: s.quorumNeeded ?? 0,
    quorate: s.quorate ?? false,
  }));
}

/** A bar chart of slices (one colour per bar would mislead: one series). */
export function barOption(slices: readonly Slice[], unit = '') {
  return {
    tooltip: { trigger: 'axis', valueFormatter: (value: number) => `${value}${unit}` },
    grid: { left: 8, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: slices.map((s) => s.label), axisLabel: { interval: 0, rotate: slices.length > 5 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, ...(unit === '%' ? { max: 100 } : {}) },
    series: [{ type: 'bar', data: slices.map((s) => s.value), barMaxWidth: 40, label: { show: true, position: 'top', formatter: `{c}${unit}` } }],
  };
}

export function pieOption(slices: readonly Slice[]) {
  return {
    tooltip: { trigger: 'item', formatter: '{b}：{c}（{d}%）' },
    legend: { bottom: 0, type: 'scroll' },
    series: [{
      type: 'pie', radius: ['35%', '65%'], center: ['50%', '45%'],
      data: slices.map((s) => ({ name: s.label, value: s.value })), label: { formatter: '{b} {c}' },
    }],
  };
}

/** Roster and present per session as bars, turnout as a line on its own percentage axis. */
export function turnoutOption(rows: readonly TurnoutRow[], names: { roster: string; present: string; rate: string }) {
  return {
    tooltip: { trigger: 'axis' },
    legend: { bottom: 0 },
    grid: { left: 8, right: 8, top: 24, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => `${r.name}\n${r.heldOn}`), axisLabel: { interval: 0 } },
    yAxis: [{ type: 'value', minInterval: 1 }, { type: 'value', max: 120, interval: 20, axisLabel: { formatter: (v: number) => (v > 100 ? '' : `${v}%`) } }],
    series: [
      { name: names.roster, type: 'bar', data: rows.map((r) => r.rosterSize), barMaxWidth: 32 },
      { name: names.present, type: 'bar', data: rows.map((r) => r.present), barMaxWidth: 32, label: { show: true, position: 'insideTop', color: '#fff' } },
      {
        name: names.rate, type: 'line', yAxisIndex: 1, data: rows.map((r) => r.percent), symbolSize: 8,
        label: { show: true, position: 'top', distance: 10, formatter: '{c}%', backgroundColor: '#fff', padding: [2, 4] },
      },
    ],
  };
}
