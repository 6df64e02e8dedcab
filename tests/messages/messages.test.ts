/**
 * The catalogue of words: every message in every language, every declared parameter shown in
 * each. What the compiler catches (a missing language, a wrong parameter) is checked in
 * `catalogue-types.ts` beside this file.
 */
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import { CONSOLE_MESSAGES } from '../../src/messages/console.js';
import type { CommandNamer, ParamSpec } from '../../src/messages/define.js';
import { LOCALES, MESSAGE_PARTS, MESSAGES, commandPath, localeOfDiscord, localeOfEnvironment, text, type CommandRef, type Locale, type MessageKey } from '../../src/messages/index.js';

/** A value per parameter that no text could write by accident: 3-digit numbers (never grouped) and marked strings. */
function sentinels(spec: ParamSpec): { params: Record<string, string | number>; shown: string[] } {
  const params: Record<string, string | number> = {};
  const shown: string[] = [];
  Object.entries(spec).forEach(([name, kind], i) => {
    const value = kind === 'number' ? 901 + i : `⟪${name}⟫`;
    params[name] = value;
    shown.push(String(value));
  });
  return { params, shown };
}

const keys = Object.keys(MESSAGES) as MessageKey[];

type AnyText = (params: Record<string, string | number>, command: CommandNamer) => string;

/** A message in `locale` with sentinel parameters, and the commands its text named. */
function written(key: MessageKey, locale: Locale): { out: string; shown: string[]; named: CommandRef[] } {
  const { params, shown } = sentinels(MESSAGES[key].params);
  const named: CommandRef[] = [];
  const out = (MESSAGES[key].texts[locale] as AnyText)(params, (ref) => {
    named.push(ref);
    return `⟪command ${ref}⟫`;
  });
  return { out, shown, named };
}

describe('the messages catalogue', () => {
  it.each(keys)('GIVEN %s THEN every language shows every declared parameter and nothing unfilled', (key) => {
    for (const locale of LOCALES) {
      const { out, shown } = written(key, locale);
      expect(out.trim(), `${key} in ${locale}`).not.toBe('');
      for (const value of shown) expect(out, `${key} in ${locale} shows ${value}`).toContain(value);
      expect(out, `${key} in ${locale}`).not.toMatch(/undefined|NaN|\[object |\$\{|\{\w+\}/u);
    }
  });

  it.each(keys)('GIVEN %s THEN the Vietnamese is not the English left untranslated', (key) => {
    expect(written(key, 'vi').out).not.toBe(written(key, 'en').out);
  });

  it.each(keys)('GIVEN %s THEN every language points to the same commands, through the reader, and only a message declared withCommands does', (key) => {
    const en = written(key, 'en').named;
    expect(written(key, 'vi').named.sort()).toEqual([...en].sort());
    expect(en.length > 0, `${key} names commands`).toBe(MESSAGES[key].namesCommands);
  });

  /** Every slash command's name in every language, as registered. */
  const registeredNames = COMMANDS.flatMap((c) => [c.data.name, ...Object.values(c.data.name_localizations ?? {})]).filter((name): name is string => typeof name === 'string');
  const consoleOnly = new Set(Object.keys(CONSOLE_MESSAGES));

  it.each(keys.filter((key) => !consoleOnly.has(key)))('GIVEN %s, which Discord may show THEN no language writes a slash command by hand', (key) => {
    for (const locale of LOCALES) {
      const { out } = written(key, locale);
      for (const name of registeredNames) expect(out, `${key} in ${locale} writes /${name}`).not.toMatch(new RegExp(`(^|[^\\w/.:])/${name}(?![\\w-])`, 'u'));
    }
  });

  it('GIVEN the parts of the catalogue THEN no key is declared twice (a later part would silently win)', () => {
    const all = MESSAGE_PARTS.flatMap((part) => Object.keys(part));
    expect(all.length).toBe(new Set(all).size);
    expect(all.length).toBe(keys.length);
  });

  it('GIVEN parameters THEN text fills them in the language asked, numbers written as that language writes them', () => {
    expect(text('en', 'sourcesTitle', { n: 1 })).toBe('1 article in the briefing');
    expect(text('en', 'sourcesTitle', { n: 1200 })).toBe('1,200 articles in the briefing');
    expect(text('vi', 'sourcesTitle', { n: 1200 })).toBe('1.200 bài trong bản tin');
    expect(text('vi', 'quizAckLocked', { letter: 'B', seconds: 2.46 })).toBe('Đã chốt đáp án B sau 2,5 giây.');
    expect(text('en', 'helpful')).toBe('Helpful');
  });

  it('GIVEN a message that points to a command THEN the reader\'s surface names it, in the reader\'s language', () => {
    const onDiscord = (locale: Locale) => ({ locale, command: (ref: CommandRef) => commandPath(ref, locale) });
    expect(text(onDiscord('vi'), 'feedNotFound', { feed: 'x' })).toBe('Không có nguồn tin nào đang theo dõi trên máy chủ này khớp với `x`; dùng /nguon_tin danh_sach để xem danh sách.');
    expect(text(onDiscord('en'), 'feedNotFound', { feed: 'x' })).toBe('No feed followed on this server matches `x`; /feed list shows them.');
    expect(text({ locale: 'vi', command: () => '/sources' }, 'articleNotFound', { article: '9' })).toBe('Không có bài nào khớp với "9"; dùng /sources để xem danh sách bài.');
  });
});

describe('the reveal naming its article', () => {
  it('GIVEN a title that opens with a quotation THEN its own quotes print as single quotes inside the pair around it, never doubled', () => {
    expect(text('en', 'questionAccordingTo', { title: '"Uncle Sam" wants the gold back', date: '', says: 'x.' })).toBe(`According to "'Uncle Sam' wants the gold back": x.`);
    expect(text('vi', 'questionAccordingTo', { title: '“Chú Sam” muốn lấy lại vàng', date: '3/12/2025', says: 'x.' })).toBe('Theo "‘Chú Sam’ muốn lấy lại vàng" (3/12/2025): x.');
    expect(text('en', 'questionAccordingTo', { title: 'Museum reopens', date: '', says: 'x.' })).toBe('According to "Museum reopens": x.');
  });

  it('GIVEN a fill-in sentence that opens with a quotation THEN the prompt prints its quotes as single ones, never doubled', () => {
    expect(text('en', 'questionWho', { sentence: '"He has never been to Lindmark," ____ told reporters.' })).toBe(`Fill in the blank: "'He has never been to Lindmark,' ____ told reporters."`);
    expect(text('vi', 'questionWho', { sentence: '“Tôi không biết,” ông ____ nói.' })).toBe('Điền vào chỗ trống: "‘Tôi không biết,’ ông ____ nói."');
  });
});

describe('choosing the language', () => {
  it('GIVEN a Discord locale THEN vi is Vietnamese and every other locale English', () => {
    expect(localeOfDiscord('vi')).toBe('vi');
    expect(localeOfDiscord('en-US')).toBe('en');
    expect(localeOfDiscord('fr')).toBe('en');
    expect(localeOfDiscord(null)).toBe('en');
  });

  it('GIVEN the environment THEN LC_ALL wins over LC_MESSAGES, which wins over LANG', () => {
    expect(localeOfEnvironment({ LANG: 'vi_VN.UTF-8' })).toBe('vi');
    expect(localeOfEnvironment({ LC_ALL: 'en_US.UTF-8', LANG: 'vi_VN.UTF-8' })).toBe('en');
    expect(localeOfEnvironment({ LC_MESSAGES: 'vi_VN', LANG: 'en_GB.UTF-8' })).toBe('vi');
    expect(localeOfEnvironment({})).toBe('en');
  });
});
