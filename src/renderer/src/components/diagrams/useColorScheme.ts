import { useEffect, useState } from 'react';
import type { Theme } from './renderMermaid';

const QUERY = '(prefers-color-scheme: dark)';

/** The OS colour scheme, followed live. */
export function useColorScheme(): Theme {
  const media = typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;
  const [dark, setDark] = useState(media?.matches ?? false);
  useEffect(() => {
    const m = typeof window.matchMedia === 'function' ? window.matchMedia(QUERY) : null;
    if (m === null) {
      return undefined;
    }
    const onChange = (e: MediaQueryListEvent): void => setDark(e.matches);
    m.addEventListener('change', onChange);
    return () => m.removeEventListener('change', onChange);
  }, []);
  return dark ? 'dark' : 'light';
}
