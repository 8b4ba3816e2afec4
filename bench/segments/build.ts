import { promises as fs } from 'fs';
import { buildExcelPackage } from '../../tests/support/excel-package';
import { FIRST_YEAR, generate, toTemplateData } from '../engine/generate';

/**
 * A v2 input workbook (dated TVöD tables, KV/RV ceilings, Leistungsentgelt, a rising step on every third
 * position) with the product's tables as Excel tables, from the benchmark data at a scale.
 * Run: node scripts/run-ts.js bench/segments/build.ts <scale> <out.xlsx>
 */
async function main() {
  const scale = Number(process.argv[2] ?? '0.3');
  const out = process.argv[3] ?? 'v2.xlsx';
  const data = toTemplateData(generate(scale));
  data.v2 = true;
  data.stellen = (data.stellen ?? []).map((s, i) =>
    i % 3 === 0 ? { ...s, 'Stufe seit': `${FIRST_YEAR - 1}-0${1 + (i % 9)}-15` } : s,
  );
  await fs.writeFile(out, buildExcelPackage({ data }).bytes);
}
void main();
