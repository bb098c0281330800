import { type CSSProperties, useCallback, useEffect, useMemo, useRef } from 'react';
import type { StudyApi } from '../../../core/api/contract';
import { docLang } from '../../../core/hub/docLang';
import type { RenderedDoc } from '../../../core/hub/types';
import { anchorElementId } from '../../../core/hub/userContentIds';
import { contentScroller, followScroll, rememberedScroll, restoreScroll, scrollReaderTo } from '../readerScroll';
import { type Route, routeHash } from '../route';
import { useApi } from '../api/useApi';
import { Outline } from './outline/Outline';
import { useStickyTop } from './outline/useStickyTop';
import { useWideReader } from './outline/useWideReader';
import { DocContent } from './DocContent';
import { useSearchHighlight } from './search/useSearchHighlight';
import { BoundedText } from './BoundedText';

type Props = {
  api: StudyApi;
  path: string;
  slug: string | null;
  /** Search words to highlight. */ q?: string | undefined;
  /** The slug of the topic in view (the outline highlights it). */
  currentSlug?: string | null;
  onNavigate: (route: Route) => void;
  /** Told whether the doc can be shown (false once reading it failed), so the topic controls can hide. */
  onShowable?: (showable: boolean) => void;
};

type State = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; doc: RenderedDoc };

/**
 * The reader: one doc with its "On this page" outline, scrolled to the requested topic, or back
 * where the learner left it when they return with back/forward.
 */
export function Reader({ api, path, slug, q, currentSlug = null, onNavigate, onShowable }: Props) {
  // The parent keys this component by path, so a new doc starts from 'loading'.
  const read = useApi(api, 'hub.doc', { path });
  // One object per answer: the effects below run when the doc arrives, not on every render.
  const state = useMemo<State>(
    () => (read.value !== undefined ? { status: 'ready', doc: read.value } : read.error !== null ? { status: 'error', message: read.error.message } : { status: 'loading' }),
    [read.value, read.error],
  );
  const failed = state.status === 'error';
  useEffect(() => onShowable?.(!failed), [failed, onShowable]);
  const articleRef = useRef<HTMLElement>(null);
  const layoutRef = useRef<HTMLDivElement>(null);
  const wide = useWideReader(layoutRef, state.status === 'ready');
  const stickyTop = useStickyTop(layoutRef, state.status === 'ready');

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
    const scroller = contentScroller();
    // Back/forward (or a reload) to an entry the learner had scrolled: return to that place.
    const remembered = rememberedScroll();
    if (remembered !== null && scroller !== null) {
      return restoreScroll(scroller, articleRef.current, remembered);
    }
    const target = targetId !== null ? document.getElementById(targetId) : null;
    if (target !== null) {
      target.scrollIntoView({ block: 'start' });
      target.classList.add('flash');
      const t = window.setTimeout(() => target.classList.remove('flash'), 1200);
      return () => window.clearTimeout(t);
    }
    if (q === undefined || q === '') {
      scroller?.scrollTo({ top: 0 });
    }
    return undefined;
    // `q` is read, not followed: new search words arrive with a new route (and targetId). The sticky
    // bars' height settles after the doc shows: the heading is placed again below them.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [state, targetId, stickyTop]);

  const ready = state.status === 'ready';
  useEffect(() => {
    const scroller = ready ? contentScroller() : null;
    return scroller !== null ? followScroll(scroller) : undefined;
  }, [ready]);

  const hrefOf = useCallback((s: string) => routeHash({ view: 'read', path, slug: s }), [path]);
  const selectHeading = useCallback(
    (s: string) => {
      onNavigate({ view: 'read', path, slug: s });
      // Already there by route (the learner scrolled away): go to it anyway.
      scrollReaderTo(s);
    },
    [onNavigate, path],
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
        <h2>This doc cannot be shown</h2>
        <p>
          <BoundedText text={state.message} />
        </p>
      </div>
    );
  }
  const warnings = state.doc.problems;
  return (
    <div className={`reader-layout${wide ? ' wide' : ''}`} ref={layoutRef} style={{ '--outline-top': `${stickyTop}px` } as CSSProperties}>
      <Outline topics={state.doc.topics} currentSlug={currentSlug} hrefOf={hrefOf} onSelect={selectHeading} wide={wide} />
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
    </div>
  );
}
