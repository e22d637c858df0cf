import { type ReactNode, useSyncExternalStore } from "react";
import { AuthGate } from "../auth/auth_gate.tsx";
import { InvestPortal } from "./invest_portal.tsx";
import { StaffPortal } from "./staff_portal.tsx";
import { parseStaffHash } from "./staff_route.ts";
import { useInvestRoute } from "./use_invest_route.ts";

function subscribe(onChange: () => void): () => void {
  window.addEventListener("hashchange", onChange);
  return () => window.removeEventListener("hashchange", onChange);
}

/**
 * Shows the public investor portal on `#/invest…` (no sign-in), the investment office's pages on
 * `#/staff…` (investment officers and planners), else `children` (the map workspace, every staff role); the
 * staff views sit behind the {@link AuthGate}.
 */
export function InvestGate({ children }: { children: ReactNode }) {
  const [route, navigate] = useInvestRoute();
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => "",
  );
  const staff = parseStaffHash(hash);
  if (staff)
    return (
      <AuthGate roles={["investment_officer", "planner"]}>
        <StaffPortal route={staff} />
      </AuthGate>
    );
  return route ? <InvestPortal route={route} navigate={navigate} /> : <AuthGate>{children}</AuthGate>;
}
