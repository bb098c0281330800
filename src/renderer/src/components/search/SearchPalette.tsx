import './search.css';
import { type KeyboardEvent, type RefObject, useCallback, useEffect, useRef, useState } from 'react';
import type { StudyApi } from '../../../../core/api/contract';
import type { EventSource } from '../../../../core/api/events';
import type { SearchApiHit, SearchQueryResult } from '../../../../core/api/searchApi';
import type { SearchFilters } from '../../../../core/search/types';
import { useUiCommand } from '../../hooks/useUiCommand';
import { useExclusiveModal } from '../dialog/useExclusiveModal';
import { useFocusTrap } from '../dialog/useFocusTrap';
import { IndexStatus } from './IndexStatus';
import { loadRecent, rememberSearch } from './recentSearches';
import { SearchFilterBar } from './SearchFilterBar';
import { GroupedResults, HitRow } from './SearchHits';

type Props = {
  api: StudyApi;
  events: EventSource;
  /** Opens a hit at its topic; `terms` are the matched words to highlight there. */
  onOpen: (hit: SearchApiHit, terms: string[]) => void;
};

type Mode = 'palette' | 'all';
const OPEN_EVENT = 'nexus:open-search';

/** Opens the palette from anywhere (a toolbar button). */
export function openSearchPalette(): void {
  window.dispatchEvent(new Event(OPEN_EVENT));
}
const PALETTE_LIMIT = 8;
const ALL_LIMIT = 200;

/** Ctrl/Cmd+K command palette: search as you type, arrows to move, Enter to open, Esc to close. */
export function SearchPalette({ api, events, onOpen }: Props) {
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<Mode>('palette');
  const [q, setQ] = useState('');
  const [filters, setFilters] = useState<SearchFilters>({});
  const [result, setResult] = useState<SearchQueryResult | null>(null);
  const [active, setActive] = useState(0);
  const [recent, setRecent] = useState<string[]>(() => loadRecent());
  const inputRef = useRef<HTMLInputElement>(null);
  const seq = useRef(0);

  const show = useCallback(() => {
    setOpen(true);
    setMode('palette');
    setActive(0);
    window.setTimeout(() => inputRef.current?.select(), 0);
  }, []);
  const close = useCallback(() => setOpen(false), []);
  useExclusiveModal(open, close);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent): void => {
      if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        show();
      }
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener(OPEN_EVENT, show);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener(OPEN_EVENT, show);
    };
  }, [show]);
  // The desktop menu and the shell's shortcut table send the same command.
  useUiCommand('open-search', show);

  useEffect(() => {
    if (!open) {
      return;
    }
    const mine = ++seq.current;
    if (q.trim() === '') {
      return;
    }
    void api['search.query']({ q, limit: mode === 'all' ? ALL_LIMIT : PALETTE_LIMIT, filters }).then((res) => {
      if (mine === seq.current && res.ok) {
        setResult(res.value);
        setActive(0);
      }
    });
  }, [api, q, mode, filters, open]);

  if (!open) {
    return null;
  }
  return (
    <PaletteDialog
      api={api}
      events={events}
      mode={mode}
      q={q}
      setQ={setQ}
      filters={filters}
      setFilters={setFilters}
      result={result}
      active={active}
      setActive={setActive}
      recent={recent}
      setRecent={setRecent}
      setMode={setMode}
      close={close}
      onOpen={(hit, terms) => {
        setOpen(false);
        onOpen(hit, terms);
      }}
      inputRef={inputRef}
    />
  );
}

type DialogProps = {
  api: StudyApi;
  events: EventSource;
  mode: Mode;
  q: string;
  setQ: (q: string) => void;
  filters: SearchFilters;
  setFilters: (f: SearchFilters) => void;
  result: SearchQueryResult | null;
  active: number;
  setActive: (f: (a: number) => number) => void;
  recent: string[];
  setRecent: (r: string[]) => void;
  setMode: (m: Mode) => void;
  close: () => void;
  onOpen: (hit: SearchApiHit, terms: string[]) => void;
  inputRef: RefObject<HTMLInputElement | null>;
};

/** The open palette: a modal dialog that keeps the focus (Tab cycles inside, Esc goes back or closes). */
function PaletteDialog(props: DialogProps) {
  const { api, events, mode, q, setQ, filters, setFilters, result, active, recent, setRecent, setMode, close, inputRef } = props;
  const setActive = (a: number | ((a: number) => number)): void => props.setActive(typeof a === 'number' ? () => a : a);
  const dialog = useRef<HTMLDivElement>(null);
  useFocusTrap(dialog, { onEscape: () => (mode === 'all' ? setMode('palette') : close()), initialFocus: inputRef });
  const showRecent = q.trim() === '';
  const hits = showRecent ? [] : (result?.hits ?? []);
  const seeAll = !showRecent && mode === 'palette' && hits.length > 0;
  const optionCount = showRecent ? recent.length : hits.length + (seeAll ? 1 : 0);

  const choose = (index: number): void => {
    if (showRecent) {
      const again = recent[index];
      if (again !== undefined) {
        setQ(again);
      }
      return;
    }
    setRecent(rememberSearch(q));
    const hit = hits[index];
    if (hit !== undefined) {
      props.onOpen(hit, result?.terms ?? []);
    } else if (seeAll) {
      setMode('all');
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (optionCount > 0) {
        setActive((a) => (a + (e.key === 'ArrowDown' ? 1 : optionCount - 1)) % optionCount);
      }
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(active);
    }
  };

  const optionId = (i: number): string => `search-option-${i}`;
  return (
    <div className="search-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close()}>
      <div ref={dialog} className={`search-dialog ${mode === 'all' ? 'search-all' : ''}`} role="dialog" aria-modal="true" aria-label="Search">
        <div className="search-input-row">
          <input
            ref={inputRef}
            className="search-input"
            role="combobox"
            aria-expanded={optionCount > 0}
            aria-controls="search-listbox"
            aria-autocomplete="list"
            aria-activedescendant={optionCount > 0 ? optionId(active) : undefined}
            aria-label="Search docs, endpoints and notes"
            placeholder="Search docs, API endpoints and notes…"
            value={q}
            autoFocus
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={onKeyDown}
          />
          <IndexStatus api={api} events={events} />
        </div>
        {mode === 'all' && <SearchFilterBar filters={filters} onChange={setFilters} hits={hits} />}
        {showRecent ? (
          <ul id="search-listbox" role="listbox" aria-label="Recent searches" className="search-list">
            {recent.length === 0 && <li className="search-empty">Type to search. Recent searches appear here.</li>}
            {recent.map((r, i) => (
              <li key={r} id={optionId(i)} role="option" aria-selected={i === active} className="search-recent" onMouseDown={(e) => e.preventDefault()} onClick={() => choose(i)}>
                ↺ {r}
              </li>
            ))}
          </ul>
        ) : mode === 'all' ? (
          <GroupedResults id="search-listbox" hits={hits} total={result?.total ?? 0} active={active} optionId={optionId} onChoose={choose} />
        ) : (
          <ul id="search-listbox" role="listbox" aria-label="Search results" className="search-list">
            {result !== null && hits.length === 0 && <li className="search-empty">No results for “{q}”.</li>}
            {hits.map((hit, i) => (
              <HitRow key={hit.key} hit={hit} id={optionId(i)} selected={i === active} onChoose={() => choose(i)} />
            ))}
            {seeAll && (
              <li id={optionId(hits.length)} role="option" aria-selected={active === hits.length} className="search-see-all" onMouseDown={(e) => e.preventDefault()} onClick={() => choose(hits.length)}>
                See all {result?.total ?? 0} results →
              </li>
            )}
          </ul>
        )}
        <div className="search-footer" aria-hidden="true">
          ↑↓ move · Enter open · Esc {mode === 'all' ? 'back' : 'close'}
        </div>
      </div>
    </div>
  );
}
