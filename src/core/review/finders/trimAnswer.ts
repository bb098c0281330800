/** A section's text cut to a readable card answer, with a link to the whole section when cut. */

/** About how long an answer may grow before it is cut (characters of markdown). */
export const ANSWER_CHARS = 700;

/** Splits markdown into blocks at blank lines outside code fences. */
function blocks(md: string): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  let fence: string | null = null;
  for (const line of md.split('\n')) {
    const m = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (m !== null) {
      const mark = m[1] ?? '';
      fence = fence === null ? mark : mark[0] === fence[0] && mark.length >= fence.length ? null : fence;
    }
    if (fence === null && line.trim() === '' && m === null) {
      if (cur.length > 0) {
        out.push(cur.join('\n'));
        cur = [];
      }
    } else {
      cur.push(line);
    }
  }
  if (cur.length > 0) {
    out.push(cur.join('\n'));
  }
  return out;
}

/** Cuts one long block: prose at a sentence end, code at a line end (the fence is closed again). */
function cutBlock(block: string, max: number): string {
  const fence = /^ {0,3}(`{3,}|~{3,})/.exec(block);
  if (fence !== null) {
    const kept: string[] = [];
    let size = 0;
    for (const line of block.split('\n')) {
      if (size + line.length > max && kept.length > 1) {
        break;
      }
      kept.push(line);
      size += line.length + 1;
    }
    const body = kept.join('\n');
    return body.trimEnd().endsWith(fence[1] ?? '```') && kept.length > 1 ? body : `${body}\n${fence[1] ?? '```'}`;
  }
  const head = block.slice(0, max);
  const end = Math.max(head.lastIndexOf('. '), head.lastIndexOf('。'), head.lastIndexOf('.\n'));
  return end > max / 3 ? head.slice(0, end + 1) : `${head.trimEnd()}…`;
}

/**
 * The answer for a card from `md`: whole blocks up to about `max` characters (at least one), and
 * `[Read the full section](link)` after it when something was left out.
 */
export function trimAnswer(md: string, link: string | null, max = ANSWER_CHARS): string {
  const all = blocks(md.trim());
  const kept: string[] = [];
  let size = 0;
  let cut = false;
  for (const b of all) {
    if (kept.length === 0 && b.length > max * 1.5) {
      kept.push(cutBlock(b, max));
      cut = true;
      break;
    }
    if (kept.length > 0 && size + b.length > max) {
      cut = true;
      break;
    }
    kept.push(b);
    size += b.length;
  }
  const text = kept.join('\n\n');
  return cut && link !== null ? `${text}\n\n[Read the full section](${link})` : text;
}

/** A link from a card of `topicId` (`<doc path>#<slug>`) to its section, relative to the doc. */
export function sectionLink(topicId: string): string {
  const hash = topicId.indexOf('#');
  const docPath = hash < 0 ? topicId : topicId.slice(0, hash);
  const slug = hash < 0 ? '' : topicId.slice(hash + 1);
  const file = docPath.slice(docPath.lastIndexOf('/') + 1);
  return `./${encodeURI(file)}${slug !== '' ? `#${slug}` : ''}`;
}
