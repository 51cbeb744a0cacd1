// The shipped context files, loaded on demand (the app bundles them as a separate chunk; Node reads the same JSON).
import type { ContextData, EhcpNeedFile, PupilsFile, TimelinessFile, WaitsFile } from './types.ts';

let loaded: Promise<ContextData> | undefined;

export function loadContextData(): Promise<ContextData> {
  loaded ??= Promise.all([
    import('./data/nhs-cyp-waits.json'), import('./data/dfe-ehcp-slcn.json'),
    import('./data/dfe-ehcp-timeliness.json'), import('./data/dfe-pupils-ehcp.json'),
  ]).then(([waits, ehcpNeed, timeliness, pupils]) => ({
    waits: waits.default as unknown as WaitsFile,
    ehcpNeed: ehcpNeed.default as unknown as EhcpNeedFile,
    timeliness: timeliness.default as unknown as TimelinessFile,
    pupils: pupils.default as unknown as PupilsFile,
  }));
  return loaded;
}
