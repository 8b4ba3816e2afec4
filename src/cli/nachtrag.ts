import * as path from 'path';
import { inputChecksum } from '../domain/checksum';
import { nachtrag } from '../domain/nachtrag';
import { buildNachtragSheet } from '../workbook/nachtrag-sheet';
import { readWorkbookModel } from '../workbook/read';
import { WorkbookUnusableError, type WriteBatch } from '../workbook/port';
import { defaultReportPath, openWorkbook, saveWorkbook } from './files';
import { PdfUnavailableError, writePdf } from './pdf';
import { t, type Lang } from './text';

/**
 * `stellenplan nachtrag FILE.xlsx --gegen BESCHLOSSEN.xlsx [-o OUT.xlsx] [--pdf]`: the current plan
 * against the adopted one as the sheet "Nachtragsstellenplan", written into a copy of FILE (never into
 * FILE itself). Inputs are plain values so that any argument parser can call it.
 */
export interface NachtragArgs {
  file: string;
  /** The adopted Stellenplan (the workbook as the council passed it). */
  gegen?: string;
  out?: string;
  pdf?: boolean;
  /** ISO date printed as Stand. */
  stand: string;
  lang: Lang;
}

export interface NachtragIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Exit codes as every command: 0 written, 2 the files or the command line cannot be used. */
export async function runNachtrag(a: NachtragArgs, io: NachtragIo): Promise<number> {
  const { lang } = a;
  if (!a.gegen) {
    io.err(
      t(
        lang,
        'Bitte den beschlossenen Stellenplan angeben: stellenplan nachtrag DATEI.xlsx --gegen BESCHLOSSEN.xlsx\n',
        'Please name the adopted plan: stellenplan nachtrag FILE.xlsx --gegen ADOPTED.xlsx\n',
      ),
    );
    return 2;
  }
  const out = a.out ?? defaultReportPath(a.file, 'nachtrag');
  if ([a.file, a.gegen].some((f) => path.resolve(f) === path.resolve(out))) {
    io.err(
      t(
        lang,
        'Die Eingabedateien werden nicht überschrieben: bitte eine andere Ausgabedatei wählen (-o).\n',
        'The input files are not overwritten: choose another output file (-o).\n',
      ),
    );
    return 2;
  }
  try {
    const workbook = await openWorkbook(a.file);
    const current = await readWorkbookModel(workbook);
    const adopted = await readWorkbookModel(await openWorkbook(a.gegen));
    const year = current.model.parameter.erstesPlanjahr;
    const sheet = buildNachtragSheet(nachtrag(current.model, adopted.model, year), {
      stand: a.stand,
      checksum: inputChecksum(current.model),
      checksumBisher: inputChecksum(adopted.model),
      gegen: path.basename(a.gegen),
    });
    const batch: WriteBatch = { sheets: [sheet] };
    await workbook.write(batch);
    await saveWorkbook(workbook, out);
    io.out(
      t(lang, `Nachtragsstellenplan geschrieben: ${out}\n`, `Supplementary staff plan written: ${out}\n`),
    );
    if (a.pdf) {
      const pdf = out.replace(/\.xlsx?$/i, '') + '.pdf';
      await writePdf(batch, pdf);
      io.out(t(lang, `PDF geschrieben: ${pdf}\n`, `PDF written: ${pdf}\n`));
    }
    return 0;
  } catch (e) {
    if (e instanceof WorkbookUnusableError) {
      io.err(`${lang === 'en' ? e.messageEn : e.message}\n`);
      return 2;
    }
    if (e instanceof PdfUnavailableError) {
      io.err(`${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
