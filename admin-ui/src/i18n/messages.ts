export type Locale = 'zh-CN' | 'en';

/**
 * The names of the app's strings. The shell knows no area, so it declares this empty: `src/messages.ts`, which joins the
 * shell's and every area's strings, fills it in (`declare module`), and `t('some.key')` is checked against them all.
 */
export interface MessageRegistry {}

export type MessageKey = keyof MessageRegistry & string;

/** Strings by name, in Chinese first and in English. */
export type Messages = Readonly<Record<Locale, Readonly<Record<string, string>>>>;

/**
 * The message in the locale (in Chinese where English lacks it), with {name} placeholders filled in; a name the
 * table has no string for comes back as it is.
 */
export function translate(messages: Messages, locale: Locale, key: MessageKey, values: Record<string, string | number> = {}): string {
  const text = messages[locale][key] ?? messages['zh-CN'][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) => (name in values ? String(values[name]) : placeholder));
}
