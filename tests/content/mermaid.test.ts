// @vitest-environment happy-dom
// mermaid sanitises labels with DOMPurify, which needs a `window`: under the node environment
// `mermaid.parse` fails with "DOMPurify.addHook is not a function", so this file runs in happy-dom.
import mermaid from 'mermaid';
import { beforeAll, describe, expect, test } from 'vitest';
import { codeBlocksOf, listHubMarkdown, readHub } from './helpers';

const blocks = listHubMarkdown().flatMap((doc) =>
  codeBlocksOf(doc, readHub(doc))
    .filter((block) => block.lang === 'mermaid')
    .map((block) => ({ name: `${block.doc}:${block.line}`, block })),
);

beforeAll(() => {
  // The app renders with securityLevel strict; parse under the same settings.
  mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });
});

describe('mermaid diagrams', () => {
  test('the hub has mermaid diagrams', () => {
    expect(blocks.length).toBeGreaterThan(0);
  });

  for (const { name, block } of blocks) {
    test(`${name} parses`, async () => {
      // `parse` rejects with the parser's message on a syntax error; awaiting it fails the test.
      const result = await mermaid.parse(block.value);
      expect(result.diagramType).not.toBe('');
    });
  }

  test('the parser really rejects a broken diagram', async () => {
    await expect(mermaid.parse('flowchart LR\n  A[open --> B')).rejects.toThrow();
  });

  test('no diagram carries an init directive (the app strips them)', () => {
    const withInit = blocks.filter(({ block }) => /%%\{\s*init/i.test(block.value));
    expect(withInit.map((b) => b.name)).toEqual([]);
  });
});
