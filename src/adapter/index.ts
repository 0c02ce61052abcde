export { CSV_HEADERS, fromCsvRows, fromCsvRowsInChunks, type FromCsvRowsOptions, type LineField } from './fromCsvRows';
export type { ChunkOptions } from './read';
export { fromNhsaRecords, fromNhsaRecordsInChunks, type FromNhsaRecordsOptions, type NhsaPurchaseRecord } from './fromNhsaRecords';
export type { AdapterExclusion, AdapterRejection, AdapterResult } from './types';
export { measuresFromMonitoringForm, type MeasuresFromMonitoringFormOptions } from './fromMonitoringFormRows';
