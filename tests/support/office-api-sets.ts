import * as fs from 'fs';
import * as path from 'path';
import ts from 'typescript';

/** One use of an Office.js member and the requirement set its declaration names. */
export interface ApiUse {
  /** e.g. "Excel.Worksheet.pageLayout" */
  member: string;
  /** e.g. "ExcelApi" */
  set: string;
  /** e.g. "1.9" */
  version: string;
  /** file:line of the use */
  at: string;
}

/** "[Api set: ExcelApi 1.9]" or "{@link https://…/requirement-sets/… | SharedRuntime 1.1}" in the typings. */
const API_SET =
  /\[\s*Api set:\s*([A-Za-z]+)\s+([\d.]+|BETA)[^\]]*\]|\{@link [^|}]*requirement-sets[^|}]*\|\s*([A-Za-z]+)\s+([\d.]+)\s*\}/gi;

/**
 * Sets of other Office applications named next to Excel's in shared typings (Office.AddinCommands.Event
 * names Mailbox 1.3 "for Outlook"): they say nothing about Excel.
 */
const OTHER_HOSTS = /^(Mailbox|Word|PowerPoint|OneNote|Outlook|Visio|Project|Onenote)/i;

function tsFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return /\.tsx?$/.test(e.name) && !/\.test\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** The requirement sets of a declaration, or of the interface/class/namespace it belongs to. */
function apiSetsOf(decl: ts.Node): { set: string; version: string }[] {
  for (let n: ts.Node | undefined = decl; n && !ts.isSourceFile(n); n = n.parent) {
    const docs = (n as ts.Node & { jsDoc?: ts.JSDoc[] }).jsDoc ?? [];
    const sets = docs.flatMap((doc) =>
      [...doc.getFullText().matchAll(API_SET)].map((m) => ({ set: m[1] ?? m[3], version: m[2] ?? m[4] })),
    );
    if (sets.length > 0) return sets.filter((s) => !OTHER_HOSTS.test(s.set));
  }
  return [];
}

/**
 * Every member of the Office.js typings (Excel.*, Office.*, CustomFunctions.*) used in the given folders,
 * with the requirement set its documentation names, found with the type checker (so `range.format` is
 * Excel.Range.format, and an array's `.find` is not mistaken for an Excel method).
 */
export function officeApiUses(root: string, folders: string[]): ApiUse[] {
  const config = ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile);
  const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
  const files = folders.flatMap((f) => tsFiles(path.join(root, f)));
  const program = ts.createProgram(files, { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const uses: ApiUse[] = [];
  for (const file of files) {
    const source = program.getSourceFile(file)!;
    const visit = (node: ts.Node): void => {
      if (ts.isPropertyAccessExpression(node) || ts.isQualifiedName(node)) {
        const name = ts.isPropertyAccessExpression(node) ? node.name : node.right;
        const symbol = checker.getSymbolAtLocation(name);
        for (const decl of symbol?.declarations ?? []) {
          if (
            !/[\\/]@types[\\/](office-js|custom-functions-runtime)[\\/]/.test(decl.getSourceFile().fileName)
          )
            continue;
          const owner = decl.parent && 'name' in decl.parent ? (decl.parent.name as ts.Node)?.getText() : '';
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          for (const { set, version } of apiSetsOf(decl))
            uses.push({
              member: `${owner ? owner + '.' : ''}${name.getText()}`,
              set,
              version,
              at: `${path.relative(root, file)}:${line}`,
            });
          break;
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

/** "1.10" > "1.9" */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}
