// Modules made by vite.config.ts at build time.
declare module 'virtual:sample-data' {
  /** The sample CSV files shipped in dist/sample-data/, by file name (schools.csv, …). */
  export const SAMPLE_FILES: readonly string[];
}
