import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import type { HubTreeNode } from '../../../core/hub/types';
import { type TreeRow, docKey, topicKey, visibleRows } from './treeModel';
import { TreeProgress } from './study/TreeProgress';
import { HubProgress } from './HubProgress';
import { topicsOf } from './study/studyTree';
import { STATES, type ProgressView } from './study/useStudy';
import type { ProgressState } from '../../../core/api/studyApi';

type Props = {
  tree: HubTreeNode[];
  currentPath: string | null;
  currentSlug: string | null;
  onOpen: (path: string, slug: string | null) => void;
  /** Progress to show: a check per topic, a bar per doc. */
  progress?: ProgressView;
  /** Sets a topic's state from the keyboard (N, I, D, S on a focused topic row). */
  onMark?: (topicId: string, state: ProgressState) => void;
  /** Done topics whose review cards are mostly forgotten (or hold a leech): marked "needs review". */
  needsReview?: ReadonlySet<string>;
};

function initialExpanded(tree: HubTreeNode[]): Set<string> {
  return new Set(tree.filter((n) => n.kind === 'folder').map((n) => `folder:${n.path}`));
}

function withAncestors(prev: Set<string>, docPath: string): Set<string> {
  const next = new Set(prev);
  const parts = docPath.split('/');
  for (let i = 1; i < parts.length; i++) {
    next.add(`folder:${parts.slice(0, i).join('/')}`);
  }
  next.add(docKey(docPath));
  return next.size === prev.size ? prev : next;
}

function withTopicAncestors(prev: Set<string>, tree: HubTreeNode[], docPath: string, slug: string | null): Set<string> {
  const topics = slug === null ? [] : topicsOf(tree, docPath);
  const byId = new Map(topics.map((t) => [t.id, t]));
  let parent = topics.find((t) => t.slug === slug)?.parentId ?? null;
  if (parent === null) {
    return prev;
  }
  const next = new Set(prev);
  while (parent !== null) {
    next.add(topicKey(parent));
    parent = byId.get(parent)?.parentId ?? null;
  }
  return next;
}

/** The sidebar: an ARIA treeview of folders, docs and their topics, driven by the keyboard too. */
export function HubTree({ tree, currentPath, currentSlug, onOpen, progress, onMark, needsReview }: Props) {
  const [expanded, setExpanded] = useState<Set<string>>(() => initialExpanded(tree));
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const itemRefs = useRef(new Map<string, HTMLLIElement>());
  const [hint, setHint] = useState('');

  const [revealed, setRevealed] = useState<string | null>(null);
  const revealKey = currentPath === null ? null : `${currentPath}#${currentSlug ?? ''}`;
  if (revealKey !== revealed) {
    // Reveal what is being read (its folders, the doc, the topic's parents), once per topic opened.
    setRevealed(revealKey);
    if (currentPath !== null) {
      setExpanded((prev) => withTopicAncestors(withAncestors(prev, currentPath), tree, currentPath, currentSlug));
    }
  }

  const rows = useMemo(() => visibleRows(tree, expanded), [tree, expanded]);
  const activeKey = useMemo(() => {
    const topic = rows.find((r) => r.kind === 'topic' && r.path === currentPath && r.slug === currentSlug);
    return topic?.key ?? (currentPath !== null ? docKey(currentPath) : null);
  }, [rows, currentPath, currentSlug]);
  const tabKey = rows.some((r) => r.key === focusKey) ? focusKey : (activeKey ?? rows[0]?.key ?? null);

  const toggle = (row: TreeRow, open?: boolean): void => {
    setExpanded((prev) => {
      const next = new Set(prev);
      if (open ?? !prev.has(row.key)) {
        next.add(row.key);
      } else {
        next.delete(row.key);
      }
      return next;
    });
  };
  const focusRow = (key: string | null | undefined): void => {
    if (key === null || key === undefined) {
      return;
    }
    setFocusKey(key);
    itemRefs.current.get(key)?.focus();
  };
  const activate = (row: TreeRow): void => {
    if (row.path !== null) {
      onOpen(row.path, row.slug);
    } else {
      toggle(row);
    }
  };

  const onKeyDown = (e: KeyboardEvent<HTMLLIElement>, row: TreeRow, index: number): void => {
    const mark = e.ctrlKey || e.metaKey || e.altKey ? undefined : STATES.find((s) => s.key === e.key.toUpperCase());
    if (mark !== undefined) {
      // A marking key acts on the focused row's topic only, never on the topic being read.
      e.preventDefault();
      e.stopPropagation();
      if (row.kind === 'topic' && !e.repeat) {
        onMark?.(row.key.slice('topic:'.length), mark.state);
        setHint(`${row.label}: ${mark.label}`);
      } else if (row.kind !== 'topic') {
        setHint(`${mark.key} marks a topic: open this ${row.kind === 'folder' ? 'folder' : 'doc'} and focus one of its topics.`);
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
              if (row.kind !== 'topic' && row.expandable) {
                toggle(row, row.kind === 'doc' || row.kind === 'spec' ? true : undefined);
              }
              if (row.path !== null) {
                onOpen(row.path, row.slug);
              }
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
