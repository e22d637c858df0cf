import { sphericalArea } from "@geo/area.ts";
import { DEFAULT_EXPANSION_WEIGHTS, type ExpansionWeights } from "@geo/expansion_score.ts";
import { m2ToMu } from "@geo/units.ts";
import type { FeatureCollection, MultiPolygon, Polygon } from "geojson";
import { useCallback, useEffect, useMemo, useState } from "react";
import { getJson, sendJson } from "../api_client.ts";
import type { Lang } from "../i18n/lang.ts";

/** What the panel reads of `POST /api/expansion/candidates` (docs/api.md). */
export type CandidatesResult = FeatureCollection<
  Polygon,
  {
    rank: number;
    areaMu: number;
    distanceM: number;
    sharedBoundaryRatio: number;
    compactness: number;
    score: number;
  }
> & { totalAreaMu: number; warnings: { code: string; message: string }[]; method: { metricCrs: string } };

/** What the panel reads of `POST /api/expansion/check`. */
export interface CheckResult {
  areaMu: number;
  conflictsMu: Record<string, number>;
  insideBoundaryRatio: number | null;
  verdict: "pass" | "warn" | "fail";
  reasons: { zh: string; en: string }[];
  warnings: { code: string; message: string }[];
}

/** What the panel reads of a saved proposal. */
export interface Proposal {
  id: number;
  currentVersion: number;
  name: string;
  areaMu: number;
  versions: { version: number; areaMu: number; createdAt: string }[];
}

/** A proposal summary as `GET /api/expansion/proposals` lists it. */
export interface ProposalSummary {
  id: number;
  parkId: number;
  currentVersion: number;
  name: string;
  areaMu: number;
  updatedAt: string;
}

/** The boundary to check or save: the drawn polygon plus the selected candidates. */
export function proposalGeometry(
  drawn: Polygon | null,
  candidates: CandidatesResult | null,
  ranks: readonly number[],
): MultiPolygon | null {
  const polys: Polygon["coordinates"][] = [];
  if ((drawn?.coordinates[0]?.length ?? 0) >= 4 && drawn) polys.push(drawn.coordinates);
  for (const f of candidates?.features ?? [])
    if (ranks.includes(f.properties.rank)) polys.push(f.geometry.coordinates);
  return polys.length ? { type: "MultiPolygon", coordinates: polys } : null;
}

/** State and actions of the expansion panel for one park (`null`: no park selected, nothing to do). */
export function useExpansion(parkId: number | null, lang: Lang) {
  const [weights, setWeights] = useState<ExpansionWeights>(DEFAULT_EXPANSION_WEIGHTS);
  const [candidates, setCandidates] = useState<CandidatesResult | null>(null);
  const [ranks, setRanks] = useState<number[]>([]);
  const [drawn, setDrawn] = useState<Polygon | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [check, setCheck] = useState<CheckResult | null>(null);
  const [proposals, setProposals] = useState<ProposalSummary[] | null>(null);
  const [saved, setSaved] = useState<Proposal | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Everything belongs to one park: start over when another is selected.
  // biome-ignore lint/correctness/useExhaustiveDependencies: parkId is the trigger on purpose.
  useEffect(() => {
    setCandidates(null);
    setRanks([]);
    setDrawn(null);
    setDrawing(false);
    setCheck(null);
    setProposals(null);
    setSaved(null);
    setError(null);
  }, [parkId]);

  const geometry = useMemo(() => proposalGeometry(drawn, candidates, ranks), [drawn, candidates, ranks]);
  /** Live ≈ area of the boundary in 亩, from geo/ (the server's ellipsoidal value comes on check/save). */
  const liveAreaMu = useMemo(() => (geometry ? m2ToMu(sphericalArea(geometry)) : null), [geometry]);

  const run = useCallback(async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await fn();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }, []);

  const findCandidates = () =>
    run(async () => {
      if (parkId === null) return;
      setCandidates(
        await sendJson<CandidatesResult>("POST", "/api/expansion/candidates", { parkId, weights }, lang),
      );
      setRanks([]);
    });
  const toggleRank = (rank: number) =>
    setRanks((r) => (r.includes(rank) ? r.filter((x) => x !== rank) : [...r, rank].sort((a, b) => a - b)));
  const runCheck = () =>
    run(async () => {
      if (!geometry) return;
      setCheck(await sendJson<CheckResult>("POST", "/api/expansion/check", { geometry, repair: true }, lang));
    });
  const loadProposals = () =>
    run(async () => {
      if (parkId === null) return;
      setProposals(await getJson<ProposalSummary[]>(`/api/expansion/proposals?park=${parkId}`, lang));
    });
  const save = (name: string, rationale: string) =>
    run(async () => {
      if (!geometry || parkId === null) return;
      const sources = [
        ...(drawn ? [{ kind: "drawn" as const }] : []),
        ...ranks.map((rank) => ({ kind: "candidate" as const, rank })),
      ];
      const body = { name, rationale, geometry, sources, repair: true };
      const p = saved
        ? await sendJson<Proposal>(
            "PUT",
            `/api/expansion/proposals/${saved.id}`,
            // The version this save builds on: if someone saved in between, the server answers 409.
            { ...body, version: saved.currentVersion },
            lang,
          )
        : await sendJson<Proposal>("POST", "/api/expansion/proposals", { parkId, ...body }, lang);
      setSaved(p);
      setProposals(await getJson<ProposalSummary[]>(`/api/expansion/proposals?park=${parkId}`, lang));
    });

  return {
    weights,
    setWeights,
    candidates,
    ranks,
    toggleRank,
    drawn,
    setDrawn,
    drawing,
    setDrawing,
    geometry,
    liveAreaMu,
    check,
    proposals,
    saved,
    busy,
    error,
    findCandidates,
    runCheck,
    loadProposals,
    save,
  };
}
