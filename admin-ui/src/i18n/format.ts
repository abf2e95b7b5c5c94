import dayjs, { type Dayjs } from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';
import { useSession } from '../auth/session';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Where the platform's enterprises are unless one says otherwise (the API's EnterpriseCalendar.DefaultTimeZone). */
export const defaultTimeZone = 'Asia/Shanghai';

const partsIn = (at: string | Date, timeZone: string) => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(typeof at === 'string' ? new Date(at) : at);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)!.value;
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
};

/** Whether a value is a moment the API wrote (an ISO date-time with its offset), rather than a date or other text. */
export const isDateTime = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);

/** A day as the app writes it, `2026-12-03` (— for none): a date as the API gives it stays as it is; an instant is read in the zone. */
export const dateText = (at: string | Date | null | undefined, timeZone: string) =>
  at == null ? '—' : typeof at === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(at) ? at : partsIn(at, timeZone).date;

/** An instant as the app writes it, `2026-12-03 18:38` (— for none), in the enterprise's zone (not the browser's). */
export const dateTimeText = (at: string | Date | null | undefined, timeZone: string) => {
  if (at == null) {
    return '—';
  }
  const { date, time } = partsIn(at, timeZone);
  return `${date} ${time}`;
};

/** The time of day of an instant, `18:38`, in the enterprise's zone. */
export const timeText = (at: string | Date, timeZone: string) => partsIn(at, timeZone).time;

/** A rate (0–1) as the app writes every rate: a percentage to at most one decimal (90%, 66.7%, 100%), or `none`. */
export const rateText = (rate: number | null | undefined, none = '—') =>
  rate == null || Number.isNaN(rate) ? none : `${Math.round(rate * 1000) / 10}%`;

/** An instant as a date picker's value: the enterprise's wall-clock time, which the picker shows as it is. */
export const wallClock = (at: string, timeZone: string): Dayjs => dayjs(dayjs(at).tz(timeZone).format('YYYY-MM-DDTHH:mm:ss'));

/** A date picker's wall-clock value back to the instant it means in the enterprise's zone, as ISO 8601. */
export const fromWallClock = (value: Dayjs, timeZone: string) => dayjs.tz(value.format('YYYY-MM-DDTHH:mm:ss'), timeZone).toISOString();

/** The zone the signed-in user's enterprise keeps, and the formats bound to it. */
export function useFormat() {
  const { me } = useSession();
  const timeZone = me?.actingFor?.timeZone ?? defaultTimeZone;
  return {
    timeZone,
    date: (at: string | Date | null | undefined) => dateText(at, timeZone),
    dateTime: (at: string | Date | null | undefined) => dateTimeText(at, timeZone),
    time: (at: string | Date) => timeText(at, timeZone),
    rate: rateText,
  };
}
