/** Does a heading or label read like a question a learner could answer? */

/** Opening words that make a question (English, and the cheap equivalents of Dutch). */
const OPENERS = /^(what|why|how|when|which|who|where|explain|describe|define|difference|differences|compare|is|are|does|wat|waarom|hoe|welke|wanneer)\s/i;

/** Headings that open with a question word but name a section of every README. */
const SECTION_NAMES = /^(how (it|this) works|how to (use|run|install|contribute|get started|start|read this( \w+)?|set ?up)|what'?s (next|new|included|inside)|who (am i|we are)|anything else( you want to know)?|where to (start|go next))$/i;

/** Question words of Chinese notes hubs. */
const CJK_QUESTION = /(什么|为什么|如何|怎么|怎样|哪些|区别|是否)/;

/** A leading number, "Q1.", emoji or bullet a learner puts before a question. */
const PREFIX = /^(?:[\p{Extended_Pictographic}\uFE0F\u200D\s]+|Q\s*\d*\s*[:.)]\s*|\d{1,3}\s*[.)]\s*|[-*•]\s+)+/u;

/** The heading text without numbering, emoji, trailing `<br>`, colon or markdown. */
export function cleanQuestion(text: string): string {
  return text
    .replace(/<br\s*\/?>/gi, ' ')
    // An explicit heading id (`{#semver}`) is not part of the question.
    .replace(/\s*\{#[^}]*\}\s*$/, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(PREFIX, '')
    .trim();
}

/**
 * True when `text` (already plain) is a question: it ends in `?`/`？`, starts with a question word
 * (What, Why, How, When, Which, Explain, Difference, wat, waarom, hoe...) or holds a Chinese
 * question word. A bare topic name ("Pros:", "Overview", "Database Indexing") is not one, nor is a
 * single word with a question mark ("Why?").
 */
export function isQuestion(text: string): boolean {
  const t = cleanQuestion(text);
  if (t.length < 4 || t.length > 300) {
    return false;
  }
  const words = t.split(/\s+/).filter((w) => w !== '');
  const cjk = /[\u3400-\u9fff]/.test(t);
  if (!cjk && words.length < 2) {
    return false;
  }
  if (SECTION_NAMES.test(t.replace(/[?？]$/, ''))) {
    return false;
  }
  if (/[?？]$/.test(t)) {
    return true;
  }
  if (cjk) {
    return CJK_QUESTION.test(t);
  }
  // "What:" or "How" followed by nothing is a label, not a question.
  return OPENERS.test(t) && !/:$/.test(t);
}
