import type { ComponentType } from 'react';
import type { MessageKey } from '../i18n/messages';

interface HomeEntryBase {
  /** Unique in the app: names the entry's query and its place on the page. */
  key: string;
  title: MessageKey;
  /** Shown to whoever holds any of these where they act. */
  anyOf: readonly string[];
}

/** How many things wait for the user (a list's total, filtered), leading to that list filtered as counted. */
export interface HomeCount extends HomeEntryBase {
  kind: 'count';
  load: () => Promise<number>;
  to: string;
}

/** A part of the home page the area makes itself (a short list of what is due, say). */
export interface HomePanel extends HomeEntryBase {
  kind: 'panel';
  panel: ComponentType;
}

/** One enterprise's figures of an area, by column key. */
export interface EnterpriseFigures {
  enterpriseId: string;
  enterpriseName: string;
  values: Readonly<Record<string, string | number>>;
}

/**
 * Figures per enterprise (a region's home): the entry's columns, under its title, in the one table every area's figures
 * share, a row per enterprise.
 */
export interface HomeFigures extends HomeEntryBase {
  kind: 'figures';
  columns: readonly { key: string; title: MessageKey }[];
  load: () => Promise<readonly EnterpriseFigures[]>;
}

/** What an area puts on the home page, for those its permissions allow. */
export type HomeEntry = HomeCount | HomePanel | HomeFigures;

/** The entries the user's permissions allow, in the areas' order. */
export const visibleHome = (entries: readonly HomeEntry[], permissions: readonly string[]): HomeEntry[] =>
  entries.filter((entry) => entry.anyOf.some((p) => permissions.includes(p)));

/** A row of the figures table: an enterprise, and each entry's values under `<entry key>.<column key>`. */
export interface FiguresRow {
  enterpriseId: string;
  enterpriseName: string;
  cells: Record<string, string | number>;
}

/**
 * The figures of every entry joined by enterprise, in the order the first entry to name each enterprise gives them;
 * an entry whose figures are still loading (undefined) leaves its cells empty.
 */
export function figuresRows(loaded: readonly { key: string; figures?: readonly EnterpriseFigures[] }[]): FiguresRow[] {
  const rows = new Map<string, FiguresRow>();
  for (const { key, figures } of loaded) {
    for (const { enterpriseId, enterpriseName, values } of figures ?? []) {
      const row = rows.get(enterpriseId) ?? { enterpriseId, enterpriseName, cells: {} };
      for (const [column, value] of Object.entries(values)) {
        row.cells[`${key}.${column}`] = value;
      }
      rows.set(enterpriseId, row);
    }
  }
  return [...rows.values()];
}
