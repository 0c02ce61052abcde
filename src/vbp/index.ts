export {
  agreedVolumeProgress,
  DEFAULT_WARNING_RATIO,
  VOLUME_STATUS_LABELS,
  type AgreedVolumeProgress,
  type AgreedVolumeProgressInput,
  type VolumeStatus,
} from './agreedVolumeProgress';
export {
  aggregateVolumeProgress,
  type AggregateVolumeProgressOptions,
  type VolumeGroupKey,
  type VolumeGroupProgress,
  type VolumeItem,
} from './aggregateVolumeProgress';
export { institutionVolumeFile, type InstitutionVolumeFileOptions, type VolumeFile, type VolumeFileBatch, type VolumeFileProduct } from './institutionVolumeFile';
export { minimumPrepayment, monitoringStart, vbpVolumeRange, type MinimumPrepayment, type VbpVolumeRange } from './parameters';
export type { Cycle } from './quantity';
export { reviewDemandReport, type DemandFlag, type DemandFlagCode, type DemandReview, type ReviewDemandReportInput } from './reviewDemandReport';
export { selectedProductShare, type GenericPurchase, type GenericShare, type SelectedProductShareOptions } from './selectedProductShare';
export { timeProgress, type TimeProgressOptions } from './timeProgress';
