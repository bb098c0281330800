import { useEffect, useRef, useState } from 'react';
import type { StudyApi } from '../../../core/api/contract';
import { docLang } from '../../../core/hub/docLang';
import type { RenderedDoc } from '../../../core/hub/types';
import { anchorElementId } from '../../../core/hub/userContentIds';
import type { Route } from '../route';
import { DocContent } from './DocContent';
import { useSearchHighlight } from './search/useSearchHighlight';
import { BoundedText } from './BoundedText';

type Props = {
  api: StudyApi;
  path: string;
  slug: string | null;
  /** Search words to highlight. */ q?: string | undefined;
  onNavigate: (route: Route) => void;
};

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; doc: RenderedDoc };

/** The reader: one doc, scrolled to the requested topic. */
export function Reader({ api, path, slug, q, onNavigate }: Props) {
  const [state, setState] = useState<State>({ status: 'loading' });
  const articleRef = useRef<HTMLElement>(null);

  useEffect(() => {
    // The parent keys this component by path, so a new doc starts from 'loading'.
    let live = true;
    void api['hub.doc']({ path }).then((res) => {
      if (live) {
        setState(res.ok ? { status: 'ready', doc: res.value } : { status: 'error', message: res.error.message });
      }
    });
    return () => {
      live = false;
    };
  }, [api, path]);

  useSearchHighlight(articleRef, q !== undefined && q !== '' ? q.split(' ') : [], state.status === 'ready');
  // A heading's id, or hub HTML's `user-content-` one for a link written for GitHub (`#location`).
  const targetId =
    state.status === 'ready' && slug !== null
      ? anchorElementId(slug, [...state.doc.anchors, ...state.doc.topics.map((t) => t.slug)], state.doc.safeHast)
      : null;
  const missingSlug = state.status === 'ready' && slug !== null && targetId === null;

  useEffect(() => {
    if (state.status !== 'ready') {
      return;
    }
    const target = targetId !== null ? document.getElementById(targetId) : null;
    if (target !== null) {
      target.scrollIntoView({ block: 'start' });
      target.classList.add('flash');
      const t = window.setTimeout(() => target.classList.remove('flash'), 1200);
      return () => window.clearTimeout(t);
    }
    articleRef.current?.scrollTo?.({ top: 0 });
    return undefined;
  }, [state, targetId]);

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
        <h2>This doc cannot be shown</h2>
        <p>
          <BoundedText text={state.message} />
        </p>
      </div>
    );
  }
  const warnings = state.doc.problems;
  return (
    <article className="reader markdown-body" ref={articleRef} aria-label={state.doc.title} lang={docLang(state.doc) ?? undefined}>
      {warnings.length > 0 && (
        <div className="doc-warnings" role="note">
          {warnings.map((w) => (
            <p key={`${w.code}:${w.message}`}>⚠ {w.message}</p>
          ))}
        </div>
      )}
      {missingSlug && (
        <p className="doc-warnings" role="note">
          The section “{slug}” is not in this doc (it may have been renamed). Showing the start of the doc.
        </p>
      )}
      <DocContent safeHast={state.doc.safeHast} api={api} onNavigate={onNavigate} />
    </article>
  );
}
