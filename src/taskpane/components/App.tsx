import * as React from 'react';
import {
  Button,
  FluentProvider,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Select,
  Tab,
  TabList,
  Text,
  Title3,
  webLightTheme,
} from '@fluentui/react-components';
import { WorkbookUnusableError, type WorkbookPort, type WriteBatch } from '../../workbook/port';
import { planAdoption, planUndo } from '../../workbook/adopt';
import { buildReport } from '../../workbook/report';
import { withProtokoll } from '../../workbook/protokoll';
import { deckungAppend, massnahmeAppend } from '../../workbook/rows';
import { analyse, type Analysis } from '../analysis';
import { tr, type Lang } from '../i18n';
import { Dashboard } from './Dashboard';
import { FindingsList } from './FindingsList';
import { Budget } from './Budget';
import { Scenarios } from './Scenarios';
import { Wizard, type Proposal } from './Wizard';
import { TAB_EVENT } from '../../commands/commands';

export interface HostSeam {
  /** 'excel' inside Excel (Office.js), 'standalone' as a page on an uploaded file. */
  mode: 'excel' | 'standalone';
  /** Inside Excel: the workbook that is open. */
  openWorkbook?: () => Promise<Pick<WorkbookPort, 'readTables'>>;
  /** Standalone: a chosen file, kept in memory; saved on request. */
  openFile?: (data: ArrayBuffer) => Promise<WorkbookPort & { toBuffer(): Promise<Uint8Array> }>;
  /** Inside Excel: write a batch (rows, Protokoll) into this workbook. */
  writeBatch?: (batch: WriteBatch) => Promise<void>;
  /** Inside Excel: write the report sheets (Prüfung, Übersicht HFW, Berechnung) into this workbook. */
  writeReport?: () => Promise<void>;
  /** Inside Excel: select a finding's cell. */
  selectCell?: (sheet: string, cell: string) => Promise<void>;
}

type State =
  | { kind: 'idle' }
  | { kind: 'busy'; text: string }
  | { kind: 'done'; analysis: Analysis; file?: string }
  | { kind: 'failed'; message: string };

export function App(props: HostSeam): React.JSX.Element {
  const [lang, setLang] = React.useState<Lang>('de');
  const [state, setState] = React.useState<State>({ kind: 'idle' });
  const [scenario, setScenario] = React.useState('Basis');
  const [tab, setTab] = React.useState<'measures' | 'findings' | 'wizard' | 'scenarios' | 'budget'>(
    'measures',
  );
  const [notice, setNotice] = React.useState<string>();
  /** Standalone: the file in memory has changes that are not saved yet. */
  const [dirty, setDirty] = React.useState(false);
  const fileInput = React.useRef<HTMLInputElement>(null);
  // Ribbon buttons "Neue Stelle" and "Szenarien" open the pane on their tab (shared runtime event).
  React.useEffect(() => {
    const onTab = (e: Event) => {
      const tab = (e as CustomEvent<string>).detail;
      if (tab === 'wizard' || tab === 'scenarios') setTab(tab);
    };
    window.addEventListener(TAB_EVENT, onTab);
    return () => window.removeEventListener(TAB_EVENT, onTab);
  }, []);
  const filePort = React.useRef<(WorkbookPort & { toBuffer(): Promise<Uint8Array> }) | undefined>(undefined);

  const run = async (open: () => Promise<Pick<WorkbookPort, 'readTables'>>, file?: string) => {
    try {
      setState({ kind: 'busy', text: tr(lang, 'reading') });
      const port = await open();
      setState({ kind: 'busy', text: tr(lang, 'checking') });
      // Let the progress bar paint before the engine runs.
      await new Promise((r) => setTimeout(r, 0));
      const analysis = await analyse(port);
      setScenario(analysis.result.scenarios[0]?.name ?? 'Basis');
      setState({ kind: 'done', analysis, file });
    } catch (e) {
      const message =
        e instanceof WorkbookUnusableError
          ? lang === 'en'
            ? e.messageEn
            : e.message
          : `${tr(lang, 'unusable')}: ${(e as Error).message}`;
      setState({ kind: 'failed', message });
    }
  };

  const onFile = (e: React.ChangeEvent<HTMLInputElement>) => {
    const f = e.target.files?.[0];
    if (!f || !props.openFile) return;
    const openFile = props.openFile;
    setNotice(undefined);
    setDirty(false);
    void run(async () => {
      const port = await openFile(await f.arrayBuffer());
      filePort.current = port;
      return port;
    }, f.name);
  };

  /** The wizard's result goes into Maßnahmen and Deckung, every row logged in Protokoll. */
  /** Writes a batch into the open workbook (Excel or the file in memory) and checks again. */
  const apply = async (batch: WriteBatch, done: string) => {
    if (props.mode === 'excel' && props.writeBatch && props.openWorkbook) {
      await props.writeBatch(batch);
      await run(props.openWorkbook);
    } else if (filePort.current) {
      const port = filePort.current;
      await port.write(batch);
      setDirty(true);
      await run(() => Promise.resolve(port), state.kind === 'done' ? state.file : undefined);
    }
    setNotice(done);
  };

  const stamp = () => new Date().toLocaleString('de-DE');

  const addMeasure = async (p: Proposal) => {
    const batch = withProtokoll(
      { appends: [massnahmeAppend(p.massnahme), ...p.cover.map(deckungAppend)] },
      `${tr(lang, 'newPosition')} ${p.massnahme.nr}`,
      stamp(),
    );
    await apply(batch, `${p.massnahme.nr}: ${tr(lang, 'added')}`);
    setTab('measures');
  };

  /** Adoption and undo use the same plan as `stellenplan adopt` / `undo`; refusals show as a message. */
  const guarded = async (make: () => WriteBatch, done: string) => {
    try {
      await apply(make(), done);
    } catch (e) {
      setNotice(undefined);
      setState({
        kind: 'failed',
        message:
          e instanceof WorkbookUnusableError
            ? lang === 'en'
              ? e.messageEn
              : e.message
            : (e as Error).message,
      });
    }
  };
  const adoptMeasure = (nr: string) =>
    analysis &&
    void guarded(
      () => planAdoption(analysis.read, analysis.result, nr, { amount: 'berechnet', when: stamp() }),
      `${nr}: ${tr(lang, 'adopted')}`,
    );
  const undoLast = () => analysis && void guarded(() => planUndo(analysis.read, stamp()), tr(lang, 'undone'));

  const save = async () => {
    if (!filePort.current) return;
    const bytes = await filePort.current.toBuffer();
    const url = URL.createObjectURL(
      new Blob([bytes as BlobPart], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = state.kind === 'done' && state.file ? state.file : 'stellenplan.xlsx';
    a.click();
    URL.revokeObjectURL(url);
  };

  const analysis = state.kind === 'done' ? state.analysis : undefined;
  const current =
    analysis?.result.scenarios.find((s) => s.name === scenario) ?? analysis?.result.scenarios[0];
  const count = (s: 'error' | 'warning' | 'info') =>
    analysis?.findings.filter((f) => f.severity === s).length ?? 0;

  return (
    <FluentProvider theme={webLightTheme} lang={lang}>
      <main style={{ padding: 12, display: 'flex', flexDirection: 'column', gap: 10 }}>
        <header style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'center' }}>
          <Title3 as="h1">{tr(lang, 'title')}</Title3>
          <Button size="small" appearance="subtle" onClick={() => setLang(lang === 'de' ? 'en' : 'de')}>
            {tr(lang, 'language')}
          </Button>
        </header>
        <Text>{tr(lang, props.mode === 'excel' ? 'excelHint' : 'standaloneHint')}</Text>
        <div style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
          {props.mode === 'standalone' ? (
            <>
              <input
                ref={fileInput}
                type="file"
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={onFile}
                style={{ display: 'none' }}
                aria-label={tr(lang, 'open')}
                data-testid="file-input"
              />
              <Button appearance="primary" onClick={() => fileInput.current?.click()}>
                {tr(lang, 'open')}
              </Button>
              {state.kind === 'done' && state.file && <Text size={200}>{state.file}</Text>}
              {state.kind === 'done' && (
                <Button
                  onClick={() =>
                    void guarded(
                      () =>
                        buildReport(state.analysis.read, state.analysis.result, {
                          stand: new Date().toISOString().slice(0, 10),
                          lang,
                        }),
                      tr(lang, 'reportWritten'),
                    )
                  }
                >
                  {tr(lang, 'report')}
                </Button>
              )}
              {dirty && <Button onClick={() => void save()}>{tr(lang, 'save')}</Button>}
            </>
          ) : (
            <>
              <Button appearance="primary" onClick={() => props.openWorkbook && void run(props.openWorkbook)}>
                {tr(lang, 'check')}
              </Button>
              {props.writeReport && (
                <Button
                  onClick={() => {
                    const write = props.writeReport!;
                    setState({ kind: 'busy', text: tr(lang, 'writing') });
                    write()
                      .then(() => props.openWorkbook && run(props.openWorkbook))
                      .catch((e: Error) =>
                        setState({ kind: 'failed', message: `${tr(lang, 'writeFailed')}: ${e.message}` }),
                      );
                  }}
                >
                  {tr(lang, 'report')}
                </Button>
              )}
            </>
          )}
        </div>
        {state.kind === 'busy' && <ProgressBar aria-label={state.text} />}
        {state.kind === 'busy' && <Text role="status">{state.text}</Text>}
        {state.kind === 'failed' && (
          <MessageBar intent="error" role="alert">
            <MessageBarBody>{state.message}</MessageBarBody>
          </MessageBar>
        )}
        {notice && (
          <MessageBar intent="success">
            <MessageBarBody data-testid="notice">{notice}</MessageBarBody>
          </MessageBar>
        )}
        {analysis && current && (
          <>
            <MessageBar intent={count('error') > 0 ? 'error' : count('warning') > 0 ? 'warning' : 'success'}>
              <MessageBarBody data-testid="summary">
                {count('error')} {tr(lang, 'errors')}, {count('warning')} {tr(lang, 'warnings')},{' '}
                {count('info')} {tr(lang, 'infos')}
              </MessageBarBody>
            </MessageBar>
            <label style={{ display: 'flex', gap: 8, alignItems: 'center' }}>
              <Text>{tr(lang, 'scenario')}</Text>
              <Select value={current.name} onChange={(_, d) => setScenario(d.value)}>
                {analysis.result.scenarios.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name}
                  </option>
                ))}
              </Select>
            </label>
            <TabList selectedValue={tab} onTabSelect={(_, d) => setTab(d.value as typeof tab)}>
              <Tab value="measures">{tr(lang, 'measures')}</Tab>
              <Tab value="findings">
                {tr(lang, 'findings')} ({analysis.findings.length})
              </Tab>
              <Tab value="wizard">{tr(lang, 'newPosition')}</Tab>
              <Tab value="scenarios">{tr(lang, 'comparison')}</Tab>
              <Tab value="budget">{tr(lang, 'budget')}</Tab>
            </TabList>
            {tab === 'measures' ? (
              <>
                <Dashboard
                  scenario={current}
                  years={analysis.result.years}
                  lang={lang}
                  onAdopt={adoptMeasure}
                />
                {analysis.read.tables.get('Protokoll') && (
                  <Button appearance="subtle" onClick={undoLast}>
                    {tr(lang, 'undo')}
                  </Button>
                )}
              </>
            ) : tab === 'budget' ? (
              <Budget result={analysis.result} lang={lang} />
            ) : tab === 'scenarios' ? (
              <Scenarios result={analysis.result} lang={lang} />
            ) : tab === 'wizard' ? (
              <Wizard result={analysis.result} lang={lang} onSubmit={addMeasure} />
            ) : (
              <FindingsList
                findings={analysis.findings}
                lang={lang}
                onSelect={
                  props.selectCell ? (sheet, cell) => void props.selectCell?.(sheet, cell) : undefined
                }
              />
            )}
          </>
        )}
      </main>
    </FluentProvider>
  );
}
