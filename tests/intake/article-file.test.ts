import { describe, expect, it } from 'vitest';
import { parseArticle } from '../../src/corpus/parse.js';
import { articleFileName, articleFileText, textKey, urlKey } from '../../src/intake/article-file.js';

const META = { title: 'Hà Nội: mở tuyến metro số 3 "Nhổn – ga Hà Nội"', source: 'Báo Thủ Đô', url: 'https://example.vn/metro', date: '2025-08-09', author: 'Trần An', addedBy: 'discord:300000000000000001 (an)', addedAt: '2025-08-10T01:02:03.000Z' };

describe('an added article as a corpus file', () => {
  it('GIVEN a title with a colon and quotes THEN the front matter stays valid YAML and the corpus reads every field back', () => {
    const body = `${META.title}\n\nTuyến metro Nhổn – ga Hà Nội chính thức chở khách từ sáng 9/8, với 12 ga trên quãng đường 12,5 km.`;
    const article = parseArticle({ docId: 'x', file: 'added/x.txt', text: articleFileText(META, body), contentHash: 'h' });
    expect(article).toMatchObject({ title: META.title, sources: ['Báo Thủ Đô'], url: META.url, date: '2025-08-09', author: 'Trần An', dateSource: 'front-matter' });
    expect(article.sentences.map((s) => s.text)).toEqual(['Tuyến metro Nhổn – ga Hà Nội chính thức chở khách từ sáng 9/8, với 12 ga trên quãng đường 12,5 km.']);
  });

  it('GIVEN a Vietnamese title THEN the file name is its day, its words in ASCII and a hash of the body', () => {
    expect(articleFileName(META, 'body', '.txt')).toMatch(/^2025-08-09-ha-noi-mo-tuyen-metro-so-3-nhon-ga-ha-noi-[0-9a-f]{8}\.txt$/);
    expect(articleFileName({ ...META, date: null, title: '¿¡!' }, 'body', '.md')).toMatch(/^2025-08-10-article-[0-9a-f]{8}\.md$/);
    expect(articleFileName(META, 'one body', '.txt')).not.toBe(articleFileName(META, 'another body', '.txt'));
  });

  it('GIVEN the same link with tracking parameters, a fragment or another case of host THEN the URL key is the same', () => {
    const key = urlKey('https://news.example/a?id=7');
    expect(urlKey('https://NEWS.example:443/a?utm_source=x&id=7&fbclid=abc#top')).toBe(key);
    expect(urlKey('https://news.example/a?id=8')).not.toBe(key);
  });

  it('GIVEN the same sentences spaced and punctuated differently THEN the text key is the same, and other words change it', () => {
    const key = textKey(['The plant opened on Thursday.', 'It cost 118 million euros.']);
    expect(textKey(['The  plant opened on Thursday', 'It cost 118 million euros!'])).toBe(key);
    expect(textKey(['The plant opened on Friday.', 'It cost 118 million euros.'])).not.toBe(key);
  });
});
