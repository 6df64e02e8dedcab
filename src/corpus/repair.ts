/**
 * Text an article's source left in it that no reader should see: UTF-8 read as Windows-1252
 * (`1455â€“1536` for `1455–1536`, `Viá»‡t` for `Việt`), and Wikipedia's inline maintenance tags
 * (`As of January 2016[update]`, `[cần dẫn nguồn]`).
 *
 * The mojibake repair takes the Windows-1252 table from the `windows-1252` package (Node 20's
 * `TextDecoder('windows-1252')` reads 0x80–0x9F as control characters, so `€`, `“` and `–` would be
 * missed), re-encodes each run that has the shape of one UTF-8 character read that way, and keeps
 * the repair only when the bytes are valid UTF-8 and decode to something other than a control
 * character: genuine text (`Ông`, `café`, `Â`) is left as it is.
 */
// The package ships its types as an ambient module its `exports` field does not point at.
/// <reference path="../../node_modules/windows-1252/windows-1252.d.ts" />
import { decode as decodeWindows1252 } from 'windows-1252';
import { escapeRegex } from '../text/index.js';
import { WIKIPEDIA_INLINE_TAGS } from './furniture.js';

/** Windows-1252's characters for the bytes 0x80–0xFF, and back. */
const BYTE_OF = new Map<string, number>();
for (let b = 0x80; b <= 0xff; b++) BYTE_OF.set(decodeWindows1252(Uint8Array.of(b)), b);
const charsOf = (from: number, to: number): string =>
  [...BYTE_OF].filter(([, b]) => b >= from && b <= to).map(([c]) => c.replace(/[\\\]^-]/gu, '\\$&')).join('');
/** A UTF-8 lead byte (0xC2–0xF4) as Windows-1252 shows it, then one to three continuation bytes (0x80–0xBF). */
const MOJIBAKE_RUN = new RegExp(`[${charsOf(0xc2, 0xf4)}][${charsOf(0x80, 0xbf)}]{1,3}`, 'gu');
const UTF8 = new TextDecoder('utf-8', { fatal: true });
/** Continuation bytes a UTF-8 sequence with this lead byte takes. */
const continuations = (lead: number): number => (lead >= 0xf0 ? 3 : lead >= 0xe0 ? 2 : 1);

/** `text` with each UTF-8 character that was read as Windows-1252 put back. */
export function repairMojibake(text: string): string {
  return text.replace(MOJIBAKE_RUN, (run) => {
    const bytes = [...run].map((c) => BYTE_OF.get(c) ?? 0);
    const need = 1 + continuations(bytes[0] ?? 0);
    if (bytes.length < need) return run;
    let decoded: string;
    try {
      decoded = UTF8.decode(Uint8Array.from(bytes.slice(0, need)));
    } catch {
      return run;
    }
    if (/\p{Cc}/u.test(decoded)) return run;
    return decoded + run.slice([...run].slice(0, need).join('').length);
  });
}

const TAG = new RegExp(`\\s?\\[(?:${WIKIPEDIA_INLINE_TAGS.map(escapeRegex).join('|')})\\]`, 'giu');

/** `text` without Wikipedia's inline maintenance tags. */
export function dropEditorialTags(text: string): string {
  return text.replace(TAG, '');
}
