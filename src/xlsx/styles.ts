import type ExcelJS from 'exceljs';
import type { StyleName } from '../workbook/port';

import { DATE_FORMAT, EURO_FORMAT, FTE_FORMAT, PERCENT_FORMAT } from '../workbook/formats';

export { EURO_FORMAT };

const thin = { style: 'thin' as const, color: { argb: 'FFB0B7C3' } };

export const STYLES: Record<StyleName, Partial<ExcelJS.Style>> = {
  // top: a paper's spacer row below a title is folded into the title's row height (print.foldSpacerRows)
  title: { font: { bold: true, size: 14, color: { argb: 'FF1F3864' } }, alignment: { vertical: 'top' } },
  subtitle: { font: { bold: true, size: 11, color: { argb: 'FF1F3864' } }, alignment: { vertical: 'top' } },
  header: {
    font: { bold: true, color: { argb: 'FFFFFFFF' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF2F5597' } },
    alignment: { vertical: 'bottom', horizontal: 'center', wrapText: true },
    border: { bottom: thin },
  },
  text: { alignment: { vertical: 'top' } },
  wrap: { alignment: { vertical: 'top', wrapText: true } },
  money: { numFmt: EURO_FORMAT, alignment: { vertical: 'top' } },
  moneyBold: {
    numFmt: EURO_FORMAT,
    font: { bold: true },
    border: { top: thin },
    alignment: { vertical: 'top' },
  },
  number3: { numFmt: FTE_FORMAT, alignment: { vertical: 'top' } },
  number3Bold: {
    numFmt: FTE_FORMAT,
    font: { bold: true },
    border: { top: thin },
    alignment: { vertical: 'top' },
  },
  percent: { numFmt: PERCENT_FORMAT, alignment: { vertical: 'top' } },
  date: { numFmt: DATE_FORMAT, alignment: { vertical: 'top', horizontal: 'left' } },
  note: {
    font: { italic: true, color: { argb: 'FF595959' }, size: 9 },
    alignment: { vertical: 'top', wrapText: false },
  },
  error: {
    font: { bold: true, color: { argb: 'FF9C0006' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } },
    alignment: { vertical: 'top' },
  },
  warning: {
    font: { color: { argb: 'FF9C5700' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } },
    alignment: { vertical: 'top' },
  },
  info: {
    font: { color: { argb: 'FF1F3864' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } },
    alignment: { vertical: 'top' },
  },
  ok: {
    font: { color: { argb: 'FF006100' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } },
    alignment: { vertical: 'top' },
  },
};
