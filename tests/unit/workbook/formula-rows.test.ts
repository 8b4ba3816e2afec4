import { moveFormulaRows } from '../../../src/workbook/kit/formula-rows';

/** A calculated column's formula moved to another row, as Excel gives it to each row of the table. */
describe('moveFormulaRows', () => {
  test('relative rows move, fixed rows and other sheets’ fixed cells stay', () => {
    expect(moveFormulaRows("ROUND($F2*'Berechnung'!$B$11+B$3,2)", 3)).toBe(
      "ROUND($F5*'Berechnung'!$B$11+B$3,2)",
    );
    expect(moveFormulaRows('SUM(A2:C2)', 10)).toBe('SUM(A12:C12)');
    expect(moveFormulaRows('Stellen!G2+1', 1)).toBe('Stellen!G3+1');
  });

  test('text, quoted sheet names, structured references, functions and numbers are never rows', () => {
    expect(moveFormulaRows('"Stufe "&$G2&"E1"', 1)).toBe('"Stufe "&$G3&"E1"');
    expect(moveFormulaRows("'Tab A1'!$A$1+LOG10(H2)+1E5+ATAN2(1,2)", 2)).toBe(
      "'Tab A1'!$A$1+LOG10(H4)+1E5+ATAN2(1,2)",
    );
    expect(moveFormulaRows('Stellen[[#This Row],[E1]]*2+DATE(2027,1,1)', 5)).toBe(
      'Stellen[[#This Row],[E1]]*2+DATE(2027,1,1)',
    );
  });

  test('a reference moved above row 1 is #REF!, as in Excel', () => {
    expect(moveFormulaRows('A2+B5', -3)).toBe('#REF!+B2');
  });
});
