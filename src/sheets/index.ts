/**
 * The spreadsheet wrapper: custom functions for WPS 表格, Excel and Google Sheets. Built into
 * dist/sheets/ as a self-contained script (not part of the package's module entry).
 */
export { createSheetFunctions, type SheetFunctions } from './functions';
export { SHEET_FUNCTIONS, type SheetFunctionInfo } from './metadata';
