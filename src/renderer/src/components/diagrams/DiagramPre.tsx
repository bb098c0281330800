import type { Element } from 'hast';
import type { ComponentProps } from 'react';
import { MermaidDiagram } from './MermaidDiagram';
import { mermaidSourceOf } from './mermaidSource';

type Props = ComponentProps<'pre'> & { node?: Element };

/** A `<pre>` of a doc: ```mermaid blocks become diagrams, every other block stays as it is. */
export function DiagramPre({ node, ...props }: Props) {
  const source = mermaidSourceOf(node);
  return source !== null ? <MermaidDiagram source={source} /> : <pre {...props} />;
}
