// The "your area" control wired to the URL and the shipped context files; each context section shows it.
import { ContextAreaControl } from '../components/ContextAreaControl.tsx';
import { areaChoices, displayName, missingFromFiles } from '../context/index.ts';
import { useContextArea, useContextData } from './context-figures.ts';

const LEVEL = { la: 'la', region: 'region', icb: 'icb', provider: 'provider' } as const;

export function ContextAreaBar() {
  const [area, setArea] = useContextArea();
  const { data } = useContextData();
  if (!data) return null;
  return (
    <ContextAreaControl area={area} choices={areaChoices(data)} onChange={setArea} missing={missingFromFiles(data, area)}
      nameOf={(part, name) => (part === 'la' || part === 'region' ? name : displayName(LEVEL[part], name))} />
  );
}
