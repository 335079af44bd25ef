// Language handling for the map UI.
//
// Two languages: zh-CN (default, the park's own) and English (investors, consultants).
// Data labels come from the backend catalog as {zh, en} objects, and the server's own terms
// (history operations, rule names, readiness items) from its vocabulary (vocabulary.js); only the
// page's own strings live here, so a park can relabel its layers without a frontend change.

const STORAGE_KEY = 'parkatlas.lang';

// Catalog objects use short keys ("zh", "en"); <html lang> needs a BCP 47 tag.
export const LANGS = {
  zh: { tag: 'zh-CN', name: '中文' },
  en: { tag: 'en', name: 'English' },
};

const STRINGS = {
  zh: {
    appName: 'ParkAtlas',
    mapLabel: '园区地图',
    layers: '图层',
    legend: '图例',
    panelShow: '显示图层与图例',
    panelHide: '隐藏图层与图例',
    panelButton: '图层',
    switchLabel: '切换到英文界面',
    loading: '正在加载…',
    loadingConfig: '正在加载地图配置…',
    loadingLayers: '正在加载图层（{done}/{total}）…',
    layerLoading: '加载中',
    featureCount: '{n} 个要素',
    noFeatures: '无要素',
    layerFailed: '加载失败',
    errorConfig: '无法加载地图配置：{detail}',
    errorLayer: '图层“{name}”加载失败：{detail}',
    errorLeaflet: '地图组件（Leaflet）未能加载，请联系系统管理员。',
    errorNetwork: '无法连接服务器',
    retry: '重新加载',
    dismiss: '关闭提示',
    yes: '是',
    no: '否',
    area: '面积',
    areaLine: '面积：{area}',
    status: '状态',
    grade: '道路等级',
    kind: '类型',
    legendEmpty: '无可显示的图例',
    closePopup: '关闭',
    zoomIn: '放大',
    zoomOut: '缩小',
    // Readiness view (七通一平 / 九通一平)
    readinessButton: '准备情况',
    readinessShow: '按七通一平准备情况为地块着色',
    readinessHide: '恢复按供地状态着色',
    standard_seven: '七通一平',
    standard_nine: '九通一平',
    monthLabel: '{y}年{m}月',
    asOfCaption: '截至',
    asOfSlider: '准备情况日期',
    play: '播放：逐年推进',
    pause: '暂停',
    // Parcel sheet (/parcels/{code})
    compareTitle: '地块对比',
    compareBrochure: '下载对比（PDF）',
    sheetBrochure: '下载推介（PDF）',
    basemap: '底图',
    basemapNone: '无（素底）',
    contextCredit: '周边地物为示意',
    compareAssessments: '已完成区域评估',
    compareTier: '用地成熟度',
    compareReadyDate: '具备开工条件日期',
    compareNote: '有差异的行已标出；每行中对投资者最有利的数值加粗（面积大、地价低、要求低、日期早、距离近）。',
    compareTooFew: '请选择 2–4 个地块进行对比（地址中的 ids=…）。',
    finderCompare: '对比',
    finderCompareGo: '对比所选 {n} 块',
    sheetBackToFinder: '← 找地',
    sheetTitle: '地块 {code}',
    sheetStandardLand: '标准地',
    sheetTier: '成熟度 {n}/{total}',
    sheetReadyNow: '已具备开工条件',
    sheetReadyOn: '预计 {date} 具备开工条件',
    sheetNotScheduled: '尚无计划日期',
    sheetArea: '用地面积',
    sheetAreaValue: '{mu} 亩（{m2} 平方米，{ha} 公顷）',
    sheetLandUse: '用地性质',
    sheetIndustrialPark: '产业园',
    sheetZone: '功能分区',
    sheetStatus: '供地状态',
    sheetPrice: '参考地价',
    sheetPriceOnRequest: '请咨询招商部门',
    sheetReadiness: '配套已满足',
    sheetSince: '自 {date} 起满足',
    sheetFrom: '预计 {date} 满足',
    sheetNearest: '最近的出入口与设施',
    sheetBuildings: '地块上的标准化厂房',
    sheetAssessments: '已完成的区域评估（受让方无需再做）',
    sheetAssessmentsNone: '尚无区域评估',
    sheetAssessmentsTodo: '未做：{list}',
    sheetFloors: '{n} 层',
    sheetNoBuildings: '无',
    sheetFigures: '主要指标',
    sheetIndicators: '标准地控制指标（“3+X”，受让方承诺达到）',
    sheetEnquire: '我要咨询',
    sheetContactByForm: '请通过下表留言，招商部门会尽快与您联系。',
    sheetYourName: '姓名',
    sheetOrganisation: '单位',
    sheetContactField: '电话或电子邮箱',
    sheetIndustry: '行业',
    sheetLandNeed: '用地需求（亩）',
    sheetMessage: '留言',
    sheetSend: '发送咨询',
    sheetSent: '已发送',
    sheetMapLabel: '地块 {code} 及其周边',
    sheetMapNote: '地图：地块（紫红色边框）、相邻地块、道路、管线与设施。',
    sheetAsOf: '数据截至 {date}，由 ParkAtlas 依据园区数据生成。',
    sheetNotFound: '没有地块“{code}”',
    // Finder (找地)
    finderButton: '找地',
    finderTitle: '找地：按条件查找可用地块',
    finderClose: '关闭找地',
    finderAny: '不限',
    finderAnyStatus: '全部状态',
    finderAnywhere: '不限距离',
    finderCustom: '自定义…',
    finderCustomDate: '指定日期…',
    finderAreaBand: '{band} 亩',
    finderFrom: '最小',
    finderTo: '最大',
    finderMetres: '米以内',
    finderBy: '{date} 前',
    finderPark: '产业园',
    finderZone: '功能分区',
    finderArea: '用地面积（亩）',
    finderStandardOnly: '仅看标准地',
    finderReadyBy: '具备开工条件（七通一平）',
    finderMore: '更多条件',
    finderStatus: '供地状态',
    finderLandUse: '用地性质',
    finderNeeds: '必须具备的配套',
    finderInvestment: '可承诺投资强度（万元/亩）',
    finderTax: '可承诺亩均税收（万元/亩·年）',
    finderFar: '规划容积率',
    finderNear: '距离',
    finderSort: '排序',
    finderSort_desc_area_mu: '面积从大到小',
    finderSort_area_mu: '面积从小到大',
    finderSort_ready_date: '具备条件日期从早到晚',
    finderSort_reference_price_wan_per_mu: '参考地价从低到高',
    finderSort_min_investment_wan_per_mu: '投资强度要求从低到高',
    finderSort_gateway_distance_m: '距园区出入口从近到远',
    finderSearching: '正在查找…',
    finderNone: '没有符合条件的地块；请放宽条件',
    finderCount: '共 {n} 块地，合计 {mu} 亩',
    finderFirst: '仅列出前 {n} 块',
    finderMu: '{mu} 亩（{ha} 公顷）',
    finderReadyNow: '已具备开工条件',
    finderReadyOn: '{date} 具备条件',
    finderNotScheduled: '配套尚无计划日期',
    finderPrice: '参考价 {price} 万元/亩',
    finderInvest: '投资强度 ≥{v} 万元/亩',
    finderSheet: '详情',
    metCount: '{met}/{total} 项满足',
    legendReadiness: '准备情况（{standard}）',
    legendReadinessSub: '截至 {date} 满足的项数',
    legendMet: '{n} 项',
    legendAllMet: '{n} 项 · 全部满足',
    legendNoData: '无数据',
    readySince: '已全部满足（自 {date} 起）',
    readyAlways: '已全部满足',
    readyOn: '全部满足日期：{date}',
    readyNever: '全部满足日期：无法确定',
    itemSince: '自 {date} 起',
    itemAlways: '早已具备',
    itemDue: '预计 {date}',
    itemNever: '无法确定',
    itemFrom: '接自{name}',
    itemDistance: '相距 {m} 米',
    traceHint: '点击带 ↗ 的项目，可在地图上查看其接入路径。',
    traceShow: '在地图上显示接入路径',
    checklistLoading: '正在加载准备情况…',
    checklistError: '无法加载准备情况：{detail}',
    errorReadiness: '无法加载准备情况数据：{detail}',
    summaryHeading: '准备情况汇总',
    summaryAsOf: '截至 {date}',
    summaryUnit: '地块数 / 面积（亩）',
    summary_ready: '已具备',
    summary_partly: '部分具备',
    summary_none: '未具备',
    summaryLoading: '正在加载汇总…',
    summaryError: '无法加载汇总：{detail}',
    summaryEmpty: '无数据',
    // Sign-in (title bar of the map, and login.html)
    signIn: '登录',
    signInTitle: '登录以编辑地块',
    signOut: '退出',
    signOutTitle: '退出登录',
    signingOut: '正在退出…',
    signedInAs: '当前用户：{name}（{role}）',
    errorSignOut: '退出登录失败：{detail}',
    role_admin: '管理员',
    role_planner: '规划员',
    role_analyst: '分析员',
    loginHeading: '登录',
    loginPageTitle: '登录',
    username: '用户名',
    password: '密码',
    loginSubmit: '登录',
    loginSubmitting: '正在登录…',
    loginError: '用户名或密码不正确',
    loginLoggedOut: '已退出登录',
    loginAlready: '您已登录为 {name}。',
    loginNoToken: '无法连接服务器，请稍后重试。',
    backToMap: '返回地图',
    loginHint: '访客无需登录即可浏览公开地图。',
    // Edit mode (planners and admins)
    editButton: '编辑',
    editShow: '进入地块编辑模式',
    editHide: '退出编辑模式',
    editHeading: '编辑地块',
    drawParcel: '绘制地块',
    splitParcel: '分割',
    mergeParcels: '合并',
    deleteParcel: '注销',
    historyButton: '历史版本',
    historyHeading: '历史版本',
    historyEmpty: '暂无历史记录',
    save: '保存',
    cancel: '取消',
    close: '关闭',
    hintSelect: '点击地块进行编辑；按住 Shift 点击可选择多个地块以合并。',
    hintDraw: '在地图上依次点击绘制地块边界，点击起点完成；会自动吸附到相邻地块和道路。',
    hintDraft: '填写地块属性后保存；仍可拖动顶点调整边界。',
    hintEdit: '拖动顶点修改边界（中点可添加顶点），修改属性后保存。',
    hintSplit: '在地块两侧之外依次点击，画一条穿过地块的分割线；再次点击最后一点、双击、按回车或点“完成分割线”结束，Esc 取消。',
    splitFinish: '完成分割线',
    editCollapse: '收起编辑面板',
    editExpand: '展开编辑面板',
    legendRedLines: '道路红线',
    hintMerge: '已选择 {n} 个地块，可合并为一个。',
    selectedParcels: '已选地块：{codes}',
    saving: '正在保存…',
    saved: '已保存',
    nothingChanged: '没有需要保存的修改',
    missingFields: '请填写必填项：{names}',
    errorInvalid: '地块未通过检查，冲突已在地图上以红色标出。',
    errorSave: '保存失败：{detail}',
    errorForbidden: '没有编辑权限，或登录已过期，请重新登录。',
    errorGone: '该地块已不存在（可能已被他人注销）。',
    errorNoEtag: '无法读取地块当前版本，请稍后重试。',
    conflictMessage: '此地块已被他人修改。您的修改尚未保存；地图上以紫色虚线显示他人保存的当前边界。',
    conflictReload: '放弃我的修改，加载最新版本',
    splitDone: '地块已分割',
    mergeDone: '地块已合并',
    deleteDone: '地块 {code} 已注销',
    confirmDelete: '确定注销地块 {code} 吗？注销后可在历史版本中恢复。',
    confirmRestore: '确定恢复到第 {version} 版吗？',
    restoreVersion: '恢复此版本',
    restoreDone: '已恢复到第 {version} 版',
  },
  en: {
    appName: 'ParkAtlas',
    mapLabel: 'Park map',
    layers: 'Layers',
    legend: 'Legend',
    panelShow: 'Show layers and legend',
    panelHide: 'Hide layers and legend',
    panelButton: 'Layers',
    switchLabel: 'Switch the interface to Chinese',
    loading: 'Loading…',
    loadingConfig: 'Loading map configuration…',
    loadingLayers: 'Loading layers ({done}/{total})…',
    layerLoading: 'loading',
    featureCount: '{n} features',
    noFeatures: 'no features',
    layerFailed: 'failed to load',
    errorConfig: 'Could not load the map configuration: {detail}',
    errorLayer: 'Layer “{name}” failed to load: {detail}',
    errorLeaflet: 'The map library (Leaflet) could not be loaded. Please contact the administrator.',
    errorNetwork: 'the server could not be reached',
    retry: 'Reload',
    dismiss: 'Dismiss',
    yes: 'Yes',
    no: 'No',
    area: 'Area',
    areaLine: 'Area: {area}',
    status: 'Status',
    grade: 'Road grade',
    kind: 'Kind',
    legendEmpty: 'Nothing to explain',
    closePopup: 'Close',
    zoomIn: 'Zoom in',
    zoomOut: 'Zoom out',
    readinessButton: 'Readiness',
    readinessShow: 'Colour parcels by infrastructure readiness',
    readinessHide: 'Back to colouring by status',
    standard_seven: 'seven connections + leveling',
    standard_nine: 'nine connections + leveling',
    monthLabel: '{mon} {y}',
    asOfCaption: 'As of',
    asOfSlider: 'Readiness date',
    play: 'Play: a year per step',
    pause: 'Pause',
    // Parcel sheet (/parcels/{code})
    compareTitle: 'Compare parcels',
    compareBrochure: 'Download the comparison (PDF)',
    sheetBrochure: 'Download the brochure (PDF)',
    basemap: 'Basemap',
    basemapNone: 'None (plain)',
    contextCredit: 'Surroundings illustrative',
    compareAssessments: 'Regional assessments done',
    compareTier: 'Readiness tier',
    compareReadyDate: 'Ready to build from',
    compareNote: 'Rows that differ are marked; in each, the value best for an investor is in bold (larger, cheaper, asking less, sooner, nearer).',
    compareTooFew: 'Choose 2 to 4 parcels to compare (ids=… in the address).',
    finderCompare: 'Compare',
    finderCompareGo: 'Compare the {n} chosen',
    sheetBackToFinder: '← Find land',
    sheetTitle: 'Parcel {code}',
    sheetStandardLand: 'Standard land',
    sheetTier: 'Tier {n}/{total}',
    sheetReadyNow: 'Ready to build now',
    sheetReadyOn: 'Ready to build from {date}',
    sheetNotScheduled: 'not scheduled yet',
    sheetArea: 'Area',
    sheetAreaValue: '{mu} mu ({m2} m², {ha} ha)',
    sheetLandUse: 'Land use',
    sheetIndustrialPark: 'Industrial park',
    sheetZone: 'Zone',
    sheetStatus: 'Land supply status',
    sheetPrice: 'Reference land price',
    sheetPriceOnRequest: 'ask the investment bureau',
    sheetReadiness: 'Utilities in place',
    sheetSince: 'met since {date}',
    sheetFrom: 'expected {date}',
    sheetNearest: 'Nearest gateway and facilities',
    sheetBuildings: 'Standardized factory buildings on it',
    sheetAssessments: 'Regional assessments done (the buyer need not commission them)',
    sheetAssessmentsNone: 'No regional assessment yet',
    sheetAssessmentsTodo: 'Not done: {list}',
    sheetFloors: '{n} floors',
    sheetNoBuildings: 'none',
    sheetFigures: 'Key figures',
    sheetIndicators: 'Standard-land indicators ("3+X", pledged by the buyer)',
    sheetEnquire: 'Enquire',
    sheetContactByForm: 'Leave your details below and the investment bureau will contact you.',
    sheetYourName: 'Your name',
    sheetOrganisation: 'Organisation',
    sheetContactField: 'Phone or e-mail',
    sheetIndustry: 'Industry',
    sheetLandNeed: 'Land needed (mu)',
    sheetMessage: 'Message',
    sheetSend: 'Send enquiry',
    sheetSent: 'Sent',
    sheetMapLabel: 'Parcel {code} and its surroundings',
    sheetMapNote: 'Map: the parcel (magenta outline), its neighbours, roads, utility lines and facilities.',
    sheetAsOf: 'Data as of {date}, made by ParkAtlas from the park\'s own data.',
    sheetNotFound: 'There is no parcel "{code}"',
    // Finder (找地)
    finderButton: 'Find land',
    finderTitle: 'Find land: parcels that meet your needs',
    finderClose: 'Close the finder',
    finderAny: 'Any',
    finderAnyStatus: 'Any status',
    finderAnywhere: 'Any distance',
    finderCustom: 'Custom…',
    finderCustomDate: 'A date…',
    finderAreaBand: '{band} mu',
    finderFrom: 'min',
    finderTo: 'max',
    finderMetres: 'm or less',
    finderBy: 'by {date}',
    finderPark: 'Industrial park',
    finderZone: 'Zone',
    finderArea: 'Area (mu)',
    finderStandardOnly: 'Standard land only',
    finderReadyBy: 'Fully serviced (ready to build)',
    finderMore: 'More criteria',
    finderStatus: 'Land supply status',
    finderLandUse: 'Land use',
    finderNeeds: 'Utilities you need',
    finderInvestment: 'Investment you can commit (10k CNY/mu)',
    finderTax: 'Tax you can commit (10k CNY/mu/yr)',
    finderFar: 'Planned floor-area ratio',
    finderNear: 'Distance',
    finderSort: 'Sort by',
    finderSort_desc_area_mu: 'Largest first',
    finderSort_area_mu: 'Smallest first',
    finderSort_ready_date: 'Ready soonest',
    finderSort_reference_price_wan_per_mu: 'Lowest reference price',
    finderSort_min_investment_wan_per_mu: 'Lowest investment required',
    finderSort_gateway_distance_m: 'Nearest a park gateway',
    finderSearching: 'Searching…',
    finderNone: 'No parcel meets all of these; try fewer criteria',
    finderCount: '{n} parcels, {mu} mu in all',
    finderFirst: 'First {n} listed',
    finderMu: '{mu} mu ({ha} ha)',
    finderReadyNow: 'Ready to build now',
    finderReadyOn: 'Ready on {date}',
    finderNotScheduled: 'Utilities not yet scheduled',
    finderPrice: 'Ref. price {price} ×10k CNY/mu',
    finderInvest: 'Investment ≥{v} ×10k CNY/mu',
    finderSheet: 'Details',
    metCount: '{met}/{total} items met',
    legendReadiness: 'Readiness ({standard})',
    legendReadinessSub: 'Items met as of {date}',
    legendMet: '{n} met',
    legendAllMet: '{n} met · ready',
    legendNoData: 'no data',
    readySince: 'Ready since {date}',
    readyAlways: 'Ready',
    readyOn: 'Ready on {date}',
    readyNever: 'Ready: not foreseeable',
    itemSince: 'since {date}',
    itemAlways: 'long established',
    itemDue: 'due {date}',
    itemNever: 'not foreseeable',
    itemFrom: 'from {name}',
    itemDistance: '{m} m away',
    traceHint: 'Click an item marked ↗ to trace its connection on the map.',
    traceShow: 'Show the connection on the map',
    checklistLoading: 'Loading readiness…',
    checklistError: 'Could not load readiness: {detail}',
    errorReadiness: 'Could not load the readiness data: {detail}',
    summaryHeading: 'Readiness summary',
    summaryAsOf: 'As of {date}',
    summaryUnit: 'parcels / area (mu)',
    summary_ready: 'Ready',
    summary_partly: 'Partly',
    summary_none: 'Not ready',
    summaryLoading: 'Loading the summary…',
    summaryError: 'Could not load the summary: {detail}',
    summaryEmpty: 'No data',
    signIn: 'Sign in',
    signInTitle: 'Sign in to edit parcels',
    signOut: 'Sign out',
    signOutTitle: 'Sign out',
    signingOut: 'Signing out…',
    signedInAs: 'Signed in as {name} ({role})',
    errorSignOut: 'Could not sign out: {detail}',
    role_admin: 'Admin',
    role_planner: 'Planner',
    role_analyst: 'Analyst',
    loginHeading: 'Sign in',
    loginPageTitle: 'Sign in',
    username: 'Username',
    password: 'Password',
    loginSubmit: 'Sign in',
    loginSubmitting: 'Signing in…',
    loginError: 'Wrong user name or password',
    loginLoggedOut: 'You have signed out',
    loginAlready: 'You are signed in as {name}.',
    loginNoToken: 'The server could not be reached. Please try again.',
    backToMap: 'Back to the map',
    loginHint: 'Visitors can view the public map without signing in.',
    editButton: 'Edit',
    editShow: 'Edit parcels',
    editHide: 'Leave edit mode',
    editHeading: 'Edit parcels',
    drawParcel: 'Draw parcel',
    splitParcel: 'Split',
    mergeParcels: 'Merge',
    deleteParcel: 'Retire',
    historyButton: 'History',
    historyHeading: 'Version history',
    historyEmpty: 'No history yet',
    save: 'Save',
    cancel: 'Cancel',
    close: 'Close',
    hintSelect: 'Click a parcel to edit it; shift-click to select several for merging.',
    hintDraw: 'Click the corners of the parcel on the map and click the first one to finish; the pointer snaps to neighbouring parcels and roads.',
    hintDraft: 'Fill in the attributes and save; the corners can still be dragged.',
    hintEdit: 'Drag corners to reshape (midpoints add a corner), change attributes, then save.',
    hintSplit: 'Click points from one side of the parcel to beyond the other to draw a line across it; click the last point again, double-click, press Enter or “Finish line” to end it, Esc to cancel.',
    splitFinish: 'Finish line',
    editCollapse: 'Collapse the editing card',
    editExpand: 'Expand the editing card',
    legendRedLines: 'Road red lines',
    hintMerge: '{n} parcels selected; they can be merged into one.',
    selectedParcels: 'Selected: {codes}',
    saving: 'Saving…',
    saved: 'Saved',
    nothingChanged: 'Nothing to save',
    missingFields: 'Please fill in: {names}',
    errorInvalid: 'The parcel failed the checks; the conflicts are shown in red on the map.',
    errorSave: 'Could not save: {detail}',
    errorForbidden: 'You may not edit, or your session has expired. Please sign in again.',
    errorGone: 'This parcel no longer exists (someone may have retired it).',
    errorNoEtag: 'Could not read the current version of the parcel. Please try again.',
    conflictMessage: 'Someone else changed this parcel meanwhile. Your change has not been saved; their current outline is shown dashed in purple.',
    conflictReload: 'Discard my change and load the latest version',
    splitDone: 'Parcel split',
    mergeDone: 'Parcels merged',
    deleteDone: 'Parcel {code} retired',
    confirmDelete: 'Retire parcel {code}? It can be restored from its history.',
    confirmRestore: 'Restore version {version}?',
    restoreVersion: 'Restore this version',
    restoreDone: 'Restored version {version}',
  },
};

// Catalog units are plain strings written for Chinese readers. English readers get the
// conventional English unit; money in 万元 (10 000 yuan) and 亿元 (100 million yuan), which has
// no English word, is converted to plain yuan / billions so an investor need not do the maths.
const UNIT_EN = {
  '亩': { label: 'mu' },
  '万元': { label: 'CNY', factor: 10000 },
  '亿元': { label: 'bn CNY', factor: 0.1 },
  '万元/亩': { label: 'CNY/mu', factor: 10000 },
  '万元/亩·年': { label: 'CNY/mu/yr', factor: 10000 },
  '吨标准煤/万元': { label: 'tce/10k CNY' },
  'tce/万元': { label: 'tce/10k CNY' },
  '米': { label: 'm' },
  '层': { label: '' }, // "Floors: 3" needs no unit in English
  '年': { label: 'yr' },
};

let current = initialLang();
const listeners = new Set();

function normalise(value) {
  if (!value) return null;
  const v = String(value).toLowerCase();
  if (v === 'en' || v.startsWith('en-')) return 'en';
  if (v === 'zh' || v.startsWith('zh')) return 'zh';
  return null;
}

function initialLang() {
  // A ?lang= parameter wins so a link can be shared in a given language (and tests can pick one);
  // otherwise the user's last explicit choice; otherwise Chinese, the park's working language.
  const fromUrl = normalise(new URLSearchParams(window.location.search).get('lang'));
  if (fromUrl) {
    // a link in a language is a choice too: remembered, so signing in or following a link keeps it
    try {
      window.localStorage.setItem(STORAGE_KEY, fromUrl);
    } catch (e) {
      // not remembered; this page still speaks it
    }
    return fromUrl;
  }
  try {
    const stored = normalise(window.localStorage.getItem(STORAGE_KEY));
    if (stored) return stored;
  } catch (e) {
    // Storage can be blocked (private mode, strict policies): the default is fine.
  }
  return 'zh';
}

export function getLang() {
  return current;
}

export function setLang(lang) {
  const next = normalise(lang) || 'zh';
  try {
    window.localStorage.setItem(STORAGE_KEY, next);
  } catch (e) {
    // Not remembered across visits, but the switch still works for this page.
  }
  // Keep an explicit ?lang= in the address in step, or a reload would undo the user's choice.
  const url = new URL(window.location.href);
  if (url.searchParams.has('lang')) {
    url.searchParams.set('lang', next);
    window.history.replaceState(window.history.state, '', url);
  }
  if (next === current) return;
  current = next;
  applyDocumentLang();
  listeners.forEach((fn) => fn(current));
}

export function onLangChange(fn) {
  listeners.add(fn);
}

export function applyDocumentLang() {
  document.documentElement.lang = LANGS[current].tag;
}

/** UI string in the current language, with {placeholders} filled in. */
export function t(key, params) {
  const table = STRINGS[current] || STRINGS.zh;
  let s = table[key] ?? STRINGS.zh[key] ?? key;
  if (params) {
    s = s.replace(/\{(\w+)\}/g, (m, name) => (name in params ? String(params[name]) : m));
  }
  return s;
}

/** Picks the current language from a catalog label object ({zh, en}); tolerates plain strings. */
export function pick(label, fallback = '') {
  if (label == null) return fallback;
  if (typeof label === 'string') return label;
  // Accept BCP 47 keys too ("zh-CN"), in case a park's catalog is written that way.
  return label[current] || label[LANGS[current].tag] || label.zh || label['zh-CN'] || label.en ||
    Object.values(label).find((v) => typeof v === 'string' && v) || fallback;
}

/** How to show a value in `unit` in the current language: a display label and a multiplier. */
export function unitFor(unit) {
  if (!unit) return { label: '', factor: 1 };
  const en = current === 'en' ? UNIT_EN[unit] : null;
  return en ? { label: en.label, factor: en.factor || 1 } : { label: unit, factor: 1 };
}

/** The other language, for the switch button. */
export function otherLang() {
  return current === 'zh' ? 'en' : 'zh';
}
