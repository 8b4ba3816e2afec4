import type { WorkbookModel } from './model';

/**
 * A short checksum of the inputs (FNV-1a, 32 bit, hex) printed on every committee page so that a reader
 * can tell two printouts apart. Not a security measure: it only has to change when an input changes.
 */
export function inputChecksum(model: WorkbookModel): string {
  const parts: string[] = [];
  // Decimals print their exact value; everything else is a primitive or undefined.
  const add = (v: { toString(): string } | undefined) => parts.push(v === undefined ? '' : v.toString());
  for (const s of model.stellen) {
    [
      s.nr,
      s.dezernat,
      s.oe,
      s.bezeichnung,
      s.gruppe,
      s.stufe,
      s.anteil,
      s.besetzt,
      s.vermerkText,
      s.beginn,
      s.ende,
      s.haushaltsstelle,
    ].forEach(add);
    // v2 columns count only where filled, so that older workbooks keep their checksum
    if (s.freiAb) add(`freiAb=${s.freiAb}`);
  }
  // contract v2 inputs count only where present, so that older workbooks keep their checksum
  for (const s of model.stellen) if (s.stufeSeit) add(`${s.nr}|stufeSeit=${s.stufeSeit}`);
  for (const m of model.massnahmen) if (m.stufeSeit) add(`${m.nr}|stufeSeit=${m.stufeSeit}`);
  for (const m of model.massnahmen)
    [
      m.nr,
      m.bezeichnung,
      m.art,
      m.stellenNr,
      m.oe,
      m.gruppe,
      m.stufe,
      m.anteil,
      m.beginn,
      m.ende,
      m.terminOffen,
      m.planansatz,
      m.haushaltsstelle,
      m.szenario,
      m.auflagen,
      m.status,
    ].forEach(add);
  for (const d of model.deckung) {
    [d.massnahmeNr, d.quelle, d.art, d.stellenNr, d.haushaltsstelle, d.betrag, d.beginn, d.ende].forEach(add);
    if (d.quote) add(`quote=${d.quote.toString()}`);
  }
  for (const p of model.planansaetze) [p.haushaltsstelle, p.jahr, p.ansatz, p.geschuetzt, p.art].forEach(add);
  Object.values(model.parameter).forEach(add);
  for (const t of [model.entgelttabelle, model.besoldungstabelle])
    for (const [g, r] of t.rows) [g, ...[...r.steps].map(([k, v]) => `${k}=${v.toString()}`)].forEach(add);
  for (const t of [model.entgelttabelle, model.besoldungstabelle])
    for (const v of t.versions ?? [])
      for (const [g, r] of v.rows)
        add(`${v.gueltigAb ?? ''}|${g}|${[...r.steps].map(([k, x]) => `${k}=${x.toString()}`).join(',')}`);
  let h = 0x811c9dc5;
  const text = parts.join('\u0001');
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0').toUpperCase();
}
