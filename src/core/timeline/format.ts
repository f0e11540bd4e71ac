const DAY = 86400;

/** `45s`, `15m`, `15m 30s`, `1h 5m`, `2d 3h`: short enough for a chart label. */
export function formatDuration(seconds: number): string {
  const sign = seconds < 0 ? '-' : '';
  const total = Math.round(Math.abs(seconds));
  if (total < 60) return `${sign}${total}s`;
  if (total < 3600) {
    const rest = total % 60;
    return `${sign}${Math.floor(total / 60)}m${rest ? ` ${rest}s` : ''}`;
  }
  if (total < DAY) {
    const minutes = Math.floor((total % 3600) / 60);
    return `${sign}${Math.floor(total / 3600)}h${minutes ? ` ${minutes}m` : ''}`;
  }
  const hours = Math.floor((total % DAY) / 3600);
  return `${sign}${Math.floor(total / DAY)}d${hours ? ` ${hours}h` : ''}`;
}

/** The clock time of a second count (any day): `14:30` or, with seconds, `14:30:15`. */
export function formatClock(seconds: number, withSeconds = false): string {
  const inDay = ((Math.round(seconds) % DAY) + DAY) % DAY;
  const pad = (n: number) => String(n).padStart(2, '0');
  const hm = `${pad(Math.floor(inDay / 3600))}:${pad(Math.floor((inDay % 3600) / 60))}`;
  return withSeconds ? `${hm}:${pad(inDay % 60)}` : hm;
}
