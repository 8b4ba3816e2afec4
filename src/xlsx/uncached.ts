import { OoxmlPackage } from './package';
import { sheetParts } from './patch';
import { attr } from './xml';

/**
 * Formula cells whose file holds no computed result (`<c><f>…</f></c>` without `<v>`): written by a
 * program and never calculated. ExcelJS reads them exactly like a formula whose result is the empty text
 * (`<c t="str"><f>…</f><v></v></c>`, as Excel writes `=IF(…;"";…)`), so the difference is read from the
 * sheet's XML: the first must become a finding at its cell, the second is simply an empty cell.
 */
export class UncachedFormulas {
  private readonly bySheet = new Map<string, Set<string>>();
  private pkg?: OoxmlPackage;
  private parts?: Map<string, string>;

  constructor(private readonly bytes: Uint8Array) {}

  /** Whether the formula cell at `address` (A1) of `sheet` has no stored result. */
  has(sheet: string, address: string): boolean {
    let set = this.bySheet.get(sheet);
    if (!set) {
      set = this.scan(sheet);
      this.bySheet.set(sheet, set);
    }
    return set.has(address) || set.has('*');
  }

  private scan(sheet: string): Set<string> {
    const out = new Set<string>();
    try {
      this.pkg ??= new OoxmlPackage(this.bytes);
      this.parts ??= new Map(sheetParts(this.pkg).map((s) => [s.name, s.path]));
      const path = this.parts.get(sheet);
      // decoded once for this scan, not kept (the package's text cache would hold every sheet)
      const data = path ? this.pkg.data(path) : undefined;
      const xml = data ? new TextDecoder().decode(data) : undefined;
      if (!xml) return out;
      // only formula cells are looked at: each <f> back to its <c …> and forward to its </c>
      for (let at = xml.indexOf('<f'); at >= 0; at = xml.indexOf('<f', at + 2)) {
        const next = xml.charAt(at + 2);
        if (next !== '>' && next !== ' ' && next !== '/') continue;
        const start = xml.lastIndexOf('<c ', at);
        const end = xml.indexOf('</c>', at);
        if (start < 0 || end < 0) continue;
        const tagEnd = xml.indexOf('>', start);
        const body = xml.slice(tagEnd + 1, end);
        if (/<v[\s>/]/.test(body)) continue;
        const r = attr(xml.slice(start, tagEnd + 1), 'r');
        if (r) out.add(r);
      }
    } catch {
      // a package the patch layer cannot read: keep ExcelJS's view (no result = not computed)
      return new Set(['*']);
    }
    return out;
  }
}
