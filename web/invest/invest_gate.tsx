import { type ReactNode, useSyncExternalStore } from "react";
import { InvestPortal } from "./invest_portal.tsx";
import { StaffPortal } from "./staff_portal.tsx";
import { parseStaffHash } from "./staff_route.ts";
import { useInvestRoute } from "./use_invest_route.ts";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/**
 * Shows the public investor portal on `#/invest…`, the investment office's pages on `#/staff…`, else
 * `children` (the map workspace).
 */
export function InvestGate({ children }: { children: ReactNode }) {
  const [route, navigate] = useInvestRoute();
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => "",
  );
  const staff = parseStaffHash(hash);
  if (staff) return <StaffPortal route={staff} />;
  return route ? <InvestPortal route={route} navigate={navigate} /> : children;
}
