/**
 * Page furniture and metadata lines that news sites wrap around an article, as data.
 * Vietnamese and English; matched on whole trimmed lines, case-insensitively.
 */
import { MONTHS_EN } from '../text/index.js';

/** A line like this starts the trailing block of other articles: it and everything after it is dropped. */
export const RELATED_BLOCK_MARKERS: readonly string[] = [
  'tin cùng chuyên mục', 'tin liên quan', 'bài liên quan', 'tin khác', 'xem thêm', 'đọc thêm', 'tin mới nhất',
  'related news', 'related articles', 'related stories', 'read more', 'more stories', 'you may also like',
];

/** Lines that are page chrome, not text: dropped wherever they occur. */
export const FURNITURE_LINES: readonly string[] = [
  'bình luận', 'xin vui lòng gõ tiếng việt có dấu', 'gửi bình luận', 'chia sẻ', 'in bài', 'lưu bài',
  'comments', 'leave a comment', 'share', 'share this article', 'print', 'advertisement',
];

/** `Xem thêm: <headline>`, `Related: <headline>`: a link to another article inside the body; only that line is dropped. */
export const RELATED_LINK_PATTERN = new RegExp(`^(?:${[...RELATED_BLOCK_MARKERS, 'related', 'see also'].join('|')})\\s*:\\s*\\S`, 'iu');

/** `Ảnh: <caption>`, `Photo: <caption>. Photo: Aero Insider / K. Vasquez`: a line opening with a caption label. */
export const CAPTION_LABEL_PATTERN = /^(?:ảnh|hình ảnh|photo|image|caption)\s*:/iu;

/** Caption endings: `Ảnh: AFP`, `(Ảnh: TASS).`, `Photo: Reuters`. */
export const CAPTION_PATTERN = /(?:^|[\s(])(?:ảnh|photo|image|nguồn ảnh)\s*:\s*[^.:]{1,60}\)?\.?\s*$/iu;

/** A sources line: `Nguồn: Reuters, RT.` / `Source: AP`. */
export const SOURCE_LINE_PATTERN = /^(?:nguồn|theo|source|sources)\s*:\s*(.+?)\.?$/iu;

/** `(Theo Reuters)` after an author name, or alone. */
export const THEO_PATTERN = /\((?:theo|according to)\s+([^)]+)\)/iu;

/**
 * `(Baothanhhoa.vn) - `, `(Reuters) - `, `(Nhịp Sống Miền Trung) - `: an outlet at the start of a lead
 * paragraph (a domain, or one to six capitalised words), after an optional dateline in capitals
 * (`PORT HALDEN `, `HÀ NỘI `, `MOSCOW, Dec 3 `). Group 1 is the outlet.
 */
export const OUTLET_PREFIX_PATTERN = /^(?:\p{Lu}[\p{Lu}\p{M}.'’-]+(?:\s+\p{Lu}[\p{Lu}\p{M}.'’-]*){0,3}(?:,\s*\p{Lu}\p{Ll}{2,}\.?\s+\d{1,2})?\s+)?\(([\p{L}\p{N}.-]+\.[\p{L}]{2,}|\p{Lu}[\p{L}\p{N}&'’.-]*(?:\s+(?:\p{Lu}[\p{L}\p{N}&'’.-]*|of|the|and|và|de)){0,5})\)\s*[-–—]\s*/u;

/** A month word as a dateline writes it, capitalised or not (`March`, `Sept.`, `dec`). */
const MONTH_WORD = Object.keys(MONTHS_EN).map((m) => `[${m.charAt(0).toUpperCase()}${m.charAt(0)}]${m.slice(1)}`).join('|');

/**
 * A wire dateline before the lead paragraph: a place in capitals, perhaps a region, a date with or
 * without its year, the outlet and a dash: `TROMSØ, Norway, March 3, 2026 (Northwind Wire) - `,
 * `NAIROBI, Feb 12 (Harbor Wire) - `, `HÀ NỘI, 5/6 (TTXVN) - `. Groups: month word, day, year; or
 * day, month, year as numbers; then the outlet.
 */
export const WIRE_DATELINE_PATTERN = new RegExp(
  '^\\p{Lu}[\\p{Lu}\\p{M}.\'’-]+(?:\\s+\\p{Lu}[\\p{Lu}\\p{M}.\'’-]*){0,3}'
  + '(?:,\\s*\\p{Lu}[\\p{L}\\p{M}.\'’-]*(?:\\s+\\p{Lu}[\\p{L}\\p{M}.\'’-]*){0,2})?,\\s*'
  + `(?:(${MONTH_WORD})\\.?\\s+(\\d{1,2})(?:,\\s*(\\d{4}))?|(\\d{1,2})\\/(\\d{1,2})(?:\\/(\\d{4}))?)`
  + '\\s*\\(([^)]{1,60})\\)\\s*[-–—]\\s*',
  'u',
);

/**
 * `By Daniel Okafor`, `By Sofia Brandt, culture correspondent`: a byline among the first lines.
 * Group 1 is the name (two to four capitalised words; a role after a comma is not part of it).
 */
export const BYLINE_PATTERN = /^(?:By|BY|Bởi)\s+(\p{Lu}[\p{L}\p{M}'’.-]*(?:\s+\p{Lu}[\p{L}\p{M}'’.-]*){1,3})(?:\s*,\s*[^.!?]{1,60})?$/u;

/** ` date 2025-12-04 <caption>`: a dateline some exports put on the first line. */
export const DATELINE_PATTERN = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b\s*(.*)$/u;

export function matchesLine(line: string, list: readonly string[]): boolean {
  const normalised = line.trim().replace(/[:.]+$/u, '').toLowerCase();
  return list.includes(normalised);
}

/**
 * Wikipedia's inline maintenance tags, as its English and Vietnamese editions print them in the
 * text (`As of January 2016[update]`, `[cần dẫn nguồn]`): notes to editors, not the article's words.
 */
export const WIKIPEDIA_INLINE_TAGS: readonly string[] = [
  'update', 'citation needed', 'verification needed', 'clarification needed', 'better source needed', 'failed verification',
  'dubious', 'dubious – discuss', 'vague', 'when?', 'who?', 'which?', 'according to whom?', 'by whom?', 'full citation needed',
  'cập nhật', 'cần dẫn nguồn', 'cần trích dẫn', 'cần xác minh', 'cần làm rõ', 'mơ hồ', 'khi nào?', 'ai?',
];
