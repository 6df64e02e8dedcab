import { describe, expect, it } from 'vitest';
import type { ArticleMeta, Passage } from '../../src/corpus/types.js';
import { answerQuestion, validateQuestion, type RetrievalContext } from '../../src/retrieval/ask.js';
import { evalCases, evaluateRetrieval } from '../../src/retrieval/eval.js';
import { reciprocalRankFusion, vectorRelevance } from '../../src/retrieval/fusion.js';
import { LexicalIndex } from '../../src/retrieval/lexical.js';
import { searchLexical } from '../../src/retrieval/lexical-search.js';
import { loadLexicon, parseLexicon } from '../../src/retrieval/lexicon.js';
import { analyzeQuery } from '../../src/retrieval/query.js';
import { indexTerms } from '../../src/retrieval/index-terms.js';
import { foldAccents } from '../../src/text/index.js';

/** A passage whose sentences are split on ". " — enough for fixtures. */
function passage(docId: string, ordinal: number, text: string): Passage {
  let at = 0;
  const sentences = text.split(/(?<=\.)\s+/u).map((s, index) => {
    const start = text.indexOf(s, at);
    at = start + s.length;
    return { index, text: s, start, end: start + s.length, paragraph: 0 };
  });
  return { id: `${docId}#${ordinal}`, docId, text, start: 0, end: text.length, sentences };
}

function context(passages: Passage[], vectorSearch?: RetrievalContext['vectorSearch']): RetrievalContext {
  const articles = new Map<string, ArticleMeta>();
  for (const p of passages) {
    articles.set(p.docId, { docId: p.docId, file: `${p.docId}.txt`, title: `Article ${p.docId}`, date: '2025-12-04', dateSource: 'dateline', sources: ['Reuters'], author: null, url: null, contentHash: p.docId });
  }
  return { passages: new Map(passages.map((p) => [p.id, p])), articles, lexical: LexicalIndex.build(passages.map((p) => ({ id: p.id, text: p.text }))), vectorSearch };
}

const FIXTURE = [
  passage('a', 0, 'Ông Lavrov nói Nga muốn đảm bảo an ninh tập thể cho tất cả các bên. Đây là đề xuất mới.'),
  passage('a', 1, 'Cuộc gặp tại Điện Kremlin ngày 2/12 kéo dài gần 5 giờ. Hai bên chưa đạt thỏa hiệp.'),
  passage('b', 0, 'Châu Âu muốn dùng 210 tỷ euro tài sản bị đóng băng của Nga. Moskva phản đối.'),
  passage('b', 1, 'Kiev từ chối gia nhập NATO theo điều kiện của Moskva. Lãnh thổ là vấn đề chính.'),
  passage('c', 0, 'Ngoại trưởng Sergey Lavrov sẵn sàng gặp người đồng cấp Mỹ. Ông nói tại Moskva.'),
  passage('d', 0, 'Thời tiết ở Hà Nội hôm nay đẹp. Trời nắng nhẹ và không mưa.'),
];

describe('tokenisation', () => {
  it('keeps diacritics in the exact field and folds them in a separate one', () => {
    const terms = indexTerms('Lãnh thổ');
    expect(terms).toContain('w:lãnh');
    expect(terms).toContain('f:lanh');
    expect(terms).toContain('b:lãnh_thổ');
    expect(foldAccents('Đảm bảo')).toBe('Dam bao');
  });

  it('normalises numbers and dates across formats', () => {
    expect(indexTerms('5.700 binh sĩ')).toContain('n:5700');
    expect(indexTerms('ngày 2/12')).toContain('d:2-12');
    expect(indexTerms('ngày 2 tháng 12')).toContain('d:2-12');
    expect(indexTerms('tháng 6 năm 2024')).toContain('m:2024-6');
    expect(indexTerms('tháng 6/2024')).toContain('m:2024-6');
  });

  it('GIVEN English date phrases in a passage THEN they are date terms like the Vietnamese ones', () => {
    expect(indexTerms('The talks began on March 3, 2026 in Oslo.')).toEqual(expect.arrayContaining(['d:3-3', 'm:2026-3']));
    expect(indexTerms('They met on Dec. 2 and again on 5 January.')).toEqual(expect.arrayContaining(['d:2-12', 'd:5-1']));
    expect(indexTerms('Sales fell in June 2024.')).toContain('m:2024-6');
  });

  it('GIVEN a full date (day, month and year) THEN it is both the day and the month of that year', () => {
    expect(indexTerms('Vào ngày 28 tháng 5 năm 2012, cơn bão đổ bộ.')).toEqual(expect.arrayContaining(['d:28-5', 'm:2012-5']));
    expect(indexTerms('The storm came ashore on 28 May 2012.')).toEqual(expect.arrayContaining(['d:28-5', 'm:2012-5']));
  });
});

describe('questions read as the index reads text', () => {
  const passages = [
    passage('s', 0, 'Sê-ri đầu tiên của chương trình Doctor Who có tên là An Unearthly Child.'),
    passage('t', 0, 'Bác sĩ trong bệnh viện tên là Minh. Ai cũng biết ông.'),
  ];

  it('GIVEN a hyphenated word in the question (sê-ri) THEN it matches the text that holds it', async () => {
    const concept = analyzeQuery('Tên của sê-ri đầu tiên là gì?', loadLexicon()).concepts.find((c) => c.label === 'sê-ri');
    expect(concept?.alternatives).toContainEqual(['w:sê', 'b:sê_ri', 'w:ri']);
    const result = await answerQuestion('Tên của sê-ri đầu tiên là gì?', {}, { ...context(passages), confidenceFloor: 0 });
    expect(result.passages[0]?.passageId).toBe('s#0');
  });

  it('GIVEN an English question naming the kind of answer it wants (name, called, kind) THEN those words are no concepts', () => {
    expect(analyzeQuery('What is the name of the river that runs along Jacksonville?', loadLexicon()).concepts.map((c) => c.label)).not.toContain('name');
    expect(analyzeQuery('What kind of storm was Beryl called?', loadLexicon()).concepts.map((c) => c.label)).toEqual(expect.not.arrayContaining(['kind', 'called']));
  });

  it('GIVEN an English function word written as part of a name in a Vietnamese question (Doctor Who) THEN it is a word of the question', () => {
    const labels = analyzeQuery('Doctor Who có cháu gái tên là gì?', loadLexicon()).concepts.map((c) => c.label);
    expect(labels).toContain('who');
    expect(analyzeQuery('Ai là bác sĩ?', loadLexicon()).concepts.map((c) => c.label)).not.toContain('ai');
  });
});

describe('LexicalIndex', () => {
  it('ranks by BM25: the passage with the rare term first', async () => {
    const result = await answerQuestion('tài sản đóng băng', {}, context(FIXTURE));
    expect(result.passages[0]?.passageId).toBe('b#0');
  });

  it('GIVEN exact diacritics THEN the exact word beats its accent-folded twin', async () => {
    const ctx = context([passage('x', 0, 'Vấn đề lãnh thổ được bàn tới.'), passage('y', 0, 'Vấn đề lanh tho được bàn tới.')]);
    const result = await answerQuestion('lãnh thổ', {}, ctx);
    expect(result.passages[0]?.passageId).toBe('x#0');
  });

  it('round-trips through serialize and finds the same passages', async () => {
    const ctx = context(FIXTURE);
    const copy = { ...ctx, lexical: LexicalIndex.deserialize(ctx.lexical.serialize()) };
    expect(await answerQuestion('NATO Kiev', {}, copy)).toEqual(await answerQuestion('NATO Kiev', {}, ctx));
  });

  it('detects a truncated or corrupted buffer', () => {
    const bytes = context(FIXTURE).lexical.serialize();
    expect(() => LexicalIndex.deserialize(bytes.subarray(0, bytes.length - 7))).toThrow(/corrupt/u);
    const broken = Buffer.from(bytes);
    broken.write('XXXXX', 0, 'latin1');
    expect(() => LexicalIndex.deserialize(broken)).toThrow(/corrupt/u);
  });
});

describe('questions in English about Vietnamese text', () => {
  it('GIVEN a question of which the text holds only the date THEN the passage of that date ranks first (whether to answer is the abstention model\'s call)', async () => {
    const result = await answerQuestion('What happened on December 2?', {}, { ...context(FIXTURE), confidenceFloor: 0 });
    expect(result.signals.fewConcepts).toBe(true);
    expect(result.passages[0]?.passageId).toBe('a#1');
  });

  it.each([
    ['Kyiv NATO membership', 'b#1'],
    ['What did Sergei Lavrov say about meeting his US counterpart?', 'c#0'],
    ['210 billion euros of frozen assets', 'b#0'],
    ['collective security guarantees', 'a#0'],
    ['How long was the meeting: five hours?', 'a#1'],
  ])('GIVEN "%s" THEN %s comes first', async (question, expected) => {
    const result = await answerQuestion(question, {}, context(FIXTURE));
    expect(result.abstained).toBe(false);
    expect(result.passages[0]?.passageId).toBe(expected);
  });

  it('reads aliases and expansions from data files a user can extend', () => {
    const lexicon = parseLexicon({ aliases: 'Foo|Bar\n', expansions: ['# comment\nwidget\tcái máy|thiết bị\n'] });
    const query = analyzeQuery('the widget Foo', lexicon);
    expect(query.concepts.map((c) => c.label)).toEqual(['widget', 'foo']);
    expect(query.concepts[1]?.alternatives).toContainEqual(['w:bar']);
    expect(loadLexicon().expansions.get('security guarantees')).toContain('đảm bảo an ninh');
  });
});

describe('abstention', () => {
  it('GIVEN a question the briefing does not cover THEN it abstains and suggests what it covers', async () => {
    const result = await answerQuestion('What is the recipe for banana bread?', {}, context(FIXTURE));
    expect(result.abstained).toBe(true);
    expect(result.passages).toEqual([]);
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.suggestions).toContain('Moskva');
  });

  it('GIVEN a question matching one common word only THEN the weak best hit is not shown', async () => {
    const result = await answerQuestion('football world cup results in Moskva', {}, context(FIXTURE));
    expect(result.abstained).toBe(true);
  });
});

describe('duplicates, diversity and highlights', () => {
  const wire = 'Ông Lavrov khẳng định không có cơ sở pháp lý nào cho việc tịch thu tài sản của Nga ở châu Âu.';
  const dupes = [
    passage('p', 0, `${wire} Nga sẽ đáp trả.`),
    passage('q', 0, `${wire} Moskva sẽ trả đũa.`),
    passage('p', 1, 'Ông Lavrov nói về tài sản và cơ sở pháp lý trong một cuộc phỏng vấn khác.'),
    passage('r', 0, 'Tài sản của Nga bị phong tỏa ở phương Tây, theo Lavrov.'),
    passage('s', 0, 'Lavrov bàn về số phận tài sản bị phong tỏa.'),
  ];

  it('GIVEN the same wire story in two articles THEN one passage cites both', async () => {
    const result = await answerQuestion('Lavrov tịch thu tài sản cơ sở pháp lý', {}, context(dupes));
    const top = result.passages[0];
    expect(top?.citations.map((c) => c.docId).sort()).toEqual(['p', 'q']);
    expect(result.passages.filter((p) => p.text.includes(wire))).toHaveLength(1);
  });

  it('diversifies across articles with MMR', async () => {
    const result = await answerQuestion('Lavrov tài sản', { k: 3 }, context(dupes));
    const docs = result.passages.map((p) => p.docId);
    expect(new Set(docs).size).toBe(docs.length);
  });

  it('highlights the answering sentences verbatim, in passage order', async () => {
    const result = await answerQuestion('Hai bên đạt thỏa hiệp chưa?', {}, context(FIXTURE));
    const top = result.passages[0];
    expect(top?.passageId).toBe('a#1');
    expect(top?.highlights).toEqual(['Hai bên chưa đạt thỏa hiệp.']);
    for (const h of top?.highlights ?? []) expect(top?.text).toContain(h);
  });

  it('pages with offset', async () => {
    const ctx = context(FIXTURE);
    const all = await answerQuestion('Moskva Lavrov NATO', { k: 4 }, ctx);
    const second = await answerQuestion('Moskva Lavrov NATO', { k: 2, offset: 2 }, ctx);
    expect(second.passages.map((p) => p.passageId)).toEqual(all.passages.slice(2, 4).map((p) => p.passageId));
  });
});

describe('fusion', () => {
  it('sums reciprocal ranks, so an id high in both lists wins', () => {
    const fused = reciprocalRankFusion([[{ id: 'x' }, { id: 'y' }, { id: 'z' }], [{ id: 'y' }, { id: 'z' }, { id: 'x' }]]);
    expect(fused.map((f) => f.id)).toEqual(['y', 'x', 'z']);
    expect(fused[0]?.score).toBeCloseTo(1 / 62 + 1 / 61, 10);
  });

  it('maps vector similarity onto relevance between its floor and ceiling', () => {
    expect(vectorRelevance(0.5)).toBe(0);
    expect(vectorRelevance(0.99)).toBe(1);
    expect(vectorRelevance(0.86)).toBeCloseTo(0.5, 5);
  });

  it('GIVEN vector search THEN the answer is hybrid and a vector-only hit can surface', async () => {
    const ctx = context(FIXTURE, async () => [{ id: 'd#0', similarity: 0.95 }]);
    const result = await answerQuestion('Is the weather nice in Hanoi?', {}, ctx);
    expect(result.mode).toBe('hybrid');
    expect(result.passages[0]?.passageId).toBe('d#0');
  });
});

describe('question validation', () => {
  it.each([['', 'EMPTY_QUESTION'], ['   \n\t ', 'EMPTY_QUESTION'], ['x'.repeat(1001), 'QUESTION_TOO_LONG']])('rejects %j with %s', (q, code) => {
    expect(() => validateQuestion(q)).toThrow(expect.objectContaining({ code }));
  });

  it('strips control characters and normalises to NFC', () => {
    expect(validateQuestion('Lãnh\u0007 tho\u0302\u0309?')).toBe('Lãnh thổ?');
  });

  it('GIVEN a question with zero-width characters inside words THEN they are removed', () => {
    expect(validateQuestion('l\u200Bãnh th\u2060ổ\uFEFF?')).toBe('lãnh thổ?');
    expect(() => validateQuestion('\u200B\u200B')).toThrow(expect.objectContaining({ code: 'EMPTY_QUESTION' }));
  });
});

describe('evaluation', () => {
  it('computes hit@k and MRR from the rank of the first passage holding an expected phrase', () => {
    const answer = (texts: string[]) => ({ question: 'q', abstained: false, relevance: 1, confidence: 1, signals: { relevance: 1, evidence: 3, fewConcepts: false, passages: 100 }, suggestions: [], mode: 'lexical' as const, passages: texts.map((text, i) => ({ passageId: `${i}`, docId: 'a', title: 't', source: null, date: null, text, highlights: [], score: 1, citations: [] })) });
    const report = evaluateRetrieval(evalCases(
      [{ question: 'a', expect_any: ['X'] }, { question: 'b', expect_any: ['y'] }, { question: 'c', expect_any: ['z'] }],
      [answer(['x here']), answer(['no', 'no', 'Y there']), answer(['none'])],
    ));
    expect(report).toMatchObject({ n: 3, answerable: 3, hitAt1: 1 / 3, hitAt3: 2 / 3, hitAt5: 2 / 3, answered: 1, unanswerable: 0, abstained: null });
    expect(report.mrrAt10).toBeCloseTo((1 + 1 / 3) / 3, 10);
  });

  it('GIVEN questions nothing answers THEN it counts the share abstained, and an abstention on an answerable question as unanswered', () => {
    const answered = { question: 'q', abstained: false, relevance: 1, confidence: 1, signals: { relevance: 1, evidence: 3, fewConcepts: false, passages: 100 }, suggestions: [], mode: 'lexical' as const, passages: [] };
    const abstained = { ...answered, abstained: true };
    const report = evaluateRetrieval(evalCases(
      [{ question: 'off 1', expect_any: [] }, { question: 'off 2', expect_any: [] }, { question: 'on', expect_any: ['x'] }],
      [abstained, answered, abstained],
    ));
    expect(report).toMatchObject({ n: 3, answerable: 1, hitAt5: 0, answered: 0, unanswerable: 2, abstained: 0.5 });
    const forced = evaluateRetrieval(evalCases([{ question: 'on', expect_any: ['x'] }], [abstained], true));
    expect(forced).toMatchObject({ answerable: 0, hitAt5: null, unanswerable: 1, abstained: 1 });
  });
});

describe('lexical search at any k', () => {
  it('GIVEN a smaller k THEN it returns the prefix of the full ranking (bounded selection keeps the order)', () => {
    const ctx = context(FIXTURE);
    const query = analyzeQuery('NATO Kiev Moskva Lavrov lãnh thổ tài sản', loadLexicon());
    const all = searchLexical(ctx.lexical, query, 1000);
    expect(all.length).toBeGreaterThan(2);
    for (let k = 1; k <= all.length; k++) expect(searchLexical(ctx.lexical, query, k)).toEqual(all.slice(0, k));
    for (let i = 1; i < all.length; i++) expect(all[i - 1]!.score).toBeGreaterThanOrEqual(all[i]!.score);
  });

  it('GIVEN two searches in a row THEN the second is not polluted by the first', () => {
    const ctx = context(FIXTURE);
    const lexicon = loadLexicon();
    const first = searchLexical(ctx.lexical, analyzeQuery('tài sản đóng băng', lexicon), 10);
    searchLexical(ctx.lexical, analyzeQuery('NATO Kiev', lexicon), 10);
    expect(searchLexical(ctx.lexical, analyzeQuery('tài sản đóng băng', lexicon), 10)).toEqual(first);
  });
});

describe('English questions and English word forms', () => {
  const english = [
    passage('x', 0, 'Viktor Harlan, the chess grandmaster, died on Wednesday at his home in Prague. He was 88.'),
    passage('y', 0, 'The museum reopened on Saturday after a renovation that took four years.'),
    passage('z', 0, 'Fishing groups said the cut would cost about 2,500 jobs along the coast.'),
  ];

  it('GIVEN a date in the question THEN the English passage that gives it in words answers', async () => {
    const result = await answerQuestion('What happened on 9 October?', {}, { ...context([...english, passage('w', 0, 'On October 9 the council voted to close the bridge.')]), confidenceFloor: 0 });
    expect(result.passages[0]?.passageId).toBe('w#0');
  });

  it('GIVEN "When did Harlan die?" THEN the passage saying he died answers', async () => {
    const result = await answerQuestion('When did Harlan die?', {}, context(english));
    expect(result.passages[0]?.passageId).toBe('x#0');
  });

  it('GIVEN an English word in another form than the text THEN it matches (museums ~ museum, reopen ~ reopened)', async () => {
    const result = await answerQuestion('When did the museums reopen?', {}, context(english));
    expect(result.abstained).toBe(false);
    expect(result.passages[0]?.passageId).toBe('y#0');
  });
});

describe('English questions over Vietnamese text, through the dictionaries', () => {
  const lexicon = parseLexicon({
    aliases: '',
    expansions: ['frozen\tđóng băng\n'],
    dictionary: 'museum\tbảo tàng\nmuseum\tviện bảo tàng\nfrozen\tlạnh cóng\ntrump\tchủ bài\nhow many\tbao nhiêu\n',
    worldNames: new Map([['france', ['Pháp']]]),
  });

  it('GIVEN a plural with a dictionary entry THEN its senses are alternatives, the word as written too', () => {
    const museum = analyzeQuery('How many museums are there?', lexicon).concepts.find((c) => c.label === 'museums');
    expect(museum?.alternatives).toContainEqual(['w:bảo', 'b:bảo_tàng', 'w:tàng']);
    expect(museum?.alternatives).toContainEqual(['w:museums']);
  });

  it('GIVEN a phrase of function words only (how many) THEN it is no concept', () => {
    expect(analyzeQuery('How many museums are there?', lexicon).concepts.map((c) => c.label)).toEqual(['museums']);
  });

  it('GIVEN a word the curated list has THEN the curated senses win over the dictionary', () => {
    const frozen = analyzeQuery('frozen assets', lexicon).concepts.find((c) => c.label === 'frozen');
    expect(frozen?.alternatives).toContainEqual(['w:đóng', 'b:đóng_băng', 'w:băng']);
    expect(frozen?.alternatives).not.toContainEqual(['w:lạnh', 'b:lạnh_cóng', 'w:cóng']);
  });

  it('GIVEN a name THEN it is not translated as a word, and a country is translated by its name', () => {
    const concepts = analyzeQuery('What did Trump say about France?', lexicon).concepts;
    expect(concepts.find((c) => c.label === 'trump')?.alternatives.flat()).not.toContain('w:chủ');
    expect(concepts.find((c) => c.label === 'france')?.alternatives).toContainEqual(['w:pháp']);
  });

  it('GIVEN an English word no dictionary has, over Vietnamese text THEN it does not sink an answer the other words find', async () => {
    const vietnamese = context([passage('m', 0, 'Viện bảo tàng ở Hà Nội mở cửa lại sau hai năm.'), passage('n', 0, 'Giá lúa giảm mạnh ở Cần Thơ.')]);
    const result = await answerQuestion('Did the Hà Nội museum reopen?', {}, { ...vietnamese, lexicon });
    expect(result.abstained).toBe(false);
    expect(result.passages[0]?.passageId).toBe('m#0');
  });
});

describe('topics as phrases', () => {
  const ctx = context([
    passage('a', 0, 'The Black Death killed a third of Europe between 1347 and 1351.'),
    passage('b', 0, 'Death rates fell sharply after the war ended.'),
    passage('c', 0, 'Cơn bão nhiệt đới đổ bộ vào miền Trung đêm qua.'),
    passage('d', 0, 'Rừng mưa nhiệt đới Amazon mất thêm 5% diện tích.'),
  ]);

  it('GIVEN the topic "Black Death" THEN only passages holding the phrase are found, not every death', async () => {
    const result = await answerQuestion('Black Death', { topic: true }, ctx);
    expect(result.passages.map((p) => p.passageId)).toEqual(['a#0']);
  });

  it('GIVEN the topic "bão nhiệt đới" THEN tropical storms are found, not the tropical rain forest', async () => {
    const result = await answerQuestion('bão nhiệt đới', { topic: true }, ctx);
    expect(result.passages.map((p) => p.passageId)).toEqual(['c#0']);
  });

  it('GIVEN a one-word topic THEN it is read as any question', async () => {
    const result = await answerQuestion('Amazon', { topic: true }, ctx);
    expect(result.passages.map((p) => p.passageId)).toEqual(['d#0']);
  });
});

describe('the answer beside the match', () => {
  it('GIVEN a passage that matches the question THEN the answer shows the sentence before it and the one after it, from its article', async () => {
    const ctx = context([
      passage('a', 0, 'The council met on Monday. It discussed the harbour bridge.'),
      passage('a', 1, 'Engineers reported corroded cables on the old bridge. Repairs were put to a vote.'),
      passage('a', 2, 'The repair will cost 48 million dollars. Work starts in June.'),
      passage('b', 0, 'A different story about farming.'),
    ]);
    const result = await answerQuestion('corroded cables bridge engineers', { k: 1 }, ctx);
    expect(result.passages[0]?.passageId).toBe('a#1');
    expect(result.passages[0]?.text).toBe('It discussed the harbour bridge. Engineers reported corroded cables on the old bridge. Repairs were put to a vote. The repair will cost 48 million dollars.');
    expect(result.passages[0]?.highlights).toContain('Engineers reported corroded cables on the old bridge.');
  });
});
