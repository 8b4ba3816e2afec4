import { findSoffice } from '../../../src/cli/soffice';

/** Where `report --pdf` looks for LibreOffice: the variable, then the install folders, then the PATH. */
const only =
  (...files: string[]) =>
  (f: string) =>
    files.includes(f);

test('Windows: LibreOffice under Program Files, also the 32-bit folder (not on the PATH there)', () => {
  const env = { ProgramFiles: 'C:\\Program Files', 'ProgramFiles(x86)': 'C:\\Program Files (x86)' };
  expect(findSoffice('win32', env, only('C:\\Program Files\\LibreOffice\\program\\soffice.exe'))).toEqual({
    program: 'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  });
  expect(
    findSoffice('win32', env, only('C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe')),
  ).toEqual({ program: 'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe' });
  // a machine whose ProgramFiles is on another drive
  expect(
    findSoffice(
      'win32',
      { ProgramFiles: 'D:\\Programme' },
      only('D:\\Programme\\LibreOffice\\program\\soffice.exe'),
    ),
  ).toEqual({ program: 'D:\\Programme\\LibreOffice\\program\\soffice.exe' });
  // nothing installed: the PATH is the last resort (and the "needs LibreOffice" message follows)
  expect(findSoffice('win32', env, only())).toEqual({ program: 'soffice' });
});

test('STELLENPLAN_SOFFICE wins; naming a missing file is reported, not silently replaced', () => {
  const env = { STELLENPLAN_SOFFICE: '/opt/lo/program/soffice', ProgramFiles: 'C:\\Program Files' };
  expect(findSoffice('linux', env, only('/opt/lo/program/soffice'))).toEqual({
    program: '/opt/lo/program/soffice',
  });
  expect(findSoffice('win32', env, only('C:\\Program Files\\LibreOffice\\program\\soffice.exe'))).toEqual({
    badVariable: '/opt/lo/program/soffice',
  });
});

test('Linux: soffice from the PATH; macOS: the app bundle', () => {
  expect(findSoffice('linux', {}, only())).toEqual({ program: 'soffice' });
  const mac = '/Applications/LibreOffice.app/Contents/MacOS/soffice';
  expect(findSoffice('darwin', {}, only(mac))).toEqual({ program: mac });
});
