import * as path from 'path';
import { checkCoverage } from '../domain/coverage';
import type { Finding } from '../domain/findings';
import { scenarioKey } from '../domain/scenarios';
import { OperationRefusedError, WorkbookUnusableError } from '../workbook/port';
import { combineFindings, readWorkbookModel, type ReadResult } from '../workbook/read';
import { analyseRead } from '../workbook/analysis';
import { inputChecksum } from '../domain/checksum';
import { beschlussvorlage } from '../domain/vorlage';
import { planAdoption, planUndo } from '../workbook/adopt';
import type { WorkbookPort, WriteBatch } from '../workbook/port';
import { PdfUnavailableError, writePdf, type ChartData } from './pdf';
import { runNachtrag } from './nachtrag';
import { buildReport } from '../workbook/report';
import { collectGarbage } from './memory';
import { templateBatch } from '../workbook/template';
import { XlsxWorkbook } from '../xlsx/xlsx-workbook';
import {
  commandHelp,
  findCommand,
  flag,
  langOf,
  option,
  parseArgs,
  usage,
  UsageError,
  type Args,
} from './args';
import { readFileSync } from 'fs';
import {
  defaultReportPath,
  exists,
  openForReading,
  openWorkbook,
  refuseReadOnly,
  realTarget,
  saveWorkbook,
  writeBackup,
  writeText,
} from './files';
import { checkJson, checkText, compareText, sortFindings } from './output';
import { t, type Lang } from './text';

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

/** The version of the installed package (package.json sits two folders up from src/cli and lib/cli). */
export function version(): string {
  const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

type Command = (file: string, args: Args, lang: Lang, io: Io) => Promise<number>;

/** What each entry of the command table (args.ts) runs. */
const RUN: Record<string, Command> = { init, check, report, compare, adopt, undo, vorlage, nachtrag };

/**
 * Exit codes (DESIGN.md): 0 fine, 1 the check found errors, 2 the file or the command line cannot be used,
 * 3 the operation was refused (adopted twice, nothing to undo, the plan changed since the adoption).
 */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let lang: Lang = langOf(argv);
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`${lang === 'en' ? e.messageEn : e.message}\n`);
    return 2;
  }
  lang = option(args, 'lang') === 'en' ? 'en' : 'de';
  if (flag(args, 'version')) {
    io.out(`${version()}\n`);
    return 0;
  }
  const { command } = args;
  if (!command) {
    // `stellenplan help [COMMAND]`, `--help`, or nothing at all (then the help is a hint and exit 2)
    const asked = findCommand(args.positionals[1] ?? '');
    const text = (asked ? commandHelp(asked, lang) : usage(lang)) + '\n';
    if (args.positionals[0] === 'help' || flag(args, 'help')) {
      io.out(text);
      return 0;
    }
    io.err(text);
    return 2;
  }
  if (flag(args, 'help')) {
    io.out(commandHelp(command, lang) + '\n');
    return 0;
  }
  const missing = command.positionals.slice(args.positionals.length);
  if (missing.length > 0) {
    io.err(
      t(
        lang,
        `Es fehlt ${missing.map((p) => p.de).join(' und ')}: stellenplan ${command.name} ${command.positionals.map((p) => p.de).join(' ')} (Hilfe: stellenplan ${command.name} --help).\n`,
        `Missing ${missing.map((p) => p.en).join(' and ')}: stellenplan ${command.name} ${command.positionals.map((p) => p.en).join(' ')} (help: stellenplan ${command.name} --help).\n`,
      ),
    );
    return 2;
  }
  try {
    return await RUN[command.name](args.positionals[0], args, lang, io);
  } catch (e) {
    if (e instanceof WorkbookUnusableError) {
      io.err(`${lang === 'en' ? e.messageEn : e.message}\n`);
      return e instanceof OperationRefusedError ? 3 : 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.err(t(lang, `Unerwarteter Fehler: ${message}\n`, `Unexpected error: ${message}\n`));
    return 2;
  }
}

/**
 * The binary's entry: exit code from main; a reader that stops early (`check … | head`) closes the pipe,
 * which is no error worth a stack trace.
 */
export function run(argv: string[] = process.argv.slice(2)): Promise<void> {
  let closed = false;
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') closed = true;
    else throw e;
  });
  const io: Io = { ...defaultIo(), out: (s) => void (closed || process.stdout.write(s)) };
  return main(argv, io).then((code) => {
    process.exitCode = code;
  });
}

function progress(io: Io, rows: number, text: string): void {
  if (io.progress || rows > 2000) io.err(`${text}\n`);
}

async function load(file: string, io: Io, lang: Lang): Promise<{ workbook: XlsxWorkbook; read: ReadResult }> {
  return loadWith(openWorkbook, file, io, lang);
}

/** The tables of a workbook only read (check, compare, vorlage): without ExcelJS's cell model where the file allows. */
async function loadForReading(file: string, io: Io, lang: Lang): Promise<{ read: ReadResult }> {
  return loadWith(openForReading, file, io, lang);
}

async function loadWith<W extends Pick<WorkbookPort, 'readTables'>>(
  open: (file: string) => Promise<W>,
  file: string,
  io: Io,
  lang: Lang,
): Promise<{ workbook: W; read: ReadResult }> {
  if (io.progress) io.err(t(lang, `Lese ${file} …\n`, `Reading ${file} …\n`));
  const workbook = await open(file);
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
  const scenario = option(args, 'scenario');
  if (scenario === undefined) return undefined;
  const known = ['Basis', ...new Set(read.model.massnahmen.map((m) => m.szenario))];
  if (!known.some((k) => scenarioKey(k) === scenarioKey(scenario)))
    throw new WorkbookUnusableError(
      `Das Szenario „${scenario}“ gibt es nicht (vorhanden: ${[...new Set(known)].join(', ')}).`,
      `Scenario "${scenario}" does not exist (known: ${[...new Set(known)].join(', ')}).`,
    );
  return scenario;
}

/** Every finding, errors first, then by sheet and cell (the order a user works through them). */
function allFindings(read: ReadResult, findings: Finding[]): Finding[] {
  return sortFindings(read, combineFindings(read, findings));
}

/** The measure named on the command line must exist; the message lists the ones that do. */
function requireMeasure(read: ReadResult, nr: string): void {
  if (read.model.massnahmen.some((m) => m.nr === nr)) return;
  const known = read.model.massnahmen.map((m) => m.nr).filter((n) => n);
  const list = known.length > 0 ? known.join(', ') : '–';
  throw new WorkbookUnusableError(
    `Die Maßnahme „${nr}“ gibt es im Blatt Maßnahmen nicht (vorhanden: ${list}).`,
    `Measure "${nr}" does not exist in sheet Maßnahmen (known: ${list}).`,
  );
}

async function check(file: string, args: Args, lang: Lang, io: Io): Promise<number> {
  const { read } = await loadForReading(file, io, lang);
  const analysis = analyseRead(read, { scenario: scenarioOption(args, read) });
  const { result } = analysis;
  const findings = sortFindings(read, analysis.findings);
  if (flag(args, 'json')) io.out(JSON.stringify(checkJson(read, result, findings, lang), null, 2) + '\n');
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
  /** The write holds everything it needs in its package plan: collect the rest before saving (`report`). */
  lean = false,
): Promise<number> {
  const inPlace = flag(args, 'in-place');
  const out = inPlace ? file : (option(args, 'out', 'output') ?? defaultReportPath(file, suffix));
  // also through a symlink: -o must never reach the input file itself
  const same =
    path.resolve(out) === path.resolve(file) ||
    path.resolve(await realTarget(out)) === path.resolve(await realTarget(file));
  if (!inPlace && same) {
    io.err(
      t(
        lang,
        `Die Eingabedatei wird nicht überschrieben: bitte eine andere Ausgabedatei wählen oder --in-place angeben.\n`,
        `The input file is not overwritten: choose another output file or pass --in-place.\n`,
      ),
    );
    return 2;
  }
  // a read-only file is refused before anything is read or written
  if (inPlace) await refuseReadOnly(await realTarget(file));
  let loaded: { workbook: XlsxWorkbook; read: ReadResult } | undefined = await load(file, io, lang);
  const workbook = loaded.workbook;
  const message = await change(workbook, loaded.read, out);
  // the tables as read are not needed to save the file (memory at 100.000 positions)
  loaded = undefined;
  if (lean) collectGarbage();
  await saveWorkbook(workbook, out, {
    modeFrom: file,
    beforeReplace: inPlace
      ? async () => {
          const backup = await writeBackup(file);
          io.err(t(lang, `Sicherungskopie: ${backup}\n`, `Backup: ${backup}\n`));
        }
      : undefined,
  });
  io.out(`${message.replace('{out}', out)}\n`);
  return 0;
}

async function report(file: string, args: Args, lang: Lang, io: Io): Promise<number> {
  // the papers for the PDF; without --pdf the batch is not kept while the file is saved
  let papers: WriteBatch | undefined;
  const pdfWanted = flag(args, 'pdf');
  let chartData: ChartData | undefined;
  let out = '';
  const code = await writeOut(
    file,
    args,
    lang,
    io,
    'bericht',
    async (workbook, read, target) => {
      // the tables are read: ExcelJS's cells are not needed to write the report (memory at 100.000 positions)
      workbook.forgetCells();
      collectGarbage();
      const result = checkCoverage(read.model);
      progress(io, read.model.stellen.length, t(lang, 'Schreibe Bericht …', 'Writing report …'));
      const batch = buildReport(read, result, { stand: io.today(), lang });
      if (pdfWanted) papers = batch;
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
    },
    true,
  );
  if (code !== 0 || !papers) return code;
  // The committee papers as PDF next to the workbook (LibreOffice headless).
  const pdf = out.replace(/\.xlsx?$/i, '') + '.pdf';
  progress(io, 0, t(lang, 'Erzeuge PDF mit LibreOffice …', 'Creating PDF with LibreOffice …'));
  try {
    await writePdf(papers, pdf, chartData);
  } catch (e) {
    if (e instanceof PdfUnavailableError) {
      io.err(`${lang === 'en' ? e.messageEn : e.message}\n`);
      return 2;
    }
    throw e;
  }
  io.out(t(lang, `PDF geschrieben: ${pdf}\n`, `PDF written: ${pdf}\n`));
  return 0;
}

/** `adopt FILE MASSNAHME`: takes an adopted measure into the plan, every changed cell logged in Protokoll. */
function adopt(file: string, args: Args, lang: Lang, io: Io): Promise<number> {
  const nr = args.positionals[1];
  const choice = option(args, 'betrag') === 'planansatz' ? 'planansatz' : 'berechnet';
  return writeOut(file, args, lang, io, 'beschluss', async (workbook, read) => {
    requireMeasure(read, nr);
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
  const nr = args.positionals[1];
  const { read } = await loadForReading(file, io, lang);
  requireMeasure(read, nr);
  const result = checkCoverage(read.model);
  const text = beschlussvorlage(result, nr, { stand: io.today(), checksum: inputChecksum(read.model) });
  const out = option(args, 'out', 'output');
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
    const batch = planUndo(read, io.now(), { force: flag(args, 'force') });
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
  const { read } = await loadForReading(file, io, lang);
  const result = checkCoverage(read.model);
  io.out(compareText(result, allFindings(read, result.findings), lang));
  return 0;
}

async function init(file: string, args: Args, lang: Lang, io: Io): Promise<number> {
  if ((await exists(file)) && !flag(args, 'force')) {
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
  await workbook.write(templateBatch({ v2: true }));
  await saveWorkbook(workbook, file);
  io.out(t(lang, `Neue Arbeitsmappe angelegt: ${file}\n`, `New workbook created: ${file}\n`));
  return 0;
}

/** `nachtrag FILE --gegen BESCHLOSSEN.xlsx [-o OUT.xlsx] [--pdf]` (DESIGN.md): the Nachtragsstellenplan. */
function nachtrag(file: string, args: Args, lang: Lang, io: Io): Promise<number> {
  return runNachtrag(
    {
      file,
      gegen: option(args, 'gegen'),
      out: option(args, 'out', 'output'),
      pdf: flag(args, 'pdf'),
      stand: io.today(),
      lang,
    },
    io,
  );
}
