// Starts the DuckDB worker as early as the page can: this module imports no JavaScript from duckdb-wasm (only the
// URLs of its self-hosted files), so the tiny entry chunk that imports it runs within milliseconds, and the
// worker's 0.8 MB script downloads and compiles while the app's own code is still loading. openBrowserDatabase()
// then takes the started worker. The choice of bundle is duckdb-wasm's selectBundle (1.32) without its
// cross-origin-isolated "coi" branch, which this static site never qualifies for: the exception-handling build
// where WebAssembly exceptions work (every current browser), else the MVP build.
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';

export interface StartedWorker {
  readonly worker: Worker;
  /** The wasm file matching the worker, for AsyncDuckDB.instantiate. */
  readonly mainModule: string;
}

// duckdb-wasm's own test module for WebAssembly exception handling (getPlatformFeatures().wasmExceptions).
const EXCEPTIONS_TEST = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 4, 1, 96, 0, 0, 3, 2, 1, 0, 10, 8, 1, 6, 0, 6, 64, 25, 11, 11]);

function supportsWasmExceptions(): boolean {
  try {
    return WebAssembly.validate(EXCEPTIONS_TEST);
  } catch {
    return false;
  }
}

export function startDuckDBWorker(): StartedWorker {
  return supportsWasmExceptions()
    ? { worker: new Worker(ehWorker), mainModule: ehWasm }
    : { worker: new Worker(mvpWorker), mainModule: mvpWasm };
}
