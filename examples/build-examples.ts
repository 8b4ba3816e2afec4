import { promises as fs } from 'fs';
import * as path from 'path';
import { templateBatch, type TemplateData } from '../src/workbook/template';
import { XlsxWorkbook } from '../src/xlsx/xlsx-workbook';
import { KONSTANZ, OBERTSHAUSEN } from './data';
import { NIENBURG_2024 } from './nienburg';

/** Builds a workbook file from template data (also used by tests). */
export async function buildWorkbook(data: TemplateData): Promise<Uint8Array> {
  const wb = XlsxWorkbook.create();
  await wb.write(templateBatch(data));
  return wb.toBuffer();
}

async function run(): Promise<void> {
  const dir = path.join(__dirname, '..', 'examples');
  const target = process.argv[2] ?? dir;
  for (const [name, data] of [
    ['obertshausen.xlsx', OBERTSHAUSEN],
    ['konstanz.xlsx', KONSTANZ],
    // contract v2: the Nienburg 2024 reproduction (dated tables, ceilings, Leistungsentgelt)
    ['nienburg-2024.xlsx', NIENBURG_2024],
  ] as const) {
    const file = path.join(target, name);
    await fs.writeFile(file, await buildWorkbook(data));
    process.stdout.write(`geschrieben: ${file}\n`);
  }
}

if (require.main === module || process.argv[1]?.endsWith('build-examples.ts')) void run();
