import type { Me, Role } from "@api/schemas/auth.ts";
import { type ReactNode, useCallback, useEffect, useMemo, useState } from "react";
import { ApiError, fetchMe, logOut } from "../api_client.ts";
import { AppHeader } from "../components/app_header.tsx";
import { LoadStatus } from "../components/load_status.tsx";
import { useI18n } from "../i18n/i18n.tsx";
import { onSessionEnded, setCsrfToken } from "../state/session.ts";
import { type Auth, AuthContext, hasRole } from "./auth_context.ts";
import { LoginPage } from "./login_page.tsx";
import "./auth.css";

type GateState =
  | { status: "checking" }
  | { status: "error"; error: Error }
  | { status: "out"; ended: boolean }
  | { status: "in"; me: Me };

/**
 * Shows `children` to a signed-in account (and, with `roles`, only to those roles), else the login page.
 * Asks `GET /api/auth/me` once; drops back to the login page whenever an API call answers 401.
 */
export function AuthGate({ children, roles }: { children: ReactNode; roles?: Role[] }) {
  const { lang, t } = useI18n();
  const [state, setState] = useState<GateState>({ status: "checking" });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: checked once per attempt; the language only labels errors.
  useEffect(() => {
    const ctrl = new AbortController();
    fetchMe(lang, ctrl.signal).then(
      (me) => {
        setCsrfToken(me.csrfToken);
        setState({ status: "in", me });
      },
      (err: unknown) => {
        if (ctrl.signal.aborted) return;
        if (err instanceof ApiError && err.status === 401) setState({ status: "out", ended: false });
        else setState({ status: "error", error: err instanceof Error ? err : new Error(String(err)) });
      },
    );
    return () => ctrl.abort();
  }, [attempt]);

  useEffect(
    () => onSessionEnded(() => setState((s) => (s.status === "in" ? { status: "out", ended: true } : s))),
    [],
  );

  const logout = useCallback(async () => {
    await logOut(lang);
    setCsrfToken(null);
    setState({ status: "out", ended: false });
  }, [lang]);

  const auth = useMemo<Auth | null>(
    () => (state.status === "in" ? { me: state.me, logout } : null),
    [state, logout],
  );

  if (state.status === "checking") return <div className="load-status">{t("auth.checking")}</div>;
  if (state.status === "error")
    // The API is unreachable: the app's header stays, with the error and a retry under it.
    return (
      <div className="app">
        <AppHeader zones={null} zone={null} onSelectZone={() => undefined} />
        <LoadStatus error={state.error} onRetry={() => setAttempt((n) => n + 1)} />
      </div>
    );
  if (state.status === "out" || !auth)
    return (
      <LoginPage
        ended={state.status === "out" && state.ended}
        onSignedIn={(me) => {
          setCsrfToken(me.csrfToken);
          setState({ status: "in", me });
        }}
      />
    );
  if (roles && !hasRole(auth.me, ...roles))
    return (
      <AuthContext.Provider value={auth}>
        <div className="auth-page">
          <div className="auth-card" data-testid="auth-no-access">
            <p>{t("auth.noAccess", { role: t(`auth.role.${auth.me.role}`) })}</p>
            <button type="button" className="button" onClick={() => void logout()}>
              {t("auth.switchAccount")}
            </button>
          </div>
        </div>
      </AuthContext.Provider>
    );
  return <AuthContext.Provider value={auth}>{children}</AuthContext.Provider>;
}
