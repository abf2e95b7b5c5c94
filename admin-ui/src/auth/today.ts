import { dateText, useFormat } from '../i18n/format';

/** The days from <paramref name="today"/> to <paramref name="day"/> (both yyyy-MM-dd): 0 the same day, negative when it has passed. */
export const daysFrom = (today: string, day: string): number =>
  Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

/**
 * Today where the organisation the user acts for keeps its calendar (the API's days, a deadline's among them, are that
 * zone's), not where the browser happens to be.
 */
export function useToday(): string {
  return dateText(new Date(), useFormat().timeZone);
}
