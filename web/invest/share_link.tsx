import { useState } from "react";
import { useI18n } from "../i18n/i18n.tsx";

/** Copies the current view's link (filters and comparison included) to the clipboard. */
export function ShareLink() {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied(true);
      window.setTimeout(() => setCopied(false), 2000);
    } catch (err) {
      // Clipboard access can be refused (insecure origin, permissions); the address bar still has the link.
      console.warn("cannot copy the share link", err);
      window.prompt(t("invest.share"), window.location.href);
    }
  };
  return (
    <button
      type="button"
      className="button"
      data-testid="share-link"
      data-url={window.location.href}
      onClick={copy}
    >
      {copied ? t("invest.shareCopied") : t("invest.share")}
    </button>
  );
}
