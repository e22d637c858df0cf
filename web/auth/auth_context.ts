import type { Me, Role } from "@api/schemas/auth.ts";
import { createContext, useContext } from "react";

/** The signed-in account and the way out, for components under the {@link AuthGate}. */
export interface Auth {
  me: Me;
  logout(): Promise<void>;
}

export const AuthContext = createContext<Auth | null>(null);

/** The signed-in account (null outside the gate, e.g. on the public portal). */
export function useAuth(): Auth | null {
  return useContext(AuthContext);
}

/** True when the account holds one of `roles` (admin holds every role), as the server's guards decide. */
export const hasRole = (me: Pick<Me, "role"> | null | undefined, ...roles: Role[]): boolean =>
  !!me && (me.role === "admin" || roles.includes(me.role));
