import { useI18n } from "../i18n/i18n.tsx";
import { LANGS, type Lang } from "../i18n/lang.ts";

const LABEL_KEY = { "zh-CN": "lang.zh", en: "lang.en" } as const satisfies Record<Lang, string>;

/** 中文 / English toggle; the choice persists in localStorage. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n();
  return (
    <fieldset className="segmented" aria-label={t("lang.label")} data-testid="language-switch">
      {LANGS.map((l) => (
        <button
          key={l}
          type="button"
          lang={l}
          className={`segmented__item${l === lang ? " segmented__item--active" : ""}`}
          aria-pressed={l === lang}
          data-lang={l}
          onClick={() => setLang(l)}
        >
          {t(LABEL_KEY[l])}
        </button>
      ))}
    </fieldset>
  );
}
