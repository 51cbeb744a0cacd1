// My setting's ranked list of similar schools: every school of the chosen school's type and phase that is on the
// funnel plot (so its referrals have already passed the disclosure gate: 1–4 are never plotted), ranked by its
// referral rate adjusted for age mix, highest first, with its exact 95% interval. The chosen school is in the list
// and marked. Schools not on the funnel (1–4 referrals, or no pupils) are counted, not named.
import type { FunnelPoint } from '../../../analytics/funnel.ts';

export interface SimilarSchoolRow {
  readonly rank: number;
  readonly name: string;
  readonly urn: string;
  readonly referrals: number;
  readonly pupils: number;
  readonly rate: number;
  readonly lower95: number;
  readonly upper95: number;
  readonly position: string;
  readonly chosen: boolean;
}

export interface SimilarSchoolsRanking {
  readonly rows: SimilarSchoolRow[];
  /** Similar schools (not the chosen one) that are not listed: not on the funnel plot. */
  readonly notListed: number;
}

/**
 * `points` are one service's funnel points; `school` the chosen school; `similarSchools` how many other schools share
 * its type and phase. Ties in rate keep name order, and share a rank.
 */
export function rankSimilarSchools(
  points: readonly FunnelPoint[], school: { urn: string; school_type: string; phase: string }, similarSchools: number,
): SimilarSchoolsRanking {
  const members = points
    .filter((p) => p.urn === school.urn || (p.school_type === school.school_type && p.phase === school.phase))
    .sort((a, b) => b.rate - a.rate || a.name.localeCompare(b.name));
  let rank = 0;
  const rows = members.map((p, i) => {
    if (i === 0 || p.rate !== members[i - 1]!.rate) rank = i + 1;
    return {
      rank, name: p.name, urn: p.urn, referrals: p.referrals, pupils: p.pupils, rate: p.rate, lower95: p.lower95, upper95: p.upper95,
      position: p.position, chosen: p.urn === school.urn,
    };
  });
  const listedOthers = rows.filter((r) => !r.chosen).length;
  return { rows, notListed: Math.max(0, similarSchools - listedOthers) };
}
