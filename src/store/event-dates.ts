/** Date helpers for merged events in every store adapter. */

const DAY_MS = 86_400_000;

/** 'day', 'week', 'month', 'quarter', 'year' or 'range', from a window's length. */
export function datePrecision(start: string, end: string): string {
  if (start === '') return 'unknown';
  const days = Math.round((Date.parse(end) - Date.parse(start)) / DAY_MS) + 1;
  if (days === 1) return 'day';
  if (days === 7) return 'week';
  if (days >= 28 && days <= 31 && start.endsWith('-01')) return 'month';
  if (days >= 90 && days <= 92 && start.endsWith('-01')) return 'quarter';
  if ((days === 365 || days === 366) && start.endsWith('-01-01')) return 'year';
  return 'range';
}
