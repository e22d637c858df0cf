import type { ParkSummary, Zone } from "@api/schemas/zones.ts";
import { describe, expect, test } from "vitest";
import { enclaveLinks } from "../../web/map/enclave_links.ts";
import { parseRoute, routeHash } from "../../web/state/route.ts";
import { resolveSelection } from "../../web/state/selection.ts";

function park(id: number, role: ParkSummary["role"], partnerParkId: number | null = null): ParkSummary {
  return {
    id,
    code: `P${id}`,
    zoneId: 1,
    name: `园区${id}`,
    nameEn: `Park ${id}`,
    role,
    county: "县",
    countyEn: "County",
    industries: [],
    industriesEn: [],
    approvedAreaMu: null,
    boundaryAreaMu: 100,
    plotCount: 3,
    bbox: [100, 23, 100.1, 23.1],
    labelPoint: [100 + id / 10, 23 + id / 10],
    partnerParkId,
    partnerName: null,
    hostBenefitShareRatio: null,
    gkEpsg: null,
    isDemo: true,
  };
}

function zone(id: number, parks: ParkSummary[]): Zone {
  return {
    id,
    code: `Z${id}`,
    name: `高新区${id}`,
    nameEn: `Zone ${id}`,
    province: "云南省",
    level: "national",
    policyProfile: "yunnan",
    targets: [],
    bbox: [100, 23, 101, 24],
    isDemo: true,
    parks,
  };
}

describe("hash routes", () => {
  test("parse zone and park links", () => {
    expect(parseRoute("#/zone/2")).toEqual({ kind: "zone", id: 2 });
    expect(parseRoute("#/park/17/")).toEqual({ kind: "park", id: 17 });
  });

  test("parse plot links and dashboard links", () => {
    expect(parseRoute("#/plot/3")).toEqual({ kind: "plot", id: 3 });
    expect(parseRoute("#/park/4/dashboard")).toEqual({ kind: "park", id: 4, dashboard: true });
    expect(parseRoute("#/zone/2/dashboard/")).toEqual({ kind: "zone", id: 2, dashboard: true });
  });

  test("anything else is home", () => {
    for (const h of [
      "",
      "#",
      "#/zone/",
      "#/zone/abc",
      "#/park/0",
      "#/plot/0",
      "#/plot/3/dashboard",
      "#/zone/1/extra",
    ]) {
      expect(parseRoute(h)).toEqual({ kind: "home" });
    }
  });

  test("round-trip", () => {
    expect(parseRoute(routeHash({ kind: "park", id: 5 }))).toEqual({ kind: "park", id: 5 });
    expect(routeHash({ kind: "home" })).toBe("");
    expect(routeHash({ kind: "plot", id: 8 })).toBe("#/plot/8");
    expect(parseRoute(routeHash({ kind: "zone", id: 2, dashboard: true }))).toEqual({
      kind: "zone",
      id: 2,
      dashboard: true,
    });
  });
});

describe("resolveSelection", () => {
  const zones = [
    zone(1, [park(1, "core"), park(2, "park")]),
    zone(2, [park(3, "core"), park(4, "enclave", 3)]),
  ];

  test("home shows the first zone", () => {
    const s = resolveSelection(zones, { kind: "home" });
    expect([s.zone?.id, s.park, s.missing]).toEqual([1, null, null]);
  });

  test("a park link selects the park and its zone", () => {
    const s = resolveSelection(zones, { kind: "park", id: 4 });
    expect([s.zone?.id, s.park?.id]).toEqual([2, 4]);
  });

  test("an unknown id falls back to the first zone and says so", () => {
    expect(resolveSelection(zones, { kind: "park", id: 99 }).missing).toEqual({ kind: "park", id: 99 });
    expect(resolveSelection(zones, { kind: "zone", id: 99 }).zone?.id).toBe(1);
  });

  test("a plot link selects the plot's zone and park once the plot is known", () => {
    const route = { kind: "plot", id: 42 } as const;
    expect(resolveSelection(zones, route).zone).toBeNull();
    const s = resolveSelection(zones, route, { zoneId: 2, parkId: 4 });
    expect([s.zone?.id, s.park?.id, s.plotId, s.missing]).toEqual([2, 4, 42, null]);
  });

  test("an unknown plot shows the first zone and says so; the map stays usable", () => {
    const s = resolveSelection(zones, { kind: "plot", id: 42 }, null);
    expect([s.zone?.id, s.plotId, s.missing]).toEqual([1, null, { kind: "plot", id: 42 }]);
  });

  test("a dashboard link keeps the park and opens the dashboard", () => {
    const s = resolveSelection(zones, { kind: "park", id: 2, dashboard: true });
    expect([s.park?.id, s.dashboard]).toEqual([2, true]);
    expect(resolveSelection(zones, { kind: "park", id: 2 }).dashboard).toBe(false);
  });
});

describe("enclaveLinks", () => {
  test("one line per enclave, from its label point to its core's", () => {
    const parks = [park(1, "core"), park(2, "enclave", 1), park(3, "enclave", 1), park(4, "park")];
    const fc = enclaveLinks(parks);
    expect(fc.features.map((f) => f.properties)).toEqual([
      { enclaveId: 2, coreId: 1 },
      { enclaveId: 3, coreId: 1 },
    ]);
    expect(fc.features[0]?.geometry.coordinates).toEqual([parks[1]?.labelPoint, parks[0]?.labelPoint]);
  });

  test("an enclave whose partner is not in the list gets no line", () => {
    expect(enclaveLinks([park(2, "enclave", 9), park(3, "enclave", null)]).features).toEqual([]);
  });
});
