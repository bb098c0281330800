import { type ReactNode, useState } from 'react';
import type { SchemaNode, SchemaShape } from '../../../../core/openapi/types';

type Props = {
  node: SchemaNode;
  schemas: Record<string, SchemaNode>;
  name?: string;
  required?: boolean;
  ancestors?: readonly string[];
  startOpen?: boolean;
};

function typeLabel(shape: SchemaShape): string {
  const base = shape.type || (shape.combinators[0]?.keyword ?? 'any');
  return shape.format !== null ? `${base} (${shape.format})` : base;
}

function hasChildren(shape: SchemaShape): boolean {
  return shape.properties.length > 0 || shape.items !== null || shape.additionalProperties !== null || shape.combinators.length > 0;
}

/**
 * A schema as an expandable tree: disclosure buttons (Enter/Space) open objects, arrays,
 * combinators and `$ref`s; a `$ref` already open further up shows as circular instead of opening.
 */
export function SchemaTree({ node, schemas, name, required = false, ancestors = [], startOpen = false }: Props) {
  const [open, setOpen] = useState(startOpen);
  const head = (label: ReactNode, expandable: boolean, extra: ReactNode = null): ReactNode => (
    <div className="schema-head">
      {expandable ? (
        <button type="button" className="schema-toggle" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          <span aria-hidden="true">{open ? '▾' : '▸'}</span> {name !== undefined && <code className="schema-name">{name}</code>} {label}
        </button>
      ) : (
        <span className="schema-leaf">
          {name !== undefined && <code className="schema-name">{name}</code>} {label}
        </span>
      )}
      {required && <span className="schema-required">required</span>}
      {extra}
    </div>
  );

  if (node.kind === 'external-ref') {
    return (
      <li className="schema-node">
        {head(
          <span className="schema-ref external" title="References to other files or URLs are not followed">
            → {node.ref} (not followed)
          </span>,
          false,
        )}
      </li>
    );
  }
  if (node.kind === 'broken-ref') {
    return (
      <li className="schema-node">
        {head(
          <span className="schema-ref broken">
            ⚠ {node.ref}: {node.reason}
          </span>,
          false,
        )}
      </li>
    );
  }
  if (node.kind === 'truncated') {
    return <li className="schema-node">{head(<span className="schema-ref">… (too deep to show)</span>, false)}</li>;
  }
  if (node.kind === 'ref') {
    const circular = ancestors.includes(node.pointer);
    const target = schemas[node.pointer];
    if (circular || target === undefined) {
      return (
        <li className="schema-node">
          {head(
            <span className="schema-ref">
              {node.name} {circular ? '↻ (circular, see above)' : '(not found)'}
            </span>,
            false,
          )}
        </li>
      );
    }
    return (
      <li className="schema-node">
        {head(<span className="schema-ref">{node.name}</span>, true)}
        {open && (
          <ul className="schema-children">
            <SchemaTree node={target} schemas={schemas} ancestors={[...ancestors, node.pointer]} startOpen />
          </ul>
        )}
      </li>
    );
  }
  const expandable = hasChildren(node);
  const facts = [
    ...node.constraints,
    ...(node.enumValues.length > 0 ? [`one of ${node.enumValues.join(', ')}`] : []),
    ...(node.defaultValue !== null ? [`default ${node.defaultValue}`] : []),
  ];
  const detail = (
    <>
      {node.description !== null && <span className="schema-desc">{node.description}</span>}
      {facts.length > 0 && <span className="schema-facts">{facts.join(' · ')}</span>}
      {node.example !== null && <span className="schema-example">e.g. {node.example}</span>}
    </>
  );
  return (
    <li className="schema-node">
      {head(<span className="schema-type">{typeLabel(node)}</span>, expandable, detail)}
      {expandable && open && (
        <ul className="schema-children">
          {node.properties.map((p) => (
            <SchemaTree key={p.name} node={p.schema} schemas={schemas} name={p.name} required={p.required} ancestors={ancestors} />
          ))}
          {node.items !== null && <SchemaTree node={node.items} schemas={schemas} name="[items]" ancestors={ancestors} />}
          {node.additionalProperties !== null && (
            <SchemaTree node={node.additionalProperties} schemas={schemas} name="[other keys]" ancestors={ancestors} />
          )}
          {node.combinators.flatMap((c) =>
            c.schemas.map((s, i) => (
              <SchemaTree key={`${c.keyword}${i}`} node={s} schemas={schemas} name={`${c.keyword} ${i + 1}`} ancestors={ancestors} />
            )),
          )}
        </ul>
      )}
    </li>
  );
}

/** A schema at the top of a body or response: one tree, opened one level. */
export function SchemaView({ node, schemas }: { node: SchemaNode; schemas: Record<string, SchemaNode> }) {
  return (
    <ul className="schema-tree" aria-label="Schema">
      <SchemaTree node={node} schemas={schemas} startOpen />
    </ul>
  );
}
