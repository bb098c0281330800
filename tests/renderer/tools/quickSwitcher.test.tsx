import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHubTree } from '../../../src/core/hub/hubTree';
import type { DocSummary } from '../../../src/core/hub/types';
import { QuickSwitcher, SWITCHER_LIMIT } from '../../../src/renderer/src/components/switcher/QuickSwitcher';

// 120 docs: "Lesson 1" … "Lesson 120" (every one matches "lesson"; "lesson 11" matches 11, 110-119).
const docs: DocSummary[] = Array.from({ length: 120 }, (_, i) => ({ path: `course/lesson-${i + 1}.md`, title: `Lesson ${i + 1}`, topics: [], encoding: 'utf-8' }));

afterEach(cleanup);

describe('QuickSwitcher (Ctrl/Cmd+P)', () => {
  it('says how many more docs match when the list is cut, and stops saying it once typing narrows the list', () => {
    render(<QuickSwitcher tree={buildHubTree(docs)} onOpen={() => undefined} onClose={() => undefined} />);
    expect(screen.getAllByRole('option')).toHaveLength(SWITCHER_LIMIT);
    const more = screen.getByRole('status');
    expect(more.textContent).toBe(`${120 - SWITCHER_LIMIT} more docs match — keep typing to narrow`);
    const input = screen.getByRole('combobox', { name: 'Go to doc by name' });
    expect(input.getAttribute('aria-describedby')).toBe(more.id);

    fireEvent.change(input, { target: { value: 'lesson' } });
    expect(screen.getByRole('status').textContent).toBe(`${120 - SWITCHER_LIMIT} more docs match — keep typing to narrow`);

    fireEvent.change(input, { target: { value: 'lesson 11' } });
    expect(screen.getAllByRole('option').length).toBeLessThan(SWITCHER_LIMIT);
    expect(screen.getByRole('status').textContent).toBe('');
  });
});
