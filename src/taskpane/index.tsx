import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { registerCommands } from '../commands/commands';
import { App, type HostSeam } from './components/App';

/**
 * One page, two hosts: inside Excel `Office.onReady` reports host Excel; outside Office it resolves with
 * host null (or `Office` is missing entirely) and the pane runs standalone on a chosen file.
 */
async function detectHost(): Promise<HostSeam> {
  // ExcelJS is loaded only when a file is opened: the first screen does not need it.
  const standalone: HostSeam = {
    mode: 'standalone',
    openFile: async (data) =>
      (await import(/* webpackChunkName: "xlsx" */ '../xlsx/xlsx-workbook')).XlsxWorkbook.open(data),
  };
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') return standalone;
  const info = await Promise.race([
    Office.onReady(),
    new Promise<null>((r) => setTimeout(() => r(null), 3000)),
  ]);
  if (!info || info.host !== Office.HostType.Excel) return standalone;
  const { excelHostSeam } = await import(/* webpackChunkName: "excel" */ '../excel/host');
  return excelHostSeam();
}

// Shared runtime: the ribbon commands live in the task pane's page.
registerCommands();

void detectHost().then((seam) => {
  const root = createRoot(document.getElementById('root')!);
  root.render(<App {...seam} />);
});
