import type { Explanation, MeasureResult } from '../domain/result';
import { euro } from './format';

/**
 * "Wie berechnet?" for the sums the pane shows. The amounts are the engine's (each cover line per year,
 * the measure's cover and balance); this only lays them out as steps.
 */
export function coverExplanation(m: MeasureResult, year: number): Explanation {
  const y = m.years.find((x) => x.year === year);
  const steps = m.cover.map((c) => {
    const amount = c.years.find((x) => x.year === year)?.amount;
    const label = `${c.deckung.quelle || c.deckung.stellenNr || c.deckung.haushaltsstelle} (${c.deckung.art})`;
    return { label, labelEn: label, value: amount ? euro(amount) : '–' };
  });
  const total = y ? euro(y.cover) : '–';
  return {
    summary: `${steps.map((s) => s.value).join(' + ') || '0'} = ${total}`,
    steps: [...steps, { label: 'Deckung gesamt', labelEn: 'Total cover', value: total }],
  };
}

export function balanceExplanation(m: MeasureResult, year: number): Explanation {
  const y = m.years.find((x) => x.year === year);
  if (!y) return { summary: '–', steps: [] };
  return {
    summary: `${euro(y.cover)} − ${euro(y.cost)} = ${euro(y.balance)}`,
    steps: [
      { label: 'Deckung', labelEn: 'Cover', value: euro(y.cover) },
      { label: 'Kosten', labelEn: 'Cost', value: euro(y.cost) },
      { label: 'Saldo (Deckung − Kosten)', labelEn: 'Balance (cover − cost)', value: euro(y.balance) },
    ],
  };
}
