import { rateText } from '../i18n/format';

/** A whole-number percentage of a part, 0 when there is no whole. */
export const percent = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 100) : 0);

/** Attendance per delegation group, in the order the groups first appear on the roster. */
export function byGroup(entries: readonly { delegationGroup: string; channel?: unknown }[]) {
  const groups = new Map<string, { name: string; size: number; present: number }>();
  for (const entry of entries) {
    const group = groups.get(entry.delegationGroup) ?? { name: entry.delegationGroup, size: 0, present: 0 };
    group.size += 1;
    group.present += entry.channel ? 1 : 0;
    groups.set(entry.delegationGroup, group);
  }
  return [...groups.values()];
}

/** A session's attendance as a table cell: present of the roster, and the share. */
export const attendanceText = (present: number, rosterSize: number) =>
  `${present}/${rosterSize} (${rateText(rosterSize > 0 ? present / rosterSize : null)})`;
