/**
 * Articles → passages of a few sentences. Pure and deterministic, so passage ids stay
 * stable while an article is unchanged.
 */
import type { Article, Passage, Sentence } from './types.js';

/** A passage closes once it holds this many characters… */
export const PASSAGE_TARGET_CHARS = 450;
/** …and never grows beyond this many (a single longer sentence is a passage of its own). */
export const PASSAGE_MAX_CHARS = 750;
export const PASSAGE_MAX_SENTENCES = 4;
/** A paragraph shorter than this is merged with the next one. */
const SHORT_PARAGRAPH_CHARS = 160;

function toPassage(article: Article, sentences: Sentence[], ordinal: number): Passage {
  const first = sentences[0];
  const last = sentences[sentences.length - 1];
  if (first === undefined || last === undefined) throw new Error('a passage needs at least one sentence');
  return {
    id: `${article.docId}#${ordinal}`,
    docId: article.docId,
    text: sentences.map((s) => s.text).join(' '),
    start: first.start,
    end: last.end,
    sentences,
  };
}

export function chunkArticle(article: Article): Passage[] {
  const passages: Passage[] = [];
  let current: Sentence[] = [];
  let chars = 0;
  const flush = (): void => {
    if (current.length > 0) passages.push(toPassage(article, current, passages.length));
    current = [];
    chars = 0;
  };
  const paragraphChars = new Map<number, number>();
  for (const s of article.sentences) paragraphChars.set(s.paragraph, (paragraphChars.get(s.paragraph) ?? 0) + s.text.length + 1);

  article.sentences.forEach((sentence, i) => {
    const previous = article.sentences[i - 1];
    const newParagraph = previous !== undefined && previous.paragraph !== sentence.paragraph;
    const previousShort = previous !== undefined && (paragraphChars.get(previous.paragraph) ?? 0) < SHORT_PARAGRAPH_CHARS;
    if (newParagraph && chars > 0 && (!previousShort || chars >= PASSAGE_TARGET_CHARS)) flush();
    if (current.length >= PASSAGE_MAX_SENTENCES || (chars > 0 && chars + sentence.text.length > PASSAGE_MAX_CHARS)) flush();
    current.push(sentence);
    chars += sentence.text.length + 1;
    if (chars >= PASSAGE_TARGET_CHARS) flush();
  });
  flush();
  return passages;
}

export function chunkCorpus(articles: readonly Article[]): Passage[] {
  return articles.flatMap(chunkArticle);
}
