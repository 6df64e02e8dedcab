import { describe, expect, it } from 'vitest';
import { dropEditorialTags, repairMojibake } from '../../src/corpus/repair.js';
import { articleText } from '../../src/corpus/parse.js';

describe('what an article\'s source left in its text', () => {
  it.each([
    ['Lefevre (khoảng 1455\u00e2\u20ac\u201c1536).', 'Lefevre (khoảng 1455–1536).'],
    ['Vi\u00e1\u00bb\u2021t Nam', 'Việt Nam'],
    ['caf\u00c3\u00a9 and \u00e2\u20ac\u0153quoted\u00e2\u20ac\u009d', 'café and “quoted”'],
  ])('GIVEN UTF-8 read as Windows-1252 ("%s") THEN the characters are put back', (broken, fixed) => {
    expect(repairMojibake(broken)).toBe(fixed);
  });

  it.each(['Ông Putin và Tổng thống Â', 'café, naïve, Ærø', 'Giá: 5 €, Â–', 'Ã'])('GIVEN genuine text ("%s") THEN it is left as it is', (text) => {
    expect(repairMojibake(text)).toBe(text);
  });

  it('GIVEN Wikipedia\'s inline maintenance tags THEN they are dropped, and brackets of the article\'s own are kept', () => {
    expect(dropEditorialTags('As of January 2016[update], the largest known prime')).toBe('As of January 2016, the largest known prime');
    expect(dropEditorialTags('Tính đến tháng 1 năm 2016 [cập nhật], số nguyên tố [cần dẫn nguồn].')).toBe('Tính đến tháng 1 năm 2016, số nguyên tố.');
    expect(dropEditorialTags('about 0.3 °C per decade during the [21st] century, he said [sic]')).toBe('about 0.3 °C per decade during the [21st] century, he said [sic]');
  });

  it('GIVEN an article file with both THEN the text it is read from has neither', () => {
    expect(articleText('a.txt', 'In 1536\u00e2\u20ac\u201c1540[citation needed] it grew.')).toBe('In 1536–1540 it grew.');
  });
});
