import * as path from 'path';
import { checkCoverage } from '../domain/coverage';
import type { Finding } from '../domain/findings';
import { WorkbookUnusableError } from '../workbook/port';
import { combineFindings, readWorkbookModel, type ReadResult } from '../workbook/read';
import { analyseRead } from '../workbook/analysis';
import { inputChecksum } from '../domain/checksum';
import { beschlussvorlage } from '../domain/vorlage';
import { planAdoption, planUndo } from '../workbook/adopt';
import type { WriteBatch } from '../workbook/port';
import { PdfUnavailableError, writePdf, type ChartData } from './pdf';
import { buildReport } from '../workbook/report';
import { templateBatch } from '../workbook/template';
import { XlsxWorkbook } from '../xlsx/xlsx-workbook';
import { option, parseArgs, type Args } from './args';
import {
  backupPath,
  copyFile,
  defaultReportPath,
  exists,
  openWorkbook,
  saveWorkbook,
  writeText,
} from './files';
import { checkJson, checkText, compareText } from './output';
import { t, usage, type Lang } from './text';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
  /** Progress is shown for long work when the terminal is interactive. */
  progress: boolean;
  today: () => string;
  /** Timestamp for Protokoll rows. */
  now: () => string;
}

const defaultIo = (): Io => ({
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  progress: Boolean(process.stderr.isTTY),
  today: () => new Date().toISOString().slice(0, 10),
  now: () => new Date().toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'medium' }),
});

/** Exit codes (DESIGN.md): 0 no errors, 1 findings of severity error, 2 the file cannot be used. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const args = parseArgs(argv);
  const lang: Lang = option(args, '--lang') === 'en' ? 'en' : 'de';
  const [command, file] = args.positionals;
  if (!command || args.flags.has('--help') || args.flags.has('-h') || command === 'help') {
    io.out(usage(lang) + '\n');
    return command || args.flags.has('--help') || args.flags.has('-h') ? 0 : 2;
  }
  const commands: Record<string, (file: string, args: Args, lang: Lang, io: Io) => Promise<number>> = {
    init,
    check,
    report,
    compare,
    adopt,
    undo,
    vorlage,
  };
  const run = commands[command];
  if (!run) {
    io.err(
      t(
        lang,
        `Unbekannter Befehl „${command}“. Hilfe: stellenplan --help\n`,
        `Unknown command "${command}". Help: stellenplan --help\n`,
      ),
    );
    return 2;
  }
  if (!file) {
    io.err(
      t(
        lang,
        `Bitte eine Datei angeben: stellenplan ${command} DATEI.xlsx\n`,
        `Please name a file: stellenplan ${command} FILE.xlsx\n`,
      ),
    );
    return 2;
  }
  try {
    return await run(file, args, lang, io);
  } catch (e) {
    if (e instanceof WorkbookUnusableError) {
      io.err(`${lang === 'en' ? e.messageEn : e.message}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(t(lang, `Unerwarteter Fehler: ${message}\n`, `Unexpected error: ${message}\n`));
    return 2;
  }
}

function progress(io: Io, rows: number, text: string): void {
  if (io.progress || rows > 2000) io.err(`${text}\n`);
}

async function load(file: string, io: Io, lang: Lang): Promise<{ workbook: XlsxWorkbook; read: ReadResult }> {
  if (io.progress) io.err(t(lang, `Lese ${file} …\n`, `Reading ${file} …\n`));
  const workbook = await openWorkbook(file);
  const read = await readWorkbookModel(workbook);
  progress(
    io,
    read.model.stellen.length,
    t(
      lang,
      `Prüfe ${read.model.stellen.length} Stellen und ${read.model.massnahmen.length} Maßnahmen …`,
      `Checking ${read.model.stellen.length} positions and ${read.model.massnahmen.length} measures …`,
    ),
  );
  return { workbook, read };
}

function scenarioOption(args: Args, read: ReadResult): string | undefined {
  const scenario = option(args, '--scenario');
  if (scenario === undefined) return undefined;
  const known = ['Basis', ...new Set(read.model.massnahmen.map((m) => m.szenario))];
  if (!known.includes(scenario))
    throw new WorkbookUnusableError(
      `Das Szenario „${scenario}“ gibt es nicht (vorhanden: ${[...new Set(known)].join(', ')}).`,
      `Scenario "${scenario}" does not exist (known: ${[...new Set(known)].join(', ')}).`,
    );
  return scenario;
}

function allFindings(read: ReadResult, findings: Finding[]): Finding[] {
  return combineFindings(read, findings);
}

async function check(file: string, args: Args, lang: Lang, io: Io): Promise<number> {
  const { read } = await load(file, io, lang);
  const { result, findings } = analyseRead(read, { scenario: scenarioOption(args, read) });
  if (args.flags.has('--json'))
    io.out(JSON.stringify(checkJson(read, result, findings, lang), null, 2) + '\n');
  else io.out(checkText(read, result, findings, lang));
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/**
 * The never-overwrite rule of every writing command: the output is `-o FILE` or a derived name; the input
 * is changed only with --in-place, and then a backup is kept first.
 */
async function writeOut(
  file: string,
  args: Args,
  lang: Lang,
  io: Io,
  suffix: string,
  change: (workbook: XlsxWorkbook, read: ReadResult, out: string) => Promise<string>,
): Promise<number> {
  const inPlace = args.flags.has('--in-place');
  const out = inPlace ? file : (option(args, '-o', '--out', '--output') ?? defaultReportPath(file, suffix));
  if (!inPlace && path.resolve(out) === path.resolve(file)) {
    io.err(
      t(
        lang,
        `Die Eingabedatei wird nicht überschrieben: bitte eine andere Ausgabedatei wählen oder --in-place angeben.\n`,
        `The input file is not overwritten: choose another output file or pass --in-place.\n`,
      ),
    );
    return 2;
  }
  const { workbook, read } = await load(file, io, lang);
  const message = await change(workbook, read, out);
  if (inPlace) {
    const backup = backupPath(file);
    await copyFile(file, backup);
    io.err(t(lang, `Sicherungskopie: ${backup}\n`, `Backup: ${backup}\n`));
  }
  await saveWorkbook(workbook, out);
  io.out(`${message.replace('{out}', out)}\n`);
  return 0;
}

async function report(file: string, args: Args, lang: Lang, io: Io): Promise<number> {
  let batch: WriteBatch | undefined;
  let chartData: ChartData | undefined;
  let out = '';
  const code = await writeOut(file, args, lang, io, 'bericht', async (workbook, read, target) => {
    const result = checkCoverage(read.model);
    progress(io, read.model.stellen.length, t(lang, 'Schreibe Bericht …', 'Writing report …'));
    batch = buildReport(read, result, { stand: io.today(), lang });
    chartData = {
      years: result.years,
      scenarios: result.scenarios.map((sc) => ({
        name: sc.name,
        balance: sc.totals.map((t) => Number(t.balance.toFixed(2))),
      })),
    };
    out = target;
    await workbook.write(batch);
    const findings = allFindings(read, result.findings);
    const errors = findings.filter((f) => f.severity === 'error').length;
    return t(
      lang,
      `Bericht geschrieben: {out} (${errors} Fehler, ${findings.length - errors} weitere Meldungen)`,
      `Report written: {out} (${errors} errors, ${findings.length - errors} other findings)`,
    );
  });
  if (code !== 0 || !batch || !args.flags.has('--pdf')) return code;
  // The committee papers as PDF next to the workbook (LibreOffice headless).
  const pdf = out.replace(/\.xlsx?$/i, '') + '.pdf';
  progress(io, 0, t(lang, 'Erzeuge PDF mit LibreOffice …', 'Creating PDF with LibreOffice …'));
  try {
    await writePdf(batch, pdf, chartData);
  } catch (e) {
    if (e instanceof PdfUnavailableError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
  io.out(t(lang, `PDF geschrieben: ${pdf}\n`, `PDF written: ${pdf}\n`));
  return 0;
}

/** `adopt FILE MASSNAHME`: takes an adopted measure into the plan, every changed cell logged in Protokoll. */
function adopt(file: string, args: Args, lang: Lang, io: Io): Promise<number> {
  const nr = args.positionals[2];
  if (!nr) {
    io.err(
      t(
        lang,
        'Bitte die Maßnahme angeben: stellenplan adopt DATEI.xlsx MASSNAHME\n',
        'Please name the measure: stellenplan adopt FILE.xlsx MEASURE\n',
      ),
    );
    return Promise.resolve(2);
  }
  const choice = option(args, '--betrag') ?? 'berechnet';
  if (choice !== 'berechnet' && choice !== 'planansatz') {
    io.err(
      t(
        lang,
        '--betrag ist „berechnet“ (Vorgabe) oder „planansatz“.\n',
        '--betrag is "berechnet" (default) or "planansatz".\n',
      ),
    );
    return Promise.resolve(2);
  }
  return writeOut(file, args, lang, io, 'beschluss', async (workbook, read) => {
    const batch = planAdoption(read, checkCoverage(read.model), nr, { amount: choice, when: io.now() });
    await workbook.write(batch);
    const n = batch.updates?.length ?? 0;
    return t(
      lang,
      `Maßnahme ${nr} übernommen: ${n} Zellen geändert, im Protokoll vermerkt – {out}`,
      `Measure ${nr} adopted: ${n} cells changed, logged in Protokoll – {out}`,
    );
  });
}

/** `vorlage FILE MASSNAHME [-o OUT.md]`: the draft resolution as Markdown (the input is only read). */
async function vorlage(file: string, args: Args, lang: Lang, io: Io): Promise<number> {
  const nr = args.positionals[2];
  if (!nr) {
    io.err(
      t(
        lang,
        'Bitte die Maßnahme angeben: stellenplan vorlage DATEI.xlsx MASSNAHME\n',
        'Please name the measure: stellenplan vorlage FILE.xlsx MEASURE\n',
      ),
    );
    return 2;
  }
  const { read } = await load(file, io, lang);
  const result = checkCoverage(read.model);
  if (!read.model.massnahmen.some((m) => m.nr === nr)) {
    io.err(
      t(
        lang,
        `Die Maßnahme „${nr}“ gibt es im Blatt Maßnahmen nicht.\n`,
        `Measure "${nr}" does not exist.\n`,
      ),
    );
    return 2;
  }
  const text = beschlussvorlage(result, nr, { stand: io.today(), checksum: inputChecksum(read.model) });
  const out = option(args, '-o', '--out', '--output');
  if (out) {
    if (path.resolve(out) === path.resolve(file)) {
      io.err(t(lang, 'Die Eingabedatei wird nicht überschrieben.\n', 'The input file is not overwritten.\n'));
      return 2;
    }
    await writeText(out, text);
    io.out(t(lang, `Beschlussvorlage geschrieben: ${out}\n`, `Draft resolution written: ${out}\n`));
  } else io.out(text);
  return 0;
}

/** `undo FILE`: takes back the last adoption from Protokoll, restoring every logged cell. */
function undo(file: string, args: Args, lang: Lang, io: Io): Promise<number> {
  return writeOut(file, args, lang, io, 'rueckgaengig', async (workbook, read) => {
    const batch = planUndo(read, io.now());
    await workbook.write(batch);
    const n = batch.updates?.length ?? 0;
    return t(
      lang,
      `Letzter Beschluss zurückgenommen: ${n} Zellen wiederhergestellt – {out}`,
      `Last adoption undone: ${n} cells restored – {out}`,
    );
  });
}

async function compare(file: string, args: Args, lang: Lang, io: Io): Promise<number> {
  const { read } = await load(file, io, lang);
  const result = checkCoverage(read.model);
  io.out(compareText(result, allFindings(read, result.findings), lang));
  return 0;
}

async function init(file: string, args: Args, lang: Lang, io: Io): Promise<number> {
  if ((await exists(file)) && !args.flags.has('--force')) {
    io.err(
      t(
        lang,
        `Die Datei „${file}“ gibt es schon; sie wird nicht überschrieben (--force erzwingt es).\n`,
        `"${file}" exists and is not overwritten (--force to overwrite).\n`,
      ),
    );
    return 2;
  }
  const workbook = XlsxWorkbook.create();
  await workbook.write(templateBatch());
  await saveWorkbook(workbook, file);
  io.out(t(lang, `Neue Arbeitsmappe angelegt: ${file}\n`, `New workbook created: ${file}\n`));
  return 0;
}
