/**
 * The catalogue of words: every message in every language, every declared parameter shown in
 * each. What the compiler catches (a missing language, a wrong parameter) is checked in
 * `catalogue-types.ts` beside this file.
 */
import { describe, expect, it } from 'vitest';
import type { ParamSpec } from '../../src/messages/define.js';
import { LOCALES, MESSAGE_PARTS, MESSAGES, localeOfDiscord, localeOfEnvironment, text, type MessageKey } from '../../src/messages/index.js';

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

describe('the messages catalogue', () => {
  it.each(keys)('GIVEN %s THEN every language shows every declared parameter and nothing unfilled', (key) => {
    const def = MESSAGES[key];
    const { params, shown } = sentinels(def.params);
    for (const locale of LOCALES) {
      const out = (def.texts[locale] as (p: Record<string, string | number>) => string)(params);
      expect(out.trim(), `${key} in ${locale}`).not.toBe('');
      for (const value of shown) expect(out, `${key} in ${locale} shows ${value}`).toContain(value);
      expect(out, `${key} in ${locale}`).not.toMatch(/undefined|NaN|\[object |\$\{|\{\w+\}/u);
    }
  });

  it.each(keys)('GIVEN %s THEN the Vietnamese is not the English left untranslated', (key) => {
    const { params } = sentinels(MESSAGES[key].params);
    const en = (MESSAGES[key].texts.en as (p: Record<string, string | number>) => string)(params);
    const vi = (MESSAGES[key].texts.vi as (p: Record<string, string | number>) => string)(params);
    expect(vi).not.toBe(en);
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
    expect(text('vi', 'quizAckLocked', { letter: 'B', seconds: 2.46 })).toBe('Đã chốt B lúc 2,5 giây.');
    expect(text('en', 'helpful')).toBe('Helpful');
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
