import type { Element, ElementContent } from 'hast';
import { type ComponentProps, useState } from 'react';
import { MermaidDiagram } from './MermaidDiagram';
import { mermaidSourceOf } from './mermaidSource';

type Props = ComponentProps<'pre'> & { node?: Element };

function textOf(node: ElementContent | Element): string {
  if (node.type === 'text') {
    return node.value;
  }
  return node.type === 'element' ? node.children.map(textOf).join('') : '';
}

/** A code block with a Copy button (the code's text, as written). */
function CodeBlock({ node, ...props }: Props) {
  const [copied, setCopied] = useState<'idle' | 'done' | 'failed'>('idle');
  const copy = (): void => {
    const text = node !== undefined ? textOf(node).replace(/\n$/, '') : '';
    void navigator.clipboard?.writeText(text).then(
      () => setCopied('done'),
      () => setCopied('failed'),
    );
    window.setTimeout(() => setCopied('idle'), 1500);
  };
  return (
    <div className="code-block">
      <button type="button" className="code-copy" onClick={copy} aria-label="Copy code">
        {copied === 'done' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
      </button>
      <pre {...props} />
    </div>
  );
}

/** A `<pre>` of a doc: ```mermaid blocks become diagrams, other blocks get a Copy button. */
export function DiagramPre({ node, ...props }: Props) {
  const source = mermaidSourceOf(node);
  return source !== null ? <MermaidDiagram source={source} /> : <CodeBlock node={node} {...props} />;
}
