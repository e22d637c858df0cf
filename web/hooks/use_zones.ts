import type { Zone } from "@api/schemas/zones.ts";
import { useRef } from "react";
import { fetchZones } from "../api_client.ts";
import type { Lang } from "../i18n/lang.ts";
import { type AsyncState, useAsync } from "./use_async.ts";

/** Loads every zone with its parks once (the language only picks error wording). */
export function useZones(lang: Lang): [AsyncState<Zone[]>, () => void] {
  const langRef = useRef(lang);
  langRef.current = lang;
  return useAsync("zones", (signal) => fetchZones(langRef.current, signal));
}
