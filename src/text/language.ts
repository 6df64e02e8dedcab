/**
 * The language of a text, English or Vietnamese, decided by which language's function words
 * it uses more (`What did … say` is English even about `Hà Nội`; `… nói gì` is Vietnamese even
 * about `NATO`), outside quotations: a quoted title is another text's language. A text with
 * neither, or as many of each (a bare name, a title), is Vietnamese when it has a letter only
 * Vietnamese writes.
 */
import { FUNCTION_WORDS } from './function-words.js';
import { words } from './tokens.js';

export type Language = 'vi' | 'en';

const FUNCTION_WORD_LANGUAGE = new Map<string, Language>();
for (const language of ['en', 'vi'] as const) for (const w of FUNCTION_WORDS[language]) FUNCTION_WORD_LANGUAGE.set(w, language);

/** Letters only Vietnamese writes (breve, horn, stroke, hook above, dot below); `é` or `ô` alone is French as much. */
const VIETNAMESE_LETTER = /[ăđơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

const QUOTATION = /"[^"]*"|“[^”]*”|«[^»]*»/gu;

/** Function words of each language in a text. */
function functionWordCounts(text: string): { en: number; vi: number } {
  const counts = { en: 0, vi: 0 };
  for (const w of words(text.toLowerCase())) {
    const language = FUNCTION_WORD_LANGUAGE.get(w);
    if (language !== undefined) counts[language]++;
  }
  return counts;
}

export function detectLanguage(text: string): Language {
  const outside = functionWordCounts(text.replace(QUOTATION, ' '));
  const { en, vi } = outside.en + outside.vi > 0 ? outside : functionWordCounts(text);
  if (en !== vi) return en > vi ? 'en' : 'vi';
  return VIETNAMESE_LETTER.test(text) ? 'vi' : 'en';
}
