import { inputChecksum } from '../domain/checksum';
import { nachtrag, type Nachtrag } from '../domain/nachtrag';
import { buildNachtragSheet } from '../workbook/nachtrag-sheet';
import type { WriteBatch } from '../workbook/port';
import { readWorkbookModel, type ReadResult } from '../workbook/read';

/**
 * The Nachtragsstellenplan in the pane: the adopted (beschlossene) Stellenplan is read in the browser with
 * the reader the standalone page uses for the opened file, then compared with the open workbook as the
 * `nachtrag` command does. Nothing of the adopted file is kept but its model and name.
 */
export interface AdoptedPlan {
  file: string;
  read: ReadResult;
}

/** Reads a chosen .xlsx; ExcelJS is loaded only now (the first screen does not need it). */
export async function readAdoptedPlan(file: string, data: ArrayBuffer): Promise<AdoptedPlan> {
  const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx" */ '../xlsx/xlsx-workbook');
  return { file, read: await readWorkbookModel(await XlsxWorkbook.open(data)) };
}

/** The open plan's first plan year against the adopted plan (the year the CLI compares too). */
export function compareWithAdopted(current: ReadResult, adopted: AdoptedPlan): Nachtrag {
  return nachtrag(current.model, adopted.read.model, current.model.parameter.erstesPlanjahr);
}

/** The sheet "Nachtragsstellenplan" as a write batch, stamped like the command line's. */
export function nachtragBatch(current: ReadResult, adopted: AdoptedPlan, stand: string): WriteBatch {
  const sheet = buildNachtragSheet(compareWithAdopted(current, adopted), {
    stand,
    checksum: inputChecksum(current.model),
    checksumBisher: inputChecksum(adopted.read.model),
    gegen: adopted.file,
  });
  return { sheets: [sheet] };
}
