import { useCallback, useSyncExternalStore } from "react";
import { type InvestRoute, investHash, parseInvestHash } from "./invest_route.ts";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}
const readHash = () => window.location.hash;

/** The investor-portal route in the URL hash (null on other routes) and a navigate function. */
export function useInvestRoute(): [InvestRoute | null, (route: InvestRoute, replace?: boolean) => void] {
  const hash = useSyncExternalStore(subscribe, readHash, () => "");
  const navigate = useCallback((route: InvestRoute, replace = false) => {
    const next = investHash(route);
    if (next === window.location.hash) return;
    if (replace) {
      history.replaceState(null, "", next);
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    } else window.location.hash = next;
  }, []);
  return [parseInvestHash(hash), navigate];
}
