import { describe, expect, it } from 'vitest';
import { ERROR_CODES, UserError, userErrorText } from '../../src/errors.js';
import { localeOfDiscord, text } from '../../src/messages/index.js';
import { embedChars, highlightedPassage, parseAskButtonId, askButtonId, renderAskAnswer } from '../../src/bot/render/ask.js';
import {
  DISCORD_CONTENT_MAX_CHARS,
  DISCORD_EMBED_DESCRIPTION_MAX_CHARS,
  DISCORD_EMBED_TITLE_MAX_CHARS,
  DISCORD_EMBEDS_TOTAL_MAX_CHARS,
  ELLIPSIS,
  neutraliseMentions,
  safeText,
  truncateText,
} from '../../src/bot/render/limits.js';
import { renderSources } from '../../src/bot/render/briefing.js';
import type { AnswerPassage, AskResult } from '../../src/retrieval/types.js';

function passage(n: number, text: string, highlights: string[]): AnswerPassage {
  return {
    passageId: `p${n}`,
    docId: `00${n}_abc`,
    title: `Article ${n} about *things* @everyone`,
    source: 'Reuters',
    date: '2025-11-30',
    text,
    highlights,
    score: 0.5,
    citations: [
      { docId: `00${n}_abc`, title: `Article ${n}`, source: 'Reuters', date: '2025-11-30' },
      { docId: '009_xyz', title: 'Another', source: null, date: null },
    ],
  };
}

describe('truncateText', () => {
  it('GIVEN text that fits THEN it is unchanged', () => {
    expect(truncateText('One. Two.', 20)).toBe('One. Two.');
  });

  it('GIVEN text too long THEN it is cut after a whole sentence with an ellipsis', () => {
    const out = truncateText('First sentence here. Second sentence is longer than the room.', 30);
    expect(out).toBe(`First sentence here.${ELLIPSIS}`);
    expect(out.length).toBeLessThanOrEqual(30);
  });

  it('GIVEN one long sentence of Vietnamese with combining marks THEN the cut never splits a grapheme', () => {
    const decomposed = 'Người phát ngôn Điện Kremlin nói rằng'.normalize('NFD').repeat(5);
    for (let max = 2; max < 60; max++) {
      const out = truncateText(decomposed, max);
      expect(out.length).toBeLessThanOrEqual(max);
      const kept = out.slice(0, -1);
      expect(decomposed.startsWith(kept)).toBe(true);
      expect(/\p{M}/u.test(decomposed.charAt(kept.length))).toBe(false);
    }
  });
});

describe('mentions and markdown', () => {
  it('@everyone, @here, user and role mentions are broken with a zero-width space', () => {
    const out = neutraliseMentions('@everyone @here <@123456789012345678> <@!123456789012345678> <@&123456789012345678>');
    expect(out).not.toMatch(/@everyone|@here|<@\d|<@!\d|<@&\d/);
    expect(out).toContain('everyone');
  });

  it('markdown in article text is escaped', () => {
    expect(safeText('**bold** _it_')).toBe('\\*\\*bold\\*\\* \\_it\\_');
  });
});

describe('renderAskAnswer', () => {
  it('GIVEN a passage THEN the highlight is bold, the title escaped and every message disallows mentions', () => {
    const result: AskResult = { question: 'who? @everyone', abstained: false, passages: [passage(2, 'Intro. The key claim is here. Outro.', ['The key claim is here.'])], suggestions: [], mode: 'lexical' };
    const message = renderAskAnswer({ result, sessionId: 's1', offset: 0, k: 1, hasMore: true }, 'en');
    const embed = message.embeds[0]!;
    expect(embed.description).toBe('Intro. **The key claim is here.** Outro.');
    expect(embed.title).toContain('\\*things\\*');
    expect(embed.title).not.toContain('@everyone');
    expect(message.content).not.toContain('@everyone');
    expect(message.allowedMentions).toEqual({ parse: [] });
    expect(embed.fields?.some((f) => f.value.includes('009\\_xyz'))).toBe(true);
    expect(message.components[0]!.components.map((b) => ('custom_id' in b ? b.custom_id : ''))).toEqual(['ask:more:s1:1:1', 'ask:yes:s1', 'ask:no:s1']);
  });

  it('GIVEN ten huge passages THEN every Discord limit holds and the bold markup stays balanced', () => {
    const long = 'A sentence that goes on for a while. '.repeat(400);
    const passages = Array.from({ length: 10 }, (_, i) => passage(i, long, ['A sentence that goes on for a while.']));
    const message = renderAskAnswer({ result: { question: 'q'.repeat(3000), abstained: false, passages, suggestions: [], mode: 'lexical' }, sessionId: 's', offset: 0, k: 10, hasMore: true }, 'en');
    expect(message.content!.length).toBeLessThanOrEqual(DISCORD_CONTENT_MAX_CHARS);
    expect(message.embeds.reduce((sum, e) => sum + embedChars(e), 0)).toBeLessThanOrEqual(DISCORD_EMBEDS_TOTAL_MAX_CHARS);
    for (const e of message.embeds) {
      expect(e.description!.length).toBeLessThanOrEqual(DISCORD_EMBED_DESCRIPTION_MAX_CHARS);
      expect(e.title!.length).toBeLessThanOrEqual(DISCORD_EMBED_TITLE_MAX_CHARS);
      expect((e.description!.match(/\*\*/g) ?? []).length % 2).toBe(0);
      expect(e.description!.endsWith(ELLIPSIS) || e.description!.endsWith(`${ELLIPSIS}**`)).toBe(true);
    }
  });

  it('GIVEN an abstention THEN a friendly message lists the suggestions and offers no buttons', () => {
    const message = renderAskAnswer({ result: { question: 'weather?', abstained: true, passages: [], suggestions: ['NATO', 'Witkoff'], mode: 'lexical' }, sessionId: 's', offset: 0, k: 3, hasMore: false }, 'vi');
    expect(message.embeds[0]!.description).toContain('Bản tin không có thông tin');
    expect(message.embeds[0]!.description).toContain('NATO, Witkoff');
    expect(message.components).toEqual([]);
  });

  it('highlightedPassage respects its budget including markup', () => {
    const out = highlightedPassage({ text: 'Aaa. Bbb bbb. Ccc.', highlights: ['Bbb bbb.'] }, 12);
    expect(out.length).toBeLessThanOrEqual(12);
  });
});

describe('button ids and words', () => {
  it('button ids round-trip and stay under 100 characters', () => {
    const more = { kind: 'more', sessionId: 'AbC_d-12', offset: 10, k: 10 } as const;
    expect(parseAskButtonId(askButtonId(more))).toEqual(more);
    expect(askButtonId(more).length).toBeLessThan(100);
    expect(parseAskButtonId('quiz:a:1')).toBeNull();
  });

  it('Discord locales map to en / vi, and user errors read in the user language', () => {
    expect(localeOfDiscord('vi')).toBe('vi');
    expect(localeOfDiscord('en-GB')).toBe('en');
    expect(localeOfDiscord('fr')).toBe('en');
    const cooldown = new UserError(ERROR_CODES.COOLDOWN, 'cooldown', { seconds: 3 });
    expect(userErrorText('en', cooldown)).toBe('Please wait 3 s before asking again.');
    expect(userErrorText('vi', cooldown)).toBe('Vui lòng đợi 3 giây trước khi hỏi tiếp.');
    expect(text('vi', 'helpful')).toBe('Hữu ích');
  });
});

describe('renderSources', () => {
  it('GIVEN more articles than an embed holds fields THEN 25 are listed and the rest counted', () => {
    const articles = Array.from({ length: 30 }, (_, i) => ({ docId: `a${i}`, file: `a${i}.txt`, title: `Title ${i}`, date: null, dateSource: null, sources: [], author: null, url: null, contentHash: 'h' }));
    const message = renderSources(articles, 'en');
    expect(message.embeds[0]!.fields).toHaveLength(25);
    expect(message.embeds[0]!.footer?.text).toContain('5 more');
    expect(message.allowedMentions).toEqual({ parse: [] });
  });
});
