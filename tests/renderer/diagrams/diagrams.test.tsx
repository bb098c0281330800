import { render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderDoc } from '../../../src/core/hub/renderDoc';
import { DocContent } from '../../../src/renderer/src/components/DocContent';
import { cleanMermaidSource } from '../../../src/renderer/src/components/diagrams/mermaidSource';
import { fakeApi } from '../fakeApi';

const BROKEN = 'flowchart LR\n  A[open --> B';
const markdown = [
  '# Diagrams',
  '',
  'Before the diagram.',
  '',
  '```mermaid',
  BROKEN,
  '```',
  '',
  '## After',
  '',
  'Text after the broken diagram.',
  '',
  '```python',
  'print("not a diagram")',
  '```',
].join('\n');

describe('diagrams in a doc', () => {
  it('a diagram that fails to parse shows its error and source in a contained box; the rest renders', async () => {
    const doc = renderDoc('d.md', markdown, new Set(['d.md']));
    render(<DocContent safeHast={doc.safeHast} api={fakeApi({})} onNavigate={() => undefined} />);

    const box = await screen.findByRole('group', { name: 'Diagram that could not be drawn' }, { timeout: 15_000 });
    expect(within(box).getByRole('note').textContent).toMatch(/could not be drawn: .+/);
    expect(box.querySelector('pre code')?.textContent?.trimEnd()).toBe(BROKEN);
    // The rest of the page is there, in order, and other code blocks stay code.
    expect(screen.getByRole('heading', { name: 'After' })).toBeTruthy();
    expect(screen.getByText('Text after the broken diagram.')).toBeTruthy();
    expect(document.querySelector('pre code.language-python')?.textContent).toContain('print');
    // The error box sits where the block was, between the text before and after it.
    const order = [...document.body.querySelectorAll('p, figure, h2')].map((el) => el.tagName);
    expect(order.indexOf('FIGURE')).toBeGreaterThan(order.indexOf('P'));
    expect(order.indexOf('FIGURE')).toBeLessThan(order.indexOf('H2'));
    // mermaid's own error graphic is not left in the page.
    await waitFor(() => expect(document.querySelector('[id^="dnexus-mermaid"]')).toBeNull());
  }, 20_000);
});

describe('cleanMermaidSource', () => {
  it('strips init directives, however written, and front-matter config', () => {
    const src = [
      '---',
      'config:',
      '  securityLevel: loose',
      '---',
      '%%{init: {"securityLevel": "loose", "themeCSS": "@import url(https://evil.example/x.css)"}}%%',
      'flowchart LR',
      '  %%{ init: { "securityLevel" : "loose" } }%%',
      '  A --> B',
      '%%{init: %%{init: {}}%% {"x": 1}}%%',
    ].join('\n');
    const cleaned = cleanMermaidSource(src);
    expect(cleaned).not.toMatch(/%%\{/);
    expect(cleaned).not.toMatch(/loose|securityLevel|evil/);
    expect(cleaned).toContain('flowchart LR');
    expect(cleaned).toContain('A --> B');
  });

  it('leaves ordinary comments and diagrams alone', () => {
    expect(cleanMermaidSource('sequenceDiagram\n  %% a comment\n  A->>B: hi')).toBe('sequenceDiagram\n  %% a comment\n  A->>B: hi');
  });
});

// sanitiseSvg (DOMPurify) is checked in Chromium by tests/e2e/api-reference.spec.ts: under happy-dom
// DOMPurify keeps event handlers and drops SVG roots, so a test here would prove nothing.
