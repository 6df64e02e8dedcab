import { describe, expect, it } from 'vitest';
import { ERROR_CODES, UserError, userErrorText } from '../../src/errors.js';
import { CommandIds, discordReader } from '../../src/bot/command-mentions.js';
import { localeOfDiscord, text } from '../../src/messages/index.js';
import { embedChars, highlightedPassage, parseAskButtonId, askButtonId, renderAskAnswer } from '../../src/bot/render/ask.js';
import { parseSourcesPageId, renderHelp, renderSources } from '../../src/bot/render/briefing.js';
import { COMMANDS } from '../../src/commands/index.js';
import { parseTimelinePageId, renderTimeline } from '../../src/bot/render/timeline.js';
import type { BriefingEvent } from '../../src/events/types.js';
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
    const result: AskResult = { question: 'who? @everyone', abstained: false, relevance: 0.8, confidence: 0.9, signals: { relevance: 0.8, evidence: 3, fewConcepts: false, passages: 100 }, passages: [passage(2, 'Intro. The key claim is here. Outro.', ['The key claim is here.'])], suggestions: [], mode: 'lexical' };
    const message = renderAskAnswer({ result, sessionId: 's1', offset: 0, k: 1, hasMore: true, links: new Map() }, 'en');
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
    const message = renderAskAnswer({ result: { question: 'q'.repeat(3000), abstained: false, relevance: 0.8, confidence: 0.9, signals: { relevance: 0.8, evidence: 3, fewConcepts: false, passages: 100 }, passages, suggestions: [], mode: 'lexical' }, sessionId: 's', offset: 0, k: 10, hasMore: true, links: new Map() }, 'en');
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
    const message = renderAskAnswer({ result: { question: 'weather?', abstained: true, relevance: 0.1, confidence: 0.1, signals: { relevance: 0.1, evidence: 0, fewConcepts: false, passages: 100 }, passages: [], suggestions: ['NATO', 'Witkoff'], mode: 'lexical' }, sessionId: 's', offset: 0, k: 3, hasMore: false, links: new Map() }, 'vi');
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
    expect(userErrorText(discordReader('en', new CommandIds()), cooldown)).toBe('Please wait 3 s before asking again.');
    expect(userErrorText(discordReader('vi', new CommandIds()), cooldown)).toBe('Vui lòng đợi 3 giây trước khi hỏi tiếp.');
    expect(text('vi', 'helpful')).toBe('Hữu ích');
  });
});

describe('renderSources', () => {
  const articles = Array.from({ length: 30 }, (_, i) => ({ docId: `a${i}`, file: `a${i}.txt`, title: `Title ${i}`, date: null, dateSource: null, sources: [], author: null, url: null, contentHash: 'h' }));
  const buttons = (message: ReturnType<typeof renderSources>): Array<{ custom_id?: string; disabled?: boolean }> => message.components.flatMap((row) => row.components);

  it('GIVEN 30 articles THEN page 1 lists the first ten, says it is 1 of 3 and offers Next only', () => {
    const message = renderSources(articles, 0, 'en');
    expect(message.embeds[0]!.title).toBe('30 articles in the briefing');
    expect(message.embeds[0]!.fields!.map((f) => f.name)).toEqual(articles.slice(0, 10).map((a) => a.title));
    expect(message.embeds[0]!.footer?.text).toBe('Page 1/3');
    expect(buttons(message).map((b) => [b.custom_id, b.disabled])).toEqual([['sources:-1', true], ['sources:1', false]]);
    expect(message.allowedMentions).toEqual({ parse: [] });
  });

  it('GIVEN the last page or a page past the end THEN the last ten are listed and Next is off', () => {
    for (const page of [2, 7]) {
      const message = renderSources(articles, page, 'vi');
      expect(message.embeds[0]!.fields!.map((f) => f.name)).toEqual(articles.slice(20).map((a) => a.title));
      expect(message.embeds[0]!.footer?.text).toBe('Trang 3/3');
      expect(buttons(message).map((b) => b.disabled)).toEqual([false, true]);
    }
    expect(parseSourcesPageId('sources:2')).toBe(2);
    expect(parseSourcesPageId('ask:more:x:1:2')).toBeNull();
  });

  it('GIVEN articles with a front matter url THEN http(s) ones are linked and others are not', () => {
    const withUrls = [
      { ...articles[0]!, url: 'https://example.org/news/a (1)' },
      { ...articles[1]!, url: 'javascript:alert(1)' },
      { ...articles[2]!, url: 'https://user:pw@example.org/x' },
    ];
    const fields = renderSources(withUrls, 0, 'en').embeds[0]!.fields!;
    expect(fields[0]!.value).toContain('[read](https://example.org/news/a%20%281%29)');
    expect(fields[1]!.value).not.toContain('](');
    expect(fields[2]!.value).not.toContain('](');
  });
});

describe('renderTimeline', () => {
  const event = (i: number, long: boolean): BriefingEvent => ({
    id: `e${i}`,
    date: `2025-12-${String((i % 28) + 1).padStart(2, '0')}`,
    precision: 'day',
    resolution: i % 2 === 0 ? 'publication' : 'inferred',
    dateText: `hôm ${(i % 28) + 1}/12`,
    label: long ? `Sự kiện ${i} ${'rất dài _với_ **dấu** '.repeat(80)}` : `Sự kiện ${i}`,
    sentence: `Câu ${i}.`,
    citations: Array.from({ length: long ? 6 : 1 }, (_, j) => ({ docId: `d${j}`, title: long ? `Bài ${j} ${'tiêu đề '.repeat(60)}` : `Bài ${j}`, date: '2025-12-04', passageId: `d${j}#0`, sentence: 's' })),
    actors: [],
  });
  const links = new Map([['d0', 'https://example.org/d0']]);

  it('GIVEN twenty huge events THEN each page holds eight within every Discord limit, linked, dates in the reader language', () => {
    const events = Array.from({ length: 20 }, (_, i) => event(i, true));
    for (const page of [0, 1, 2]) {
      const message = renderTimeline({ timeline: { events }, query: { from: '2025-12' }, page, sessionId: 'AbC_d-12', links }, 'en');
      const embed = message.embeds[0]!;
      expect(embed.fields).toHaveLength(page < 2 ? 8 : 4);
      expect(embedChars(embed)).toBeLessThanOrEqual(DISCORD_EMBEDS_TOTAL_MAX_CHARS);
      for (const f of embed.fields!) {
        expect(f.name.length).toBeLessThanOrEqual(256);
        expect(f.value.length).toBeLessThanOrEqual(1024);
        expect(f.name).toMatch(/^December \d{1,2}, 2025( \(year inferred\))? · written “hôm \d+\/12”$/u);
      }
      expect(embed.fields![0]!.value).toContain('](https://example.org/d0)');
      expect(embed.footer?.text).toBe(`Page ${page + 1}/3`);
      expect(embed.description).toBe('from December 2025');
      for (const row of message.components) for (const b of row.components) expect(parseTimelinePageId((b as { custom_id: string }).custom_id)?.sessionId).toBe('AbC_d-12');
    }
  });

  it('GIVEN no event on a topic THEN it says so, in Vietnamese for a Vietnamese reader, without buttons', () => {
    const message = renderTimeline({ timeline: { events: [] }, query: { topic: 'NATO' }, page: 0, sessionId: 's', links }, 'vi');
    expect(message.embeds[0]!.description).toBe('Không có sự kiện nào về "NATO" trong khoảng thời gian này.');
    expect(message.components).toEqual([]);
  });
});

describe('renderHelp', () => {
  it('GIVEN the registered commands THEN each is listed as the reader sees it: Vietnamese names and descriptions for a Vietnamese reader', () => {
    const status = { mode: 'lexical', modelId: 'm', modelWarning: null, articles: 5, passages: 50, reindexing: false } as const;
    const data = COMMANDS.map((c) => c.data);
    const en = renderHelp(status, 'en', data).embeds[0]!.description!;
    const vi = renderHelp(status, 'vi', data).embeds[0]!.description!;
    expect(en).toContain('`/ask <question> [sources] [private]` — Ask the briefing a question');
    expect(en).toContain('`/quiz start | stop | leaderboard | stats`');
    expect(vi).toContain('`/hoi <cau_hoi> [so_doan] [rieng_tu]` — Đặt câu hỏi cho bản tin');
    expect(vi).toContain('`/do_vui bat_dau | ket_thuc | bang_xep_hang | thong_ke`');
    expect(vi).toContain('`/dong_thoi_gian [tu] [den] [chu_de]`');
    expect(vi).toContain('**Các lệnh**');
  });
});
