import { describe, expect, it } from 'vitest';
import { docLang } from '../../../src/core/hub/docLang';

const doc = (text: string, frontMatter: Record<string, unknown> | null = null) => ({
  title: '',
  frontMatter,
  texts: [{ topicId: 'a#a', text, code: '' }],
});

describe('docLang', () => {
  it('takes a valid front matter lang', () => {
    expect(docLang(doc('hello', { lang: 'pt-BR' }))).toBe('pt-BR');
    expect(docLang(doc('hello', { lang: '"><script>' }))).toBeNull();
  });

  it('guesses CJK from the script of the prose, and nothing for English with a few CJK words', () => {
    expect(docLang(doc('分布式系统的一致性与可用性之间的权衡'))).toBe('zh');
    expect(docLang(doc('キャッシュの無効化はむずかしい問題です'))).toBe('ja');
    expect(docLang(doc('데이터베이스 인덱스는 검색을 빠르게 합니다'))).toBe('ko');
    expect(docLang(doc('The buffer pool (缓冲池) keeps hot pages in memory so that most reads never touch the disk at all.'))).toBeNull();
    expect(docLang(doc('Plain English notes.'))).toBeNull();
  });
});
