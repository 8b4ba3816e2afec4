/**
 * A table's calculated column holds one formula for every row: Excel stores it for the first data row and
 * each row carries it moved to its own row (relative row references follow, `$`-fixed rows stay). Both
 * adapters and the tests use this to give a new table row the column's formula, as Excel does.
 */

/**
 * The formula moved by `delta` rows: every A1 reference with a relative row (`G5`, `$G5`) shifts; fixed
 * rows (`$B$3`, `B$3`), text in quotes, sheet names in quotes and structured references stay as they are.
 * A reference moved above row 1 becomes `#REF!`, as in Excel.
 */
export function moveFormulaRows(formula: string, delta: number): string {
  if (delta === 0) return formula;
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    // text literal "…" ("" inside), quoted sheet name '…' ('' inside), structured reference […]
    if (ch === '"' || ch === "'") {
      let j = i + 1;
      while (j < formula.length) {
        if (formula[j] === ch) {
          if (formula[j + 1] === ch) j += 2;
          else break;
        } else j++;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?![A-Za-z0-9_(.!])/.exec(formula.slice(i));
    const before = i > 0 ? formula[i - 1] : '';
    if (m && !/[A-Za-z0-9_.]/.test(before)) {
      const [text, colFixed, col, rowFixed, row] = m;
      if (rowFixed) out += text;
      else {
        const moved = Number(row) + delta;
        out += moved < 1 ? '#REF!' : `${colFixed}${col}${moved}`;
      }
      i += text.length;
      continue;
    }
    // a name or function (LOG10, ATAN2, Tabelle1): copied whole, so its digits are never a row
    const word = /^[A-Za-z0-9_.\\]+/.exec(formula.slice(i));
    if (word) {
      out += word[0];
      i += word[0].length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
