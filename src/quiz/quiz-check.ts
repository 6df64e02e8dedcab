/** `quiz-check`: quizzes for many seeds, every question checked against every rule, failures counted by rule. */
import { QUESTION_RULES, questionProblems, quizProblems, type CheckContext, type Problem } from './check.js';
import { generateQuiz } from './generate.js';
import { quizMaterial, type QuizInput } from './material.js';
import { QUESTION_KINDS, type QuestionKind, type QuizQuestion } from './types.js';

/** Failures kept per rule in the report, enough to see the pattern without flooding the terminal. */
export const QUIZ_CHECK_EXAMPLES_PER_RULE = 3;

export interface RuleFailures {
  rule: string;
  says: string;
  count: number;
  examples: Array<{ seed: string; kind: QuestionKind; prompt: string; problem: string }>;
}

export interface QuizCheckReport {
  quizzes: number;
  questions: number;
  passed: number;
  /** passed / questions (0 when no question was made). */
  share: number;
  byKind: Record<QuestionKind, { questions: number; passed: number }>;
  failures: RuleFailures[];
  /** Quizzes that said their material was thin (fewer questions than asked, or a kind with nothing to ask from). */
  shortfalls: number;
}

const QUIZ_RULE_SAYS: Readonly<Record<string, string>> = {
  'one-fact-per-quiz': 'no two questions of a quiz ask the same fact',
  'one-sentence-per-quiz': 'no two questions of a quiz are built from the same source sentence',
};

export function runQuizCheck(input: QuizInput, options: { n: number; seeds: number }): QuizCheckReport {
  const material = quizMaterial(input);
  const ctx: CheckContext = { lang: material.lang, passages: input.passages, articles: input.articles };
  const byKind = Object.fromEntries(QUESTION_KINDS.map((k) => [k, { questions: 0, passed: 0 }])) as QuizCheckReport['byKind'];
  const failures = new Map<string, RuleFailures>();
  let questions = 0;
  let passed = 0;
  let shortfalls = 0;
  const record = (seed: string, q: QuizQuestion, problems: readonly Problem[]): void => {
    questions++;
    byKind[q.kind].questions++;
    if (problems.length === 0) {
      passed++;
      byKind[q.kind].passed++;
    }
    for (const p of problems) {
      const says = QUESTION_RULES.find((r) => r.id === p.rule)?.says ?? QUIZ_RULE_SAYS[p.rule] ?? p.rule;
      const entry = failures.get(p.rule) ?? { rule: p.rule, says, count: 0, examples: [] };
      entry.count++;
      if (entry.examples.length < QUIZ_CHECK_EXAMPLES_PER_RULE) entry.examples.push({ seed, kind: q.kind, prompt: q.prompt, problem: p.problem });
      failures.set(p.rule, entry);
    }
  };
  for (let i = 1; i <= options.seeds; i++) {
    const quiz = generateQuiz(input, { n: options.n, seed: String(i) });
    if (quiz.shortfall !== undefined) shortfalls++;
    const whole = quizProblems(quiz.questions);
    for (const q of quiz.questions) record(quiz.seed, q, [...questionProblems(q, ctx), ...(whole.get(q.id) ?? [])]);
  }
  return {
    quizzes: options.seeds,
    questions,
    passed,
    share: questions === 0 ? 0 : passed / questions,
    byKind,
    failures: [...failures.values()].sort((a, b) => b.count - a.count),
    shortfalls,
  };
}
