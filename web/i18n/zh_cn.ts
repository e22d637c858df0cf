/**
 * Simplified Chinese UI strings: the default language and the source of every key.
 * Keys are `screen.element`; `{name}` placeholders are filled by `t(key, params)`.
 */
export const zhCN = {
  "app.brand": "ZoneAtlas",
  "app.title": "园区土地一张图",
  "app.documentTitle": "ZoneAtlas · 园区土地一张图",
  "app.skipToMap": "跳到地图",

  "lang.label": "界面语言",
  "lang.zh": "中文",
  "lang.en": "English",

  "zone.switcherLabel": "高新区",
  "zone.level.national": "国家级",
  "zone.level.provincial": "省级",
  "zone.parkCount": "{count} 个园区",

  "demo.banner": "示意数据 · 非官方数据",
  "demo.bannerDetail": "宗地、企业与统计数据均为生成的示意数据，不代表官方数据。",

  "status.loading": "正在加载…",
  "status.loadingLayers": "正在加载图层…",
  "status.error": "加载失败：{message}",
  "status.retry": "重试",
  "status.noZones": "暂无高新区数据",

  "error.panel": "该面板出错：{message}",
  "error.network": "无法连接服务器，请检查网络后重试",
  "error.badResponse": "服务器返回了无法识别的响应（HTTP {status}）",
  "error.parkNotFound": "未找到园区 {id}，已显示默认高新区",
  "error.zoneNotFound": "未找到高新区 {id}，已显示默认高新区",

  "role.core": "核心区",
  "role.park": "园区",
  "role.enclave": "飞地园区",

  "parkList.title": "园区概览",
  "parkList.showAll": "显示全部园区",
  "parkList.county": "所在县区",
  "parkList.area": "边界面积",
  "parkList.approvedArea": "批准面积",
  "parkList.plotCount": "{count} 宗",
  "parkList.plots": "宗地",
  "parkList.partner": "共建核心区：{name}",
  "parkList.industries": "主导产业",

  "plotPanel.title": "宗地信息",
  "plotPanel.close": "关闭",
  "plotPanel.code": "宗地编号",
  "plotPanel.park": "所属园区",
  "plotPanel.status": "供地状态",
  "plotPanel.landUse": "用地分类代码",
  "plotPanel.area": "面积",
  "plotPanel.enterprise": "用地企业",
  "plotPanel.noEnterprise": "无",
  "plotPanel.standardLand": "标准地",
  "plotPanel.hint": "点击地图上的宗地查看详情",

  "plotStatus.available": "可供地",
  "plotStatus.approved_unsupplied": "批而未供",
  "plotStatus.supplied": "已供未建",
  "plotStatus.under_construction": "在建",
  "plotStatus.built": "已建成",
  "plotStatus.reclaimed": "已收回",

  "legend.title": "图例",
  "legend.parks": "园区边界",
  "legend.enclaveLink": "飞地共建关系",
  "legend.constraints": "管控图层",
  "legend.context": "底图要素",

  "legend.plots": "宗地着色",
  "legend.indicator": "着色指标",
  "legend.method": "分级方法",
  "legend.titleWithUnit": "{name}（{unit}）",
  "legend.below": "< {value}",
  "legend.range": "{from} – {to}",
  "legend.atLeast": "≥ {value}",
  "legend.noData": "无数据",
  "legend.ungraded": "未评级",
  "legend.count": "{count} 宗",
  "legend.manualBreaks": "分级断点（升序，逗号分隔，最多 {max} 个）",
  "legend.manualIssue.empty": "请至少输入一个断点，暂按分位数分级",
  "legend.manualIssue.notANumber": "断点须为数字，暂按分位数分级",
  "legend.manualIssue.notAscending": "断点须严格递增，暂按分位数分级",
  "legend.manualIssue.tooMany": "断点最多 {max} 个，暂按分位数分级",
  "legend.overlays": "专题叠加",
  "legend.overlay.idle": "闲置土地",
  "legend.overlay.lowEfficiency": "低效用地",
  "legend.overlay.approvedUnsupplied": "批而未供",

  "classMethod.quantile": "分位数",
  "classMethod.equalInterval": "等间距",
  "classMethod.manual": "手动",

  "indicator.outputPerMuWan": "亩均产值",
  "indicator.taxPerMuWan": "亩均税收",
  "indicator.far": "容积率",
  "indicator.grade": "亩均评价等级",
  "indicator.status": "供地状态",

  "grade.A": "A 类",
  "grade.B": "B 类",
  "grade.C": "C 类",
  "grade.D": "D 类",

  "constraint.permanent_farmland": "永久基本农田",
  "constraint.ecological_redline": "生态保护红线",
  "constraint.development_boundary": "城镇开发边界",
  "constraint.flood": "洪涝风险区",
  "constraint.steep_slope": "陡坡地",
  "constraint.other": "其他管控区",

  "context.road": "道路",
  "context.river": "河流",
  "context.county": "县区界",

  "map.ariaLabel": "园区土地地图",
  "map.coordinates": "经度 {lng}，纬度 {lat}",
  "map.gaussKruger": "CGCS2000 3° 带 EPSG:{epsg}  X {x}  Y {y}",

  "units.mu": "亩",
  "units.ha": "公顷",
  "units.wanPerMu": "万元/亩",
  "units.areaMuHa": "{mu}（{ha}）",
} as const;

/** A key of the UI dictionaries. */
export type MessageKey = keyof typeof zhCN;
