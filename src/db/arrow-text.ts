// A column of text (or nulls) as an Arrow Utf8 vector, built from its buffers. apache-arrow's vectorFromArray
// compiles its null test with `new Function`, which the page's Content-Security-Policy (no 'unsafe-eval') refuses,
// so every Parquet upload in the browser failed; this builds the same vector with no code generated from strings.
import { makeData, makeVector, Utf8, type Vector } from 'apache-arrow';

const encoder = new TextEncoder();

export function utf8Vector(values: readonly (string | null)[]): Vector<Utf8> {
  const length = values.length;
  const encoded = values.map((v) => (v === null ? null : encoder.encode(v)));
  const valueOffsets = new Int32Array(length + 1);
  const nullBitmap = new Uint8Array(Math.ceil(length / 8));
  let bytes = 0;
  let nullCount = 0;
  encoded.forEach((e, i) => {
    if (e === null) nullCount++;
    else {
      nullBitmap[i >> 3] = (nullBitmap[i >> 3] ?? 0) | (1 << (i & 7));
      bytes += e.length;
    }
    valueOffsets[i + 1] = bytes;
  });
  const data = new Uint8Array(bytes);
  encoded.forEach((e, i) => { if (e) data.set(e, valueOffsets[i]); });
  return makeVector(makeData({ type: new Utf8(), length, nullCount, valueOffsets, data, nullBitmap }));
}
