import type { Deckung, Massnahme } from '../domain/model';
import type { RowAppend, SheetCell } from './port';
import { DECKUNG, MASSNAHMEN } from './schema';

/** Domain rows back to table rows by header text, for the wizard's writes (schema names only here). */
function header(spec: typeof MASSNAHMEN, field: string): string {
  return spec.columns.find((c) => c.field === field)!.header;
}

const text = (v: string | undefined): SheetCell => ({ v: v ?? '' });
const date = (v: string | undefined): SheetCell => (v ? { v, s: 'date' } : {});
const num = (v: { toNumber(): number } | number | undefined, s?: SheetCell['s']): SheetCell =>
  v === undefined ? {} : { v: typeof v === 'number' ? v : v.toNumber(), s };

export function massnahmeAppend(m: Massnahme): RowAppend {
  const h = (f: string) => header(MASSNAHMEN, f);
  return {
    table: 'Massnahmen',
    values: {
      [h('nr')]: text(m.nr),
      [h('bezeichnung')]: text(m.bezeichnung),
      [h('art')]: text(m.art),
      [h('stellenNr')]: text(m.stellenNr),
      [h('dezernat')]: text(m.dezernat),
      [h('oe')]: text(m.oe),
      [h('gruppe')]: text(m.gruppe),
      [h('stufe')]: num(m.stufe),
      [h('anteil')]: num(m.anteil),
      [h('beginn')]: m.terminOffen ? { v: 'Termin offen' } : date(m.beginn),
      [h('ende')]: date(m.ende),
      [h('planansatz')]: num(m.planansatz, 'money'),
      [h('haushaltsstelle')]: text(m.haushaltsstelle),
      [h('szenario')]: text(m.szenario),
      [h('auflagen')]: text(m.auflagen),
      [h('voraussetzung')]: text(m.voraussetzung),
      [h('status')]: text(m.status),
    },
  };
}

export function deckungAppend(d: Deckung): RowAppend {
  const h = (f: string) => header(DECKUNG, f);
  return {
    table: 'Deckung',
    values: {
      [h('massnahmeNr')]: text(d.massnahmeNr),
      [h('quelle')]: text(d.quelle),
      [h('art')]: text(d.art),
      [h('stellenNr')]: text(d.stellenNr),
      [h('haushaltsstelle')]: text(d.haushaltsstelle),
      [h('betrag')]: num(d.betrag, 'money'),
      [h('beginn')]: date(d.beginn),
      [h('ende')]: date(d.ende),
    },
  };
}
