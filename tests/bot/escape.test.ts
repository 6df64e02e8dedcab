import { describe, expect, it } from 'vitest';
import { linkedTitle } from '../../src/bot/render/links.js';
import { CommandIds, discordReader } from '../../src/bot/command-mentions.js';
import { escapeDiscordMarkdown, safeMessageText, safeText } from '../../src/bot/render/limits.js';
import { renderQuestion, renderReveal, renderStats } from '../../src/bot/render/quiz.js';
import { UserError, ERROR_CODES } from '../../src/errors.js';
import type { QuizQuestion } from '../../src/quiz/types.js';

const MASKED_LINK = '[click here](http://evil.example/login)';

/** A masked link survives when an unescaped `[label](…)` is left. */
const LIVE_MASKED_LINK = /(?<!\\)\[[^\]]*(?<!\\)\]\(/u;

describe('escapeDiscordMarkdown: article and user text shows as written', () => {
  it.each([
    ['a masked link', MASKED_LINK, '\\[click here\\](http://evil.example/login)'],
    ['a spoiler', 'the ||ending|| is', 'the \\|\\|ending\\|\\| is'],
    ['inline code', 'run `rm -rf`', 'run \\`rm -rf\\`'],
    ['a code block', '```js\nalert(1)\n```', '\\`\\`\\`js\nalert(1)\n\\`\\`\\`'],
    ['a heading', '# BREAKING', '\\# BREAKING'],
    ['a heading after a line', 'first\n## second', 'first\n\\## second'],
    ['a block quote', '> quoted\n>>> all the rest', '\\> quoted\n\\>>> all the rest'],
    ['subtext', '-# small print', '\\-# small print'],
    ['bold and italics', '**loud** and *soft*', '\\*\\*loud\\*\\* and \\*soft\\*'],
  ])('GIVEN %s THEN it is escaped', (_what, raw, escaped) => {
    expect(escapeDiscordMarkdown(raw)).toBe(escaped);
  });

  it('GIVEN plain news text with a URL, numbers and a list THEN it is unchanged', () => {
    const plain = 'Giá dầu tăng 3,5% lên 82 USD/thùng, theo https://example.com/tin-tuc.\n- Brent\n2. WTI';
    expect(escapeDiscordMarkdown(plain)).toBe(plain);
  });

  it('GIVEN a masked link with a mention THEN safeText escapes the link and neutralises the mention', () => {
    const safe = safeText(`${MASKED_LINK} @everyone`);
    expect(safe).not.toMatch(LIVE_MASKED_LINK);
    expect(safe).not.toContain('@everyone');
  });
});

describe('renderers escape the text they show', () => {
  const hostile: QuizQuestion = {
    id: 'q1',
    kind: 'what',
    prompt: `Who wrote ${MASKED_LINK}?`,
    choices: ['||spoiler||', '# Heading', '`code`', MASKED_LINK],
    answerIndex: 3,
    explanation: `It was ${MASKED_LINK}.`,
    source: { docId: 'x', title: `[Title](http://evil.example/)`, date: '2025-12-02', text: `Body with ${MASKED_LINK} and ||a spoiler||.`, sentence: 'Body.' },
    factKey: 'k',
  };

  it('GIVEN a quiz question and choices with masked links, spoilers, code and headings THEN the question message has none live', () => {
    const message = renderQuestion({ opened: { gameId: 'g', index: 0, total: 1, question: hostile, startedAt: 0, endsAt: 10_000 }, remainingMs: 10_000, answered: 0 }, 'en');
    const description = message.embeds[0]?.description ?? '';
    expect(description).not.toMatch(LIVE_MASKED_LINK);
    expect(description).toContain('\\|\\|spoiler\\|\\|');
    expect(description).toContain('\\# Heading');
    expect(description).toContain('\\`code\\`');
  });

  it('GIVEN the reveal of that question THEN title, explanation and cited passage show no live markup', () => {
    const message = renderReveal({
      gameId: 'g', index: 0, total: 1, correctIndex: 3, correctChoice: MASKED_LINK, counts: [0, 0, 0, 1], answered: 1,
      explanation: hostile.explanation, source: hostile.source, top: [], isLast: true,
    }, 'en');
    const embed = message.embeds[0]!;
    for (const shown of [embed.title, embed.description, ...(embed.fields ?? []).map((f) => f.value)]) expect(shown ?? '').not.toMatch(LIVE_MASKED_LINK);
    expect(JSON.stringify(embed)).not.toMatch(/(?<!\\\\)\|\|a spoiler/u);
  });

  it('GIVEN a player named with markdown THEN the stats title shows the name as written', () => {
    const message = renderStats(null, '**Boss** [admin](http://evil.example/)', 'en');
    expect(message.embeds[0]?.title).toContain('\\*\\*Boss\\*\\* \\[admin\\](http://evil.example/)');
  });

  it('GIVEN a linked article title with brackets THEN only the bot link is live, and its label is the whole title', () => {
    const linked = linkedTitle('[Update] Talks [resume]', 'a', new Map([['a', 'https://news.example/a']]), 200);
    expect(linked).toBe('[\\[Update\\] Talks \\[resume\\]](https://news.example/a)');
  });

  it('GIVEN an error that quotes what the user typed THEN the notice escapes it but keeps option names as they are', () => {
    const error = new UserError(ERROR_CODES.BAD_OPTION, 'optionUnknownValues', { option: 'speed_points', unknown: MASKED_LINK, known: 'when, how_many' });
    const words = safeMessageText(discordReader('en', new CommandIds()), error.userMessage);
    expect(words).toContain('`speed_points`');
    expect(words).not.toMatch(LIVE_MASKED_LINK);
  });
});
