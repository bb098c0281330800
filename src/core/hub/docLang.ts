/** The language a doc is typeset in: front matter `lang`, else guessed from its script. */
import type { ParsedDoc } from './types';

const TAG = /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/i;

/**
 * A BCP 47 tag for a doc, or null (the app's language). Front matter `lang` wins; otherwise a doc
 * whose prose is mostly Han, kana or Hangul is `zh`, `ja` or `ko`, so CJK text gets CJK fonts and
 * line breaking.
 */
export function docLang(doc: Pick<ParsedDoc, 'frontMatter' | 'texts' | 'title'>): string | null {
  const declared = doc.frontMatter?.['lang'];
  if (typeof declared === 'string' && TAG.test(declared.trim())) {
    return declared.trim();
  }
  const sample = [doc.title, ...doc.texts.map((t) => t.text)].join(' ').slice(0, 20_000);
  let letters = 0;
  let han = 0;
  let kana = 0;
  let hangul = 0;
  for (const ch of sample) {
    if (/\p{Script=Han}/u.test(ch)) {
      han++;
    } else if (/[\p{Script=Hiragana}\p{Script=Katakana}]/u.test(ch)) {
      kana++;
    } else if (/\p{Script=Hangul}/u.test(ch)) {
      hangul++;
    } else if (/\p{L}/u.test(ch)) {
      // A Latin word counts like one CJK character: roughly one unit of meaning each.
      letters += 0.2;
    }
  }
  const cjk = han + kana + hangul;
  if (cjk === 0 || cjk < letters) {
    return null;
  }
  return kana > 0 && kana >= cjk * 0.1 ? 'ja' : hangul > han ? 'ko' : 'zh';
}
