import { decodeText } from './plain-xml';

/* eslint-disable-next-line @typescript-eslint/no-require-imports -- ExcelJS's own parser, for unusual parts */
const SharedStringsXform = require('exceljs/lib/xlsx/xform/strings/shared-strings-xform') as new () => {
  parseStream(chunks: Iterable<string>): Promise<unknown>;
  getString(index: number): unknown;
};

/**
 * The shared strings by index, as ExcelJS's SharedStringsXform gives them (a text, or rich text runs). The
 * usual shapes – `<si><t>…</t></si>`, runs of `<r>`, phonetic runs after them – are read here; a part with
 * anything else is read by ExcelJS's own parser.
 */
export async function sharedStrings(xml: string): Promise<(index: number) => unknown> {
  const own = ownSharedStrings(xml);
  if (own) return (i) => own[i];
  const xform = new SharedStringsXform();
  await xform.parseStream([xml]);
  return (i) => xform.getString(i);
}

const SI = /\s*<si>([\s\S]*?)<\/si>/y;
const PLAIN_SI =
  /^<t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/t>)((?:\s*<rPh\b[^>]*>[\s\S]*?<\/rPh>)*\s*(?:<phoneticPr\b[^>]*\/>)?)$/;
const RUN = /\s*<r>(?:\s*<rPr>[\s\S]*?<\/rPr>)?\s*<t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/t>)\s*<\/r>/y;
const PHONETIC_TAIL = /^(?:\s*<rPh\b[^>]*>[\s\S]*?<\/rPh>)*\s*(?:<phoneticPr\b[^>]*\/>)?\s*$/;

export function ownSharedStrings(xml: string): (string | { richText: { text: string }[] })[] | undefined {
  const open = /<sst\b[^>]*>/.exec(xml);
  const close = xml.lastIndexOf('</sst>');
  if (!open || close < 0) return undefined;
  const out: (string | { richText: { text: string }[] })[] = [];
  let at = open.index + open[0].length;
  for (;;) {
    SI.lastIndex = at;
    const si = SI.exec(xml);
    if (!si) break;
    at = SI.lastIndex;
    const inner = si[1];
    const plain = PLAIN_SI.exec(inner);
    if (plain) {
      out.push(textOf(plain[1]));
      continue;
    }
    // rich text: runs, each with its text (TextXform decodes _xHHHH_ per run)
    const runs: { text: string }[] = [];
    let p = 0;
    for (;;) {
      RUN.lastIndex = p;
      const run = RUN.exec(inner);
      if (!run) break;
      p = RUN.lastIndex;
      runs.push({ text: textOf(run[1]) });
    }
    if (runs.length === 0 || !PHONETIC_TAIL.test(inner.slice(p))) return undefined;
    out.push({ richText: runs });
  }
  return /^\s*$/.test(xml.slice(at, close)) ? out : undefined;
}

/** A `<t>`'s text as TextXform holds it: XML-decoded, then Excel's _xHHHH_ escapes. */
function textOf(raw: string | undefined): string {
  const text = raw ? decodeText(raw) : '';
  return text.includes('_x')
    ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}
