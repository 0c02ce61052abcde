export {
  MONITORING_FORM_COLUMNS,
  fromMonitoringForm,
  toMonitoringForm,
  type MonitoringForm,
  type MonitoringFormAmounts,
  type MonitoringFormRates,
  type MonitoringFormRow,
  type MonitoringFormRowInput,
  type ToMonitoringFormOptions,
} from './monitoringForm';
export { reportingCompleteness, type CompletenessRow, type ReportingCompletenessOptions, type ReportingEntry, type ReportingStatus } from './reportingCompleteness';
export { comparePeers, mostImproved, type ComparePeersOptions, type Improvement, type MostImprovedOptions, type PeerGroup, type PeerRank } from './comparePeers';
export { renderBulletin, type BulletinInput, type RenderBulletinOptions } from './renderBulletin';
export { formatPeriod } from './formatPeriod';
export { toCsv, type ToCsvOptions } from './toCsv';
