import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import type { HostSeam } from './host/seam';
import { isInsideOffice, loadOfficeJs, pageSignals } from './host/office-presence';

function standalone(): HostSeam {
  return {
    mode: 'standalone',
    // ExcelJS is loaded only when a file is opened: the first screen does not need it.
    openFile: async (data) =>
      (await import(/* webpackChunkName: "xlsx" */ '../xlsx/xlsx-workbook')).XlsxWorkbook.open(data),
    theme: window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light',
  };
}

/**
 * One page, two hosts. Outside Office the page never loads office.js (nothing to talk to, and it would
 * try to reach Microsoft's telemetry). Inside Office it loads the add-in's own copy, then the ribbon
 * commands and custom functions (shared runtime), then the Excel seam.
 */
async function detectHost(): Promise<HostSeam> {
  if (!isInsideOffice(pageSignals())) return standalone();
  await loadOfficeJs();
  const info = await Promise.race([
    Office.onReady(),
    new Promise<null>((r) => setTimeout(() => r(null), 10_000)),
  ]);
  if (!info || info.host !== Office.HostType.Excel) return standalone();
  const [{ registerCommands }, , { excelHostSeam }] = await Promise.all([
    import(/* webpackChunkName: "excel" */ '../commands/commands'),
    // Custom functions register themselves (CustomFunctions.associate) when the module loads.
    import(/* webpackChunkName: "functions-runtime" */ '../functions/functions'),
    import(/* webpackChunkName: "excel" */ '../excel/host'),
  ]);
  registerCommands();
  return excelHostSeam();
}

void detectHost().then((seam) => {
  const root = createRoot(document.getElementById('root')!);
  root.render(<App {...seam} />);
});
