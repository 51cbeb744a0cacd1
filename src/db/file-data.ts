// A file given to the load path: its bytes in memory (the command line, the sample, tests) or a Blob (a File the
// user chose in the browser), which is never read whole unless a problem has to be placed on its line. DuckDB-wasm
// reads a Blob itself, a slice at a time, in its worker (src/db/browser-duckdb.ts), so a large upload is neither
// copied into the page's memory nor sent to the worker as a second copy.

export type FileData = Uint8Array | Blob;

/** The file's length in bytes. */
export const sizeOf = (data: FileData): number => (data instanceof Uint8Array ? data.length : data.size);

/** Bytes `start` to `end` (at most) of the file: a view of the array, or that slice of the Blob read. */
export async function readRange(data: FileData, start: number, end: number): Promise<Uint8Array> {
  if (data instanceof Uint8Array) return data.subarray(start, end);
  return new Uint8Array(await data.slice(start, end).arrayBuffer());
}

/** The whole file in memory (the array itself, or the Blob read): only where every byte must be looked at again. */
export async function readAll(data: FileData): Promise<Uint8Array> {
  return data instanceof Uint8Array ? data : new Uint8Array(await data.arrayBuffer());
}

/** The file a slice of `sliceBytes` at a time, in order. */
export async function* slicesOf(data: FileData, sliceBytes: number): AsyncGenerator<Uint8Array> {
  const size = sizeOf(data);
  for (let start = 0; start < size; start += sliceBytes) yield await readRange(data, start, Math.min(size, start + sliceBytes));
}
