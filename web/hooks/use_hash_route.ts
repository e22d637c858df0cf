import { useCallback, useSyncExternalStore } from "react";
import { parseRoute, type Route, routeHash } from "../state/route.ts";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}
const readHash = () => window.location.hash;

/** The route in the URL hash (follows back/forward and typed links) and a navigate function that updates it. */
export function useHashRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, readHash, () => "");
  const navigate = useCallback((route: Route) => {
    const next = routeHash(route);
    if (next !== window.location.hash) window.location.hash = next;
  }, []);
  return [parseRoute(hash), navigate];
}
