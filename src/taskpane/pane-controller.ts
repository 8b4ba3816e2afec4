import { OUTCOME_EVENT, TAB_EVENT, type CommandOutcome } from '../commands/events';
import { planAdoption, planUndo, UndoConflictError, type UndoConflict } from '../workbook/adopt';
import { analyseWorkbook, type Analysis } from '../workbook/analysis';
import { summariseBatch, type BatchSummary } from '../workbook/batch-summary';
import { WorkbookUnusableError, type WorkbookPort, type WriteBatch } from '../workbook/port';
import { withProtokoll } from '../workbook/protokoll';
import { buildReport } from '../workbook/report';
import { deckungAppend, massnahmeAppend } from '../workbook/rows';
import type { FilePort, HostSeam } from './host/seam';
import { langOf, tr, type Lang, type TextKey } from './i18n';
import type { Nachtrag } from '../domain/nachtrag';
import { compareWithAdopted, nachtragBatch, readAdoptedPlan, type AdoptedPlan } from './nachtrag-use-case';
import type { Proposal } from './wizard/proposal';

export type PaneTab = 'measures' | 'findings' | 'wizard' | 'compare';

export interface Notice {
  intent: 'success' | 'warning' | 'error';
  text: string;
}

/** A write waiting for the user's yes: what it is, and every cell it changes. */
export interface PendingWrite {
  title: string;
  /** The label of the button that says yes. */
  confirm: string;
  summary: BatchSummary;
  /** Sheets the write (re)creates as a whole, e.g. "Nachtragsstellenplan". */
  sheets?: string[];
  run: () => Promise<void>;
}

export interface PaneState {
  lang: Lang;
  tab: PaneTab;
  /** Shown while an async action runs (Spinner). */
  busy?: string;
  notice?: Notice;
  analysis?: Analysis;
  /** Counts finished analyses (tests wait for the next one). */
  runs: number;
  file?: string;
  /** Standalone: the file in memory has unsaved changes. */
  dirty: boolean;
  pending?: PendingWrite;
  /** The adopted Stellenplan chosen for the Nachtrag, and the open plan compared with it. */
  adopted?: AdoptedPlan;
  nachtrag?: Nachtrag;
  /** Undo refused: the cells edited since the adoption (sheet, cell, adopted value, value now). */
  undoConflicts?: { action: string; cells: UndoConflict[] };
}

const stamp = () => new Date().toLocaleString('de-DE');
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The pane's use cases (open, check, write, adopt, undo, save) and their state, outside React: App only
 * renders the state. Every async action shows a Spinner text while it runs and ends in a notice.
 */
export class PaneController {
  private state: PaneState;
  private listeners = new Set<() => void>();
  private filePort?: FilePort;

  constructor(private readonly host: HostSeam) {
    this.state = { lang: langOf(host.displayLanguage), tab: 'measures', runs: 0, dirty: false };
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): PaneState => this.state;

  private patch(p: Partial<PaneState> | ((s: PaneState) => Partial<PaneState>)): void {
    this.state = { ...this.state, ...(typeof p === 'function' ? p(this.state) : p) };
    for (const l of this.listeners) l();
  }

  private t(key: TextKey): string {
    return tr(this.state.lang, key);
  }

  private messageOf(e: unknown): string {
    if (e instanceof WorkbookUnusableError) return this.state.lang === 'en' ? e.messageEn : e.message;
    return e instanceof Error ? e.message : String(e);
  }

  /** Ribbon commands (same page, shared runtime): show a tab, or the outcome of a command. */
  listen(target: Window): () => void {
    const onTab = (e: Event) => {
      const tab = (e as CustomEvent<string>).detail;
      if (tab === 'wizard') this.patch({ tab: 'wizard' });
      if (tab === 'scenarios') this.patch({ tab: 'compare' });
    };
    const onOutcome = (e: Event) => {
      const o = (e as CustomEvent<CommandOutcome>).detail;
      this.patch({ notice: { intent: o.intent, text: this.state.lang === 'en' ? o.messageEn : o.message } });
      if (o.intent !== 'error' && this.host.openWorkbook) void this.reread(this.host.openWorkbook);
    };
    target.addEventListener(TAB_EVENT, onTab);
    target.addEventListener(OUTCOME_EVENT, onOutcome);
    return () => {
      target.removeEventListener(TAB_EVENT, onTab);
      target.removeEventListener(OUTCOME_EVENT, onOutcome);
    };
  }

  setTab = (tab: PaneTab): void => this.patch({ tab });
  setLang = (lang: Lang): void => this.patch({ lang });

  /** Reads and checks; a failure ends in an error notice. Resolves false when it failed. */
  private async reread(open: () => Promise<Pick<WorkbookPort, 'readTables'>>): Promise<boolean> {
    this.patch({ busy: this.t('reading') });
    try {
      const port = await open();
      this.patch({ busy: this.t('checking') });
      // Let the spinner paint before the engine runs.
      await new Promise((r) => setTimeout(r, 0));
      const analysis = await analyseWorkbook(port);
      // the Nachtrag follows the open plan (after an adoption it shows that measure's change)
      const adopted = this.state.adopted;
      const nachtrag = adopted ? compareWithAdopted(analysis.read, adopted) : undefined;
      // a refused undo's list belongs to the workbook as it was: a new reading answers afresh
      this.patch((s) => ({
        busy: undefined,
        analysis,
        nachtrag,
        undoConflicts: undefined,
        runs: s.runs + 1,
      }));
      return true;
    } catch (e) {
      const text =
        e instanceof WorkbookUnusableError
          ? this.messageOf(e)
          : `${this.t('unusable')}: ${this.messageOf(e)}`;
      this.patch({ busy: undefined, analysis: undefined, notice: { intent: 'error', text } });
      return false;
    }
  }

  openFile = (f: File): void => {
    const open = this.host.openFile;
    if (!open) return;
    this.patch({ notice: undefined, dirty: false, analysis: undefined, file: f.name });
    void this.reread(async () => {
      this.filePort = await open(await f.arrayBuffer());
      return this.filePort;
    });
  };

  check = (): void => {
    this.patch({ notice: undefined });
    if (this.host.openWorkbook) void this.reread(this.host.openWorkbook);
  };

  /** Writes into the open workbook (Excel or the file in memory), checks again, says what happened. */
  private async write(busy: string, make: () => WriteBatch | Promise<void>, done: string): Promise<void> {
    this.patch({ busy, notice: undefined });
    try {
      const batch = make();
      if (batch instanceof Promise) await batch;
      else if (this.host.mode === 'excel' && this.host.writeBatch) await this.host.writeBatch(batch);
      else if (this.filePort) {
        await this.filePort.write(batch);
        this.patch({ dirty: true });
      }
      const port = this.filePort;
      const open =
        this.host.mode === 'excel' ? this.host.openWorkbook : port && (() => Promise.resolve(port));
      const ok = open ? await this.reread(open) : true;
      if (ok) this.patch({ notice: { intent: 'success', text: done } });
    } catch (e) {
      this.patch({
        busy: undefined,
        notice: { intent: 'error', text: `${this.t('failed')}: ${this.messageOf(e)}` },
      });
    }
  }

  report = (): void => {
    const a = this.state.analysis;
    const writeReport = this.host.writeReport;
    if (this.host.mode === 'excel' && writeReport)
      void this.write(this.t('writing'), () => writeReport(), this.t('reportWritten'));
    else if (a)
      void this.write(
        this.t('writing'),
        () => buildReport(a.read, a.result, { stand: today(), lang: this.state.lang }),
        this.t('reportWritten'),
      );
  };

  addMeasure = async (p: Proposal): Promise<void> => {
    const batch = withProtokoll(
      { appends: [massnahmeAppend(p.massnahme), ...p.cover.map(deckungAppend)] },
      `${tr('de', 'newPosition')} ${p.massnahme.nr}`,
      stamp(),
    );
    await this.write(this.t('adding'), () => batch, `${p.massnahme.nr}: ${this.t('added')}`);
    this.patch({ tab: 'measures' });
  };

  /** Adoption and undo: plan the batch (a refusal shows as a message), then ask, listing every cell. */
  private confirmWrite(
    title: string,
    confirm: string,
    busy: string,
    make: () => WriteBatch,
    done: string,
  ): void {
    const a = this.state.analysis;
    if (!a) return;
    let batch: WriteBatch;
    try {
      batch = make();
    } catch (e) {
      this.patch({ notice: { intent: 'error', text: this.messageOf(e) } });
      return;
    }
    this.patch({
      pending: {
        title,
        confirm,
        summary: summariseBatch(a.read, batch),
        sheets: batch.sheets?.map((x) => x.name),
        run: () => this.write(busy, () => batch, done),
      },
    });
  }

  adopt = (nr: string): void => {
    const a = this.state.analysis;
    if (!a) return;
    this.confirmWrite(
      `${this.t('confirmAdopt')} (${nr})`,
      this.t('adopt'),
      this.t('adopting'),
      () => planAdoption(a.read, a.result, nr, { amount: 'berechnet', when: stamp() }),
      `${nr}: ${this.t('adopted')}`,
    );
  };

  /**
   * Undo asks first, listing every cell; when cells were edited since the adoption, undo is refused and the
   * pane lists them (as the CLI names them) with the choice to undo anyway (`--force`).
   */
  undo = (): void => this.startUndo(false);
  forceUndo = (): void => this.startUndo(true);
  dismissUndoConflicts = (): void => this.patch({ undoConflicts: undefined });

  private startUndo(force: boolean): void {
    const a = this.state.analysis;
    if (!a) return;
    if (!force)
      try {
        planUndo(a.read, stamp());
      } catch (e) {
        if (e instanceof UndoConflictError) {
          this.patch({ notice: undefined, undoConflicts: { action: e.action, cells: e.conflicts } });
          return;
        }
      }
    this.patch({ undoConflicts: undefined });
    this.confirmWrite(
      this.t('confirmUndo'),
      this.t(force ? 'forceUndo' : 'undo'),
      this.t('undoing'),
      () => planUndo(a.read, stamp(), { force }),
      this.t('undone'),
    );
  }

  /** Where the pane can write: Excel through the seam, the standalone page into the opened file. */
  get canWrite(): boolean {
    return this.host.mode === 'excel' ? this.host.writeBatch !== undefined : this.filePort !== undefined;
  }

  /** Reads the chosen adopted Stellenplan and compares the open plan with it. */
  chooseAdopted = async (f: File): Promise<void> => {
    const a = this.state.analysis;
    if (!a) return;
    this.patch({ busy: this.t('reading'), notice: undefined });
    try {
      const adopted = await readAdoptedPlan(f.name, await f.arrayBuffer());
      const current = this.state.analysis ?? a;
      this.patch({ busy: undefined, adopted, nachtrag: compareWithAdopted(current.read, adopted) });
    } catch (e) {
      const text =
        e instanceof WorkbookUnusableError
          ? this.messageOf(e)
          : `${this.t('unusable')}: ${this.messageOf(e)}`;
      this.patch({
        busy: undefined,
        adopted: undefined,
        nachtrag: undefined,
        notice: { intent: 'error', text },
      });
    }
  };

  /** The sheet "Nachtragsstellenplan" into the open workbook, after the user's yes. */
  writeNachtrag = (): void => {
    const { analysis: a, adopted } = this.state;
    if (!a || !adopted || !this.canWrite) return;
    this.confirmWrite(
      this.t('confirmNachtrag'),
      this.t('writeNachtrag'),
      this.t('writingNachtrag'),
      () => nachtragBatch(a.read, adopted, today()),
      this.t('nachtragWritten'),
    );
  };

  answer = (yes: boolean): void => {
    const p = this.state.pending;
    this.patch({ pending: undefined });
    if (yes && p) void p.run();
  };

  /** Standalone: the workbook in memory as a download. */
  save = async (): Promise<void> => {
    if (!this.filePort) return;
    try {
      const bytes = await this.filePort.toBuffer();
      const url = URL.createObjectURL(
        new Blob([bytes as BlobPart], {
          type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        }),
      );
      const link = document.createElement('a');
      link.href = url;
      link.download = this.state.file ?? 'stellenplan.xlsx';
      link.click();
      URL.revokeObjectURL(url);
      this.patch({ dirty: false });
    } catch (e) {
      this.patch({ notice: { intent: 'error', text: `${this.t('failed')}: ${this.messageOf(e)}` } });
    }
  };

  selectCell = (sheet: string, cell: string): void => {
    this.host
      .selectCell?.(sheet, cell)
      .catch((e: unknown) =>
        this.patch({ notice: { intent: 'error', text: `${this.t('failed')}: ${this.messageOf(e)}` } }),
      );
  };
}
