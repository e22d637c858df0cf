/**
 * The demo dataset generator: a pure, deterministic function of a seed. Everything it returns
 * is illustrative (示意数据); see data/demo/SOURCES.md.
 */
import type {
  DemoDataset,
  DemoEnterprise,
  DemoPark,
  DemoPlotFeature,
  DemoZone,
} from "../../api/schemas/demo_dataset.ts";
import { type ConstraintFeature, type ContextFeature, parkSurroundings } from "./constraints.ts";
import { countyOutlines } from "./counties.ts";
import { createFirmRegistry, type FirmRegistry, parkEnterprises } from "./enterprises.ts";
import { investDemo } from "./invest.ts";
import { type LngLatPolygon, ringToLngLat } from "./local_frame.ts";
import { layoutPark, trunkRoads } from "./park_layouts.ts";
import { PARK_SPECS, type ParkSpec } from "./park_specs.ts";
import { plotRecord } from "./plot_attributes.ts";
import { plotShapes } from "./plot_grid.ts";
import { createRng, deriveSeed } from "./rng.ts";
import { planStatuses } from "./status_plan.ts";
import { ZONE_SPECS } from "./zone_specs.ts";

export { DEMO_AS_OF } from "./dates.ts";

/** The seed of the committed demo files. */
export const DEMO_SEED = 20_251_231;

/** Built-plot rank (in development order) whose firm reports no statistics, in parks of ≥ 90 plots. */
const MISSING_STATS_RANK = 7;

interface ParkOutput {
  park: DemoPark;
  plots: DemoPlotFeature[];
  enterprises: DemoEnterprise[];
  constraints: ConstraintFeature[];
  context: ContextFeature[];
}

function generatePark(seed: number, spec: ParkSpec, reg: FirmRegistry): ParkOutput {
  const rng = createRng(deriveSeed(seed, spec.code));
  const layout = layoutPark(rng, spec);
  const { plots: shapes, used } = plotShapes(rng, layout);
  const plans = planStatuses(rng, spec, shapes);
  const builtCount = plans.filter((p) => p.status === "built").length;
  let standardOffered = false;
  const records = plans.map((plan, i) => {
    // Every park offers at least one 标准地; about half of its available plots are.
    const standard = plan.status === "available" && (!standardOffered || rng.chance(0.5));
    if (standard) standardOffered = true;
    const code = `${spec.hostAdcode}${spec.cadastralDistrict}GB${String(i + 1).padStart(5, "0")}`;
    return plotRecord(rng, spec, plan, code, builtCount, standard);
  });
  const missing =
    spec.targetPlots >= 90
      ? (plans.find((p) => p.builtRank === MISSING_STATS_RANK && p.shape.kind === "normal")?.firm ?? null)
      : null;
  const { enterprises, creditCodeOfPlot } = parkEnterprises(rng, spec, plans, records, reg, missing);
  const plots: DemoPlotFeature[] = records.map((r, i) => {
    const { code, parkCode, ...rest } = r.props;
    const geometry = shapes[i]?.geometry;
    if (geometry === undefined) throw new Error(`${spec.code}: plot ${i} has no shape`);
    return {
      type: "Feature",
      properties: { code, parkCode, enterpriseCreditCode: creditCodeOfPlot[i] ?? null, ...rest },
      geometry,
    };
  });
  const { constraints, context } = parkSurroundings(rng, layout, trunkRoads(layout, used));
  const park: DemoPark = {
    code: spec.code,
    name: spec.name,
    nameEn: spec.nameEn,
    role: spec.role,
    hostCounty: spec.hostCounty,
    hostCountyEn: spec.hostCountyEn,
    hostAdcode: spec.hostAdcode,
    leadingIndustries: [...spec.leadingIndustries],
    leadingIndustriesEn: [...spec.leadingIndustriesEn],
    approvedAreaM2: spec.approvedAreaM2,
    gkEpsg: spec.gkEpsg,
    partnerParkCode: spec.partnerParkCode,
    partnerName: spec.partnerName,
    hostBenefitShareRatio: spec.hostBenefitShareRatio,
    geometry: { type: "Polygon", coordinates: [ringToLngLat(layout.frame, layout.boundary)] },
  };
  return { park, plots, enterprises, constraints, context };
}

/**
 * Generates the whole demo dataset: two zones (文山高新区 with three parks, 临沧高新区 with a
 * core and four enclaves), their plots, firms with 2020–2024 statistics, control lines, map
 * context and the investor-portal records (data/demo/invest.ts). Pure and deterministic: the same seed gives the same value on every platform, with
 * coordinates already rounded to 6 decimals, so the output equals the committed files.
 */
export function generateDemoDataset(seed: number = DEMO_SEED): DemoDataset {
  const reg = createFirmRegistry();
  const zones: DemoZone[] = [];
  const enterprises: DemoEnterprise[] = [];
  const plots: DemoPlotFeature[] = [];
  const constraints: ConstraintFeature[] = [];
  const context: ContextFeature[] = [];
  const parksByAdcode = new Map<string, LngLatPolygon[]>();
  for (const z of ZONE_SPECS) {
    const parks: DemoPark[] = [];
    for (const spec of PARK_SPECS.filter((p) => p.zoneCode === z.code)) {
      const out = generatePark(seed, spec, reg);
      parks.push(out.park);
      plots.push(...out.plots);
      enterprises.push(...out.enterprises);
      constraints.push(...out.constraints);
      context.push(...out.context);
      if (out.park.geometry.type === "Polygon") {
        parksByAdcode.set(spec.hostAdcode, [
          ...(parksByAdcode.get(spec.hostAdcode) ?? []),
          out.park.geometry,
        ]);
      }
    }
    const { targets, ...zone } = z;
    zones.push({ ...zone, targets: [...targets], parks });
  }
  context.push(...countyOutlines(createRng(deriveSeed(seed, "counties")), parksByAdcode));
  return {
    zones,
    enterprises,
    plots: { type: "FeatureCollection", features: plots },
    constraints: { type: "FeatureCollection", features: constraints },
    context: { type: "FeatureCollection", features: context },
    invest: investDemo(seed, zones, plots, enterprises),
  };
}
