/**
 * The open-time outline pass: what the tree, progress, search and review need of a doc (topics,
 * anchors, section text and code, front matter, problems), several times faster than the full
 * remark parse the reader renders from. Blocks come from @lezer/markdown (CommonMark + GFM, the
 * parser of the notes editor); heading titles are exactly the reader's: a plain heading's title is
 * its text, any other heading (or bold line) is re-parsed on its own by the reader's remark
 * pipeline. Ids are decided by buildOutline, as for the reader. Docs with a shape the two parsers
 * read differently (see outlineRisk, found by tests/core/hub/outlineFuzz.test.ts) are left to remark.
 * A property test over every shared corpus file checks that both paths give the same topic ids and
 * titles.
 */
import { GFM, type MarkdownConfig, parser as baseParser } from '@lezer/markdown';
import type { TreeCursor } from '@lezer/common';
import type { Heading, Paragraph } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { blankContainerFences, normaliseAdmonitionTitles } from './dialects';
import { parseFrontMatter } from './frontMatter';
import { outlineRisk } from './outlineRisk';
import { MAX_DOC_BYTES, nestingProblem } from './limits';
import { buildOutline, fileTitle, htmlText, normaliseLineEnds, type OutlineBlock, type OutlineHeading, pseudoTitleAllowed, splitExplicitId } from './outline';
import type { HubProblem, ParsedDoc } from './types';

/**
 * Lezer's own hard-break parser rescans a run of spaces from each of its spaces (a heading padded
 * with 50,000 spaces took seconds). Space breaks are only whitespace to the text; the `\` break is
 * kept.
 */
const linearBreaks: MarkdownConfig = {
  remove: ['HardBreak'],
  parseInline: [
    {
      name: 'BackslashBreak',
      parse: (cx, next, pos) => (next === 92 && cx.char(pos + 1) === 10 ? cx.addElement(cx.elt('HardBreak', pos, pos + 2)) : -1),
      before: 'Escape',
    },
  ],
};
/**
 * CommonMark's HTML block 7 includes a self-closing tag alone on its line (`<br />`, `<img ... />`),
 * which lezer's rule misses: the lines up to the next blank one are HTML there (and to remark), so a
 * `# heading` right under `<br />` is no heading. Same shape as lezer's own HTMLBlock parser.
 */
const SELF_CLOSING_TAG = /^<[a-z][\w-]*(?:\s+[a-z:_][\w.:-]*(?:\s*=\s*(?:[^\s"'=<>`]+|'[^']*'|"[^"]*"))?)*\s*\/>[ \t]*$/i;
const selfClosingHtml: MarkdownConfig = {
  parseBlock: [
    {
      name: 'SelfClosingHTMLBlock',
      before: 'HTMLBlock',
      parse: (cx, line) => {
        if (line.next !== 60 || !SELF_CLOSING_TAG.test(line.text.slice(line.pos))) {
          return false;
        }
        const from = cx.lineStart + line.pos;
        while (!/^[ \t]*$/.test(line.text) && cx.nextLine()) {
          // How many containers continue on this line (public in lezer's JS, not in its types).
          if ((line as unknown as { depth: number }).depth < cx.depth) {
            break;
          }
        }
        cx.addElement(cx.elt('HTMLBlock', from, cx.prevLineEnd()));
        return true;
      },
    },
  ],
};
const parser = baseParser.configure([GFM, linearBreaks, selfClosingHtml]);

/** What the remark side provides: its parser and its title rules (see parseDoc). */
export type TitleRules = {
  parseFragment(markdown: string): { children: unknown[] };
  takeExplicitId(node: Heading): string | null;
  pseudoHeadingTitle(node: Paragraph): string | null;
};

const HEADINGS: Record<string, number> = {
  ATXHeading1: 1,
  ATXHeading2: 2,
  ATXHeading3: 3,
  ATXHeading4: 4,
  ATXHeading5: 5,
  ATXHeading6: 6,
  SetextHeading1: 1,
  SetextHeading2: 2,
};
/** Syntax that never reaches the text. */
const SKIP = new Set([
  'HeaderMark',
  'EmphasisMark',
  'CodeMark',
  'LinkMark',
  'QuoteMark',
  'ListMark',
  'TableDelimiter',
  'StrikethroughMark',
  'TaskMarker',
  'CodeInfo',
  'LinkTitle',
  'LinkLabel',
  'HTMLTag',
  'Comment',
  'ProcessingInstruction',
  'LinkReference',
  'HorizontalRule',
]);
/** Nodes whose children are blocks or cells: children are separated by a space, gaps are syntax. */
const BLOCK_PARENTS = new Set(['Document', 'BulletList', 'OrderedList', 'ListItem', 'Blockquote', 'Table', 'TableHeader', 'TableRow']);
const HTML_BLOCKS = new Set(['HTMLBlock', 'CommentBlock', 'ProcessingInstructionBlock']);
/**
 * A heading whose title is its text, trimmed: none of the characters that start inline markdown
 * (emphasis, code, links, HTML, entities, escapes, autolinks), and `_` only inside a word.
 */
const PLAIN = /^[^\\`*~<>&[\]!\p{Cc}]*$/u;
const LOOSE_UNDERSCORE = /(?:^|[^\p{L}\p{N}])_|_(?:$|[^\p{L}\p{N}])/u;
const AUTOLINKISH = /:\/\/|www\.|@|\{[^}]*$/i;

function isPlain(s: string): boolean {
  return PLAIN.test(s) && !AUTOLINKISH.test(s) && !(s.includes('_') && LOOSE_UNDERSCORE.test(s));
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', copy: '©', reg: '®', mdash: '—', ndash: '–', hellip: '…', rarr: '→', larr: '←', times: '×' };

function decodeEntity(raw: string): string {
  const m = /^&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]*));$/.exec(raw);
  const code = m?.[1] !== undefined ? parseInt(m[1], 16) : m?.[2] !== undefined ? parseInt(m[2], 10) : null;
  if (code !== null) {
    return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff) ? String.fromCodePoint(code) : '\uFFFD';
  }
  return (m?.[3] !== undefined ? ENTITIES[m[3]] : undefined) ?? raw;
}

const FRONT_MATTER_OPEN = /^---[ \t]*\r?\n/;
const INDENTED_FENCE = /^ {1,3}:::/m;

/** YAML front matter as remark-frontmatter reads it: its value and where the body starts. */
function splitFrontMatter(text: string): { value: string; end: number } | null {
  const open = FRONT_MATTER_OPEN.exec(text);
  if (open === null) {
    return null;
  }
  const close = /^---[ \t]*(?:\r?\n|$)/m;
  const rest = text.slice(open[0].length);
  const m = close.exec(rest);
  if (m === null) {
    return null;
  }
  return { value: rest.slice(0, m.index).replace(/\r?\n$/, ''), end: open[0].length + m.index + m[0].length };
}

type Pending = { heading: OutlineHeading; source: string; kind: 'heading' | 'pseudo'; needsDefinitions: boolean };
/** A bold line that turned out not to be a pseudo-heading, and its text. */
type Dropped = Map<OutlineHeading, string>;

/**
 * The outline of one markdown doc (see the module comment). Throws like parseMarkdown (via
 * `reject`) for input over the size or nesting limits. Null when this pass cannot tell the blocks
 * as remark would (a risky shape, see outlineRisk; a `:::` line right after an HTML block line:
 * remark reads it as HTML, the blank that replaced it ends the block here; a definition with
 * unbalanced parentheses or inside a container); the caller outlines with remark then.
 */
export function fastOutline(
  path: string,
  source: string,
  encoding: ParsedDoc['encoding'],
  rules: TitleRules,
  reject: (problem: HubProblem) => never,
): ParsedDoc | null {
  const normalised = normaliseAdmonitionTitles(normaliseLineEnds(source));
  if (normalised.length > MAX_DOC_BYTES) {
    reject({ path, code: 'too-large', severity: 'error', message: `Larger than ${MAX_DOC_BYTES / 1048576} MiB; not shown.` });
  }
  const deep = nestingProblem(normalised);
  if (deep !== null) {
    reject({ path, code: 'too-deep', severity: 'error', message: `Markdown ${deep}; not shown.` });
  }
  const problems: HubProblem[] = [];
  let frontMatter: ParsedDoc['frontMatter'] = null;
  let text = normalised;
  const fm = splitFrontMatter(text);
  if (fm !== null) {
    const parsed = parseFrontMatter(fm.value);
    frontMatter = parsed.data;
    if (parsed.error !== null) {
      problems.push({ path, code: 'front-matter', severity: 'warning', message: `Front matter ignored: ${parsed.error}` });
    }
    // Blank lines in its place keep every line number.
    text = text.slice(0, fm.end).replace(/[^\n]/g, '') + text.slice(fm.end);
  }
  const blanked: number[] = [];
  // A `:::` fence indented 1-3 spaces: micromark takes that indentation off the lines inside.
  const indentedFence = text.includes(':::') && INDENTED_FENCE.test(text);
  text = blankContainerFences(text, blanked);
  if ((indentedFence && blanked.length > 0) || outlineRisk(text, fm === null && FRONT_MATTER_OPEN.test(text), blanked) !== null) {
    return null;
  }
  // micromark reads NUL as U+FFFD (lezer as a control character): same length, same offsets.
  if (text.includes('\0')) {
    text = text.replaceAll('\0', '\uFFFD');
  }

  const lineStarts: number[] = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
    lineStarts.push(i + 1);
  }
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo + 1;
  };

  const tree = parser.parse(text);
  if (blanked.length > 0 && blankEndsHtml(tree, blanked, lineOf)) {
    return null;
  }
  const headings: OutlineHeading[] = [];
  const blocks: OutlineBlock[] = [];
  const pending: Pending[] = [];
  const definitions: string[] = [];
  const fence: { unclosed: number | null } = { unclosed: null };
  const dropped: Dropped = new Map();
  const paragraphTexts = new Map<OutlineHeading, string>();
  // A definition whose destination has unbalanced parentheses is no definition to micromark.
  let badDestination = false;
  const unbalancedDestination = (cur: TreeCursor): boolean => {
    let bad = false;
    if (cur.firstChild()) {
      do {
        if (cur.name === 'URL' && text.charCodeAt(cur.from) !== 60 /* < */) {
          let depth = 0;
          for (let i = cur.from; i < cur.to && depth >= 0; i++) {
            const ch = text.charCodeAt(i);
            if (ch === 92 /* \\ */) {
              i++;
            } else {
              depth += ch === 40 ? 1 : ch === 41 ? -1 : 0;
            }
          }
          bad = depth !== 0;
        }
      } while (cur.nextSibling());
      cur.parent();
    }
    return bad;
  };

  const heading = (c: TreeCursor, depth: number, topLevel: boolean): void => {
    const from = c.from;
    const to = c.to;
    const setext = c.name.startsWith('Setext');
    let quoted = false;
    for (let up = c.node.parent; up !== null && !quoted; up = up.parent) {
      quoted = up.name === 'Blockquote';
    }
    let start = from;
    let end = to;
    const quotes: Array<[number, number]> = [];
    if (c.firstChild()) {
      do {
        if (c.name === 'HeaderMark') {
          if (setext) {
            end = c.from;
          } else if (c.from === from || start === from) {
            start = c.to;
          } else {
            end = c.from;
          }
        } else if (c.name === 'QuoteMark') {
          quotes.push([c.from, c.to]);
        }
      } while (c.nextSibling());
      c.parent();
    }
    let content = text.slice(start, end);
    if (quotes.length > 0) {
      content = '';
      let pos = start;
      for (const [qFrom, qTo] of quotes) {
        if (qFrom >= start && qTo <= end) {
          content += text.slice(pos, qFrom);
          pos = qTo;
        }
      }
      content += text.slice(pos, end);
    }
    // Trailing whitespace (a CRLF's `\r` too) is never part of a title.
    content = content.trimEnd();
    const h: OutlineHeading = { kind: 'heading', depth, title: '', explicit: null, topLevel, line: lineOf(from) };
    const explicit = splitExplicitId(content);
    const rest = explicit !== null ? explicit.before : content;
    if (isPlain(rest) && (explicit === null || isPlain(explicit.id))) {
      h.title = rest.trim();
      h.explicit = explicit?.id ?? null;
    } else {
      // A continuation line's blockquote markers are no part of the title (lezer gives no QuoteMark for them).
      // Continuation lines keep their indentation: `    #` goes on a paragraph, `#` would interrupt it.
      const lines = content
        .split('\n')
        .map((l, i) => (i === 0 ? l.trimStart() : quoted ? l.replace(/^(?:[ \t]*>)+/, '') : l))
        .filter((l, i) => i === 0 || l.trim() !== '');
      // A closing sequence of its own, so a `#` that ends the content stays in it (`# & # #`).
      const src = setext || lines.length > 1 ? `${lines.join('\n')}\n===` : `${'#'.repeat(depth)} ${content} #`;
      pending.push({ heading: h, source: src, kind: 'heading', needsDefinitions: content.includes(']') });
    }
    headings.push(h);
  };

  /** The text of the node at `c` (and every heading in it, outlined as nested). */
  const textOf = (c: TreeCursor, out: string[]): void => {
    const name = c.name;
    const depth = HEADINGS[name];
    if (depth !== undefined) {
      // A nested heading is outlined (for its anchor); its text is its content.
      heading(c, depth, false);
    }
    switch (name) {
      case 'Escape':
        out.push(text.slice(c.from + 1, c.to));
        return;
      case 'Entity':
        out.push(decodeEntity(text.slice(c.from, c.to)));
        return;
      case 'HardBreak':
        out.push(' ');
        return;
      case 'CodeText':
        out.push(text.slice(c.from, c.to));
        return;
      case 'FencedCode':
        codeUnclosed(c);
        break;
      default:
        if (HTML_BLOCKS.has(name)) {
          out.push(' ', htmlText(text.slice(c.from, c.to)), ' ');
          return;
        }
        if (SKIP.has(name)) {
          if (name === 'LinkReference') {
            definitions.push(text.slice(c.from, c.to));
            badDestination ||= unbalancedDestination(c);
          }
          return;
        }
    }
    const blockParent = BLOCK_PARENTS.has(name);
    const keepGaps = !blockParent && name !== 'FencedCode' && name !== 'CodeBlock';
    let pos = c.from;
    const end = c.to;
    if (c.firstChild()) {
      do {
        if (keepGaps && c.from > pos) {
          out.push(text.slice(pos, c.from));
        }
        if (blockParent) {
          out.push(' ');
        }
        if (c.name === 'URL' && (name === 'Link' || name === 'Image')) {
          // The destination of a link or image is not its text.
        } else {
          textOf(c, out);
        }
        pos = c.to;
      } while (c.nextSibling());
      c.parent();
    }
    if (keepGaps && end > pos) {
      out.push(text.slice(pos, end));
    }
  };

  const codeUnclosed = (c: TreeCursor): void => {
    if (fence.unclosed !== null || c.to < text.trimEnd().length) {
      return;
    }
    let marks = 0;
    const from = c.from;
    if (c.firstChild()) {
      do {
        if (c.name === 'CodeMark') {
          marks++;
        }
      } while (c.nextSibling());
      c.parent();
    }
    if (marks < 2) {
      fence.unclosed = lineOf(from);
    }
  };

  const codeOf = (c: TreeCursor): string => {
    const parts: string[] = [];
    if (c.name === 'FencedCode') {
      codeUnclosed(c);
    }
    if (c.firstChild()) {
      do {
        if (c.name === 'CodeText') {
          parts.push(text.slice(c.from, c.to));
        }
      } while (c.nextSibling());
      c.parent();
    }
    return parts.join('');
  };

  const c = tree.cursor();
  // Where the run of link definitions right above the current block starts (remark's setext
  // heading starts there: definitions and heading text are one paragraph to micromark).
  let definitionsFrom: number | null = null;
  let previousEnd = -1;
  if (c.firstChild()) {
    do {
      const name = c.name;
      const depth = HEADINGS[name];
      const adjacent = previousEnd >= 0 && lineOf(previousEnd) + 1 === lineOf(c.from);
      const runFrom: number | null = adjacent ? definitionsFrom : null;
      definitionsFrom = name === 'LinkReference' ? (runFrom ?? c.from) : null;
      previousEnd = c.to;
      // A bold line (a pseudo-heading if its title is allowed): `strong` when lezer reads one strong
      // emphasis, `remark` when only its shape says so.
      const pseudo = name !== 'Paragraph' ? null : isPseudoCandidate(c) ? 'strong' : strongShaped(c) ? 'remark' : null;
      if (depth !== undefined) {
        heading(c, depth, true);
        const h = headings[headings.length - 1] as OutlineHeading;
        if (runFrom !== null && name.startsWith('Setext')) {
          h.line = lineOf(runFrom);
        }
        blocks.push({ heading: headings.length - 1 });
      } else if (name === 'FencedCode' || name === 'CodeBlock') {
        blocks.push({ heading: null, text: '', code: codeOf(c) });
      } else if (pseudo !== null) {
        const end = c.from + text.slice(c.from, c.to).trimEnd().length;
        const inner = text.slice(c.from + 2, end - 2);
        const h: OutlineHeading = { kind: 'pseudo', depth: 3, title: '', explicit: null, topLevel: true, line: lineOf(c.from) };
        headings.push(h);
        blocks.push({ heading: headings.length - 1 });
        if (pseudo === 'strong' && isPlain(inner) && !inner.includes('_')) {
          h.title = inner.trim();
          if (!pseudoTitleAllowed(h.title)) {
            dropped.set(h, h.title);
          }
        } else {
          const out: string[] = [];
          textOf(c, out);
          paragraphTexts.set(h, out.join('').trim());
          pending.push({ heading: h, source: text.slice(c.from, end), kind: 'pseudo', needsDefinitions: inner.includes(']') });
        }
      } else {
        const out: string[] = [];
        textOf(c, out);
        blocks.push({ heading: null, text: out.join('').replace(/[ \t]{2,}/g, ' ').trim(), code: null });
      }
    } while (c.nextSibling());
  }

  // A definition inside a `:::` container is seen only inside it by micromark.
  if (badDestination || (blanked.length > 0 && definitions.length > 0 && pending.some((p) => p.needsDefinitions))) {
    return null;
  }
  // Titles that need inline markdown: the reader's own parse of the heading (or bold line) alone.
  const defs = definitions.join('\n\n');
  for (const p of pending) {
    const src = p.needsDefinitions && defs !== '' ? `${p.source}\n\n${defs}` : p.source;
    const node = rules.parseFragment(src).children[0] as Heading | Paragraph | undefined;
    if (p.kind === 'heading') {
      if (node?.type === 'heading') {
        p.heading.explicit = rules.takeExplicitId(node);
        p.heading.title = toString(node).trim();
      } else {
        p.heading.title = p.source.replace(/^#+\s*|\s#$|\n===$/g, '').trim();
      }
    } else {
      const title = node?.type === 'paragraph' ? rules.pseudoHeadingTitle(node) : null;
      if (title === null) {
        dropped.set(p.heading, paragraphTexts.get(p.heading) ?? '');
      } else {
        p.heading.title = title;
      }
    }
  }
  const finalHeadings = dropped.size === 0 ? headings : headings.filter((h) => !dropped.has(h));
  const finalBlocks =
    dropped.size === 0
      ? blocks
      : blocks.map((b): OutlineBlock => {
          if (b.heading === null) {
            return b;
          }
          const h = headings[b.heading] as OutlineHeading;
          const dropText = dropped.get(h);
          return dropText !== undefined ? { heading: null, text: dropText, code: null } : { heading: finalHeadings.indexOf(h) };
        });
  const { topics, anchors, texts } = buildOutline(path, finalHeadings, finalBlocks);
  if (fence.unclosed !== null) {
    problems.push({
      path,
      code: 'unclosed-fence',
      severity: 'warning',
      message: `Code fence opened on line ${fence.unclosed} is never closed: the rest of the file shows as code.`,
    });
  }
  const fmTitle = frontMatter?.['title'];
  const title =
    typeof fmTitle === 'string' && fmTitle.trim() !== ''
      ? fmTitle.trim()
      : topics.find((t) => t.depth === 1)?.title || topics[0]?.title || fileTitle(path);
  return { path, title, topics, anchors, texts, frontMatter, problems, encoding };

  /**
   * A paragraph that starts and ends with `**` or `__` but that lezer does not read as one strong
   * emphasis (an autolink literal inside can end differently, `**www.m*#**`): remark decides.
   */
  function strongShaped(cur: TreeCursor): boolean {
    const s = text.slice(cur.from, cur.to).trim();
    return s.length >= 4 && (s.startsWith('**') || s.startsWith('__')) && (s.endsWith('**') || s.endsWith('__'));
  }

  function isPseudoCandidate(cur: TreeCursor): boolean {
    const from = cur.from;
    // Trailing spaces (a hard break before a list that interrupts the paragraph) are no content.
    const to = from + text.slice(from, cur.to).trimEnd().length;
    if (!cur.firstChild()) {
      return false;
    }
    const ok = cur.name === 'StrongEmphasis' && cur.from === from && cur.to === to && !cur.nextSibling();
    cur.parent();
    return ok;
  }
}

/** Whether a blanked `:::` line comes right after a line of an HTML block (at any depth). */
function blankEndsHtml(tree: { cursor(): TreeCursor }, blanked: readonly number[], lineOf: (offset: number) => number): boolean {
  // A blanked line's 0-based index is the 1-based number of the line before it.
  const after = new Set(blanked);
  const c = tree.cursor();
  let found = false;
  do {
    if (c.name === 'HTMLBlock' && after.has(lineOf(c.to))) {
      found = true;
    }
  } while (!found && c.next());
  return found;
}
