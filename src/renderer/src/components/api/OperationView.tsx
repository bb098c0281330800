import type { ReactNode } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { ApiExample, ApiMedia, ApiOperation, SchemaNode } from '../../../../core/openapi/types';
import type { Route } from '../../route';
import { DocContent } from '../DocContent';
import { SchemaView } from './SchemaTree';

type Props = {
  op: ApiOperation;
  schemas: Record<string, SchemaNode>;
  expanded: boolean;
  onToggle: () => void;
  api: StudyApi;
  onNavigate: (route: Route) => void;
  /** Where progress and notes controls for this operation (a topic) attach; shown when expanded. */
  topicSlot: ReactNode;
  /** The "Try it" panel (the offline mock), shown under the responses. */
  tryIt?: ReactNode;
};

function Examples({ examples }: { examples: ApiExample[] }) {
  if (examples.length === 0) {
    return null;
  }
  return (
    <div className="api-examples">
      {examples.map((ex, i) => (
        <figure key={`${ex.name ?? ''}${i}`} className="api-example">
          <figcaption>
            Example{ex.name !== null ? `: ${ex.name}` : ''}
            {ex.summary !== null ? ` — ${ex.summary}` : ''}
          </figcaption>
          <pre>
            <code>{ex.value}</code>
          </pre>
        </figure>
      ))}
    </div>
  );
}

function Media({ content, schemas }: { content: ApiMedia[]; schemas: Record<string, SchemaNode> }) {
  return (
    <>
      {content.map((m) => (
        <div key={m.mediaType} className="api-media">
          <code className="api-media-type">{m.mediaType}</code>
          {m.schema !== null && <SchemaView node={m.schema} schemas={schemas} />}
          <Examples examples={m.examples} />
        </div>
      ))}
    </>
  );
}

/** One operation: a header that expands to description, parameters, body, responses, examples. */
export function OperationView({ op, schemas, expanded, onToggle, api, onNavigate, topicSlot, tryIt }: Props) {
  const { method, path, summary } = op.topic;
  const panelId = `op-panel-${op.slug}`;
  return (
    <section className={`api-operation${op.deprecated ? ' deprecated' : ''}`} id={op.slug} aria-label={`${method} ${path}`}>
      <h3 className="api-operation-head">
        <button type="button" aria-expanded={expanded} aria-controls={panelId} onClick={onToggle}>
          <span className={`method-badge method-${method.toLowerCase()}`}>{method}</span>
          <code className="api-path">{path}</code>
          <span className="api-summary">{summary}</span>
          {op.deprecated && <span className="api-deprecated">deprecated</span>}
        </button>
      </h3>
      {expanded && (
        <div className="api-operation-body" id={panelId}>
          <div className="api-topic-slot">{topicSlot}</div>
          {op.topic.operationId !== null && (
            <p className="api-operation-id">
              operationId <code>{op.topic.operationId}</code>
            </p>
          )}
          {op.descriptionHast !== null && <DocContent safeHast={op.descriptionHast} api={api} onNavigate={onNavigate} />}
          {op.parameters.length > 0 && (
            <>
              <h4>Parameters</h4>
              <table className="api-params">
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">In</th>
                    <th scope="col">Schema</th>
                    <th scope="col">Description</th>
                  </tr>
                </thead>
                <tbody>
                  {op.parameters.map((p) => (
                    <tr key={`${p.in}:${p.name}`}>
                      <td>
                        <code>{p.name}</code>
                        {p.required && <span className="schema-required">required</span>}
                        {p.deprecated && <span className="api-deprecated">deprecated</span>}
                      </td>
                      <td>{p.in}</td>
                      <td>{p.schema !== null && <SchemaView node={p.schema} schemas={schemas} />}</td>
                      <td>
                        {p.description}
                        <Examples examples={p.examples} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          {op.requestBody !== null && (
            <>
              <h4>Request body{op.requestBody.required ? ' (required)' : ''}</h4>
              {op.requestBody.description !== '' && <p>{op.requestBody.description}</p>}
              <Media content={op.requestBody.content} schemas={schemas} />
            </>
          )}
          <h4>Responses</h4>
          {op.responses.length === 0 && <p>No responses are documented.</p>}
          {op.responses.map((r) => (
            <div key={r.status} className="api-response">
              <p>
                <span className={`status-badge status-${r.status.charAt(0)}`}>{r.status}</span> {r.description}
              </p>
              {r.headers.length > 0 && (
                <p className="api-headers">
                  Headers:{' '}
                  {r.headers.map((h) => (
                    <code key={h.name}>{h.name}</code>
                  ))}
                </p>
              )}
              <Media content={r.content} schemas={schemas} />
            </div>
          ))}
          {tryIt}
        </div>
      )}
    </section>
  );
}
