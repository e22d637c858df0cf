import type { Me } from "@api/schemas/auth.ts";
import { type FormEvent, useState } from "react";
import { ApiError, type DemoAccount, fetchDemoAccounts, logIn } from "../api_client.ts";
import { LanguageSwitch } from "../components/language_switch.tsx";
import { useAsync } from "../hooks/use_async.ts";
import { useI18n } from "../i18n/i18n.tsx";

/**
 * Staff sign-in (`POST /api/auth/login`). While the demo dataset is loaded it lists the public demo account
 * of each role with a button that fills the form; links to the public investor portal.
 */
export function LoginPage({ ended, onSignedIn }: { ended: boolean; onSignedIn(me: Me): void }) {
  const { lang, t } = useI18n();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [demo] = useAsync("demo-accounts", (s) => fetchDemoAccounts(lang, s));
  const demoAccounts: DemoAccount[] = demo.status === "ok" ? demo.data.accounts : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await logIn(username, password, lang));
    } catch (err) {
      if (!(err instanceof ApiError)) throw err;
      setError(err.message);
      setBusy(false);
    }
  };

  return (
    <div className="auth-page">
      <main className="auth-card" data-testid="login-page">
        <div className="auth-card__head">
          <span className="app-header__logo" aria-hidden="true" />
          <div>
            <h1 className="auth-card__title">{t("app.title")}</h1>
            <span className="app-header__product">{t("auth.title")}</span>
          </div>
          <LanguageSwitch />
        </div>
        <p className="auth-card__intro">{t("auth.intro")}</p>
        {ended ? (
          <p className="notice" role="status">
            {t("auth.sessionEnded")}
          </p>
        ) : null}
        <form className="auth-form" onSubmit={(e) => void submit(e)}>
          <label>
            {t("auth.username")}
            <input
              name="username"
              autoComplete="username"
              required
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              data-testid="login-username"
            />
          </label>
          <label>
            {t("auth.password")}
            <input
              name="password"
              type="password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="login-password"
            />
          </label>
          {error ? (
            <p className="panel-error" role="alert" data-testid="login-error">
              {error}
            </p>
          ) : null}
          <button type="submit" className="button button--primary" disabled={busy} data-testid="login-submit">
            {busy ? t("auth.submitting") : t("auth.submit")}
          </button>
        </form>
        {demoAccounts.length > 0 ? (
          <section className="auth-demo" data-testid="demo-accounts">
            <h2>{t("auth.demo.title")}</h2>
            <p className="auth-demo__note">{t("auth.demo.note")}</p>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t("auth.demo.account")}</th>
                  <th scope="col">{t("auth.demo.passwordCol")}</th>
                  <th scope="col">{t("auth.demo.roleCol")}</th>
                  <th scope="col" />
                </tr>
              </thead>
              <tbody>
                {demoAccounts.map((a) => (
                  <tr key={a.username}>
                    <td>
                      <code>{a.username}</code>
                    </td>
                    <td>
                      <code>{a.password}</code>
                    </td>
                    <td>{t(`auth.role.${a.role}`)}</td>
                    <td>
                      <button
                        type="button"
                        className="button button--link"
                        aria-label={t("auth.demo.useLabel", { username: a.username })}
                        data-testid={`demo-use-${a.username}`}
                        onClick={() => {
                          setUsername(a.username);
                          setPassword(a.password);
                        }}
                      >
                        {t("auth.demo.use")}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ) : null}
        <a className="auth-card__invest" href="#/invest">
          {t("auth.investLink")}
        </a>
      </main>
    </div>
  );
}
