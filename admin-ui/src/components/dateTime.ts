import dayjs from 'dayjs';

/** A moment as people read it, in the browser's time zone: 2026-12-03 18:38 (— for none). */
export const dateTime = (at?: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—');

/** Whether a value is a moment the API wrote (an ISO date-time with its offset), rather than a date or other text. */
export const isDateTime = (value: unknown): value is string =>
  typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value);
