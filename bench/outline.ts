/**
 * Outline benchmark: `npm run bench:outline -- [--dir <dir>] [--rounds <n>]` (default dir:
 * ../shared/corpora/large). Single thread, in process, on every markdown file under the dir.
 *
 * Prints ONE JSON line: files, MB; old_mb_s, the full remark parse every doc got at open before
 * (parseMarkdown: micromark + GFM + front matter + containers, then outlining); new_mb_s, the
 * open-time outline pass (parseDoc); speedup (new / old); remark_fallback_files, how many docs the
 * outline pass gives to remark (shapes lezer reads differently, see outlineRisk); and where the old
 * time went (phase shares of one pass: micromark tokenising, mdast building, outlining). Times are this process's
 * CPU time (user + system), so other load on the machine counts less. Each figure is the best of
 * --rounds (default 1) passes after a warm-up on 40 docs, so JIT warm-up and another process's burst
 * count less.
 */
import path from 'node:path';
import { fromMarkdown } from 'mdast-util-from-markdown';
import { directiveFromMarkdown } from 'mdast-util-directive';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { gfmFromMarkdown } from 'mdast-util-gfm';
import { parse, postprocess, preprocess } from 'micromark';
import { directive } from 'micromark-extension-directive';
import { frontmatter } from 'micromark-extension-frontmatter';
import { gfm } from 'micromark-extension-gfm';
import { normaliseAdmonitionTitles } from '../src/core/hub/dialects';
import { DocRejected, parseDoc, parseMarkdown, takesOutlineFallback } from '../src/core/hub/parseDoc';
import { corpusDocs } from './corpusDocs';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
}

const dir = path.resolve(arg('dir') ?? path.resolve(import.meta.dirname, '../../shared/corpora/large'));
const rounds = Math.max(1, Number(arg('rounds') ?? 1));
const docs = corpusDocs(dir);
const mb = docs.reduce((n, d) => n + Buffer.byteLength(d.text), 0) / 1048576;

/** Best CPU time (ms; the machine may be shared, so not wall time) of `rounds` passes of `fn` over every doc, after a warm-up on a few docs. */
function best(fn: (d: (typeof docs)[number]) => void): number {
  const pass = (set: typeof docs = docs): number => {
    const t = process.cpuUsage();
    for (const d of set) {
      try {
        fn(d);
      } catch {
        // A rejected doc (too large, too deep) costs what it cost.
      }
    }
    const used = process.cpuUsage(t);
    return (used.user + used.system) / 1000;
  };
  pass(docs.slice(0, 40));
  let min = Infinity;
  for (let i = 0; i < rounds; i++) {
    min = Math.min(min, pass());
  }
  return min;
}

// Docs with a shape lezer and micromark read differently are outlined by remark (see outlineRisk).
const fallbacks = docs.filter((d) => {
  try {
    return takesOutlineFallback(d.rel, d.text, d.encoding);
  } catch (e) {
    if (e instanceof DocRejected) {
      return false;
    }
    throw e;
  }
}).length;

const oldMs = best((d) => parseMarkdown(d.rel, d.text, d.encoding));
const newMs = best((d) => parseDoc(d.rel, d.text, d.encoding));

// Where the old time went: the same pipeline remark runs, one stage at a time.
const micromarkExtensions = [gfm(), frontmatter(['yaml']), directive()];
const mdastExtensions = [gfmFromMarkdown(), frontmatterFromMarkdown(['yaml']), directiveFromMarkdown()];
const tokeniseMs = best((d) => {
  postprocess(parse({ extensions: micromarkExtensions }).document().write(preprocess()(normaliseAdmonitionTitles(d.text), undefined, true)));
});
const mdastMs = best((d) => fromMarkdown(normaliseAdmonitionTitles(d.text), { extensions: micromarkExtensions, mdastExtensions }));
const share = (ms: number): number => Math.round((ms / oldMs) * 100) / 100;

console.log(
  JSON.stringify({
    dir: path.relative(process.cwd(), dir) || '.',
    files: docs.length,
    mb: Math.round(mb * 100) / 100,
    old_full_parse_mb_s: Math.round((mb / (oldMs / 1000)) * 100) / 100,
    new_outline_mb_s: Math.round((mb / (newMs / 1000)) * 100) / 100,
    speedup: Math.round((oldMs / newMs) * 100) / 100,
    remark_fallback_files: fallbacks,
    old_ms: Math.round(oldMs),
    new_ms: Math.round(newMs),
    old_phase_share: {
      micromark_tokenise: share(tokeniseMs),
      mdast_build: share(Math.max(0, mdastMs - tokeniseMs)),
      outline_slug_text: share(Math.max(0, oldMs - mdastMs)),
    },
  }),
);
