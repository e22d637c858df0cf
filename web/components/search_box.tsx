import type { SearchResult } from "@api/schemas/search.ts";
import type { Zone } from "@api/schemas/zones.ts";
import { useEffect, useId, useRef, useState } from "react";
import { fetchSearch } from "../api_client.ts";
import { localName } from "../i18n/format.ts";
import { useI18n } from "../i18n/i18n.tsx";

/** Wait this long after the last keystroke before asking the API. */
const DEBOUNCE_MS = 250;

type State =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "ok"; results: SearchResult[] }
  | { status: "error"; message: string };

/**
 * Search by plot code, enterprise name or park name (`GET /api/search`), as an ARIA combobox: arrow keys
 * move through the results, Enter opens one (a park frames the park; a plot or an enterprise opens the
 * plot, framed), Escape closes the list.
 */
export function SearchBox({ zones, onPick }: { zones: readonly Zone[]; onPick(hit: SearchResult): void }) {
  const { lang, t } = useI18n();
  const [text, setText] = useState("");
  const [state, setState] = useState<State>({ status: "idle" });
  const [active, setActive] = useState(0);
  const [open, setOpen] = useState(false);
  const listId = useId();
  const langRef = useRef(lang);
  langRef.current = lang;

  useEffect(() => {
    const q = text.trim();
    if (!q) {
      setState({ status: "idle" });
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setState({ status: "loading" });
      fetchSearch(q, langRef.current, controller.signal).then(
        (res) => {
          setState({ status: "ok", results: res.results });
          setActive(0);
        },
        (err: unknown) => {
          if (controller.signal.aborted) return;
          setState({ status: "error", message: err instanceof Error ? err.message : String(err) });
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const results = state.status === "ok" ? state.results : [];
  const pick = (hit: SearchResult | undefined) => {
    if (!hit) return;
    setOpen(false);
    onPick(hit);
  };
  const where = (hit: SearchResult) => {
    const zone = zones.find((z) => z.id === hit.zoneId);
    const park = zone?.parks.find((p) => p.id === hit.parkId);
    return [zone ? localName(zone, lang) : null, hit.kind !== "park" && park ? localName(park, lang) : null]
      .filter(Boolean)
      .join(" · ");
  };
  const showList = open && state.status !== "idle";

  return (
    <div className="search-box" data-testid="search">
      <label className="visually-hidden" htmlFor={`${listId}-input`}>
        {t("search.label")}
      </label>
      <input
        id={`${listId}-input`}
        type="search"
        className="search-box__input"
        placeholder={t("search.placeholder")}
        value={text}
        role="combobox"
        aria-expanded={showList}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={showList && results[active] ? `${listId}-${active}` : undefined}
        data-testid="search-input"
        onChange={(e) => {
          setText(e.target.value);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") {
            e.preventDefault();
            setOpen(true);
            setActive((i) => Math.min(i + 1, Math.max(0, results.length - 1)));
          } else if (e.key === "ArrowUp") {
            e.preventDefault();
            setActive((i) => Math.max(0, i - 1));
          } else if (e.key === "Enter") {
            e.preventDefault();
            pick(results[active]);
          } else if (e.key === "Escape") {
            setOpen(false);
          }
        }}
      />
      {showList ? (
        <div className="search-box__popup">
          {state.status === "loading" ? <p className="search-box__status">{t("status.loading")}</p> : null}
          {state.status === "error" ? (
            <p className="search-box__status search-box__status--error" role="alert">
              {t("status.error", { message: state.message })}
            </p>
          ) : null}
          {state.status === "ok" && results.length === 0 ? (
            <p className="search-box__status">{t("search.none")}</p>
          ) : null}
          <div id={listId} role="listbox" className="search-box__list" aria-label={t("search.label")}>
            {results.map((hit, i) => (
              <div
                key={`${hit.kind}:${hit.id}`}
                id={`${listId}-${i}`}
                role="option"
                tabIndex={-1}
                aria-selected={i === active}
                className={`search-box__option${i === active ? " search-box__option--active" : ""}`}
                data-testid="search-result"
                data-kind={hit.kind}
                data-id={hit.id}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => pick(hit)}
                onKeyDown={(e) => {
                  if (e.key === "Enter") pick(hit);
                }}
              >
                <span className="chip">{t(`search.kind.${hit.kind}`)}</span>
                <span className="search-box__label">
                  {localName({ name: hit.label, nameEn: hit.labelEn }, lang)}
                </span>
                <span className="search-box__where">{where(hit)}</span>
              </div>
            ))}
          </div>
        </div>
      ) : null}
    </div>
  );
}
