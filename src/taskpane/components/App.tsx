import * as React from 'react';
import {
  Button,
  FluentProvider,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Select,
  Spinner,
  Tab,
  TabList,
  Text,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import { findingCounts } from '../../workbook/analysis';
import type { HostSeam } from '../host/seam';
import { tr } from '../i18n';
import type { PaneTab } from '../pane-controller';
import { usePane } from '../use-pane';
import { Compare } from './Compare';
import { ConfirmDialog } from './ConfirmDialog';
import { NachtragSection } from './NachtragSection';
import { FindingsList } from './FindingsList';
import { Measures } from './Measures';
import { YearSwitcher } from './pieces';
import { UndoConflicts } from './UndoConflicts';
import { Wizard } from './Wizard';

const useStyles = makeStyles({
  provider: { minHeight: '100vh', backgroundColor: tokens.colorNeutralBackground2 },
  // native parts (date picker icon, scrollbars) follow the theme too
  light: { colorScheme: 'light' },
  dark: { colorScheme: 'dark' },
  main: {
    boxSizing: 'border-box',
    width: '100%',
    maxWidth: '720px',
    padding: tokens.spacingHorizontalM,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
  },
  // Office draws its own buttons in the pane's top-right corner: the title leaves room for them.
  header: { paddingRight: '48px', minHeight: '28px', display: 'flex', alignItems: 'center' },
  title: { margin: 0, fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400 },
  toolbar: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  file: { overflowWrap: 'anywhere' },
  scenario: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, minWidth: 0 },
  select: { flexGrow: 1, minWidth: 0 },
  // four short tabs fit 320–350 px on one line; a narrower pane wraps them instead of hiding one
  tabs: { flexWrap: 'wrap', columnGap: 0 },
  tab: { paddingInline: tokens.spacingHorizontalS },
  tabText: { fontSize: tokens.fontSizeBase200 },
  busy: { justifyContent: 'flex-start' },
});

/** The task pane: renders the pane's state; every use case lives in usePane. */
export function App(props: HostSeam): React.JSX.Element {
  const { pane, state } = usePane(props);
  const { lang, analysis } = state;
  const styles = useStyles();
  const fileInput = React.useRef<HTMLInputElement>(null);
  const [scenario, setScenario] = React.useState<string>();
  const [year, setYear] = React.useState<number>();
  const current =
    analysis?.result.scenarios.find((s) => s.name === scenario) ?? analysis?.result.scenarios[0];
  const years = analysis?.result.years ?? [];
  const shownYear = year !== undefined && years.includes(year) ? year : years[0];
  const counts = findingCounts(analysis?.findings ?? []);
  const busy = state.busy !== undefined;

  return (
    <FluentProvider
      theme={props.theme === 'dark' ? webDarkTheme : webLightTheme}
      lang={lang}
      className={mergeClasses(styles.provider, props.theme === 'dark' ? styles.dark : styles.light)}
      data-theme={props.theme ?? 'light'}
    >
      <main className={styles.main} data-runs={state.runs}>
        <header className={styles.header}>
          <h1 className={styles.title}>{tr(lang, 'title')}</h1>
        </header>
        <Text size={200}>{tr(lang, props.mode === 'excel' ? 'excelHint' : 'standaloneHint')}</Text>
        <div className={styles.toolbar}>
          {props.mode === 'standalone' ? (
            <>
              <input
                ref={fileInput}
                type="file"
                hidden
                accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                onChange={(e) => {
                  const f = e.target.files?.[0];
                  if (f) pane.openFile(f);
                  e.target.value = '';
                }}
                aria-label={tr(lang, 'open')}
                data-testid="file-input"
              />
              <Button appearance="primary" disabled={busy} onClick={() => fileInput.current?.click()}>
                {tr(lang, 'open')}
              </Button>
            </>
          ) : (
            <Button appearance="primary" disabled={busy} onClick={pane.check}>
              {tr(lang, 'check')}
            </Button>
          )}
          {analysis && (
            <Button disabled={busy} onClick={pane.report}>
              {tr(lang, 'report')}
            </Button>
          )}
          {state.dirty && (
            <Button disabled={busy} onClick={() => void pane.save()}>
              {tr(lang, 'save')}
            </Button>
          )}
          <Button size="small" appearance="subtle" onClick={() => pane.setLang(lang === 'de' ? 'en' : 'de')}>
            {tr(lang, 'language')}
          </Button>
        </div>
        {state.file && (
          <Text size={200} className={styles.file}>
            {tr(lang, 'file')}: {state.file}
          </Text>
        )}
        {state.busy && (
          <Spinner
            size="tiny"
            labelPosition="after"
            label={state.busy}
            role="status"
            className={styles.busy}
          />
        )}
        {state.notice && (
          <MessageBar
            intent={state.notice.intent}
            role={state.notice.intent === 'error' ? 'alert' : 'status'}
          >
            <MessageBarBody data-testid="notice">{state.notice.text}</MessageBarBody>
          </MessageBar>
        )}
        {analysis && current && shownYear !== undefined && (
          <>
            <MessageBar intent={counts.error > 0 ? 'error' : counts.warning > 0 ? 'warning' : 'success'}>
              <MessageBarBody data-testid="summary" data-run={state.runs} data-file={state.file}>
                {counts.error} {tr(lang, 'errors')}, {counts.warning} {tr(lang, 'warnings')}, {counts.info}{' '}
                {tr(lang, 'infos')}
              </MessageBarBody>
            </MessageBar>
            <label className={styles.scenario}>
              <Text size={200}>{tr(lang, 'scenario')}</Text>
              <Select
                className={styles.select}
                size="small"
                value={current.name}
                onChange={(_, d) => setScenario(d.value)}
              >
                {analysis.result.scenarios.map((s) => (
                  <option key={s.name} value={s.name}>
                    {s.name}
                  </option>
                ))}
              </Select>
            </label>
            <TabList
              className={styles.tabs}
              size="small"
              selectedValue={state.tab}
              onTabSelect={(_, d) => pane.setTab(d.value as PaneTab)}
            >
              <Tab value="measures" className={styles.tab} content={{ className: styles.tabText }}>
                {tr(lang, 'measures')}
              </Tab>
              <Tab value="findings" className={styles.tab} content={{ className: styles.tabText }}>
                {tr(lang, 'findings')} ({analysis.findings.length})
              </Tab>
              <Tab value="wizard" className={styles.tab} content={{ className: styles.tabText }}>
                {tr(lang, 'newShort')}
              </Tab>
              <Tab value="compare" className={styles.tab} content={{ className: styles.tabText }}>
                {tr(lang, 'compare')}
              </Tab>
            </TabList>
            {(state.tab === 'measures' || state.tab === 'compare') && (
              <YearSwitcher years={years} year={shownYear} onYear={setYear} lang={lang} />
            )}
            {state.tab === 'measures' ? (
              <>
                <Measures scenario={current} year={shownYear} lang={lang} onAdopt={pane.adopt} />
                {analysis.read.tables.get('Protokoll') && (
                  <Button appearance="subtle" disabled={busy} onClick={pane.undo}>
                    {tr(lang, 'undo')}
                  </Button>
                )}
                {state.undoConflicts && (
                  <UndoConflicts
                    action={state.undoConflicts.action}
                    cells={state.undoConflicts.cells}
                    lang={lang}
                    busy={busy}
                    onSelect={props.selectCell ? pane.selectCell : undefined}
                    onForce={pane.forceUndo}
                    onDismiss={pane.dismissUndoConflicts}
                  />
                )}
              </>
            ) : state.tab === 'compare' ? (
              <>
                <Compare result={analysis.result} year={shownYear} lang={lang} />
                <NachtragSection
                  nachtrag={state.nachtrag}
                  against={state.adopted?.file}
                  lang={lang}
                  busy={busy}
                  onChoose={(f) => void pane.chooseAdopted(f)}
                  onWrite={pane.canWrite ? pane.writeNachtrag : undefined}
                />
              </>
            ) : state.tab === 'wizard' ? (
              <Wizard
                result={analysis.result}
                year={shownYear}
                onYear={setYear}
                lang={lang}
                busy={busy}
                onSubmit={pane.addMeasure}
              />
            ) : (
              <FindingsList
                findings={analysis.findings}
                lang={lang}
                onSelect={props.selectCell ? pane.selectCell : undefined}
              />
            )}
          </>
        )}
        <ConfirmDialog pending={state.pending} lang={lang} onAnswer={pane.answer} />
      </main>
    </FluentProvider>
  );
}
