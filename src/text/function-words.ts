/**
 * Function words of each language: words that carry no topic (articles, pronouns, auxiliaries,
 * prepositions, question words). They are what a question asks with rather than about, and,
 * being the commonest words of a language, they tell the language of a text. English questions
 * also name the kind of answer they want with words the answer does not hold ("What is the name
 * of…", "what is it called", "what term", "what kind of"): those are function words of a question
 * too. Their Vietnamese counterparts (`tên`, `gọi`, `loại`) are not listed: as question words they
 * changed nothing on XQuAD vi but the share abstained (README, "Retrieval on data nobody tuned to").
 */
import type { Language } from './language.js';

export const FUNCTION_WORDS: Readonly<Record<Language, readonly string[]>> = {
  en: [
    'a', 'an', 'the', 'of', 'in', 'on', 'at', 'to', 'for', 'from', 'by', 'with', 'about', 'and', 'or', 'is', 'are', 'was', 'were',
    'be', 'been', 'being', 'do', 'does', 'did', 'has', 'have', 'had', 'will', 'would', 'can', 'could', 'should', 'what', 'which',
    'who', 'whom', 'whose', 'when', 'where', 'why', 'how', 'that', 'this', 'these', 'those', 'it', 'its', 'they', 'them', 'their',
    'he', 'him', 'his', 'she', 'her', 'we', 'our', 'you', 'your', 'i', 'there', 'any', 'some', 'as', 'than', 'then', 'so', 'such',
    'into', 'over', 'after', 'before', 'between', 'during', 'also', 'not', 'no', 'yes', 'if', 'whether', 'up', 'out', 'again',
    'still', 'very', 'just', 'much', 'many', 'tell', 'me', 'say', 'says', 'said', 'name', 'named', 'called', 'term', 'kind', 'type',
  ],
  vi: [
    'ông', 'bà', 'anh', 'chị', 'thế', 'nào', 'gì', 'ai', 'khi', 'bao', 'nhiêu', 'mấy', 'giờ', 'đâu', 'sao', 'vì', 'tại', 'là', 'có', 'không',
    'của', 'và', 'các', 'những', 'được', 'đã', 'đang', 'sẽ', 'với', 'về', 'cho', 'trong', 'này', 'đó', 'thì', 'mà', 'như', 'để',
    'một', 'hay', 'hoặc', 'bị', 'nói', 'rằng',
  ],
};

/** Every function word of either language (lowercase). */
export const STOPWORDS: ReadonlySet<string> = new Set([...FUNCTION_WORDS.en, ...FUNCTION_WORDS.vi]);
