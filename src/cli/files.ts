import { constants as fsConstants, promises as fs } from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { DEFAULT_LIMITS, XlsxWorkbook, fileTooLarge, type OpenLimits } from '../xlsx/xlsx-workbook';
import { WorkbookUnusableError, type WorkbookPort } from '../workbook/port';
import { PackageTables } from '../xlsx/package-tables';

/** The environment variables of the limits (README "Grenzen"), in MB or a count. */
const LIMIT_VARIABLES: [keyof OpenLimits, string, number][] = [
  ['maxFileBytes', 'STELLENPLAN_MAX_FILE_MB', 1024 * 1024],
  ['maxUncompressedBytes', 'STELLENPLAN_MAX_UNPACKED_MB', 1024 * 1024],
  ['maxEntries', 'STELLENPLAN_MAX_ZIP_ENTRIES', 1],
];

/** The open limits: the defaults, each replaced by its environment variable when set. */
export function limitsFromEnv(env: NodeJS.ProcessEnv = process.env): OpenLimits {
  const limits = { ...DEFAULT_LIMITS };
  for (const [key, name, unit] of LIMIT_VARIABLES) {
    const text = env[name]?.trim();
    if (!text) continue;
    const value = Number(text.replace(',', '.'));
    if (!Number.isFinite(value) || value <= 0)
      throw new WorkbookUnusableError(
        `Die Umgebungsvariable ${name}=„${text}“ ist keine positive Zahl.`,
        `The environment variable ${name}="${text}" is not a positive number.`,
      );
    limits[key] = Math.floor(value * unit);
  }
  return limits;
}

/** Inflation that stops as soon as an entry grows beyond what the zip directory declares. */
const boundedInflate = (data: Uint8Array, maxOutputLength: number): Uint8Array =>
  inflateRawSync(data, { maxOutputLength });

/**
 * Opens a workbook file; every failure is one clear sentence (German and English). A file beyond the limits
 * is refused before it is read (size) or expanded (zip directory, and each entry inflated only up to its
 * declared size).
 */
export async function openWorkbook(
  file: string,
  limits: OpenLimits = limitsFromEnv(),
): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(await readWorkbookFile(file, limits), limits, boundedInflate);
}

/**
 * Opens a workbook file only to read its tables (`check`): straight from the package where it is plain
 * (sheet-values.ts), otherwise with ExcelJS. The same tables and the same refusals as openWorkbook.
 */
export async function openForReading(
  file: string,
  limits: OpenLimits = limitsFromEnv(),
): Promise<Pick<WorkbookPort, 'readTables'>> {
  const data = await readWorkbookFile(file, limits);
  return (
    (await PackageTables.open(data, limits, boundedInflate)) ??
    (await XlsxWorkbook.open(data, limits, boundedInflate))
  );
}

/** The file's bytes; every failure is one clear sentence (German and English). */
async function readWorkbookFile(file: string, limits: OpenLimits): Promise<Buffer> {
  let data: Buffer;
  try {
    const stat = await fs.stat(file);
    if (stat.isFile() && stat.size > limits.maxFileBytes) throw fileTooLarge(stat.size, limits);
    data = await fs.readFile(file);
  } catch (e) {
    if (e instanceof WorkbookUnusableError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      throw new WorkbookUnusableError(
        `Die Datei „${file}“ gibt es nicht.`,
        `The file "${file}" does not exist.`,
      );
    if (code === 'EISDIR')
      throw new WorkbookUnusableError(
        `„${file}“ ist ein Ordner, keine Arbeitsmappe.`,
        `"${file}" is a folder, not a workbook.`,
      );
    throw new WorkbookUnusableError(
      `Die Datei „${file}“ lässt sich nicht lesen (${code ?? 'unbekannter Fehler'}).`,
      `Cannot read "${file}".`,
    );
  }
  return data;
}

/** Why a write failed, as the words of one German (and English) sentence. */
const WRITE_ERRORS: Record<string, [string, string]> = {
  ENOENT: ['den Ordner gibt es nicht', 'the folder does not exist'],
  ENOTDIR: ['den Ordner gibt es nicht', 'the folder does not exist'],
  EISDIR: ['dort liegt ein Ordner', 'a folder has that name'],
  EACCES: ['keine Schreibrechte', 'no permission to write'],
  EPERM: ['keine Schreibrechte', 'no permission to write'],
  EROFS: ['das Laufwerk ist schreibgeschützt', 'the drive is read-only'],
  ENOSPC: ['der Datenträger ist voll', 'the disk is full'],
  EDQUOT: ['das Speicherkontingent ist erschöpft', 'the disk quota is used up'],
  EBUSY: ['die Datei ist gerade von einem anderen Programm geöffnet', 'another program holds the file'],
  ETXTBSY: ['die Datei ist gerade von einem anderen Programm geöffnet', 'another program holds the file'],
  EMFILE: ['zu viele Dateien sind geöffnet', 'too many open files'],
  EIO: ['ein Lese-/Schreibfehler des Datenträgers', 'an input/output error of the disk'],
};

/** The one sentence for a failed write (EACCES, ENOSPC …), never "Unerwarteter Fehler". */
export function writeError(file: string, e: unknown): WorkbookUnusableError {
  const code = (e as NodeJS.ErrnoException).code ?? 'unbekannter Fehler';
  const [de, en] = WRITE_ERRORS[code] ?? [`Fehler ${code}`, `error ${code}`];
  return new WorkbookUnusableError(
    `Die Datei „${file}“ lässt sich nicht schreiben (${de}); nichts wurde verändert.`,
    `Cannot write "${file}" (${en}); nothing was changed.`,
  );
}

/** The real file behind a path (a symlink is followed, so the link stays a link); the path when it is new. */
export async function realTarget(file: string): Promise<string> {
  try {
    return await fs.realpath(file);
  } catch {
    return file;
  }
}

/** A read-only file is never replaced: refused before anything is written (exit 2). */
export async function refuseReadOnly(file: string): Promise<void> {
  let stat;
  try {
    stat = await fs.stat(file);
  } catch {
    return;
  }
  // the mode bits decide (also for root, who could write anyway): "schreibgeschützt" is the user's wish
  if (stat.isFile() && (stat.mode & 0o222) === 0)
    throw new WorkbookUnusableError(
      `Die Datei „${file}“ ist schreibgeschützt und wird nicht ersetzt; bitte den Schreibschutz aufheben oder mit -o eine andere Ausgabedatei wählen.`,
      `"${file}" is read-only and is not replaced; remove the write protection or choose another output file with -o.`,
    );
}

/**
 * Writes through a temporary file in the same folder and a rename: a crash never leaves half a workbook
 * behind. A symlink is followed (its target is written, the link stays); the file keeps its mode and, where
 * the system allows, its owner; a new file gets the mode of `modeFrom` (the input: personnel data stays as
 * private as it was). A macro workbook keeps its macros, so it must stay an .xlsm.
 */
export async function saveWorkbook(
  workbook: XlsxWorkbook,
  file: string,
  options: { modeFrom?: string; beforeReplace?: () => Promise<void> } = {},
): Promise<void> {
  if (workbook.hasMacros && !/\.xlsm$/i.test(file))
    throw new WorkbookUnusableError(
      `Die Arbeitsmappe enthält Makros: sie wird mit ihren Makros geschrieben und muss daher auf .xlsm enden („${path.basename(file)}“ würde Excel nicht öffnen) – bitte -o NAME.xlsm angeben.`,
      `The workbook contains macros: it is written with them and must end in .xlsm – pass -o NAME.xlsm.`,
    );
  const target = await realTarget(file);
  await refuseReadOnly(target);
  // a refusal (protected sheet, user data in the way …) comes from here: before anything is written
  const bytes = await workbook.toBuffer();
  let before: { mode: number; uid: number; gid: number } | undefined;
  try {
    before = await fs.stat(target);
  } catch {
    before = options.modeFrom ? await fs.stat(options.modeFrom).catch(() => undefined) : undefined;
    if (before) before = { ...before, uid: -1, gid: -1 };
  }
  const tmp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes, { mode: 0o600 });
    if (before) {
      await fs.chmod(tmp, before.mode & 0o7777);
      if (before.uid >= 0) await fs.chown(tmp, before.uid, before.gid).catch(() => undefined);
    }
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw writeError(file, e);
  }
  try {
    // the backup of an in-place write: only once the new file is complete
    await options.beforeReplace?.();
    await fs.rename(tmp, target);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e instanceof WorkbookUnusableError ? e : writeError(file, e);
  }
}

/**
 * A new backup next to the file for each in-place write: NAME.bak-YYYYMMDD-HHMMSS.xlsx (an earlier one is
 * never overwritten; two in the same second get "-2", "-3" …). Returns its path.
 */
export async function writeBackup(file: string, now: Date = new Date()): Promise<string> {
  const source = await realTarget(file);
  const ext = path.extname(file);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p2(now.getMonth() + 1)}${p2(now.getDate())}-${p2(now.getHours())}${p2(now.getMinutes())}${p2(now.getSeconds())}`;
  const base = path.join(path.dirname(file), `${path.basename(file, ext)}.bak-${stamp}`);
  for (let k = 1; ; k++) {
    const backup = `${base}${k > 1 ? `-${k}` : ''}${ext || '.xlsx'}`;
    try {
      await fs.copyFile(source, backup, fsConstants.COPYFILE_EXCL);
      return backup;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EEXIST' && k < 100) continue;
      throw writeError(backup, e);
    }
  }
}

export async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

export function defaultReportPath(file: string, suffix = 'bericht'): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}-${suffix}${ext || '.xlsx'}`);
}

/** A text file (Markdown draft), written whole. */
export async function writeText(file: string, text: string): Promise<void> {
  await fs.writeFile(file, text, 'utf8');
}
