import { useState } from "react";
import { ApiError } from "../api_client.ts";
import { useI18n } from "../i18n/i18n.tsx";
import { useAuth } from "./auth_context.ts";

/** The signed-in account (name · role) and a sign-out button, for the app headers. */
export function UserMenu() {
  const { t } = useI18n();
  const auth = useAuth();
  const [error, setError] = useState<string | null>(null);
  if (!auth) return null;
  const { me } = auth;
  return (
    <div className="user-menu" data-testid="user-menu">
      <span className="user-menu__who" title={me.zoneId === null ? t("auth.allZones") : undefined}>
        {t("auth.signedInAs", { username: me.username, role: t(`auth.role.${me.role}`) })}
      </span>
      <button
        type="button"
        className="button"
        data-testid="logout"
        onClick={() =>
          void auth.logout().catch((err: unknown) => {
            if (!(err instanceof ApiError)) throw err;
            setError(err.message);
          })
        }
      >
        {t("auth.logout")}
      </button>
      {error ? (
        <span className="user-menu__error" role="alert">
          {error}
        </span>
      ) : null}
    </div>
  );
}
