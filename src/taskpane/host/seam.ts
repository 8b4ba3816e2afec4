import type { WorkbookPort, WriteBatch } from '../../workbook/port';

/** A workbook file kept in memory by the standalone page; saved on request. */
export type FilePort = WorkbookPort & { toBuffer(): Promise<Uint8Array> };

/** What the pane needs from its host: Excel (Office.js) or the standalone page on a chosen file. */
export interface HostSeam {
  /** 'excel' inside Excel (Office.js), 'standalone' as a page on an uploaded file. */
  mode: 'excel' | 'standalone';
  /** Inside Excel: the workbook that is open. */
  openWorkbook?: () => Promise<Pick<WorkbookPort, 'readTables'>>;
  /** Standalone: a chosen file, kept in memory; saved on request. */
  openFile?: (data: ArrayBuffer) => Promise<FilePort>;
  /** Inside Excel: write a batch (rows, Protokoll) into this workbook. */
  writeBatch?: (batch: WriteBatch) => Promise<void>;
  /** Inside Excel: write the report sheets (Prüfung, Übersicht HFW, Berechnung) into this workbook. */
  writeReport?: () => Promise<void>;
  /** Inside Excel: select a finding's cell. */
  selectCell?: (sheet: string, cell: string) => Promise<void>;
  /** The host's display language, e.g. "de-DE" (Office.context.displayLanguage); the pane follows it. */
  displayLanguage?: string;
  /** The host's theme: Office's theme inside Excel, the system's colour scheme on the standalone page. */
  theme?: 'light' | 'dark';
}

/** Dark when the background colour is dark (Office themes: "Schwarz", "Dunkelgrau"). */
export function isDarkColour(hex: string | undefined): boolean {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex ?? '');
  if (!m) return false;
  const [r, g, b] = m.slice(1).map((x) => parseInt(x, 16));
  // relative luminance (ITU-R BT.709 weights) below the middle grey
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128;
}
