import { type KeyboardEvent, useEffect, useMemo, useRef, useState } from 'react';
import type { HubTreeNode } from '../../../core/hub/types';
import { keepInView, scrollReaderTo } from '../readerScroll';
import {
  type ManualExpansion,
  type TreeRow,
  docKey,
  expandedKeys,
  forgetClosed,
  initialExpansion,
  pathKeys,
  rowTopicIds,
  setExpanded,
  unclose,
  visibleRows,
} from './treeModel';
import { TreeProgress } from './study/TreeProgress';
import { HubProgress } from './HubProgress';
import { STATES, type ProgressView } from './study/useStudy';
import type { ProgressState } from '../../../core/api/studyApi';
import { type TopicChange, BulkMarkBar, type BulkMark } from './BulkMark';

type Props = {
  tree: HubTreeNode[];
  currentPath: string | null;
  /** The topic being read: the route's, or the one scrolled into view. */
  currentSlug: string | null;
  onOpen: (path: string, slug: string | null) => void;
  /** Progress to show: a check per topic, a bar per doc. */
  progress?: ProgressView;
  /** Sets a topic's state from the keyboard (N, I, D, S on a focused topic row). */
  onMark?: (topicId: string, state: ProgressState) => void;
  /**
   * Sets the states of many topics (N, I, D, S on a doc, spec or folder row, after a
   * confirmation; and their undo). Resolves to an error message or null.
   */
  onMarkMany?: (changes: TopicChange[]) => Promise<string | null>;
  /** Done topics whose review cards are mostly forgotten (or hold a leech): marked "needs review". */
  needsReview?: ReadonlySet<string>;
};

/** The sidebar: an ARIA treeview of folders, docs and their topics, driven by the keyboard too. */
export function HubTree({ tree, currentPath, currentSlug, onOpen, progress, onMark, onMarkMany, needsReview }: Props) {
  // Only the current doc's path is open, plus what the learner opened by hand.
  const [manual, setManual] = useState<ManualExpansion>(() => initialExpansion(tree));
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const itemRefs = useRef(new Map<string, HTMLLIElement>());
  const [hint, setHint] = useState('');
  const [bulk, setBulk] = useState<BulkMark | null>(null);

  const [shownPath, setShownPath] = useState(currentPath);
  if (shownPath !== currentPath) {
    // Another doc is read: rows closed by hand may open again to reveal it.
    setShownPath(currentPath);
    setManual(forgetClosed);
  }
  const onPath = useMemo(() => pathKeys(tree, currentPath, currentSlug), [tree, currentPath, currentSlug]);
  const expanded = useMemo(() => expandedKeys(onPath, manual), [onPath, manual]);

  const rows = useMemo(() => visibleRows(tree, expanded), [tree, expanded]);
  const activeKey = useMemo(() => {
    const topic = rows.find((r) => r.kind === 'topic' && r.path === currentPath && r.slug === currentSlug);
    return topic?.key ?? (currentPath !== null ? docKey(currentPath) : null);
  }, [rows, currentPath, currentSlug]);
  const tabKey = rows.some((r) => r.key === focusKey) ? focusKey : (activeKey ?? rows[0]?.key ?? null);

  useEffect(() => {
    // The sidebar follows the reader: the row of the topic in view stays in sight.
    const el = activeKey !== null ? itemRefs.current.get(activeKey) : undefined;
    if (el !== undefined) {
      keepInView(el);
    }
  }, [activeKey]);

  /** The learner opens or closes a row by hand. */
  const toggle = (row: TreeRow, open?: boolean): void => {
    setManual((prev) => setExpanded(prev, row.key, open ?? !expanded.has(row.key)));
  };
  const focusRow = (key: string | null | undefined): void => {
    if (key === null || key === undefined) {
      return;
    }
    setFocusKey(key);
    itemRefs.current.get(key)?.focus();
  };
  const activate = (row: TreeRow): void => {
    if (row.path === null) {
      toggle(row);
      return;
    }
    // Opened first, so the history entry left keeps the place the learner was at.
    onOpen(row.path, row.slug);
    if (row.path === currentPath && row.kind !== 'spec') {
      // The doc being read (or one of its topics): go to its top (or that topic) even when the
      // route is already there and only the scroll position moved.
      setManual((prev) => unclose(prev, row.key));
      scrollReaderTo(row.slug);
    }
  };
  const startBulk = (row: TreeRow, state: ProgressState, label: string): void => {
    if (bulk?.phase === 'working') {
      // One at a time: a second mark would lose the first one's result and its Undo.
      setHint('Wait: topics are still being saved.');
      return;
    }
    const ids = rowTopicIds(tree, row.key);
    const stateOf = (id: string): ProgressState => progress?.progress[id]?.state ?? 'not-started';
    const changes = ids.filter((id) => stateOf(id) !== state).map((topicId) => ({ topicId, state }));
    if (onMarkMany === undefined || ids.length === 0) {
      setHint(`${label} marks a topic: focus one of the topics of this ${row.kind === 'folder' ? 'folder' : 'doc'}.`);
      return;
    }
    if (changes.length === 0) {
      setHint(`All ${ids.length} topics of ${row.label} are already ${label}.`);
      return;
    }
    setBulk({
      phase: 'confirm',
      rowKey: row.key,
      rowLabel: row.label,
      what: row.kind === 'folder' ? 'folder' : 'doc',
      stateLabel: label,
      changes,
      undo: changes.map((c) => ({ topicId: c.topicId, state: stateOf(c.topicId), doneAt: progress?.progress[c.topicId]?.doneAt ?? null })),
    });
  };
  const backToRow = (key: string): void => {
    window.setTimeout(() => itemRefs.current.get(key)?.focus(), 0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>, row: TreeRow, index: number): void => {
    const mark = e.ctrlKey || e.metaKey || e.altKey ? undefined : STATES.find((s) => s.key === e.key.toUpperCase());
    if (mark !== undefined) {
      // A marking key acts on the focused row's topic only, never on the topic being read.
      e.preventDefault();
      e.stopPropagation();
      // On a doc, spec or folder row it offers to mark that row's topics, after a confirmation.
      if (row.kind === 'topic' && !e.repeat) {
        onMark?.(row.key.slice('topic:'.length), mark.state);
        setHint(`${row.label}: ${mark.label}`);
      } else if (row.kind !== 'topic' && !e.repeat) {
        startBulk(row, mark.state, mark.label);
      }
      return;
    }
    switch (e.key) {
      case 'ArrowDown':
        focusRow(rows[index + 1]?.key);
        break;
      case 'ArrowUp':
        focusRow(rows[index - 1]?.key);
        break;
      case 'Home':
        focusRow(rows[0]?.key);
        break;
      case 'End':
        focusRow(rows[rows.length - 1]?.key);
        break;
      case 'ArrowRight':
        if (row.expandable && !row.expanded) {
          toggle(row, true);
        } else if (row.expandable) {
          focusRow(rows[index + 1]?.key);
        }
        break;
      case 'ArrowLeft':
        if (row.expandable && row.expanded) {
          toggle(row, false);
        } else {
          focusRow(row.parentKey);
        }
        break;
      case 'Enter':
      case ' ':
        activate(row);
        break;
      default:
        return;
    }
    e.preventDefault();
    e.stopPropagation();
  };

  return (
    <>
      <p className="visually-hidden" role="status">
        {hint}
      </p>
      {bulk !== null && onMarkMany !== undefined && (
        <BulkMarkBar
          bulk={bulk}
          onChange={setBulk}
          apply={onMarkMany}
          onDone={(key) => {
            setBulk(null);
            backToRow(key);
          }}
        />
      )}
      <HubProgress />
      <ul className="tree" role="tree" aria-label="Hub contents">
        {rows.map((row, index) => (
          <li
            key={row.key}
            ref={(el) => {
              if (el === null) {
                itemRefs.current.delete(row.key);
              } else {
                itemRefs.current.set(row.key, el);
              }
            }}
            role="treeitem"
            data-row-key={row.key}
            aria-level={row.level}
            aria-expanded={row.expandable ? row.expanded : undefined}
            aria-selected={row.key === activeKey}
            aria-current={row.key === activeKey ? 'page' : undefined}
            tabIndex={row.key === tabKey ? 0 : -1}
            className={`tree-row tree-${row.kind}${row.key === activeKey ? ' active' : ''}`}
            style={{ paddingLeft: `${0.5 + (row.level - 1) * 0.9}rem` }}
            onKeyDown={(e) => onKeyDown(e, row, index)}
            onFocus={() => setFocusKey(row.key)}
            onClick={() => {
              setFocusKey(row.key);
              activate(row);
            }}
          >
            <span
              className="twisty"
              aria-hidden="true"
              onClick={(e) => {
                if (row.expandable) {
                  e.stopPropagation();
                  toggle(row);
                }
              }}
            >
              {row.expandable ? (row.expanded ? '▾' : '▸') : ''}
            </span>
            {row.badge !== undefined && <span className={`tree-badge method-${row.badge.toLowerCase()}`}>{row.badge}</span>}
            <span className="label">{row.label}</span>
            {row.kind === 'topic' && needsReview?.has(row.key.slice('topic:'.length)) === true && (
              <span className="tree-needs-review" title="Done, but most of its cards are forgotten: review them">
                needs review
              </span>
            )}
            {progress !== undefined && <TreeProgress rowKey={row.key} progress={progress} />}
          </li>
        ))}
      </ul>
    </>
  );
}
