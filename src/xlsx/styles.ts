import type ExcelJS from 'exceljs';
import type { StyleName } from '../workbook/port';

/** German € format: Excel shows "70.000,00 €" under a German locale. */
export const EURO_FORMAT = '#,##0.00 "€";[Red]-#,##0.00 "€"';

const thin = { style: 'thin' as const, color: { argb: 'FFB0B7C3' } };

export const STYLES: Record<StyleName, Partial<ExcelJS.Style>> = {
  title: { font: { bold: true, size: 14, color: { argb: 'FF1F3864' } } },
  subtitle: { font: { bold: true, size: 11, color: { argb: 'FF1F3864' } } },
  header: {
    font: { bold: true, color: { argb: 'FFFFFFFF' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2F5597' } },
    alignment: { vertical: 'middle', wrapText: true },
    border: { bottom: thin },
  },
  text: { alignment: { vertical: 'top' } },
  wrap: { alignment: { vertical: 'top', wrapText: true } },
  money: { numFmt: EURO_FORMAT, alignment: { vertical: 'top' } },
  moneyBold: { numFmt: EURO_FORMAT, font: { bold: true }, border: { top: thin } },
  number3: { numFmt: '0.000', alignment: { vertical: 'top' } },
  percent: { numFmt: '0.00 %' },
  date: { numFmt: 'dd.mm.yyyy', alignment: { vertical: 'top', horizontal: 'left' } },
  note: { font: { italic: true, color: { argb: 'FF595959' }, size: 9 }, alignment: { wrapText: false } },
  error: {
    font: { bold: true, color: { argb: 'FF9C0006' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } },
  },
  warning: {
    font: { color: { argb: 'FF9C5700' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } },
  },
  info: {
    font: { color: { argb: 'FF1F3864' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
  },
  ok: {
    font: { color: { argb: 'FF006100' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } },
  },
};
