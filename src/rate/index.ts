export { aggregateRates, SECONDARY_AND_ABOVE, type AggregateRatesOptions, type RegionKey } from './aggregateRates';
export { formatRate, type FormatRateOptions } from './formatRate';
export { createRateAccumulator, rateAccumulatorFromJSON, type RateAccumulator, type RateAccumulatorJSON, type RateAccumulatorOptions } from './createRateAccumulator';
export { CHANNELS, CHANNEL_LABELS, PurchaseLineSchema, type Channel, type PurchaseLine, type PurchaseLineInput } from './lineSchema';
export { measureOnlineRates, type MeasureOnlineRatesOptions, type MeasureOnlineRatesResult } from './measureOnlineRates';
export { onlinePurchaseRate, OnlinePurchaseRateInputSchema, type OnlinePurchaseRateInput, type OnlinePurchaseRateResult } from './onlinePurchaseRate';
export {
  EXCLUSION_LABELS,
  EXCLUSION_REASONS,
  REJECTION_LABELS,
  type ExclusionReason,
  type InstitutionMeasure,
  type Ledger,
  type LineTally,
  type RateFigures,
  type RateStatus,
  type RegionalMeasure,
  type RejectedLine,
  type RejectionKey,
  type RejectionReason,
  type Subject,
  type Warning,
} from './types';
