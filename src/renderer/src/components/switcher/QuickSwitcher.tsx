import '../dialog/dialog.css';
import './switcher.css';
import { type KeyboardEvent, useMemo, useRef, useState } from 'react';
import type { HubTreeNode } from '../../../../core/hub/types';
import { useUiCommand } from '../../hooks/useUiCommand';
import { useExclusiveModal } from '../dialog/useExclusiveModal';
import { useFocusTrap } from '../dialog/useFocusTrap';
import { type RankedItem, type SwitcherItem, rankItems } from './fuzzy';

/** Every doc and API spec of the tree, in tree order. */
export function switcherItems(tree: readonly HubTreeNode[]): SwitcherItem[] {
  const out: SwitcherItem[] = [];
  const walk = (nodes: readonly HubTreeNode[]): void => {
    for (const n of nodes) {
      if (n.kind === 'folder') {
        walk(n.children);
      } else if (n.kind === 'doc') {
        out.push({ path: n.path, title: n.doc.title || n.name, kind: 'doc' });
      } else {
        out.push({ path: n.path, title: n.spec.title || n.name, kind: 'spec' });
      }
    }
  };
  walk(tree);
  return out;
}

/** `text` with the characters at `indices` in <mark>. */
function Marked({ text, indices }: { text: string; indices: readonly number[] }) {
  if (indices.length === 0) {
    return <>{text}</>;
  }
  const set = new Set(indices);
  const parts: { text: string; hit: boolean }[] = [];
  for (let i = 0; i < text.length; i++) {
    const hit = set.has(i);
    const lastPart = parts[parts.length - 1];
    if (lastPart !== undefined && lastPart.hit === hit) {
      lastPart.text += text[i];
    } else {
      parts.push({ text: text[i] ?? '', hit });
    }
  }
  return (
    <>
      {parts.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
    </>
  );
}

/** Most docs listed; past it the switcher says how many more match. */
export const SWITCHER_LIMIT = 50;

type Props = { tree: readonly HubTreeNode[]; onOpen: (item: SwitcherItem) => void; onClose: () => void };

/** Ctrl/Cmd+P: go to a doc by name. Type to filter (fuzzy on titles and paths), arrows, Enter. */
export function QuickSwitcher({ tree, onOpen, onClose }: Props) {
  const [q, setQ] = useState('');
  const [active, setActive] = useState(0);
  const dialog = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  useFocusTrap(dialog, { onEscape: onClose, initialFocus: input });
  const items = useMemo(() => switcherItems(tree), [tree]);
  const matches: RankedItem[] = useMemo(() => rankItems(items, q, Infinity), [items, q]);
  const ranked = matches.length > SWITCHER_LIMIT ? matches.slice(0, SWITCHER_LIMIT) : matches;
  const more = matches.length - ranked.length;
  const current = Math.min(active, Math.max(0, ranked.length - 1));

  const choose = (i: number): void => {
    const item = ranked[i];
    if (item !== undefined) {
      onClose();
      onOpen(item);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    const n = ranked.length;
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && n > 0) {
      e.preventDefault();
      setActive((current + (e.key === 'ArrowDown' ? 1 : n - 1)) % n);
    } else if (e.key === 'Home' && e.ctrlKey) {
      setActive(0);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      choose(current);
    }
  };
  const optionId = (i: number): string => `switcher-option-${i}`;
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialog} className="switcher" role="dialog" aria-modal="true" aria-label="Go to doc">
        <input
          ref={input}
          className="switcher-input"
          role="combobox"
          aria-expanded={ranked.length > 0}
          aria-controls="switcher-listbox"
          aria-autocomplete="list"
          aria-activedescendant={ranked.length > 0 ? optionId(current) : undefined}
          aria-label="Go to doc by name"
          aria-describedby="switcher-more"
          placeholder="Go to doc… (type part of a title or path)"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="switcher-listbox" role="listbox" aria-label="Docs" className="switcher-list">
          {ranked.length === 0 && <li className="switcher-empty">No doc matches “{q}”.</li>}
          {ranked.map((item, i) => (
            <li
              key={item.path}
              id={optionId(i)}
              role="option"
              aria-selected={i === current}
              className="switcher-option"
              data-path={item.path}
              onMouseDown={(e) => e.preventDefault()}
              onMouseMove={() => i !== current && setActive(i)}
              onClick={() => choose(i)}
              ref={i === current ? (el) => el?.scrollIntoView({ block: 'nearest' }) : undefined}
            >
              <span className="switcher-title">
                {item.kind === 'spec' && <span className="switcher-kind">API</span>}
                <Marked text={item.title} indices={item.titleIndices} />
              </span>
              <span className="switcher-path">
                <Marked text={item.path} indices={item.pathIndices} />
              </span>
            </li>
          ))}
        </ul>
        <p id="switcher-more" className="switcher-more" role="status">
          {more > 0 ? `${more} more ${more === 1 ? 'doc matches' : 'docs match'} — keep typing to narrow` : ''}
        </p>
        <div className="switcher-footer" aria-hidden="true">
          ↑↓ move · Enter open · Esc close
        </div>
      </div>
    </div>
  );
}

/** Mounts the switcher on Ctrl/Cmd+P (keyboard, menu) for the hub's tree. */
export function QuickSwitcherHost({ tree, onOpen }: { tree: readonly HubTreeNode[]; onOpen: (item: SwitcherItem) => void }) {
  const [open, setOpen] = useState(false);
  useUiCommand('quick-switcher', () => setOpen(true));
  useExclusiveModal(open, () => setOpen(false));
  return open ? <QuickSwitcher tree={tree} onOpen={onOpen} onClose={() => setOpen(false)} /> : null;
}
