/**
 * The custom functions, described once: the build writes their JSDoc stubs (read by Apps Script,
 * WPS and custom-functions-metadata) from this table.
 */
export interface SheetFunctionInfo {
  readonly name: string;
  readonly zh: string;
  readonly en: string;
  readonly params: ReadonlyArray<{ readonly name: string; readonly type: string; readonly zh: string; readonly en: string; readonly optional?: boolean }>;
  readonly returns: { readonly type: string; readonly zh: string; readonly en: string };
}

export const SHEET_FUNCTIONS: readonly SheetFunctionInfo[] = [
  {
    name: 'SUNSHINE_RATE',
    zh: '网上采购率：省平台采购金额 ÷ 院内采购金额（苏医保发〔2022〕38号 附件1 §1(1)）。',
    en: 'Online purchase rate: platform amount ÷ total amount.',
    params: [
      { name: 'platform', type: 'any', zh: '省平台采购金额（元）', en: 'platform amount (yuan)' },
      { name: 'total', type: 'any', zh: '院内采购金额（元），含应急采购', en: 'total amount (yuan), emergency purchases included' },
      { name: 'emergency', type: 'any', zh: '其中应急采购金额（元），可省略；省平台 + 应急超过院内金额时报“数据不一致”', en: 'of which emergency purchases (yuan), optional; platform + emergency above the total is inconsistent', optional: true },
    ],
    returns: { type: 'any', zh: '网采率（小数，单元格设为百分比格式显示）', en: 'the rate as a fraction (format the cell as a percentage)' },
  },
  {
    name: 'SUNSHINE_RATE_TEXT',
    zh: '网采率文本，如“84.9999%”：与目标并列时，未达标的比率不会显示成目标值（单元格的百分比格式会把 84.9999% 显示为 85.00%）。',
    en: 'The rate as percentage text; beside a target, a rate that misses it never reads as the target (a percentage cell format shows 84.9999% as 85.00%).',
    params: [
      { name: 'platform', type: 'any', zh: '省平台采购金额（元）', en: 'platform amount (yuan)' },
      { name: 'total', type: 'any', zh: '院内采购金额（元），含应急采购', en: 'total amount (yuan), emergency purchases included' },
      { name: 'emergency', type: 'any', zh: '其中应急采购金额（元），可省略', en: 'of which emergency purchases (yuan), optional', optional: true },
      { name: 'target', type: 'any', zh: '并列显示的目标（小数或百分比），可省略', en: 'the target shown beside it (a fraction or a percentage), optional', optional: true },
      { name: 'digits', type: 'any', zh: '小数位数，默认 2', en: 'decimal places, 2 by default', optional: true },
    ],
    returns: { type: 'string', zh: '百分比文本', en: 'the percentage text' },
  },
  {
    name: 'SUNSHINE_REGION_RATE',
    zh: '地区网采率：Σ省平台金额 ÷ Σ院内金额（同级别机构，附件1 §1(2)），不是比率的平均数；空单元格跳过。',
    en: 'Regional rate: Σ platform ÷ Σ total over a range, never a mean of rates; blank cells are skipped.',
    params: [
      { name: 'platformRange', type: 'any[][]', zh: '各机构省平台金额的区域', en: 'range of platform amounts' },
      { name: 'totalRange', type: 'any[][]', zh: '各机构院内金额的区域', en: 'range of total amounts' },
    ],
    returns: { type: 'any', zh: '地区网采率（小数）', en: 'the regional rate as a fraction' },
  },
  {
    name: 'SUNSHINE_MEETS',
    zh: '网采率是否达到政策目标（恰好等于目标也达标，精确比较）。',
    en: 'Whether a rate meets the policy target for a measure (the target itself passes; exact comparison).',
    params: [
      { name: 'rate', type: 'any', zh: '网采率（小数或百分比单元格）', en: 'the rate (a fraction or a percentage cell)' },
      { name: 'policyId', type: 'string', zh: '政策 id，如 jiangsu-2022', en: 'policy id such as jiangsu-2022' },
      { name: 'measure', type: 'string', zh: '指标：drug、consumable 或 consumable-high-value（也可写 药品、医用耗材、高值医用耗材）', en: 'measure: drug, consumable or consumable-high-value' },
    ],
    returns: { type: 'boolean', zh: '达标为 TRUE', en: 'TRUE when the target is met' },
  },
  {
    name: 'SUNSHINE_SHORTFALL',
    zh: '达到目标还需转入省平台的金额：max(0, 目标 × 院内金额 − 省平台金额)，向上取整到分（照此转入即可达标）。',
    en: 'The platform amount still needed to reach the target with the total unchanged, rounded up to the fen (moving it reaches the target).',
    params: [
      { name: 'platform', type: 'any', zh: '省平台采购金额（元）', en: 'platform amount (yuan)' },
      { name: 'total', type: 'any', zh: '院内采购金额（元）', en: 'total amount (yuan)' },
      { name: 'target', type: 'any', zh: '目标（小数或百分比，如 85%）', en: 'the target (a fraction or a percentage such as 85%)' },
    ],
    returns: { type: 'number', zh: '金额（元）', en: 'amount (yuan)' },
  },
  {
    name: 'SUNSHINE_TIME_PROGRESS',
    zh: '序时进度：采购周期已过天数 ÷ 周期天数，起始日和当天都计入。',
    en: 'Time progress of a procurement cycle: elapsed days ÷ cycle days, the start day and asOf both counted.',
    params: [
      { name: 'start', type: 'any', zh: '周期开始日期', en: 'cycle start date' },
      { name: 'end', type: 'any', zh: '周期结束日期', en: 'cycle end date' },
      { name: 'asOf', type: 'any', zh: '计算日期', en: 'the date to measure at' },
    ],
    returns: { type: 'number', zh: '序时进度（小数）', en: 'time progress as a fraction' },
  },
  {
    name: 'SUNSHINE_VBP_STATUS',
    zh: '带量采购约定采购量完成状态：已完成、符合序时进度、预警、滞后、到期未完成、未开始、无约定量。',
    en: 'Status of an agreed VBP volume against time progress, in Chinese.',
    params: [
      { name: 'agreed', type: 'any', zh: '约定采购量', en: 'agreed quantity' },
      { name: 'purchased', type: 'any', zh: '已采购量', en: 'purchased quantity' },
      { name: 'start', type: 'any', zh: '周期开始日期', en: 'cycle start date' },
      { name: 'end', type: 'any', zh: '周期结束日期', en: 'cycle end date' },
      { name: 'asOf', type: 'any', zh: '计算日期', en: 'the date to measure at' },
    ],
    returns: { type: 'string', zh: '状态（中文）', en: 'the status in Chinese' },
  },
  {
    name: 'SUNSHINE_IS_WORKDAY',
    zh: '是否为工作日（按国务院节假日安排，含调休上班日）。',
    en: "Whether a date is a working day under the State Council's holiday arrangements.",
    params: [{ name: 'date', type: 'any', zh: '日期', en: 'the date' }],
    returns: { type: 'boolean', zh: '工作日为 TRUE', en: 'TRUE on a working day' },
  },
  {
    name: 'SUNSHINE_ADD_WORKDAYS',
    zh: '加减工作日：起算日不计入（民法典第二百零一条），n 可为负数。',
    en: 'The date n working days later (the start day not counted); n may be negative.',
    params: [
      { name: 'date', type: 'any', zh: '起算日期', en: 'the start date' },
      { name: 'n', type: 'any', zh: '工作日数', en: 'number of working days' },
    ],
    returns: { type: 'any', zh: '日期', en: 'the date' },
  },
  {
    name: 'SUNSHINE_DUE',
    zh: '报送截止日：遇休息日顺延（民法典第二百零三条），如 jiangsu-2022 的 institution-monthly-report。',
    en: 'The due date of a report, rolled past rest days.',
    params: [
      { name: 'policyId', type: 'string', zh: '政策 id，如 jiangsu-2022', en: 'policy id such as jiangsu-2022' },
      { name: 'kind', type: 'string', zh: '事项，如 institution-monthly-report、city-monthly-summary、annual-report', en: 'the deadline kind, e.g. institution-monthly-report' },
      { name: 'period', type: 'any', zh: '所属期：“2026-01”、该月任一日期，或年度“2026”', en: 'the period: "2026-01", any date in that month, or "2026"' },
    ],
    returns: { type: 'any', zh: '截止日期', en: 'the due date' },
  },
];
