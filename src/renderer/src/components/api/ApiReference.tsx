import { type ReactNode, useEffect, useMemo, useState } from 'react';
import type { SpecView, StudyApi } from '../../../../core/api/contract';
import type { ApiOperation, EndpointTopic } from '../../../../core/openapi/types';
import type { Route } from '../../route';
import { useApi } from '../../api/useApi';
import { contentScroller, followScroll, rememberedScroll, restoreScroll } from '../../readerScroll';
import { DocContent } from '../DocContent';
import { Exercises } from './Exercises';
import { OperationView } from './OperationView';
import { TryIt } from './TryIt';
import './api.css';
import { BoundedText } from '../BoundedText';

type Props = {
  api: StudyApi;
  path: string;
  slug: string | null;
  onNavigate: (route: Route) => void;
  /** Progress and notes controls for the operation being studied (rendered in its panel). */
  topicSlot?: (topic: EndpointTopic) => ReactNode;
};

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; view: SpecView };

const DIALECTS = { 'swagger-2.0': 'Swagger 2.0', 'openapi-3.0': 'OpenAPI 3.0', 'openapi-3.1': 'OpenAPI 3.1' } as const;

/** The API reference of one OpenAPI file: operations grouped by tag, each a topic; a raw view. */
export function ApiReference({ api, path, slug, onNavigate, topicSlot }: Props) {
  // The parent keys this component by path, so a new spec starts from 'loading'.
  const read = useApi(api, 'hub.spec', { path });
  const state: State =
    read.value !== undefined ? { status: 'ready', view: read.value } : read.error !== null ? { status: 'error', message: read.error.message } : { status: 'loading' };
  const [raw, setRaw] = useState(false);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set(slug !== null ? [slug] : []));

  // The mock's view of the spec: why operations are not mocked in full, and the exercises (refreshed after each send).
  const [sent, setSent] = useState(0);
  const overview = useApi(api, 'mock.overview', { path }, sent).value ?? null;

  const [shownSlug, setShownSlug] = useState(slug);
  if (slug !== shownSlug) {
    // Opening an operation from the tree or a link expands it.
    setShownSlug(slug);
    if (slug !== null && !expanded.has(slug)) {
      setExpanded(new Set([...expanded, slug]));
    }
  }

  useEffect(() => {
    if (state.status !== 'ready') {
      return undefined;
    }
    // Back/forward to an entry the learner had scrolled returns there, as in a doc.
    const scroller = contentScroller();
    const remembered = rememberedScroll();
    if (remembered !== null && scroller !== null) {
      return restoreScroll(scroller, scroller.querySelector<HTMLElement>('article.api-reference'), remembered);
    }
    if (slug !== null) {
      document.getElementById(slug)?.scrollIntoView?.({ block: 'start' });
    }
    return undefined;
  }, [state.status, slug]);

  const ready = state.status === 'ready';
  useEffect(() => {
    const scroller = ready ? contentScroller() : null;
    return scroller !== null ? followScroll(scroller) : undefined;
  }, [ready]);

  const bySlug = useMemo(
    () => new Map<string, ApiOperation>((read.value?.spec.operations ?? []).map((op) => [op.slug, op])),
    [read.value],
  );

  if (state.status === 'loading') {
    return (
      <div className="reader-status" role="status">
        Loading {path}…
      </div>
    );
  }
  if (state.status === 'error') {
    return (
      <div className="reader-status error" role="alert">
        <h2>This API spec cannot be shown</h2>
        <p>
          <BoundedText text={state.message} />
        </p>
      </div>
    );
  }
  const { spec, source } = state.view;
  const toggle = (opSlug: string): void => {
    const next = new Set(expanded);
    if (next.has(opSlug)) {
      next.delete(opSlug);
    } else {
      next.add(opSlug);
      onNavigate({ view: 'api', path, slug: opSlug });
    }
    setExpanded(next);
  };
  return (
    <article className="reader api-reference" aria-label={`${spec.title} API reference`}>
      <header className="api-header">
        <h1>{spec.title}</h1>
        <p className="api-meta">
          <span className="api-dialect">{DIALECTS[spec.dialect]}</span>
          {spec.version !== '' && <span> · version {spec.version}</span>} · {spec.operations.length} operations · <code>{spec.path}</code>
        </p>
        <button type="button" aria-pressed={raw} onClick={() => setRaw((r) => !r)}>
          {raw ? 'Show reference' : 'View raw source'}
        </button>
      </header>
      {spec.notes.length > 0 && (
        <div className="doc-warnings" role="note">
          {spec.notes.map((n) => (
            <p key={n}>⚠ {n}</p>
          ))}
        </div>
      )}
      {raw ? (
        <pre className="api-raw" aria-label="Raw source">
          <code>{source}</code>
        </pre>
      ) : (
        <>
          {spec.servers.length > 0 && (
            <p className="api-servers">
              Servers:{' '}
              {spec.servers.map((s) => (
                <code key={s}>{s}</code>
              ))}
            </p>
          )}
          {spec.descriptionHast !== null && <DocContent safeHast={spec.descriptionHast} api={api} onNavigate={onNavigate} />}
          {overview !== null && (
            <Exercises
              exercises={overview.exercises}
              onOpen={(opSlug) => {
                setExpanded(new Set(expanded).add(opSlug));
                onNavigate({ view: 'api', path, slug: opSlug });
              }}
            />
          )}
          {spec.operations.length === 0 && (
            <p className="api-empty" role="note">
              This spec has no operations.
            </p>
          )}
          {spec.tags.map((tag) => (
            <section key={tag.name} className="api-tag" aria-label={tag.name}>
              <h2>{tag.name}</h2>
              {tag.descriptionHast !== null && <DocContent safeHast={tag.descriptionHast} api={api} onNavigate={onNavigate} />}
              {tag.operationSlugs.map((opSlug) => {
                const op = bySlug.get(opSlug);
                return op === undefined ? null : (
                  <OperationView
                    key={opSlug}
                    op={op}
                    schemas={spec.schemas}
                    expanded={expanded.has(opSlug)}
                    onToggle={() => toggle(opSlug)}
                    api={api}
                    onNavigate={onNavigate}
                    topicSlot={opSlug === slug && topicSlot !== undefined ? topicSlot(op.topic) : null}
                    tryIt={
                      <TryIt
                        api={api}
                        specPath={path}
                        op={op}
                        server={spec.servers[0] ?? ''}
                        schemas={spec.schemas}
                        problems={overview?.problems[opSlug] ?? []}
                        onSent={() => setSent((n) => n + 1)}
                      />
                    }
                  />
                );
              })}
              {tag.alsoSlugs.length > 0 && (
                <ul className="api-also" aria-label={`Also tagged ${tag.name}`}>
                  {tag.alsoSlugs.map((opSlug) => {
                    const op = bySlug.get(opSlug);
                    return op === undefined ? null : (
                      <li key={opSlug}>
                        <a
                          href={`#${opSlug}`}
                          onClick={(e) => {
                            e.preventDefault();
                            setExpanded(new Set(expanded).add(opSlug));
                            onNavigate({ view: 'api', path, slug: opSlug });
                          }}
                        >
                          <span className={`method-badge method-${op.topic.method.toLowerCase()}`}>{op.topic.method}</span>{' '}
                          <code>{op.topic.path}</code> {op.topic.summary} <span className="api-also-where">(under {op.topic.tags[0]})</span>
                        </a>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          ))}
        </>
      )}
    </article>
  );
}
