/**
 * What is read from fetched markup without a DOM: its bytes as text (by the declared or stated
 * charset), and a publication time as the day it states. Pure, and light: the main thread uses
 * it while pages themselves are read in a worker (page-reader.ts).
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** RFC 822 / 2822 dates, as RSS writes them: `Fri, 05 Dec 2025 00:30:00 +0700`. */
const RFC_822_DAY = /^\s*(?:[a-z]+,\s*)?(\d{1,2})\s+([a-z]{3})[a-z]*\.?\s+(\d{4}|\d{2})\b/iu;
/** RFC 2822 §4.3: a two-digit year under 50 is 20xx, else 19xx. */
const TWO_DIGIT_YEAR_PIVOT = 50;

function validDay(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A publication time → `YYYY-MM-DD`, the day as the page or feed wrote it, in its own offset
 * (not moved to UTC): `2025-12-05T00:30:00+07:00` and `Fri, 05 Dec 2025 00:30:00 +0700` are both
 * 5 December, though that instant is 4 December in UTC. Another form JavaScript can read gives
 * its UTC day.
 */
export function isoDay(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  const iso = /^\s*(\d{4})-(\d{2})-(\d{2})/u.exec(value);
  if (iso !== null) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const rfc = RFC_822_DAY.exec(value);
  const month = MONTHS.indexOf(rfc?.[2]?.toLowerCase() ?? '') + 1;
  if (rfc !== null && month > 0) {
    const written = Number(rfc[3]);
    const year = rfc[3]?.length === 2 ? written + (written < TWO_DIGIT_YEAR_PIVOT ? 2000 : 1900) : written;
    return validDay(year, month, Number(rfc[1]));
  }
  const parsed = new Date(value);
  return Number.isNaN(parsed.getTime()) ? null : parsed.toISOString().slice(0, 10);
}

/** The HTML standard's prescan looks for a charset declaration in the first 1024 bytes; some pages put it later, so 4 KiB. */
const DECLARATION_SNIFF_BYTES = 4096;

/**
 * Bytes of a page or a feed as text: the charset the server declared, else the document's own
 * (`<meta charset>`, `<?xml … encoding="…"?>`) in its first kilobytes, else UTF-8. An unknown
 * charset label is read as UTF-8.
 */
export function decodeMarkup(body: Uint8Array, declaredCharset: string | null): string {
  const head = Buffer.from(body.subarray(0, DECLARATION_SNIFF_BYTES)).toString('latin1');
  const declared = /<meta[^>]+charset\s*=\s*["']?([\w-]+)/iu.exec(head)?.[1] ?? /^\s*<\?xml[^>]+encoding\s*=\s*["']([\w-]+)/iu.exec(head)?.[1] ?? null;
  const label = declaredCharset ?? declared ?? 'utf-8';
  try {
    return new TextDecoder(label).decode(body);
  } catch {
    return new TextDecoder('utf-8').decode(body);
  }
}
