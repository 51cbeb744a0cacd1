// Published context beside local figures (issue 17): the shipped files, the figures for the user's area, the
// local waiting-list series and the report section. Pure apart from loadContextData (which imports the JSON).
export * from './types.ts';
export * from './figures.ts';
export * from './local.ts';
export { loadContextData } from './data.ts';
export { contextSection, contextCsvSections, CAVEATS, type ContextSection } from './report.ts';
