/**
 * Questions for blind judging: 50 per corpus (the demo, XQuAD's development articles in
 * Vietnamese and in English, and the English news story quiz-news-en), written as Markdown a
 * reader can judge without seeing the generator: the prompt, the four choices with the answer
 * marked, the sentence the question cites and the explanation the reveal shows (with its passage
 * when the sentence does not name the answer, and the article's sentence that tells it when the
 * passage does not). The questions are those of consecutive games in one channel (seeds judge-1,
 * judge-2, …), each avoiding what the games before it showed (sentences and event choices), as a team would see them. The same
 * command writes the same files.
 *
 *   npm run quiz:judging [-- OUT_DIR]      (default: quiz-judging/)
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chunkCorpus } from '../src/corpus/chunk.js';
import { loadCorpus } from '../src/corpus/load.js';
import type { Article } from '../src/corpus/types.js';
import { extractEvents } from '../src/events/extract.js';
import { QUIZ_RECENT_GAMES } from '../src/quiz/games.js';
import { generateQuiz } from '../src/quiz/generate.js';
import { shownTexts } from '../src/quiz/shown.js';
import type { QuizQuestion } from '../src/quiz/types.js';
import { words } from '../src/text/index.js';

/** Questions per corpus: what the blind judges of issue #14 read. */
const QUESTIONS_PER_CORPUS = 50;
/** Quizzes of this many questions are drawn (seeds judge-1, judge-2, …) until the sample is full. */
const QUIZ_SIZE = 10;
/** A corpus too thin for 50 different questions stops after this many quizzes. */
const MAX_QUIZZES = 200;

const ROOT = path.resolve(import.meta.dirname, '..');
const CORPORA = [
  { name: 'demo', dir: 'corpus', about: 'the demo corpus: five Vietnamese news articles on the Russia–US talks about Ukraine' },
  { name: 'xquad-dev-vi', dir: 'tests/fixtures/xquad-dev/corpus', about: 'XQuAD development articles: 24 Wikipedia articles in Vietnamese' },
  { name: 'xquad-dev-en', dir: 'tests/fixtures/xquad-dev/corpus-en', about: 'XQuAD development articles: the same 24 Wikipedia articles in English' },
  { name: 'quiz-news-en', dir: 'tests/fixtures/quiz-news-en', about: 'an English news story in eight articles (a museum theft)' },
] as const;

const RUBRIC = `Judge each question as a player would, from the question and its cited sentence alone (with its passage, shown where the sentence does not name the answer itself: a quotation followed by "she said"):

- **good**: clear, with one right answer that the cited sentence (or passage) supports and three wrong choices of the same kind that a player could believe;
- **flawed**: answerable, but awkward: hard to read, a choice of another kind or obviously wrong, the answer given away, a trivial or odd question;
- **wrong**: the marked answer is not what the sentence says, another choice is also right, or the question does not make sense.

Write the verdict after "Verdict:" (and, for flawed or wrong, a few words why).`;

const LETTERS = ['A', 'B', 'C', 'D'] as const;
/** An event label with this share of its words in the cited sentence was told there (a resolved `he` or a dropped `Meanwhile` aside). */
const LABEL_WORDS_IN_SENTENCE = 0.8;

/** What the question says happened, for a judge to find in the source: the event a "when" prompt quotes, else the marked answer. */
function toldAnswer(q: QuizQuestion): string {
  if (q.kind !== 'when') return q.choices[q.answerIndex];
  const quoted = /"(.*)"/su.exec(q.prompt)?.[1];
  return quoted ?? q.prompt;
}

/**
 * Whether a text shows what the question rests on in its own words: a quotation said by `she`, or an
 * event told in one sentence and dated in the next, is judged with the text around it. A number is
 * blanked out of the very sentence cited.
 */
function answerIn(q: QuizQuestion, text: string): boolean {
  if (q.kind === 'how_many') return true;
  const answer = toldAnswer(q).toLowerCase();
  const lower = text.toLowerCase();
  if (q.kind === 'who' || q.kind === 'who_said') return lower.includes(answer) || lower.includes(answer.split(' ').at(-1) ?? answer);
  return labelShare(answer, lower) >= LABEL_WORDS_IN_SENTENCE;
}

/** The share of an event label's words that a text holds (an event's label is its clause without the date, a pronoun resolved). */
function labelShare(label: string, text: string): number {
  const inText = new Set(words(text.toLowerCase()));
  const labelWords = words(label.toLowerCase());
  return labelWords.filter((w) => inText.has(w)).length / Math.max(1, labelWords.length);
}

/**
 * Where the answer is told when neither the cited sentence nor its passage says it: an event dated in
 * one sentence (`The men … were detained on Wednesday`) and told fully in another of the same article
 * (`Dutch police have arrested two men …`), which the reveal names as the article's.
 */
function toldIn(q: QuizQuestion, articles: readonly Article[]): string | null {
  if (answerIn(q, q.source.text)) return null;
  const answer = toldAnswer(q);
  const sentences = articles.find((a) => a.docId === q.source.docId)?.sentences ?? [];
  const best = sentences.reduce<{ text: string; share: number } | null>((top, s) => {
    const share = labelShare(answer, s.text);
    return top === null || share > top.share ? { text: s.text, share } : top;
  }, null);
  return best === null ? null : best.text;
}

function questionBlock(q: QuizQuestion, n: number, articles: readonly Article[]): string {
  const told = toldIn(q, articles);
  const choices = q.choices.map((c, i) => `${LETTERS[i]}) ${c}${i === q.answerIndex ? '   ← marked answer' : ''}`);
  return [
    `### ${n}.`,
    '',
    q.prompt,
    '',
    ...choices.map((c) => `    ${c}`),
    '',
    `Cited: "${q.source.sentence}" (${q.source.title}${q.source.date === null ? '' : `, ${q.source.date}`})`,
    '',
    `Shown at the reveal: ${q.explanation}`,
    '',
    ...(answerIn(q, q.source.sentence) ? [] : [`Its passage: "${q.source.text}"`, '']),
    ...(told === null ? [] : [`Told in the same article: "${told}"`, '']),
    'Verdict:',
    '',
  ].join('\n');
}

async function sample(dir: string): Promise<{ questions: QuizQuestion[]; articles: Article[] }> {
  const { articles } = await loadCorpus(path.join(ROOT, dir));
  const passages = chunkCorpus(articles);
  const input = { articles, passages, events: extractEvents(articles, passages) };
  // Consecutive games in one channel, as a team plays them: each avoids what the games
  // before it (QUIZ_RECENT_GAMES) while the corpus has others. A question already in the sample is not
  // judged twice.
  const questions: QuizQuestion[] = [];
  const prompts = new Set<string>();
  const played: string[][] = [];
  for (let i = 1; questions.length < QUESTIONS_PER_CORPUS && i <= MAX_QUIZZES; i++) {
    const avoid = played.slice(-QUIZ_RECENT_GAMES).flat();
    const quiz = generateQuiz(input, { n: QUIZ_SIZE, seed: `judge-${i}`, avoid });
    // Once the games have shown everything, the next starts over: nothing fresh is left to judge.
    if (quiz.shortfall?.startedOver === true) break;
    played.push(quiz.questions.flatMap((q) => shownTexts(q)));
    for (const q of quiz.questions) {
      // "Which of these happened first?" is every such question's prompt: its choices tell them apart.
      const key = q.kind === 'which_first' ? `${q.prompt}\n${[...q.choices].sort().join('\n')}` : q.prompt;
      if (prompts.has(key) || questions.length >= QUESTIONS_PER_CORPUS) continue;
      prompts.add(key);
      questions.push(q);
    }
  }
  return { questions, articles };
}

const out = path.resolve(process.argv[2] ?? path.join(ROOT, 'quiz-judging'));
await mkdir(out, { recursive: true });
for (const corpus of CORPORA) {
  const { questions, articles } = await sample(corpus.dir);
  const file = path.join(out, `${corpus.name}.md`);
  const body = [`# Quiz questions to judge: ${corpus.name}`, '', `From ${corpus.about} (\`${corpus.dir}\`).`, '', RUBRIC, '', ...questions.map((q, i) => questionBlock(q, i + 1, articles))].join('\n');
  await writeFile(file, body);
  console.log(`${file}: ${questions.length} questions`);
}
