import type { ComponentType } from 'react';
import type { MessageKey, Messages } from '../i18n/messages';
import type { HomeEntry } from './home';
import type { MenuItem } from './menu';

/** A screen of an area at a path below its layout ('' for the layout's index), its page loaded when first shown (lazyPage). */
export interface AreaRoute {
  path: string;
  page: ComponentType;
}

/** A tab of the representatives' phone view, shown to those holding any of its permissions. */
export interface RepTab {
  /** Below /rep: '' for the view's first page. */
  path: string;
  label: MessageKey;
  icon: ComponentType;
  anyOf: readonly string[];
}

/**
 * A UI area (a module's screens): what it brings to the shell. `src/areas.ts` lists the areas; the shell iterates
 * that one list for the routes, the menu, the home page and the strings, and names no area itself.
 */
export interface Area<M extends Messages = Messages> {
  /** The screens inside the staff layout. */
  routes: readonly AreaRoute[];
  /** The screens of the representatives' phone view, below /rep. */
  repRoutes?: readonly AreaRoute[];
  /** Its tabs in the phone view's tab bar, in order. */
  repTabs?: readonly RepTab[];
  /** What it puts on the home page (counts of what waits, a panel, figures per enterprise), each for the permissions that show it. */
  home?: readonly HomeEntry[];
  /** Its menu entries, in order; a group of the same label as another area's is joined with it. */
  menu: readonly MenuItem[];
  /** Its strings, in Chinese and English; a key belongs to one area only. */
  messages: M;
}
