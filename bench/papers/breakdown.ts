import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { PROJECT } from '../common/cli-bundle';
import { main } from '../../src/cli/main';
import { XlsxWorkbook } from '../../src/xlsx/xlsx-workbook';
import { templateBatch } from '../../src/workbook/template';
import { generate } from '../engine/generate';
import { buildBenchWorkbook, silentIo } from '../workbook/run';
import { log, machineInfo, median, round } from '../common/stats';
import { convertXlsx } from '../../tests/integration/support/libreoffice';

/**
 * bench/papers/breakdown (issue 14): where LibreOffice 7.4 spends its time on the 10k report, to judge the
 * target "the report converts in ≤ 2 × the time of the plain workbook". The report is converted as written
 * and in variants made from it by editing the package (never by changing the product): one generated sheet
 * emptied at a time, all generated sheets emptied, every formula replaced by its cached value. Each variant's
 * LibreOffice CPU time (user + system, recalculation "always") minus the report's is what that part costs.
 * Also the start-up of LibreOffice alone (a tiny workbook). Cell counts per sheet come from the sheet XML.
 *
 * Run: node scripts/run-ts.js bench/papers/breakdown.ts [--runs N]
 * (results: bench/results/papers-breakdown.{json,md})
 */

type Files = Record<string, Uint8Array>;

/** Sheet name → part path ("xl/worksheets/sheet9.xml"), from workbook.xml and its relationships. */
function sheetParts(files: Files): Map<string, string> {
  const workbook = strFromU8(files['xl/workbook.xml']);
  const rels = strFromU8(files['xl/_rels/workbook.xml.rels']);
  const target = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const t = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && t) target.set(id, t.startsWith('/') ? t.slice(1) : `xl/${t}`);
  }
  const parts = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1];
    if (name && id && target.has(id)) parts.set(name.replace(/&amp;/g, '&'), target.get(id)!);
  }
  return parts;
}

/** A copy of the package with some sheet parts rewritten. */
function variant(files: Files, parts: string[], edit: (xml: string) => string): Uint8Array {
  const out: Zippable = {};
  for (const [name, data] of Object.entries(files))
    out[name] = parts.includes(name) ? strToU8(edit(strFromU8(data))) : data;
  return zipSync(out, { level: 6 });
}

const emptySheet = (xml: string) => xml.replace(/<sheetData>[\s\S]*<\/sheetData>/, '<sheetData/>');
const valuesOnly = (xml: string) => xml.replace(/<f\b[^>]*\/>|<f\b[^>]*>[^<]*<\/f>/g, '');

function counts(xml: string) {
  return {
    rows: (xml.match(/<row\b/g) ?? []).length,
    cells: (xml.match(/<c\b[^>]*>(?=<[fvi])/g) ?? []).length,
    formulas: (xml.match(/<f\b/g) ?? []).length,
  };
}

async function run(): Promise<void> {
  const runsArg = process.argv.indexOf('--runs');
  const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 3;
  const work = path.join(os.tmpdir(), 'stellenplan-bench-breakdown');
  await fs.rm(work, { recursive: true, force: true });
  await fs.mkdir(path.join(work, 'in'), { recursive: true });
  const machineStart = machineInfo();

  log('breakdown: Arbeitsmappe mit 10.000 Stellen und ihren Bericht erzeugen …');
  const plain = path.join(work, 'in', 'plain.xlsx');
  await fs.writeFile(plain, await buildBenchWorkbook(generate(1)));
  const report = path.join(work, 'in', 'report.xlsx');
  const io = silentIo();
  if ((await main(['report', plain, '-o', report], io)) !== 0) throw new Error('report gescheitert');
  const tiny = path.join(work, 'in', 'tiny.xlsx');
  const wb = XlsxWorkbook.create();
  await wb.write(templateBatch());
  await fs.writeFile(tiny, await wb.toBuffer());

  const files = unzipSync(await fs.readFile(report));
  const parts = sheetParts(files);
  const plainParts = sheetParts(unzipSync(await fs.readFile(plain)));
  const generated = [...parts.keys()].filter((n) => !plainParts.has(n));
  const sheets = [...parts].map(([name, part]) => ({
    name,
    generated: generated.includes(name),
    ...counts(strFromU8(files[part])),
  }));

  const variants: { key: string; label: string; file: string }[] = [
    { key: 'tiny', label: 'LibreOffice start-up (a workbook with the empty tables)', file: tiny },
    { key: 'plain', label: 'plain 10k workbook (the input)', file: plain },
    { key: 'report', label: '`report` output as written', file: report },
  ];
  const add = async (key: string, label: string, data: Uint8Array) => {
    const file = path.join(work, 'in', `${key}.xlsx`);
    await fs.writeFile(file, data);
    variants.push({ key, label, file });
  };
  await add(
    'no-generated',
    'report, every generated sheet emptied (input + Jahreskosten column)',
    variant(
      files,
      generated.map((n) => parts.get(n)!),
      emptySheet,
    ),
  );
  await add(
    'values-only',
    'report, every formula replaced by its cached value',
    variant(files, [...parts.values()], valuesOnly),
  );
  for (const [i, name] of generated.entries())
    await add(
      `without-${i}`,
      `report without the content of „${name}“`,
      variant(files, [parts.get(name)!], emptySheet),
    );

  const profile = path.join(work, 'lo-always');
  const outDir = path.join(work, 'out');
  const cpu = new Map<string, number[]>(variants.map((v) => [v.key, []]));
  const wall = new Map<string, number[]>(variants.map((v) => [v.key, []]));
  await convertXlsx([tiny], outDir, { mode: 'always', profile, timeoutMs: 600_000 }); // creates the profile
  for (let r = 0; r < runs; r++) {
    for (const v of variants) {
      log(`breakdown: Lauf ${r + 1}/${runs}: ${v.key} …`);
      const c = await convertXlsx([v.file], outDir, { mode: 'always', profile, timeoutMs: 600_000 });
      wall.get(v.key)!.push(c.ms);
      if (c.cpuMs !== undefined) cpu.get(v.key)!.push(c.cpuMs);
    }
  }
  const med = (key: string, m: Map<string, number[]>) => (m.get(key)!.length ? median(m.get(key)!) : NaN);
  const rows = variants.map((v) => ({
    key: v.key,
    label: v.label,
    cpuMs: round(med(v.key, cpu)),
    wallMs: round(med(v.key, wall)),
    savedCpuMs: round(med('report', cpu) - med(v.key, cpu)),
  }));
  const machine = { ...machineInfo(), loadAtStart: machineStart.loadAverage };
  const out = path.join(PROJECT, 'bench', 'results');
  await fs.writeFile(
    path.join(out, 'papers-breakdown.json'),
    JSON.stringify({ runs, sheets, variants: rows, machine }, null, 2) + '\n',
  );
  const cpuOf = (key: string) => rows.find((r) => r.key === key)!.cpuMs;
  const startup = cpuOf('tiny');
  const need = cpuOf('report') - 2 * cpuOf('plain');
  const md = `# Where LibreOffice spends its time on the 10k report (issue 14)

Written by \`node scripts/run-ts.js bench/papers/breakdown.ts\`; raw figures in \`papers-breakdown.json\`.
LibreOffice 7.4 headless, \`--convert-to xlsx\`, recalculation "always"; median of ${runs} runs that alternate
between the files. CPU = user + system of soffice and its children. Variants are made from the written report by
editing its package, not by changing the product.

| file | CPU ms | wall ms | CPU saved against the report |
| --- | ---: | ---: | ---: |
${rows.map((r) => `| ${r.label} | ${r.cpuMs} | ${r.wallMs} | ${r.key === 'report' || r.key === 'tiny' || r.key === 'plain' ? '–' : r.savedCpuMs} |`).join('\n')}

Report ÷ plain: **${round(cpuOf('report') / cpuOf('plain'), 2)} ×** by CPU, ${round(
    rows.find((r) => r.key === 'report')!.wallMs / rows.find((r) => r.key === 'plain')!.wallMs,
    2,
  )} × by wall clock. To reach 2 × by CPU the report would need ${round(need)} ms less.
Start-up alone is ${startup} ms of every convert; above it the plain workbook costs ${round(cpuOf('plain') - startup)} ms
and the report ${round(cpuOf('report') - startup)} ms.

Cells per sheet (cells with a value or formula; rows; formulas):

| sheet | generated | rows | cells | formulas |
| --- | --- | ---: | ---: | ---: |
${sheets.map((s) => `| ${s.name} | ${s.generated ? 'yes' : 'no'} | ${s.rows} | ${s.cells} | ${s.formulas} |`).join('\n')}

Machine: ${machine.cpus} CPUs, node ${machine.node}, load average ${machine.loadAtStart.join(' / ')} at start and
${machine.loadAverage.join(' / ')} at the end; ${machine.date}.
`;
  await fs.writeFile(path.join(out, 'papers-breakdown.md'), md);
  log(md);
}

void run();
