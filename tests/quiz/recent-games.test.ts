import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chunkCorpus } from '../../src/corpus/chunk.js';
import { loadCorpus } from '../../src/corpus/load.js';
import { extractEvents } from '../../src/events/extract.js';
import { generateQuiz, type QuizInput } from '../../src/quiz/generate.js';
import { readableTitle } from '../../src/quiz/material.js';
import type { Article } from '../../src/corpus/types.js';
import { shownTexts } from '../../src/quiz/shown.js';
import type { QuizQuestion } from '../../src/quiz/types.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
let wiki: QuizInput;

beforeAll(async () => {
  const { articles } = await loadCorpus(path.join(ROOT, 'tests/fixtures/xquad-dev/corpus-en'));
  const passages = chunkCorpus(articles);
  wiki = { articles, passages, events: extractEvents(articles, passages) };
});

describe('a channel\'s consecutive games', () => {
  it('GIVEN a quiz of several games THEN an event offered as a choice is not offered again by a later question or game, whose reveal would answer it', async () => {
    const { articles } = await loadCorpus(path.join(ROOT, 'tests/fixtures/quiz-news-en'));
    const passages = chunkCorpus(articles);
    const news = { articles, passages, events: extractEvents(articles, passages) };
    const labelsOf = (qs: readonly QuizQuestion[]): string[] => qs.flatMap((q) => shownTexts(q).slice(1));
    const first = generateQuiz(news, { n: 10, seed: 'a' });
    const labels = labelsOf(first.questions);
    expect(labels.length).toBeGreaterThan(4);
    expect(labels.length).toBe(new Set(labels).size);
    const next = generateQuiz(news, { n: 10, seed: 'b', avoid: first.questions.flatMap((q) => shownTexts(q)) });
    expect(labelsOf(next.questions).filter((l) => labels.includes(l))).toEqual([]);
  });

  it('GIVEN a small briefing whose recent games showed most of it THEN the next game is short and says the material is used up: nothing it shows was shown before', async () => {
    const { articles } = await loadCorpus(path.join(ROOT, 'tests/fixtures/quiz-news-en'));
    const passages = chunkCorpus(articles);
    const news = { articles, passages, events: extractEvents(articles, passages) };
    const shown: string[] = [];
    let quiz = generateQuiz(news, { n: 10, seed: 'a' });
    for (const seed of ['b', 'c', 'd', 'e', 'f']) {
      if (quiz.questions.length < 10) break;
      shown.push(...quiz.questions.flatMap((q) => shownTexts(q)));
      quiz = generateQuiz(news, { n: 10, seed, avoid: shown });
    }
    expect(quiz.questions.length).toBeGreaterThan(0);
    expect(quiz.questions.length).toBeLessThan(10);
    expect(quiz.shortfall?.usedUp).toBe(true);
    expect(quiz.shortfall?.startedOver).toBeUndefined();
    expect(quiz.questions.filter((q) => shownTexts(q).some((t) => shown.includes(t)))).toEqual([]);
    // Within the game too: no question shows what an earlier one showed.
    const texts = quiz.questions.flatMap((q) => shownTexts(q));
    expect(texts.length).toBe(new Set(texts).size);
  });

  it('GIVEN an event that two articles report THEN a question on it counts both sentences as shown: the next game asks neither', async () => {
    const { articles } = await loadCorpus(path.join(ROOT, 'tests/fixtures/quiz-news-en'));
    const passages = chunkCorpus(articles);
    const news = { articles, passages, events: extractEvents(articles, passages) };
    const retold = news.events.find((e) => new Set(e.citations.map((c) => c.docId)).size > 1);
    expect(retold).toBeDefined();
    const quiz = generateQuiz(news, { n: 20, seed: 'a', kinds: ['when'] });
    const asked = quiz.questions.find((q) => retold?.citations.some((c) => c.sentence === q.source.sentence));
    const others = (retold?.citations ?? []).map((c) => c.sentence).filter((s) => s !== asked?.source.sentence);
    expect(asked?.retold).toEqual(expect.arrayContaining(others));
    const next = generateQuiz(news, { n: 20, seed: 'b', avoid: asked === undefined ? [] : shownTexts(asked) });
    expect(next.questions.filter((q) => others.includes(q.source.sentence))).toEqual([]);
  });

  it('GIVEN a figure a recent game printed (a choice "… worth 38 million euros …") THEN no game asks it as a number: it was shown', async () => {
    const { articles } = await loadCorpus(path.join(ROOT, 'tests/fixtures/quiz-news-en'));
    const passages = chunkCorpus(articles);
    const news = { articles, passages, events: extractEvents(articles, passages) };
    const figure = (q: QuizQuestion): string => q.choices[q.answerIndex] ?? '';
    const asked = Array.from({ length: 10 }, (_v, seed) => generateQuiz(news, { n: 20, seed, kinds: ['how_many'] }).questions).flat();
    expect(asked.some((q) => figure(q) === '38 million')).toBe(true);
    const avoid = ['Four paintings worth 38 million euros were cut from their frames'];
    const after = Array.from({ length: 10 }, (_v, seed) => generateQuiz(news, { n: 20, seed, kinds: ['how_many'], avoid }).questions).flat();
    expect(after.filter((q) => figure(q) === '38 million').map((q) => q.prompt)).toEqual([]);
  });

  it('GIVEN the sentences of the games before THEN the next game asks about others while the briefing has others', () => {
    const first = generateQuiz(wiki, { n: 10, seed: 'a' });
    const asked = first.questions.map((q) => q.source.sentence);
    const next = generateQuiz(wiki, { n: 10, seed: 'b', avoid: asked });
    expect(next.questions).toHaveLength(10);
    expect(next.questions.filter((q) => asked.includes(q.source.sentence)).map((q) => q.source.sentence)).toEqual([]);
    // Without the list, the same seed does ask some of them again: the list is what keeps them apart.
    const unaware = generateQuiz(wiki, { n: 10, seed: 'b' }).questions;
    expect(unaware.some((q) => asked.includes(q.source.sentence))).toBe(true);
  });

  it('GIVEN another outlet\'s rewording of a recent game\'s sentence THEN it waits too: it is the same wire copy', () => {
    const asked = generateQuiz(wiki, { n: 10, seed: 'a' }).questions.map((q) => q.source.sentence);
    // The same sentence as a second outlet might run it: a lead-in added, the last words dropped.
    const reworded = asked.map((s) => `Meanwhile, ${s.split(' ').slice(0, -2).join(' ')}`);
    const next = generateQuiz(wiki, { n: 10, seed: 'b', avoid: reworded });
    expect(next.questions.filter((q) => asked.includes(q.source.sentence)).map((q) => q.source.sentence)).toEqual([]);
  });

  it('GIVEN the same seed and the same sentences to avoid THEN the same quiz: a game can be replayed from its log', () => {
    const asked = generateQuiz(wiki, { n: 10, seed: 'a' }).questions.map((q) => q.source.sentence);
    expect(generateQuiz(wiki, { n: 10, seed: 'c', avoid: asked })).toEqual(generateQuiz(wiki, { n: 10, seed: 'c', avoid: asked }));
  });

  it('GIVEN every sentence of the briefing to avoid THEN the game starts over, full, and says so: a team is never left without a game', () => {
    const all = wiki.articles.flatMap((a) => a.sentences.map((s) => s.text));
    const quiz = generateQuiz(wiki, { n: 10, seed: 'd', avoid: all });
    expect(quiz.questions).toHaveLength(10);
    expect(quiz.shortfall?.startedOver).toBe(true);
  });
});
describe('the article a reveal names', () => {
  const article = (title: string, body: string[]): Pick<Article, 'title' | 'sentences'> =>
    ({ title, sentences: body.map((text) => ({ text })) }) as unknown as Pick<Article, 'title' | 'sentences'>;

  it('GIVEN a title that is the opening of the text cut inside a word THEN it ends at the word before, with …', () => {
    expect(readableTitle(article('The Panthers defense gave up just 308 points, ranking sixth (intercep', ['The Panthers defense gave up just 308 points, ranking sixth (interceptions) in the league.']))).toBe(
      'The Panthers defense gave up just 308 points, ranking sixth…',
    );
  });

  it('GIVEN a title cut between words THEN it ends with …; a headline of its own stays whole', () => {
    expect(readableTitle(article('Sông Tyne chảy qua', ['Sông Tyne chảy qua thành phố.']))).toBe('Sông Tyne chảy qua…');
    expect(readableTitle(article('Four paintings stolen in overnight raid', ['Thieves broke into the museum overnight.']))).toBe('Four paintings stolen in overnight raid');
  });
});
