// A link to one school in My setting, keeping the current filters (see links.ts).
import { useSearch } from '../../../app/url-state.ts';
import { followInApp, mySettingHref } from '../links.ts';

export function SchoolLink({ urn, name }: { urn: string; name: string }) {
  const search = useSearch();
  return (
    <a href={mySettingHref(search, urn)} onClick={followInApp}>
      {name}<span className="govuk-visually-hidden"> (URN {urn}): open in My setting</span>
    </a>
  );
}
