import { useCallback, useEffect, useMemo, useState } from 'react';
import type { HubOverview, StudyApi } from '../../core/api/contract';
import { HubTree } from './components/HubTree';
import { markTopics } from './components/BulkMark';
import { useHubRefresh } from './components/HubProgress';
import { OpenHubForm } from './components/OpenHubForm';
import { useExclusiveModal } from './components/dialog/useExclusiveModal';
import { ProblemsPanel } from './components/ProblemsPanel';
import { Reader } from './components/Reader';
import { ApiReference } from './components/api/ApiReference';
import { specPathsOf, specSummaryOf, specTopicsOf } from './components/api/specTree';
import { specAnchorSlug } from '../../core/hub/specAnchor';
import { SearchPalette } from './components/search/SearchPalette';
import { hitRoute } from './components/search/hitRoute';
import { Dashboard } from './components/study/Dashboard';
import { NotesPane } from './components/study/NotesPane';
import { NotesView } from './components/study/NotesView';
import { ProgressControls } from './components/study/ProgressControls';
import { StudyCommands } from './components/study/StudyCommands';
import { StudyStatusBanner } from './components/study/StudyStatusBanner';
import { CardMaker } from './components/review/CardMaker';
import { TopicCards } from './components/review/TopicCards';
import { ReviewView } from './components/review/ReviewView';
import { StaleBanner } from './components/review/StaleBanner';
import { useReviewSummary } from './components/review/useDueCount';
import { SettingsView } from './components/sync/SettingsView';
import { SyncButton } from './components/sync/SyncButton';
import { hasDoc, topicsOf } from './components/study/studyTree';
import { useCurrentTopic } from './components/study/useCurrentTopic';
import { useStudy } from './components/study/useStudy';
import { getEvents } from './api/client';
import { useRoute } from './hooks/useRoute';
import { useHistoryKeys } from './hooks/useHistoryKeys';
import { useUiCommand } from './hooks/useUiCommand';
import type { Route } from './route';
import { BoundedText } from './components/BoundedText';
import { TopBar, type TopBarAction } from './components/TopBar';
import { startDoc } from './hubStart';
import { Splitter } from './layout/Splitter';
import { isBoolean, isNumber, usePersistentState } from './layout/usePersistentState';
import { useViewportWidth } from './layout/useViewportWidth';
import './layout/layout.css';
import { FindBar } from './components/find/FindBar';
import { QuickSwitcherHost } from './components/switcher/QuickSwitcher';

type HubState = { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; hub: HubOverview };

/** The app shell: sidebar tree | reader, with the problems panel on demand. */
export function App({ api }: { api: StudyApi }) {
  const [hubState, setHubState] = useState<HubState>({ status: 'loading' });
  const [route, navigate] = useRoute();
  const [showProblems, setShowProblems] = useState(false);
  const [showOpen, setShowOpen] = useState(false);
  useExclusiveModal(showOpen, () => setShowOpen(false));
  const [showSidebar, setShowSidebar] = usePersistentState('sidebarOpen', () => true, isBoolean);
  const [sidebarWidth, setSidebarWidth] = usePersistentState('sidebarWidth', () => (window.innerWidth < 1200 ? 240 : 300), isNumber);
  const [notesWidth, setNotesWidth] = usePersistentState('notesWidth', () => 340, isNumber);
  const viewport = useViewportWidth();
  useUiCommand('toggle-sidebar', () => setShowSidebar((v) => !v));
  useUiCommand('open-hub', () => setShowOpen(true));
  useHistoryKeys();
  const study = useStudy(api);
  const [reviewTick, setReviewTick] = useState(0);
  const reviewSummary = useReviewSummary(api, study.version + reviewTick);
  const dueCount = reviewSummary.due;
  // Closed by default where it would squeeze the text column; remembered once the learner chooses.
  const [showNotes, setShowNotes] = usePersistentState('notesOpen', () => window.innerWidth >= 1280, isBoolean);
  useUiCommand('toggle-notes', () => setShowNotes((v) => !v));
  useUiCommand('open-dashboard', () => navigate({ view: 'dashboard', path: null, slug: null }));
  // Bumped when sync opens or reloads the repo's docs as the hub.
  const [hubVersion, setHubVersion] = useState(0);

  useEffect(() => {
    void api['hub.overview']({}).then((res) => {
      setHubState(res.ok ? { status: 'ready', hub: res.value } : { status: 'error', message: res.error.message });
    });
  }, [api, hubVersion]);

  const hub = hubState.status === 'ready' ? hubState.hub : null;
  // While docs are parsed in the background, the tree's topics and counts fill in.
  useHubRefresh(hub, () => setHubVersion((v) => v + 1));
  const path = route.path ?? (hub !== null ? startDoc(hub.tree) : null);
  const open = useCallback((p: string, slug: string | null) => navigate({ view: 'read', path: p, slug }), [navigate]);
  const onNavigate = useCallback(
    (r: Route) => {
      // A link's anchor into an OpenAPI file (operationId, Redoc or JSON pointer form) -> the operation's slug.
      const spec = r.view === 'api' && r.slug !== null && hub !== null ? specSummaryOf(hub.tree, r.path) : null;
      navigate(spec !== null && r.view === 'api' && r.slug !== null ? { ...r, slug: specAnchorSlug(spec, r.slug) } : r);
    },
    [navigate, hub],
  );
  const specPaths = useMemo(() => specPathsOf(hub?.tree), [hub]);
  // A spec opens as an API reference, whether reached by its api route, the tree, search or a link.
  const apiPath = path !== null && (route.view === 'api' || specPaths.has(path)) ? path : null;
  const docTopics = useMemo(
    () => (hub !== null ? (apiPath !== null ? specTopicsOf(hub.tree, apiPath) : topicsOf(hub.tree, path)) : []),
    [hub, path, apiPath],
  );
  const topic = useCurrentTopic(docTopics, route.slug);
  // A doc that cannot be shown (gone with the hub open before, unreadable) has no topic controls.
  const [unshowable, setUnshowable] = useState<string | null>(null);
  const onShowable = useCallback((showable: boolean) => setUnshowable(showable ? null : path), [path]);
  const docShown = hub !== null && hasDoc(hub.tree, path) && unshowable !== path;
  // In an API reference the topic is the operation opened (the route's slug), not the scroll position.
  const shownTopic = apiPath !== null ? (docTopics.find((t) => t.slug === route.slug) ?? null) : topic;

  const openHub = async (root: string): Promise<string | null> => {
    const res = await api['hub.open']({ root });
    if (!res.ok) {
      return res.error.message;
    }
    setHubState({ status: 'ready', hub: res.value });
    setShowOpen(false);
    navigate({ view: 'read', path: null, slug: null });
    return null;
  };

  if (hubState.status === 'loading') {
    return (
      <div className="app-status" role="status">
        Loading the hub…
      </div>
    );
  }
  if (hubState.status === 'error') {
    return (
      <div className="app-status error" role="alert">
        The hub could not be loaded: <BoundedText text={hubState.message} />
      </div>
    );
  }
  const problems = hubState.hub.problems;
  const actions: TopBarAction[] = [
    {
      id: 'dashboard',
      label: 'Dashboard',
      fold: 1000,
      pressed: route.view === 'dashboard',
      onSelect: () => navigate({ view: 'dashboard', path: null, slug: null }),
    },
    {
      id: 'notes',
      label: 'All notes',
      fold: 1000,
      pressed: route.view === 'notes',
      onSelect: () => navigate({ view: 'notes', path: null, slug: null, noteId: null }),
    },
    {
      id: 'review',
      label: `Review${dueCount !== null && dueCount > 0 ? ` (${dueCount})` : ''}`,
      title: 'Review due cards',
      fold: 1000,
      pressed: route.view === 'review',
      onSelect: () => navigate({ view: 'review', path: null, slug: null }),
    },
    { id: 'notes-pane', label: 'Notes pane', fold: 1280, pressed: showNotes, toggle: true, onSelect: () => setShowNotes((v) => !v) },
    {
      id: 'settings',
      label: 'Settings',
      fold: 1280,
      pressed: route.view === 'settings',
      onSelect: () => navigate({ view: 'settings', path: null, slug: null }),
    },
    { id: 'open-hub', label: 'Open hub…', fold: 1280, onSelect: () => setShowOpen((v) => !v) },
  ];
  // Each side pane may take at most a third of the window, so the text column keeps its room.
  const paneMax = Math.max(200, Math.floor(viewport / 3));
  const notesShown = showNotes && (route.view === 'read' || route.view === 'api') && path !== null;
  return (
    <div className="app">
      <TopBar
        hubLabel={hubState.hub.bundled ? 'Project Nexus (bundled)' : hubState.hub.name}
        hubTitle={hubState.hub.root}
        actions={actions}
        sync={
          <SyncButton
            api={api}
            events={getEvents()}
            onNavigate={onNavigate}
            onFinished={(r) => {
              void study.refresh();
              if (r.hubReloaded) {
                setHubVersion((v) => v + 1);
              }
            }}
          />
        }
        trailing={
          <button
            type="button"
            onClick={() => setShowProblems((v) => !v)}
            aria-pressed={showProblems}
            className={problems.length > 0 ? 'has-problems' : undefined}
          >
            Problems ({problems.length})
          </button>
        }
      />
      <StudyStatusBanner api={api} events={getEvents()} />
      <SearchPalette api={api} events={getEvents()} onOpen={(hit, terms) => navigate(hitRoute(hit, terms))} />
      <StudyCommands api={api} />
      <QuickSwitcherHost
        tree={hubState.hub.tree}
        onOpen={(item) => navigate(item.kind === 'spec' ? { view: 'api', path: item.path, slug: null } : { view: 'read', path: item.path, slug: null })}
      />
      <FindBar />
      {showOpen && <OpenHubForm onSubmit={openHub} onCancel={() => setShowOpen(false)} />}
      <div className="main">
        {showSidebar && (
          <>
            <nav className="sidebar" aria-label="Docs" style={{ width: Math.min(sidebarWidth, paneMax) }}>
              <HubTree
                key={hubState.hub.root}
                tree={hubState.hub.tree}
                currentPath={path}
                currentSlug={apiPath !== null ? route.slug : (topic?.slug ?? route.slug)}
                onOpen={open}
                progress={study}
                needsReview={reviewSummary.needsReview}
                onMark={(id, state) => void study.setState(id, state)}
                onMarkMany={(changes) => markTopics(api, changes).finally(() => void study.refresh())}
              />
            </nav>
            <Splitter
              label="Resize sidebar"
              value={Math.min(sidebarWidth, paneMax)}
              min={180}
              max={paneMax}
              direction={1}
              onChange={setSidebarWidth}
            />
          </>
        )}
        <main className="content">
          {showProblems && <ProblemsPanel problems={problems} onOpen={(p) => open(p, null)} onClose={() => setShowProblems(false)} />}
          {route.view === 'dashboard' ? (
            <Dashboard api={api} onNavigate={onNavigate} onProgressChanged={() => void study.refresh()} version={study.version} />
          ) : route.view === 'settings' ? (
            <SettingsView api={api} events={getEvents()} onHubChanged={() => setHubVersion((v) => v + 1)} />
          ) : route.view === 'review' ? (
            <ReviewView api={api} onNavigate={onNavigate} onReviewed={() => setReviewTick((n) => n + 1)} />
          ) : route.view === 'notes' ? (
            <NotesView api={api} events={getEvents()} noteId={route.noteId} onNavigate={onNavigate} />
          ) : apiPath !== null ? (
            <ApiReference
              key={apiPath}
              api={api}
              path={apiPath}
              slug={route.slug}
              onNavigate={onNavigate}
              topicSlot={() => <ProgressControls api={api} topic={shownTopic} study={study} />}
            />
          ) : path !== null ? (
            <>
              {docShown && (
                <>
                  <ProgressControls api={api} topic={topic} study={study} />
                  <StaleBanner api={api} path={path} version={study.version} />
                  <CardMaker api={api} topic={topic} onCreated={() => setReviewTick((n) => n + 1)} />
                  <TopicCards api={api} topic={topic} version={reviewTick} onChanged={() => setReviewTick((n) => n + 1)} />
                </>
              )}
              <Reader
                key={path}
                api={api}
                path={path}
                slug={route.slug}
                q={route.view === 'read' ? route.q : undefined}
                currentSlug={topic?.slug ?? null}
                onNavigate={onNavigate}
                onShowable={onShowable}
              />
            </>
          ) : (
            <div className="reader-status">This hub has no markdown docs.</div>
          )}
        </main>
        {notesShown && (
          <>
            <Splitter
              label="Resize notes pane"
              value={Math.min(notesWidth, paneMax)}
              min={240}
              max={paneMax}
              direction={-1}
              onChange={setNotesWidth}
            />
            <div className="notes-dock" style={{ width: Math.min(notesWidth, paneMax) }}>
              <NotesPane api={api} events={getEvents()} topic={shownTopic} onClose={() => setShowNotes(false)} />
            </div>
          </>
        )}
      </div>
    </div>
  );
}
