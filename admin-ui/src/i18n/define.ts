/**
 * One area's strings (a module's screens, or the shell's), in Chinese and English: the compiler holds the two to the
 * same keys. `src/messages.ts` joins them into the app's one table.
 */
export function defineMessages<K extends string>(messages: { 'zh-CN': Record<K, string>; en: Record<K, string> }) {
  return messages;
}
