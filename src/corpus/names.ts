/**
 * People and organisations a sentence names: runs of capitalised words, minus capitalised
 * common words (a word the corpus also writes in lower case, like `Tổng` of `Tổng thống`).
 */
const NAME_RUN = /(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}.-]*(?:\s+\p{Lu}[\p{L}\p{M}.-]*)*/gu;

export interface ActorFinder {
  actors(sentence: string): string[];
}

export function actorFinder(corpusTexts: readonly string[]): ActorFinder {
  const lowercase = new Set<string>();
  for (const text of corpusTexts) for (const m of text.matchAll(/(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]*/gu)) lowercase.add(m[0]);
  const common = (word: string): boolean => lowercase.has(word.toLowerCase());
  const runsOf = (sentence: string): string[][] =>
    [...sentence.matchAll(NAME_RUN)].map((m) => {
      const words = m[0].replace(/[.-]+$/u, '').split(/\s+/u);
      // Trim capitalised common words from both ends (`Trợ lý` at a sentence start, `Ông`).
      while (words.length > 0 && common(words[0] ?? '')) words.shift();
      while (words.length > 0 && common(words[words.length - 1] ?? '')) words.pop();
      return words;
    });
  // Names that stand alone in the corpus (`Nga`, `Kremlin`) are split off the front of a longer run (`Nga Sergey Lavrov`).
  const standalone = new Set<string>();
  for (const text of corpusTexts) for (const run of runsOf(text)) if (run.length === 1 && run[0] !== undefined) standalone.add(run[0]);
  return {
    actors(sentence) {
      const out: string[] = [];
      const add = (name: string): void => {
        if (name.length >= 2 && !out.includes(name)) out.push(name);
      };
      for (const words of runsOf(sentence)) {
        while (words.length > 1 && standalone.has(words[0] ?? '')) add(words.shift() ?? '');
        add(words.join(' '));
      }
      return out;
    },
  };
}
