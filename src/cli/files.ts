import { promises as fs } from 'fs';
import * as path from 'path';
import { inflateRawSync } from 'zlib';
import { DEFAULT_LIMITS, XlsxWorkbook, fileTooLarge, type OpenLimits } from '../xlsx/xlsx-workbook';
import { WorkbookUnusableError } from '../workbook/port';

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
  return XlsxWorkbook.open(data, limits, boundedInflate);
}

/** Writes through a temporary file and a rename: a crash never leaves half a workbook behind. */
export async function saveWorkbook(workbook: XlsxWorkbook, file: string): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  const bytes = await workbook.toBuffer();
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code ?? 'unbekannter Fehler';
    const why: Record<string, [string, string]> = {
      ENOENT: ['den Ordner gibt es nicht', 'the folder does not exist'],
      EISDIR: ['dort liegt ein Ordner', 'a folder has that name'],
      EACCES: ['keine Schreibrechte', 'no permission to write'],
      EPERM: ['keine Schreibrechte', 'no permission to write'],
      EROFS: ['das Laufwerk ist schreibgeschützt', 'the drive is read-only'],
      ENOSPC: ['der Datenträger ist voll', 'the disk is full'],
    };
    const [de, en] = why[code] ?? [code, code];
    throw new WorkbookUnusableError(
      `Die Datei „${file}“ lässt sich nicht schreiben (${de}).`,
      `Cannot write "${file}" (${en}).`,
    );
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

export function backupPath(file: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}.bak${ext || '.xlsx'}`);
}

export async function copyFile(from: string, to: string): Promise<void> {
  await fs.copyFile(from, to);
}

/** A text file (Markdown draft), written whole. */
export async function writeText(file: string, text: string): Promise<void> {
  await fs.writeFile(file, text, 'utf8');
}
