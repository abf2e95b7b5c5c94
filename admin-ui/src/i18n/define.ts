/**
 * One area's strings (a module's screens), in Chinese and English: the compiler holds the two to the same keys.
 * `src/i18n/messages.ts` joins the areas into the app's one table.
 */
export function defineMessages<K extends string>(messages: { 'zh-CN': Record<K, string>; en: Record<K, string> }) {
  return messages;
}
