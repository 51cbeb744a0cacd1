// The synthetic sample data shipped with the build (dist/sample-data/, copied by the sampleData plugin in
// vite.config.ts, which also lists the files in the virtual module below).
import { SAMPLE_FILES } from 'virtual:sample-data';

export async function fetchSampleFiles(): Promise<Record<string, Uint8Array>> {
  const entries = await Promise.all(SAMPLE_FILES.map(async (name) => {
    const response = await fetch(`${import.meta.env.BASE_URL}sample-data/${name}`);
    if (!response.ok) throw new Error(`The sample file ${name} could not be fetched (${response.status})`);
    return [name, new Uint8Array(await response.arrayBuffer())] as const;
  }));
  return Object.fromEntries(entries);
}
