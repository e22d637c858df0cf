import type { Feature, Geometry } from "geojson";
import type { EligibilityItem } from "../../geo/expansion_eligibility.ts";
import { M2_PER_MU } from "../../geo/units.ts";
import { frameOf, type MapLayer, mapSvg } from "./map_svg.ts";
import { PACK_INDICATORS, type PackData } from "./pack_data.ts";
import { CONSTRAINT_TYPE_ZH, landUseLabel, VERDICT_ZH } from "./pack_labels.ts";

const esc = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );
const num = (x: number | null | undefined, d = 2) =>
  x === null || x === undefined || !Number.isFinite(x)
    ? "—"
    : x.toLocaleString("zh-CN", { minimumFractionDigits: d, maximumFractionDigits: d });
const pct = (x: number | null | undefined) => (x === null || x === undefined ? "—" : `${num(x * 100, 1)}%`);
/** Rates (keys ending in Rate, and 建筑密度) are fractions shown as percentages; the rest as numbers. */
const isRate = (key: string) => key.endsWith("Rate") || key === "buildingDensity";
const val = (x: number | null, key: string) => (isRate(key) ? pct(x) : num(x));
const unitOf = (key: string, unit: string) => (isRate(key) ? "%" : unit || "—");
const passZh = (p: boolean | null) => (p === null ? "无数据" : p ? "达标" : "未达标");

const STYLE: Record<string, Pick<MapLayer, "fill" | "stroke" | "label">> = {
  development_boundary: { fill: "rgba(255,214,102,0.25)", stroke: "#c9a227", label: "城镇开发边界" },
  permanent_farmland: { fill: "rgba(110,180,90,0.55)", stroke: "#4a8a3a", label: "永久基本农田" },
  ecological_redline: { fill: "rgba(220,80,80,0.45)", stroke: "#b03030", label: "生态保护红线" },
  flood: { fill: "rgba(90,150,220,0.45)", stroke: "#3a6ab0", label: "洪涝风险区" },
  steep_slope: { fill: "rgba(150,110,70,0.45)", stroke: "#6a4a2a", label: "陡坡地" },
  other: { fill: "rgba(150,150,150,0.4)", stroke: "#666", label: "其他约束" },
};

function checklistRows(items: readonly EligibilityItem[]): string {
  const name: Record<string, string> = {
    developmentRate: "土地开发率",
    supplyRate: "土地供应率",
    builtRate: "土地建成率",
    idleRate: "土地闲置率",
    outputPerMuWan: "工业用地产出强度（万元/亩）",
  };
  return items
    .map((i) => {
      const v = i.unit === "ratio" ? pct(i.value) : num(i.value);
      const t = i.unit === "ratio" ? pct(i.threshold) : num(i.threshold);
      return `<tr><td>${name[i.indicator] ?? i.indicator}</td><td class="n">${v}</td><td class="n">${i.direction === "min" ? "≥" : "≤"} ${t}</td><td class="${i.pass === false ? "bad" : ""}">${passZh(i.pass)}</td></tr>`;
    })
    .join("");
}

/** The application pack as one A4 print-ready HTML document in Chinese (maps as inline SVG). */
export function packHtml(d: PackData): string {
  const p = d.proposal;
  const demo = d.park.isDemo;
  const demoNote = demo ? "示意数据 · 非官方数据" : "";
  const proposalFeature: Feature<Geometry, unknown> = {
    type: "Feature",
    geometry: p.geometry,
    properties: {},
  };
  const selfPark = d.layers.parks.features.filter((f) => f.properties.isSelf);
  const otherParks = d.layers.parks.features.filter((f) => !f.properties.isSelf);
  const overview = mapSvg(
    [
      { features: otherParks, fill: "rgba(120,120,200,0.35)", stroke: "#55a", label: "本区其他园区" },
      {
        features: selfPark,
        fill: "rgba(60,60,180,0.5)",
        stroke: "#22a",
        label: `本园区：${esc(d.park.name)}`,
      },
      {
        features: [proposalFeature],
        fill: "rgba(230,60,30,0.6)",
        stroke: "#c20",
        strokeWidth: 2,
        label: "拟扩区范围",
      },
    ],
    frameOf([...d.layers.parks.features, proposalFeature], 0.08),
    { width: 680, height: 520, title: `图1 ${esc(d.zone.name)}园区分布与拟扩区位置`, note: demoNote },
  );
  const byType = (t: string) => d.layers.constraints.features.filter((f) => f.properties.type === t);
  const detailFrame = frameOf([...selfPark, proposalFeature], 0.15);
  const detail = mapSvg(
    [
      ...["development_boundary", "permanent_farmland", "ecological_redline", "flood", "steep_slope", "other"]
        .filter((t) => byType(t).length > 0)
        .map(
          (t) =>
            ({
              features: byType(t),
              ...(STYLE[t] ?? STYLE.other),
              stroke: STYLE[t]?.stroke ?? "#666",
            }) as MapLayer,
        ),
      { features: selfPark, fill: "rgba(60,60,180,0.15)", stroke: "#22a", label: "现状园区" },
      { features: d.layers.plots.features, fill: "rgba(60,60,180,0.15)", stroke: "#77b", strokeWidth: 0.4 },
      {
        features: [proposalFeature],
        fill: "none",
        stroke: "#e0201b",
        strokeWidth: 2.5,
        dash: "8 4",
        label: "拟扩区边界",
      },
    ],
    detailFrame,
    { width: 680, height: 620, title: "图2 拟扩区边界与三条控制线叠加", note: demoNote },
  );
  const ind = d.indicators;
  const indicatorRows = PACK_INDICATORS.map((k) => {
    const pk = ind.park[k];
    const zn = ind.zone[k];
    const target = zn.target
      ? `${zn.target.direction === "min" ? "≥" : "≤"} ${val(zn.target.target, zn.unit)}`
      : "—";
    const ok = zn.progress?.onTrack;
    return `<tr><td>${esc(pk.name.zh)}</td><td>${esc(unitOf(k, pk.unit))}</td><td class="n">${val(pk.value, k)}</td><td class="n">${val(zn.value, k)}</td><td class="n">${target}</td><td>${ok === undefined || ok === null ? "—" : ok ? "达标" : "未达标"}</td></tr>`;
  }).join("");
  const c = d.check;
  const conflictRows = Object.entries(c.conflictsMu)
    .map(
      ([t, mu]) =>
        `<tr><td>${CONSTRAINT_TYPE_ZH[t] ?? t}</td><td class="n">${num(mu, 4)}</td><td>${mu * M2_PER_MU < 1 ? "无冲突" : "存在冲突"}</td></tr>`,
    )
    .join("");
  const landUseRows = Object.entries(c.landUseMu)
    .map(
      ([code, mu]) =>
        `<tr><td>${esc(landUseLabel(code))}</td><td class="n">${num(mu)}</td><td class="n">${pct(mu / c.areaMu)}</td></tr>`,
    )
    .join("");
  const vertexRows = d.gk.vertices
    .map(
      (v, i) =>
        `<tr><td>J${i + 1}</td><td>${v.part}${v.ring > 0 ? `（内环${v.ring}）` : ""}</td><td class="n">${v.xM.toFixed(3)}</td><td class="n">${v.yM.toFixed(3)}</td></tr>`,
    )
    .join("");
  const el = d.eligibility;
  const versions = p.versions
    .map(
      (v) =>
        `<tr><td>第 ${v.version} 版</td><td>${esc(v.name)}</td><td class="n">${num(v.areaMu)}</td><td>${v.createdAt.slice(0, 10)}</td></tr>`,
    )
    .join("");
  const date = d.generatedAt.slice(0, 10);
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(p.name)} 扩区申请材料</title>
<style>
@page { size: A4; margin: 16mm 15mm; }
body { font-family: "Noto Sans CJK SC", "Noto Serif CJK SC", "Source Han Sans SC", sans-serif; font-size: 10.5pt; color: #111; margin: 0; }
section { break-after: page; }
section:last-child { break-after: auto; }
h1 { font-size: 24pt; text-align: center; margin-top: 60mm; }
h2 { font-size: 14pt; border-bottom: 2px solid #333; padding-bottom: 2mm; }
table { border-collapse: collapse; width: 100%; margin: 3mm 0; }
th, td { border: 1px solid #777; padding: 1.2mm 2mm; }
th { background: #eee; }
td.n { text-align: right; font-variant-numeric: tabular-nums; }
td.bad { color: #b00; font-weight: bold; }
.cover p { text-align: center; font-size: 13pt; }
.demo { color: #a00; font-weight: bold; text-align: center; border: 2px solid #a00; padding: 2mm; margin: 6mm 20mm; }
.small { font-size: 9pt; color: #444; }
figure { margin: 0; text-align: center; }
</style></head><body>
<section class="cover">
<h1>${esc(d.zone.name)}<br>${esc(d.park.name)}扩区申请材料</h1>
<p>方案名称：${esc(p.name)}（第 ${p.currentVersion} 版）</p>
<p>拟扩区面积：${num(p.areaMu)} 亩（${num((p.areaMu * M2_PER_MU) / 10_000)} 公顷）</p>
<p>核查结论：${VERDICT_ZH[c.verdict]}</p>
<p>编制日期：${date}</p>
${demo ? `<div class="demo">本材料使用示意数据生成，所有宗地、企业与管控线均为示意，不是官方数据，不得用于正式申报。</div>` : ""}
<p class="small">由 ZoneAtlas 园区土地一张图自动生成</p>
</section>
<section>
<h2>一、园区概况与区位</h2>
<p>${esc(d.zone.name)}（${d.zone.level === "national" ? "国家级" : "省级"}）下辖园区 ${d.layers.parks.features.length} 个。本次申请由${esc(d.park.name)}提出，拟在园区周边扩区 ${num(p.areaMu)} 亩。</p>
<figure>${overview}</figure>
</section>
<section>
<h2>二、拟扩区范围与管控线</h2>
<figure>${detail}</figure>
<p>拟扩区范围位于城镇开发边界内的比例：${c.insideBoundaryRatio === null ? "缺少城镇开发边界图层，无法判断" : pct(c.insideBoundaryRatio)}；与现有园区及宗地重叠 ${num(c.existingLandMu)} 亩。核查结论：<b>${VERDICT_ZH[c.verdict]}</b>。</p>
<ul>${c.reasons.map((r) => `<li>${esc(r.zh)}</li>`).join("")}${c.warnings.map((w) => `<li class="bad">${esc(w.message)}</li>`).join("")}</ul>
</section>
<section>
<h2>三、土地集约利用现状与目标（TD/T 1029）</h2>
<p>统计年度：${ind.year} 年（12 月 31 日数据）。</p>
<table><tr><th>指标</th><th>单位</th><th>${esc(d.park.name)}</th><th>${esc(d.zone.name)}</th><th>目标</th><th>高新区是否达标</th></tr>${indicatorRows}</table>
<h2>四、扩区条件核查清单</h2>
<p class="small">规则：${esc(el.profile.name)}。阈值为可配置的默认值（domain.md §10），并非国家统一标准。</p>
<table><tr><th colspan="4">园区：${esc(d.park.name)}（${el.park.year} 年）</th></tr><tr><th>条件</th><th>现状值</th><th>要求</th><th>结论</th></tr>${checklistRows(el.park.checklist.items)}</table>
<table><tr><th colspan="4">高新区：${esc(d.zone.name)}（${el.zone.year} 年）</th></tr><tr><th>条件</th><th>现状值</th><th>要求</th><th>结论</th></tr>${checklistRows(el.zone.checklist.items)}</table>
</section>
<section>
<h2>五、拟扩区面积构成</h2>
<table><tr><th>现状地类</th><th>面积（亩）</th><th>占比</th></tr>${landUseRows}<tr><th>合计</th><th class="n">${num(c.areaMu)}</th><th class="n">100.0%</th></tr></table>
<table><tr><th>管控线类型</th><th>冲突面积（亩）</th><th>结论</th></tr>${conflictRows || `<tr><td colspan="3">本高新区无管控线图层</td></tr>`}</table>
<p class="small">冲突面积应为零；小于 1 平方米的重叠视为数字化误差。面积按 CGCS2000 椭球计算（PostGIS ST_Area(geography)）。</p>
<h2>六、界址点坐标</h2>
<p>坐标系：CGCS2000 3° 高斯-克吕格投影第 ${d.gk.zone} 带（中央经线 ${d.gk.centralMeridianDeg}°E，EPSG:${d.gk.epsg}，Y 坐标含带号），单位：米。</p>
<table><tr><th>点号</th><th>地块</th><th>X（纵坐标，北）</th><th>Y（横坐标，东）</th></tr>${vertexRows}</table>
</section>
<section>
<h2>附录</h2>
<h3>A. 编制说明</h3>
<p>${esc(p.rationale || "（未填写）")}</p>
<h3>B. 方法</h3>
<ul>
<li>面积：CGCS2000/WGS84 椭球面积（PostGIS ST_Area(geography)），1 亩 = 10000/15 平方米。</li>
<li>管控线叠加：拟扩区范围与本高新区各类管控线图层求交；永久基本农田、生态保护红线重叠 ≥ 1 平方米即不通过，城镇开发边界内比例须 ≥ 99.9%。</li>
<li>界址点：由 EPSG:4326 经 PostGIS ST_Transform 投影至 EPSG:${d.gk.epsg}，带号按园区经度自动选择。</li>
<li>扩区条件阈值为可配置默认值，可在请求中调整。</li>
</ul>
<h3>C. 方案版本记录</h3>
<table><tr><th>版本</th><th>名称</th><th>面积（亩）</th><th>日期</th></tr>${versions}</table>
<h3>D. 数据来源</h3>
<p>${demo ? "示意数据：ZoneAtlas 演示数据集（确定性生成，非官方）。" : "本系统登记的园区、宗地、统计与管控线数据。"}</p>
</section>
</body></html>`;
}
