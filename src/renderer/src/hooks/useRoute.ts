import { useCallback, useEffect, useState } from 'react';
import { rememberScroll } from '../readerScroll';
import { type Route, parseRoute, routeHash } from '../route';

/** The current route and a navigate function that pushes history entries. */
export function useRoute(): [Route, (next: Route) => void] {
  const [route, setRoute] = useState<Route>(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onHash = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);
  const navigate = useCallback((next: Route) => {
    const hash = routeHash(next);
    if (hash !== window.location.hash) {
      // The entry being left keeps its scroll position, so Back returns to it.
      rememberScroll();
      window.location.hash = hash;
    }
    setRoute(next);
  }, []);
  return [route, navigate];
}
