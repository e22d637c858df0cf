import type { ReactNode } from "react";
import { InvestPortal } from "./invest_portal.tsx";
import { useInvestRoute } from "./use_invest_route.ts";

/** Shows the public investor portal on `#/invest…` routes, else `children` (the map workspace). */
export function InvestGate({ children }: { children: ReactNode }) {
  const [route, navigate] = useInvestRoute();
  return route ? <InvestPortal route={route} navigate={navigate} /> : children;
}
