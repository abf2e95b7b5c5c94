import { areas } from './areas';
import type { Locale, Messages } from './i18n/messages';
import { shellMessages } from './shell/messages';

/** The shell's strings and each area's; a key belongs to one of them only (messages.test.ts holds them to it). */
export const messageAreas = [shellMessages, ...areas.map((area) => area.messages)] as const;

type KeysOf<M> = M extends { 'zh-CN': infer Table } ? keyof Table & string : never;

/** The name of every string the app has. */
type AppMessageKey = KeysOf<typeof shellMessages | (typeof areas)[number]['messages']>;

declare module './i18n/messages' {
  // The registry the i18n layer checks t('some.key') against: the shell's and every area's strings.
  interface MessageRegistry extends Record<AppMessageKey, string> {}
}

const inLocale = (locale: Locale): Record<string, string> => Object.assign({}, ...messageAreas.map((area) => area[locale]));

/** Every string the app shows, in Chinese first and in English. */
export const messages: Messages = { 'zh-CN': inLocale('zh-CN'), en: inLocale('en') };
