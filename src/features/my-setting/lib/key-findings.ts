// My setting's key findings for one school, from its profile (src/analytics/school-profile.ts): its referral rate
// against the area and against similar settings (Fingertips comparison, METHODS §3), its place on the funnel (§4)
// and its share seen within 18 weeks against the area. A school leader has few statements, so "similar" ones are
// kept too, ranked after the flagged ones. Figures hidden as "c" give no finding.
import type { ServiceProfile } from '../../../analytics/school-profile.ts';
import { oneDp, rankFindings, ruleOf, type Finding } from '../../../components/findings/key-findings.ts';

export const rateFigureId = (service: string) => `figure-my-rate-${service}`;
export const funnelFigureId = (service: string) => `figure-my-funnel-${service}`;
export const waitsFigureId = (service: string) => `figure-my-waits-${service}`;

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

export function serviceFindings(profile: ServiceProfile, schoolName: string): Finding[] {
  const s = profile.service;
  const out: Finding[] = [];
  const [school, similar, area] = profile.rates;
  const rate = school?.rate;
  const compare = (id: string, comparison: string, value: number, benchmark: number | undefined | null | 'c', against: string, text: (b: string) => string, figureId: string) => {
    const v = ruleOf(comparison, 'interval');
    if (!v || !isNumber(benchmark)) return;
    out.push({ id, text: `${text(oneDp(benchmark))} ${against}`, ...v, value, benchmark, figureId });
  };
  if (school && isNumber(rate)) {
    const words = (b: string) => `${schoolName}: ${s} referrals ${oneDp(rate)} per 1,000 pupils a year against ${b}`;
    compare(`rate-area|${s}`, String(school.vs_area), rate, area?.rate, 'across the area', words, rateFigureId(s));
    compare(`rate-similar|${s}`, String(school.vs_similar), rate, similar?.rate, 'in similar settings', words, rateFigureId(s));
  }
  const point = profile.funnelPoint;
  if (point) {
    const v = ruleOf(point.position, 'funnel');
    if (v) {
      out.push({
        id: `funnel|${s}`,
        text: `${schoolName}: ${s} referrals ${oneDp(point.rate)} per 1,000 pupils a year adjusted for age mix, against ${oneDp(profile.funnel.areaRate)} across the area`,
        ...v, value: point.rate, benchmark: profile.funnel.areaRate, figureId: funnelFigureId(s),
      });
    }
  }
  const [ownWaits, , areaWaits] = profile.waits;
  const pct = ownWaits?.pct_within_18_weeks;
  if (ownWaits && isNumber(pct)) {
    const areaPct = areaWaits?.pct_within_18_weeks;
    const v = ruleOf(String(ownWaits.vs_area), 'interval');
    if (v && isNumber(areaPct)) {
      out.push({
        id: `waits|${s}`,
        text: `${schoolName}: ${oneDp(pct)}% of ${s} first contacts within 18 weeks of referral against ${oneDp(areaPct)}% across the area`,
        ...v, value: pct, benchmark: areaPct, figureId: waitsFigureId(s),
      });
    }
  }
  return out;
}

export function schoolFindings(services: readonly ServiceProfile[], schoolName: string): Finding[] {
  return rankFindings(services.flatMap((p) => serviceFindings(p, schoolName)));
}
