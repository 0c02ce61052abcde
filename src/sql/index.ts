export { compileRatesSQL, DEFAULT_INSTITUTION_COLUMNS, DEFAULT_LINE_COLUMNS, type CompileRatesSQLOptions, type CompiledRatesSQL, type SqlDialect } from './compileRatesSQL';
export { ratesFromSQL, type RatesFromSQLInput, type RatesFromSQLOptions } from './ratesFromSQL';
