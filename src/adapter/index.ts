export { CSV_HEADERS, fromCsvRows, type FromCsvRowsOptions, type LineField } from './fromCsvRows';
export { fromNhsaRecords, type FromNhsaRecordsOptions, type NhsaPurchaseRecord } from './fromNhsaRecords';
export type { AdapterExclusion, AdapterRejection, AdapterResult } from './types';
export { measuresFromMonitoringForm, type MeasuresFromMonitoringFormOptions } from './fromMonitoringFormRows';
