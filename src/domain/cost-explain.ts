import { formatEuro, formatDecimalDe, formatPercentDe, type Dec } from './money';
import { formatDateDe } from './dates';
import { displayGrade } from './grades';
import { monthsActive } from './months';
import type { CostModel } from './cost';
import type { LineSpec } from './pay';
import type { Explanation } from './result';

/**
 * "Wie berechnet" for a line cost: the steps and the one-line formula a person reads (computed on demand:
 * explanations are only read by people).
 */
export function explainLineCost(model: CostModel, spec: LineSpec, year: number, sign = 1): Explanation {
  if (model.byMonth(spec)) return explainByMonth(model, spec, year, sign);
  const p = model.parameter;
  const months = monthsActive(spec.period, year);
  const factor = model.factor(spec.beamte);
  const growth = model.growthFor(year);
  const amount = model.lineCost(spec, year).times(sign);
  const factorText = spec.beamte
    ? `12 × (1 + ${formatPercentDe(p.versorgungszuschlag)} Versorgungszuschlag)`
    : `(12 + ${formatDecimalDe(p.jahressonderzahlung, 2)} Jahressonderzahlung) × (1 + ${formatPercentDe(p.agSozialversicherung)} SV + ${formatPercentDe(p.zusatzversorgung)} ZV)`;
  const factorTextEn = spec.beamte
    ? '12 × (1 + pension surcharge)'
    : '(12 + annual bonus) × (1 + employer social insurance + supplementary pension)';
  const steps: Explanation['steps'] = [
    {
      label: `Monatsbetrag ${displayGrade(spec.grade)} Stufe ${spec.step} (Vollzeit)`,
      labelEn: `Monthly pay ${displayGrade(spec.grade)} step ${spec.step} (full time)`,
      value: formatEuro(spec.monthly),
    },
    {
      label: `Jahresfaktor ${factorText}${p.gemeinkosten.isZero() ? '' : ` × (1 + ${formatPercentDe(p.gemeinkosten)} Gemeinkosten)`}`,
      labelEn: `Annual factor ${factorTextEn}${p.gemeinkosten.isZero() ? '' : ' × (1 + overhead)'}`,
      value: formatDecimalDe(factor, 4),
    },
    {
      label: `Tarifsteigerung ${formatPercentDe(p.tarifsteigerung)} p.a. bis ${year} (${year - p.erstesPlanjahr} Jahre)`,
      labelEn: `Pay increase per year until ${year}`,
      value: formatDecimalDe(growth, 4),
    },
  ];
  if (!p.sachkosten.isZero()) steps.push(sachkostenStep(p.sachkosten));
  steps.push(
    { label: 'Stellenanteil', labelEn: 'FTE share', value: formatDecimalDe(spec.share, 3) },
    {
      label: `Aktive Monate ${year} (${formatDateDe(spec.period.start) || 'offen'} – ${formatDateDe(spec.period.end) || 'offen'})`,
      labelEn: `Active months ${year}`,
      value: `${formatDecimalDe(months, 3)} von 12`,
    },
    {
      label: 'Ergebnis (auf Cent gerundet)',
      labelEn: 'Result (rounded to the cent)',
      value: formatEuro(amount),
    },
  );
  const summary =
    `${sign < 0 ? '− ' : ''}(${formatEuro(spec.monthly)} × ${formatDecimalDe(factor, 4)} × ${formatDecimalDe(growth, 4)}` +
    `${p.sachkosten.isZero() ? '' : ` + ${formatEuro(p.sachkosten)}`}) × ${formatDecimalDe(spec.share, 3)} × ` +
    `${formatDecimalDe(months, 3)}/12 = ${formatEuro(amount)}`;
  return { summary, steps };
}

/**
 * "Wie berechnet" month by month: one step per run of months with its rate (table version, step, assumed
 * increase), the annual factor with its components, each capped employer share with its parameter.
 */
function explainByMonth(model: CostModel, spec: LineSpec, year: number, sign: number): Explanation {
  const p = model.parameter;
  const segs = model.segments(spec, year);
  const factor = model.factorFor(spec, year);
  const amount = model.lineCost(spec, year).times(sign);
  const grade = displayGrade(spec.grade);
  const steps: Explanation['steps'] = segs.map((seg) => ({
    label:
      `${formatDateDe(seg.start)}–${formatDateDe(seg.end)}: ${grade} Stufe ${seg.step}` +
      `${seg.gueltigAb ? `, Tabelle gültig ab ${formatDateDe(seg.gueltigAb)}` : ''}` +
      `${seg.exponent !== 0 ? `, Tarifsteigerung ${formatPercentDe(p.tarifsteigerung)} × ${seg.exponent}` : ''}`,
    labelEn: `${seg.start}–${seg.end}: ${grade} step ${seg.step}${seg.gueltigAb ? `, table from ${seg.gueltigAb}` : ''}`,
    value: `${formatEuro(seg.monthly)} × ${formatDecimalDe(seg.growth, 4)} × ${formatDecimalDe(seg.months, 3)} Monate`,
  }));
  const jsz = model.jsz(spec, year);
  const factorText = spec.beamte
    ? `12 × (1 + ${formatPercentDe(p.versorgungszuschlag)} Versorgungszuschlag${p.beihilfe && !p.beihilfe.isZero() ? ` + ${formatPercentDe(p.beihilfe)} Beihilfe` : ''})`
    : `(12 + ${formatDecimalDe(jsz, 4)} Jahressonderzahlung${p.jszNachGruppe ? ` (${grade}, ${year})` : ''}` +
      `${p.leistungsentgelt && !p.leistungsentgelt.isZero() ? ` + 12 × ${formatPercentDe(p.leistungsentgelt)} Leistungsentgelt` : ''})` +
      ` × (1 + ${formatPercentDe(p.agSozialversicherung)} SV + ${formatPercentDe(p.zusatzversorgung)} ZV)`;
  steps.push({
    label: `Jahresfaktor ${factorText}${p.gemeinkosten.isZero() ? '' : ` × (1 + ${formatPercentDe(p.gemeinkosten)} Gemeinkosten)`}`,
    labelEn: 'Annual factor (annual bonus, performance pay, employer shares, overhead)',
    value: formatDecimalDe(factor, 4),
  });
  for (const c of model.cappedShares(spec, year, segs))
    steps.push({
      label:
        `AG-Anteil ${c.label} ${formatPercentDe(c.rate)}` +
        (c.ceiling
          ? ` bis BBG ${formatEuro(c.ceiling)}/Monat: laufend ${formatEuro(c.ongoing)} + Einmalzahlungen ${formatEuro(c.oneOff)}`
          : ` ohne BBG: ${formatEuro(c.ongoing)} + ${formatEuro(c.oneOff)}`),
      labelEn: `Employer share ${c.label} capped at the monthly ceiling`,
      value: formatEuro(c.amount),
    });
  if (!p.sachkosten.isZero()) steps.push(sachkostenStep(p.sachkosten));
  steps.push(
    { label: 'Stellenanteil', labelEn: 'FTE share', value: formatDecimalDe(spec.share, 3) },
    {
      label: 'Ergebnis (einmal auf Cent gerundet)',
      labelEn: 'Result (rounded once to the cent)',
      value: formatEuro(amount),
    },
  );
  const parts = segs.map(
    (seg) =>
      `${formatEuro(seg.monthly)} × ${formatDecimalDe(seg.growth, 4)} × ${formatDecimalDe(seg.months, 3)}/12`,
  );
  const capped = model.cappedShares(spec, year, segs);
  const summary =
    `${sign < 0 ? '− ' : ''}(${parts.join(' + ')}) × ${formatDecimalDe(factor, 4)} × ${formatDecimalDe(spec.share, 3)}` +
    `${capped.map((c) => ` + ${c.label} ${formatEuro(c.amount)}`).join('')} = ${formatEuro(amount)}`;
  return { summary, steps };
}

/** The explanation step of the Sachkosten (both explanations show it alike). */
function sachkostenStep(sachkosten: Dec): Explanation['steps'][number] {
  return {
    label: 'Sachkosten je Stelle',
    labelEn: 'Running costs per position',
    value: formatEuro(sachkosten),
  };
}
