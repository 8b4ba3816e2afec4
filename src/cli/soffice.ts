import { existsSync } from 'fs';
import * as path from 'path';

/**
 * Where LibreOffice is: STELLENPLAN_SOFFICE first (a town's IT installs it anywhere), then the standard
 * install folders (Windows has no soffice on its PATH; macOS keeps it in the app bundle), then `soffice` on
 * the PATH (Linux packages).
 */
export interface SofficeLookup {
  /** The program to run, or undefined when STELLENPLAN_SOFFICE names a file that does not exist. */
  program?: string;
  /** Set when STELLENPLAN_SOFFICE was given but is not a file. */
  badVariable?: string;
}

export function sofficeCandidates(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): string[] {
  if (platform === 'win32') {
    const roots = [env.ProgramFiles, env['ProgramFiles(x86)'], env.ProgramW6432, 'C:\\Program Files'];
    return [...new Set(roots.filter((r): r is string => !!r))].map((r) =>
      path.win32.join(r, 'LibreOffice', 'program', 'soffice.exe'),
    );
  }
  if (platform === 'darwin') return ['/Applications/LibreOffice.app/Contents/MacOS/soffice'];
  return [];
}

export function findSoffice(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
  exists: (file: string) => boolean = existsSync,
): SofficeLookup {
  const configured = env.STELLENPLAN_SOFFICE?.trim();
  if (configured) return exists(configured) ? { program: configured } : { badVariable: configured };
  const found = sofficeCandidates(platform, env).find(exists);
  return { program: found ?? 'soffice' };
}
