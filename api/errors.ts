import type { ContentfulStatusCode } from "hono/utils/http-status";

/** The languages error messages come in; `Accept-Language` picks one, default zh-CN. */
export type Lang = "zh-CN" | "en";

interface ErrorSpec {
  status: ContentfulStatusCode;
  "zh-CN": string;
  en: string;
}

/** Every error code the API returns, with its status and messages ({name} placeholders are filled from params). */
export const ERRORS = {
  invalid_request: {
    status: 400,
    "zh-CN": "请求参数 {field} 无效：{reason}",
    en: "Invalid request parameter {field}: {reason}",
  },
  invalid_json: { status: 400, "zh-CN": "请求体不是有效的 JSON", en: "The request body is not valid JSON" },
  route_not_found: { status: 404, "zh-CN": "没有这个接口：{path}", en: "No such endpoint: {path}" },
  zone_not_found: { status: 404, "zh-CN": "高新区 {id} 不存在", en: "Zone {id} does not exist" },
  park_not_found: { status: 404, "zh-CN": "园区 {id} 不存在", en: "Park {id} does not exist" },
  plot_not_found: { status: 404, "zh-CN": "宗地 {id} 不存在", en: "Plot {id} does not exist" },
  land_not_found: {
    status: 404,
    "zh-CN": "宗地 {id} 不在供地清单中",
    en: "Plot {id} is not on offer",
  },
  payload_too_large: {
    status: 413,
    "zh-CN": "请求体过大（上限 {limit} 字节）",
    en: "The request body is too large (limit {limit} bytes)",
  },
  parks_not_in_one_zone: {
    status: 400,
    "zh-CN": "园区 {fromParkId} 与园区 {toParkId} 不属于同一高新区 {zoneId}",
    en: "Parks {fromParkId} and {toParkId} do not both belong to zone {zoneId}",
  },
  tile_layer_not_found: {
    status: 404,
    "zh-CN": "没有瓦片图层 {layer}；可选图层：{available}",
    en: "No tile layer {layer}; available layers: {available}",
  },
  year_not_found: {
    status: 404,
    "zh-CN": "没有 {year} 年的统计数据；可选年份：{available}",
    en: "No statistics for year {year}; available years: {available}",
  },
  geometry_invalid: {
    status: 400,
    "zh-CN": "几何图形无效：{reason}，位置 {lng}, {lat}；修正后重试，或传 repair: true 自动修复",
    en: "Invalid geometry: {reason} at {lng}, {lat}; fix it, or send repair: true to have it repaired",
  },
  geometry_zero_area: {
    status: 400,
    "zh-CN": "几何图形面积为零，不能作为扩区范围",
    en: "The geometry has zero area and cannot be an expansion boundary",
  },
  proposal_not_found: {
    status: 404,
    "zh-CN": "扩区方案 {id} 不存在",
    en: "Expansion proposal {id} does not exist",
  },
  proposal_version_not_found: {
    status: 404,
    "zh-CN": "扩区方案 {id} 没有第 {version} 版",
    en: "Expansion proposal {id} has no version {version}",
  },
  pdf_unavailable: {
    status: 503,
    "zh-CN": "本机未安装 Chromium，无法生成 PDF；请使用 HTML 打印版（{htmlPath}）",
    en: "Chromium is not installed here, so no PDF can be rendered; use the HTML print view ({htmlPath})",
  },
  import_empty_file: {
    status: 400,
    "zh-CN": "文件 {file} 是空的",
    en: "File {file} is empty",
  },
  import_unsupported_format: {
    status: 415,
    "zh-CN": "不支持的文件格式：{file}；请上传 Shapefile（zip）、GeoJSON 或 CSV",
    en: "Unsupported file format: {file}; upload a zipped Shapefile, GeoJSON or CSV",
  },
  import_truncated_file: {
    status: 422,
    "zh-CN": "{file} 文件不完整（被截断或损坏）",
    en: "The {file} file is incomplete (truncated or damaged)",
  },
  import_missing_sidecar: {
    status: 422,
    "zh-CN": "Shapefile 缺少 {file} 文件",
    en: "The Shapefile is missing its {file} file",
  },
  import_unsafe_zip_entry: {
    status: 422,
    "zh-CN": "压缩包中的路径不安全，已拒绝：{entry}",
    en: "Unsafe path in the archive, rejected: {entry}",
  },
  import_file_too_large: {
    status: 413,
    "zh-CN": "上传文件超过 {limitMb} MB 上限",
    en: "The upload exceeds the {limitMb} MB limit",
  },
  import_zip_too_large: {
    status: 413,
    "zh-CN": "压缩包解压后超过 {limitMb} MB 上限",
    en: "The archive expands beyond the {limitMb} MB limit",
  },
  import_zip_ratio: {
    status: 413,
    "zh-CN": "压缩包条目 {entry} 的压缩比 {ratio} 异常（疑似压缩炸弹），已拒绝",
    en: "Archive entry {entry} has a suspicious compression ratio of {ratio} (zip bomb); rejected",
  },
  import_unknown_projection: {
    status: 422,
    "zh-CN": "无法识别坐标系：{crs}；请提供 .prj 或指定 srid",
    en: "Unknown coordinate reference system: {crs}; supply a .prj or set srid",
  },
  import_unknown_encoding: {
    status: 400,
    "zh-CN": "不支持的字符编码：{encoding}",
    en: "Unsupported text encoding: {encoding}",
  },
  import_bad_geometry_type: {
    status: 422,
    "zh-CN": "不支持的 Shapefile 几何类型 {type}",
    en: "Unsupported Shapefile shape type {type}",
  },
  import_no_features: {
    status: 422,
    "zh-CN": "{file} 中没有要素",
    en: "{file} contains no features",
  },
  import_coordinates_out_of_range: {
    status: 422,
    "zh-CN": "有 {count} 个坐标在坐标系 {crs} 下超出经纬度范围；请检查 .prj 或指定 srid",
    en: "{count} coordinates fall outside longitude/latitude bounds under {crs}; check the .prj or set srid",
  },
  import_bad_file: {
    status: 422,
    "zh-CN": "无法读取文件：{reason}",
    en: "The file cannot be read: {reason}",
  },
  import_validation_failed: {
    status: 422,
    "zh-CN": "校验发现 {count} 个错误，未导入任何数据；详见报告",
    en: "Validation found {count} errors; nothing was imported (see the report)",
  },
  import_not_found: { status: 404, "zh-CN": "导入记录 {id} 不存在", en: "Import {id} does not exist" },
  import_not_last: {
    status: 409,
    "zh-CN": "只能撤销同类数据最近一次导入（{last}），不能撤销 {id}",
    en: "Only the latest import of the same target ({last}) can be undone, not {id}",
  },
  import_not_undoable: {
    status: 409,
    "zh-CN": "导入 {id}（{target}）没有撤销记录：它早于该类导入的撤销功能，或其图层已被删除",
    en: "Import {id} ({target}) has no undo record: it predates undo for this target, or its layer was deleted",
  },
  constraint_layer_exists: {
    status: 409,
    "zh-CN": "本高新区已有名为“{name}”的 {type} 约束图层，请换一个图层名称",
    en: 'The zone already has a {type} constraint layer named "{name}"; choose another layer name',
  },
  stats_import_missing_column: {
    status: 422,
    "zh-CN": "统计表缺少{nameZh}列",
    en: "The statistics table has no {nameEn} column",
  },
  stats_import_unsupported_format: {
    status: 415,
    "zh-CN": "统计数据只能从 CSV 或 XLSX 导入：{file}",
    en: "Statistics can be imported from CSV or XLSX only: {file}",
  },
  import_job_not_found: {
    status: 404,
    "zh-CN": "导入任务 {id} 不存在",
    en: "Import job {id} does not exist",
  },
  mapping_not_found: {
    status: 404,
    "zh-CN": "没有名为 {name} 的字段映射",
    en: "No saved field mapping named {name}",
  },
  export_too_large: {
    status: 413,
    "zh-CN": "导出 {count} 条超过上限 {limit}；请缩小筛选范围",
    en: "Exporting {count} plots exceeds the limit of {limit}; narrow the filter",
  },
  method_not_allowed: {
    status: 405,
    "zh-CN": "不支持 {method} 方法",
    en: "Method {method} is not allowed here",
  },
  invalid_credentials: {
    status: 401,
    "zh-CN": "用户名或密码错误",
    en: "Wrong username or password",
  },
  not_authenticated: { status: 401, "zh-CN": "请先登录", en: "Please log in first" },
  too_many_attempts: {
    status: 429,
    "zh-CN": "登录失败次数过多，请 {retryAfterS} 秒后再试",
    en: "Too many failed logins; try again in {retryAfterS} s",
  },
  csrf_failed: {
    status: 403,
    "zh-CN": "安全校验失败（缺少或错误的 X-CSRF-Token），请刷新页面后重试",
    en: "Security check failed (missing or wrong X-CSRF-Token); reload the page and try again",
  },
  forbidden: {
    status: 403,
    "zh-CN": "当前角色（{role}）无权执行此操作",
    en: "Your role ({role}) may not do this",
  },
  zone_forbidden: {
    status: 403,
    "zh-CN": "当前账号无权操作高新区 {zoneId}",
    en: "Your account may not act in zone {zoneId}",
  },
  finding_not_found: { status: 404, "zh-CN": "核查发现 {id} 不存在", en: "Finding {id} does not exist" },
  photo_not_found: {
    status: 404,
    "zh-CN": "核查发现 {id} 没有照片 {photoId}",
    en: "Finding {id} has no photo {photoId}",
  },
  finding_transition_illegal: {
    status: 409,
    "zh-CN": "核查发现不能从“{from}”变为“{to}”；可变为：{allowed}",
    en: "A finding cannot move from {from} to {to}; allowed: {allowed}",
  },
  finding_disposal_required: {
    status: 422,
    "zh-CN": "作出处置决定时必须选择处置方式（disposal）",
    en: "Deciding a disposal requires the disposal field",
  },
  finding_disposal_unexpected: {
    status: 422,
    "zh-CN": "只有变为 disposal_decided 时才能选择处置方式",
    en: "A disposal can be chosen only when moving to disposal_decided",
  },
  finding_note_required: {
    status: 422,
    "zh-CN": "未经处置直接办结（撤销认定）时必须填写说明",
    en: "Closing a finding without a disposal (dismissal) requires a note",
  },
  finding_fee_not_applicable: {
    status: 422,
    "zh-CN": "不能决定征缴土地闲置费：{reason}",
    en: "An idle-land fee cannot be decided: {reason}",
  },
  finding_closed: {
    status: 409,
    "zh-CN": "核查发现 {id} 已办结，不能再添加证据",
    en: "Finding {id} is closed; no evidence can be added",
  },
  version_conflict: {
    status: 409,
    "zh-CN": "{entityZh} {id} 已被他人修改（当前版本 {current}，您提交的版本 {sent}）；请查看最新内容后重试",
    en: "{entityEn} {id} was changed by someone else (current version {current}, you sent {sent}); review the latest and retry",
  },
  photo_too_large: {
    status: 413,
    "zh-CN": "照片超过 {limitMb} MB 上限",
    en: "The photo exceeds the {limitMb} MB limit",
  },
  photo_unsupported_type: {
    status: 415,
    "zh-CN": "只接受 JPEG、PNG 或 WebP 照片（按文件内容判断）",
    en: "Only JPEG, PNG or WebP photos are accepted (judged by the file's content)",
  },
  db_unavailable: {
    status: 503,
    "zh-CN": "数据库暂时不可用，请稍后重试",
    en: "The database is temporarily unavailable; try again shortly",
  },
  db_timeout: {
    status: 503,
    "zh-CN": "数据库查询超时（超过 {limitMs} 毫秒），请稍后重试或缩小查询范围",
    en: "The database query timed out (over {limitMs} ms); try again shortly or narrow the request",
  },
  internal_error: {
    status: 500,
    "zh-CN": "服务器内部错误（请求编号 {requestId}）",
    en: "Internal server error (request {requestId})",
  },
} as const satisfies Record<string, ErrorSpec>;

export type ErrorCode = keyof typeof ERRORS;

/** An expected API error: rendered as `{error: {code, message, details?}}` with the code's status. */
export class AppError extends Error {
  override readonly name = "AppError";
  readonly code: ErrorCode;
  readonly params: Record<string, string | number>;
  readonly details: unknown;
  constructor(code: ErrorCode, params: Record<string, string | number> = {}, details?: unknown) {
    super(`${code} ${JSON.stringify(params)}`);
    this.code = code;
    this.params = params;
    this.details = details;
  }
}

/** Fills `{name}` placeholders of the code's message in `lang`. */
export function errorMessage(
  code: ErrorCode,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  return ERRORS[code][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? `{${k}}`));
}

/** Picks zh-CN or en from an Accept-Language header by q-value; default zh-CN. */
export function pickLang(header: string | undefined | null): Lang {
  if (!header) return "zh-CN";
  const prefs = header
    .split(",")
    .map((part, i) => {
      const [tag = "", ...rest] = part.trim().toLowerCase().split(";");
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith("q="));
      return { tag, q: q ? Number(q.slice(2)) : 1, i };
    })
    .filter((p) => Number.isFinite(p.q) && p.q > 0)
    .sort((a, b) => b.q - a.q || a.i - b.i);
  for (const p of prefs) {
    if (p.tag.startsWith("zh")) return "zh-CN";
    if (p.tag.startsWith("en")) return "en";
  }
  return "zh-CN";
}
