import { promises as fs } from 'fs';
import * as path from 'path';
import { XlsxWorkbook } from '../xlsx/xlsx-workbook';
import { WorkbookUnusableError } from '../workbook/port';

/** Opens a workbook file; every failure is one clear sentence (German and English). */
export async function openWorkbook(file: string): Promise<XlsxWorkbook> {
  let data: Buffer;
  try {
    data = await fs.readFile(file);
  } catch (e) {
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
  return XlsxWorkbook.open(data);
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
