import { describe, expect, it } from 'vitest';
import { DISCORD_AUTOCOMPLETE_CHOICES_MAX, fitChoices, matchCandidates } from '../../src/bot/autocomplete.js';
import { linkTarget, linkedTitle } from '../../src/bot/render/links.js';
import { suggestQuizKinds } from '../../src/commands/quiz.js';
import { dateCandidates } from '../../src/commands/timeline.js';
import { parseKindsOption, readKinds } from '../../src/quiz/kind-names.js';

describe('matching what is typed', () => {
  const candidates = [
    { name: 'Ngoại trưởng Sergey Lavrov: Nga sẵn sàng đối thoại', value: '003' },
    { name: 'Điện Kremlin: Đàm phán Nga - Mỹ', value: '001' },
    { name: 'Nga nói không còn hiểu lầm', value: '000', keywords: ['Reuters'] },
  ];

  it('GIVEN the start of a title THEN it ranks before a word inside another, and that before a mere substring', () => {
    expect(matchCandidates(candidates, 'nga').map((c) => c.value)).toEqual(['000', '003', '001']);
  });

  it('GIVEN text without accents or in other case THEN accented titles still match', () => {
    expect(matchCandidates(candidates, 'DIEN kremlin').map((c) => c.value)).toEqual(['001']);
    expect(matchCandidates(candidates, 'đàm phán').map((c) => c.value)).toEqual(['001']);
  });

  it('GIVEN a keyword (a source, an id) THEN its candidate is found by it', () => {
    expect(matchCandidates(candidates, 'reut').map((c) => c.value)).toEqual(['000']);
  });

  it('GIVEN nothing typed THEN every candidate in the given order', () => {
    expect(matchCandidates(candidates, '  ').map((c) => c.value)).toEqual(['003', '001', '000']);
  });
});

describe("Discord's autocomplete limits", () => {
  it('GIVEN 40 choices, a 300-character name, a 150-character value and a repeat THEN 25 at most, names cut to 100, the long value and the repeat dropped', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({ name: `Choice ${i}`, value: `v${i}` }));
    const fitted = fitChoices([{ name: 'x'.repeat(300), value: 'long-name' }, { name: 'y', value: 'z'.repeat(150) }, { name: 'again', value: 'long-name' }, ...many]);
    expect(fitted).toHaveLength(DISCORD_AUTOCOMPLETE_CHOICES_MAX);
    expect(fitted[0]!.name.length).toBeLessThanOrEqual(100);
    expect(fitted.map((c) => c.value)).not.toContain('z'.repeat(150));
    expect(fitted.filter((c) => c.value === 'long-name')).toHaveLength(1);
  });
});

describe('quiz kinds as people write them', () => {
  it('GIVEN ids, English names or Vietnamese names, with or without commas THEN the kinds, in order, once each', () => {
    expect(readKinds('when, who_said')).toEqual({ kinds: ['when', 'who_said'], unknown: [] });
    expect(readKinds('khi nào; ai đã nói; khi nao')).toEqual({ kinds: ['when', 'who_said'], unknown: [] });
    expect(readKinds('how many who said')).toEqual({ kinds: ['how_many', 'who_said'], unknown: [] });
    expect(readKinds('when, sometimes')).toEqual({ kinds: ['when'], unknown: ['sometimes'] });
  });

  it('GIVEN an unknown kind in the option THEN a BAD_OPTION naming it; none given THEN all kinds', () => {
    expect(() => parseKindsOption('kinds', 'when, sometimes')).toThrow(expect.objectContaining({ code: 'BAD_OPTION', userMessage: expect.objectContaining({ params: expect.objectContaining({ unknown: 'sometimes' }) }) }));
    expect(parseKindsOption('--kinds', undefined)).toBeUndefined();
  });

  it('GIVEN kinds already chosen and nothing after the comma THEN the list so far comes first, then each other kind added', () => {
    const choices = suggestQuizKinds('when, who,', 'en');
    expect(choices[0]).toEqual({ name: 'when, who', value: 'when,who' });
    expect(choices.slice(1).map((c) => c.value)).toEqual(['when,who,what', 'when,who,how_many', 'when,who,who_said', 'when,who,which_first']);
  });
});

describe('links to articles', () => {
  it('GIVEN addresses THEN only plain http(s) ones become link targets, with parentheses and spaces encoded', () => {
    expect(linkTarget('https://example.org/a_(b) c')).toBe('https://example.org/a_%28b%29%20c');
    expect(linkTarget('http://example.org')).toBe('http://example.org/');
    for (const bad of ['javascript:alert(1)', 'ftp://example.org/x', 'https://u:p@example.org/', 'not a url', null]) expect(linkTarget(bad)).toBeNull();
    expect(linkTarget(`https://example.org/${'a'.repeat(600)}`)).toBeNull();
  });

  it('GIVEN a title with markdown and brackets THEN the link text is escaped and the whole stays within its limit', () => {
    const links = new Map([['d1', 'https://example.org/x']]);
    const linked = linkedTitle('A [bold] **claim** about _NATO_', 'd1', links, 80);
    expect(linked).toBe('[A \\[bold\\] \\*\\*claim\\*\\* about \\_NATO\\_](https://example.org/x)');
    expect(linkedTitle('x'.repeat(500), 'd1', links, 100).length).toBeLessThanOrEqual(100);
    expect(linkedTitle('No link', 'd2', links, 100)).toBe('No link');
  });
});

describe('timeline dates to pick', () => {
  const events = [{ date: '2025-12-02' }, { date: '2025-12-03' }, { date: '2025-12-03' }, { date: '2025-11' }, { date: '2024' }];

  it('GIVEN events THEN years, then months, then days, each with its count, in the reader language', () => {
    const vi = dateCandidates(events, 'vi');
    expect(vi.map((c) => c.value)).toEqual(['2024', '2025', '2025-11', '2025-12', '2025-12-02', '2025-12-03']);
    expect(vi.find((c) => c.value === '2025-12')?.name).toBe('tháng 12/2025 (3 sự kiện)');
    expect(dateCandidates(events, 'en').find((c) => c.value === '2025-12-03')?.name).toBe('December 3, 2025 (2 events)');
  });

  it('GIVEN the start of a date typed THEN the dates it begins', () => {
    expect(matchCandidates(dateCandidates(events, 'en'), '2025-12').map((c) => c.value)).toEqual(['2025-12', '2025-12-02', '2025-12-03']);
  });
});
