import { useSession } from './session';

/** The day (yyyy-MM-dd) it is at <paramref name="instant"/> in <paramref name="timeZone"/> (an IANA zone). */
export const dayIn = (timeZone: string, instant: Date): string =>
  new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);

/** The days from <paramref name="today"/> to <paramref name="day"/> (both yyyy-MM-dd): 0 the same day, negative when it has passed. */
export const daysFrom = (today: string, day: string): number =>
  Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);

/**
 * Today where the organisation the user acts for keeps its calendar (the API's days, a deadline's among them, are that
 * zone's), not where the browser happens to be; the browser's own day until the session is known.
 */
export function useToday(): string {
  const { me } = useSession();
  const zone = me?.actingFor?.timeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
  return dayIn(zone, new Date());
}
