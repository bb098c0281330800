import { describe, expect, test } from 'vitest';
import { TOPIC_DOCS, linksOf, readHub } from './helpers';

/** Fewest official pages a doc's source list may name. */
const MIN_SOURCES = 5;

/** The text after the doc's last `**Sources**` line, or null when it has none. */
function sourceList(text: string): string | null {
  const at = text.lastIndexOf('\n**Sources**\n');
  return at === -1 ? null : text.slice(at);
}

describe('every topic doc ends with its sources', () => {
  for (const doc of TOPIC_DOCS) {
    test(`${doc} ends with a **Sources** list of official pages`, () => {
      const text = readHub(doc);
      const list = sourceList(text);
      expect(list, `${doc} has no **Sources** paragraph`).not.toBeNull();
      // Nothing but the list may follow it: no heading, no more prose topics.
      expect(list ?? '').not.toMatch(/^#{1,6}\s/m);
      const links = linksOf(doc, list ?? '').map((link) => link.url);
      expect(links.length).toBeGreaterThanOrEqual(MIN_SOURCES);
      expect(links.filter((url) => !url.startsWith('https://'))).toEqual([]);
    });
  }
});
