// How amounts, times and durations read on the page.

export function money(minor, currency = 'USD') {
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format((minor ?? 0) / 100);
}

export function date(iso) {
  return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

export function day(iso) {
  return iso ? new Date(iso).toLocaleDateString(undefined, { dateStyle: 'medium' }) : '';
}

/** "hh:mm:ss(.fffffff)" or "d.hh:mm:ss" as the API writes a TimeSpan → seconds. */
export function seconds(span) {
  if (typeof span !== 'string') return null;
  const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(span);
  if (!match) return null;
  const [, days, hours, minutes, secs] = match;
  return Number(days ?? 0) * 86400 + Number(hours) * 3600 + Number(minutes) * 60 + Number(secs);
}

/** 83 → "1 min 23 s"; 3725 → "1 h 2 min". */
export function duration(totalSeconds) {
  if (totalSeconds === null || totalSeconds === undefined || Number.isNaN(totalSeconds)) return '';
  const s = Math.round(totalSeconds);
  if (s < 60) return `${s} s`;
  const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), rest = s % 60;
  return h > 0 ? `${h} h ${m} min` : `${m} min${rest ? ` ${rest} s` : ''}`;
}

export function bytes(n) {
  if (n < 1024) return `${n} B`;
  const units = ['KiB', 'MiB', 'GiB'];
  let value = n / 1024, unit = 0;
  while (value >= 1024 && unit < units.length - 1) { value /= 1024; unit++; }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

/** A fresh Idempotency-Key: made once per click, so a retry of that click can never pay or order twice. */
export function newKey() {
  return crypto.randomUUID ? crypto.randomUUID() : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
