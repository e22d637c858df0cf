import { useI18n } from "../i18n/i18n.tsx";

/** A loading line, or an error with the API's message (already in the UI language) and a retry button. */
export function LoadStatus({
  error,
  onRetry,
  overlay,
}: {
  error?: Error;
  onRetry?: () => void;
  overlay?: boolean;
}) {
  const { t } = useI18n();
  const cls = `load-status${overlay ? " load-status--overlay" : ""}${error ? " load-status--error" : ""}`;
  if (!error) {
    return (
      <div className={cls} role="status" data-testid="loading">
        <span className="load-status__spinner" aria-hidden="true" />
        {t("status.loading")}
      </div>
    );
  }
  return (
    <div className={cls} role="alert" data-testid="load-error">
      <span>{t("status.error", { message: error.message })}</span>
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {t("status.retry")}
        </button>
      ) : null}
    </div>
  );
}
