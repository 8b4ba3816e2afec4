import { templateBatch, type TemplateData } from '../../src/workbook/template';
import type { GeneratedSheet, SheetCell } from '../../src/workbook/port';
import { isoToSerial } from '../../src/workbook/cells';
import { writeZip } from '../integration/support/zip-writer';

/**
 * A Kämmerei workbook written part by part AS EXCEL WRITES IT (hand-written OOXML, no library in between):
 * the product's tables as Excel tables (ListObjects; Stellen without headerRowCount, i.e. with its header),
 * shared strings, named styles, and the parts a real file carries and a write must keep: a chart and a text
 * box on a drawing, a chart sheet, a pivot table with its cache, threaded and legacy comments, custom
 * document properties (sensitivity label), custom XML, an external link, workbook and sheet protection,
 * iterative calculation, x14 list validations, sparklines, page breaks, internal and external hyperlinks,
 * printer settings, dynamic-array metadata, calcChain and defined names (also one with a formula).
 */
export interface ExcelPackageOptions {
  data: TemplateData;
  /** The workbook's 1904 date system (Excel for Mac of old). */
  date1904?: boolean;
  /** A user's own sheet named like a generated one (e.g. "Prüfung"). */
  userSheetNamed?: string;
  /** Protect the workbook structure (no sheets may be added). */
  lockStructure?: boolean;
  /** A user's note in the cell right of the Stellen table's header row + 2 (the table cannot grow there). */
  noteRightOfStellen?: string;
  /** Protect the Stellen sheet. */
  protectStellen?: boolean;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PR = 'http://schemas.openxmlformats.org/package/2006/relationships';
const RT = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const X14AC = 'http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac';
const XR = 'http://schemas.microsoft.com/office/spreadsheetml/2014/revision';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';
const WS_OPEN = `${HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="${MC}" mc:Ignorable="x14ac xr" xmlns:x14ac="${X14AC}" xmlns:xr="${XR}"`;

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function col(n: number): string {
  let s = '';
  for (let c = n; c > 0; c = Math.floor((c - 1) / 26)) s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

/** Shared strings as Excel keeps them: each text once, cells point at its index. */
class SharedStrings {
  private readonly list: string[] = [];
  private readonly index = new Map<string, number>();
  private count = 0;
  id(s: string): number {
    this.count++;
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.list.length;
      this.list.push(s);
      this.index.set(s, i);
    }
    return i;
  }
  xml(): string {
    return `${HEAD}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.list.length}">${this.list
      .map((s) => `<si><t${/^\s|\s$/.test(s) ? ' xml:space="preserve"' : ''}>${esc(s)}</t></si>`)
      .join('')}</sst>`;
  }
}

/** cellXfs of the builder's styles.xml */
const XF = { normal: 0, header: 1, money: 2, date: 3, named: 4 };

function cellXml(ref: string, c: SheetCell, sst: SharedStrings, date1904: boolean): string {
  const style = c.s === 'header' ? XF.header : c.s === 'money' ? XF.money : c.s === 'date' ? XF.date : 0;
  const s = style ? ` s="${style}"` : '';
  const v = c.v;
  if (v === undefined || v === null || v === '') return '';
  if (c.s === 'date' && typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v))
    return `<c r="${ref}"${s}><v>${isoToSerial(v) - (date1904 ? 1462 : 0)}</v></c>`;
  if (typeof v === 'number') return `<c r="${ref}"${s}><v>${v}</v></c>`;
  if (typeof v === 'boolean') return `<c r="${ref}"${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `<c r="${ref}"${s} t="s"><v>${sst.id(String(v))}</v></c>`;
}

function sheetDataXml(
  rows: (SheetCell | null)[][],
  sst: SharedStrings,
  date1904: boolean,
  width: number,
): string {
  return rows
    .map((row, r) => {
      const cells = row.map((c, i) => (c ? cellXml(`${col(i + 1)}${r + 1}`, c, sst, date1904) : '')).join('');
      return cells ? `<row r="${r + 1}" spans="1:${width}" x14ac:dyDescent="0.25">${cells}</row>` : '';
    })
    .join('');
}

export interface BuiltPackage {
  bytes: Buffer;
  /** The parts by name, as written. */
  parts: Map<string, string | Buffer>;
  /** Sheet name → part name. */
  sheetParts: Map<string, string>;
  /** Fragments of the Stellen sheet XML a write must keep character for character. */
  stellenFragments: string[];
  /** The defined names' exact text as Excel wrote them. */
  definedNames: string[];
}

/** The workbook as Excel writes it. */
export function buildExcelPackage(options: ExcelPackageOptions): BuiltPackage {
  const date1904 = Boolean(options.date1904);
  const batch = templateBatch(options.data);
  const data = batch.sheets!;
  const sst = new SharedStrings();
  const parts = new Map<string, string | Buffer>();
  const sheetParts = new Map<string, string>();
  const wbRels: string[] = [];
  const overrides: string[] = [];
  const sheetsXml: string[] = [];
  let rid = 0;
  const addRel = (type: string, target: string, external = false) => {
    const id = `rId${++rid}`;
    wbRels.push(
      `<Relationship Id="${id}" Type="${RT}/${type}" Target="${esc(target)}"${external ? ' TargetMode="External"' : ''}/>`,
    );
    return id;
  };
  const override = (part: string, type: string) =>
    overrides.push(`<Override PartName="/${part}" ContentType="${type}"/>`);
  const WS_CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
  let sheetNo = 0;
  const addSheet = (name: string, xml: string, rels?: string) => {
    const part = `xl/worksheets/sheet${++sheetNo}.xml`;
    parts.set(part, xml);
    if (rels) parts.set(`xl/worksheets/_rels/sheet${sheetNo}.xml.rels`, rels);
    const id = addRel('worksheet', `worksheets/sheet${sheetNo}.xml`);
    sheetsXml.push(`<sheet name="${esc(name)}" sheetId="${sheetsXml.length + 1}" r:id="${id}"/>`);
    override(part, WS_CT);
    sheetParts.set(name, part);
  };
  const relsXml = (rels: string[]) => `${HEAD}<Relationships xmlns="${PR}">${rels.join('')}</Relationships>`;
  let tableNo = 0;
  const tableXml = (name: string, ref: string, headers: string[], headerRowCountOmitted: boolean) => {
    tableNo++;
    const part = `xl/tables/table${tableNo}.xml`;
    parts.set(
      part,
      `${HEAD}<table xmlns="${MAIN}" xmlns:mc="${MC}" mc:Ignorable="xr xr3" xmlns:xr="${XR}" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" id="${tableNo}" xr:uid="{0000000${tableNo}-0001-4000-8000-00000000000${tableNo}}" name="${name}" displayName="${name}" ref="${ref}"${headerRowCountOmitted ? '' : ' headerRowCount="1"'} totalsRowShown="0"><autoFilter ref="${ref}" xr:uid="{0000000${tableNo}-0002-4000-8000-00000000000${tableNo}}"/><tableColumns count="${headers.length}">${headers
        .map(
          (h, i) =>
            `<tableColumn id="${i + 1}" xr3:uid="{0000000${tableNo}-0003-4000-8000-${String(i).padStart(12, '0')}}" name="${esc(h)}"/>`,
        )
        .join(
          '',
        )}</tableColumns><tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>`,
    );
    override(part, 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml');
    return `../tables/table${tableNo}.xml`;
  };
  const stellenFragments: string[] = [];

  // ---------------------------------------------------------------- the product's tables
  for (const sheet of data) {
    const width = Math.max(...sheet.rows.map((r) => r.length));
    const isStellen = sheet.name === 'Stellen';
    const isListObject = isStellen || sheet.name === 'Planansätze';
    const rows = sheet.rows.map((r) => [...r]);
    let lastCol = width;
    if (isStellen) {
      // the Kämmerei's own column inside the table, with an x14 list from another sheet
      rows[0].push({ v: 'Bemerkung Kämmerei', s: 'header' });
      rows.slice(1).forEach((r, i) => {
        while (r.length < width) r.push(null);
        r.push({ v: i === 0 ? 'geprüft' : '' });
      });
      lastCol = width + 1;
    }
    const lastRow = rows.length;
    const ref = `A1:${col(lastCol)}${lastRow}`;
    const cols = (sheet.widths ?? [])
      .map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w + 0.7109375}" customWidth="1"/>`)
      .join('');
    let body = sheetDataXml(rows, sst, date1904, lastCol);
    let extras = '';
    const rels: string[] = [];
    if (isStellen && options.noteRightOfStellen) {
      // a note in the column right of the table, in the third row
      body = body.replace(
        /(<row r="3"[^>]*>[\s\S]*?)(<\/row>)/,
        `$1<c r="${col(lastCol + 1)}3" t="s"><v>${sst.id(options.noteRightOfStellen)}</v></c>$2`,
      );
    }
    if (isStellen) {
      const protection = options.protectStellen
        ? '<sheetProtection algorithmName="SHA-512" hashValue="c2VjcmV0" saltValue="c2FsdA==" spinCount="100000" sheet="1" objects="1" scenarios="1"/>'
        : '';
      const cf = `<conditionalFormatting sqref="${col(lastCol)}2:${col(lastCol)}${lastRow}"><cfRule type="containsText" dxfId="0" priority="1" operator="containsText" text="offen"><formula>NOT(ISERROR(SEARCH("offen",${col(lastCol)}2)))</formula></cfRule></conditionalFormatting>`;
      const links = `<hyperlinks><hyperlink ref="A2" location="Auswertung!A1" display="Auswertung" xr:uid="{A0000000-0000-4000-8000-000000000001}"/><hyperlink ref="B2" r:id="rId4" xr:uid="{A0000000-0000-4000-8000-000000000002}"/></hyperlinks>`;
      const page =
        '<pageMargins left="0.7" right="0.7" top="0.78740157499999996" bottom="0.78740157499999996" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape" r:id="rId5"/>';
      const breaks =
        '<rowBreaks count="1" manualBreakCount="1"><brk id="8" max="16383" man="1"/></rowBreaks>';
      const ext =
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" xr:uid="{B0000000-0000-4000-8000-000000000001}"><x14:formula1><xm:f>Auswertung!$A$2:$A$4</xm:f></x14:formula1>' +
        `<xm:sqref>${col(lastCol)}2:${col(lastCol)}50</xm:sqref></x14:dataValidation></x14:dataValidations></ext>` +
        '<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:sparklineGroup displayEmptyCellsAs="gap" xr2:uid="{C0000000-0000-4000-8000-000000000001}" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2"><x14:colorSeries rgb="FF376092"/><x14:colorNegative rgb="FFD00000"/><x14:colorAxis rgb="FF000000"/><x14:colorMarkers rgb="FFD00000"/><x14:colorFirst rgb="FFD00000"/><x14:colorLast rgb="FFD00000"/><x14:colorHigh rgb="FFD00000"/><x14:colorLow rgb="FFD00000"/><x14:sparklines><x14:sparkline><xm:f>Auswertung!B2:B4</xm:f><xm:sqref>Auswertung!E2</xm:sqref></x14:sparkline></x14:sparklines></x14:sparklineGroup></x14:sparklineGroups></ext></extLst>';
      extras = `${protection}${cf}${links}${page}${breaks}<legacyDrawing r:id="rId3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts>${ext}`;
      stellenFragments.push(cf, links, page, breaks, '<legacyDrawing r:id="rId3"/>', ext);
      if (protection) stellenFragments.push(protection);
      rels.push(
        `<Relationship Id="rId1" Type="${RT}/table" Target="${tableXml(
          'Stellen',
          ref,
          rows[0].map((c) => String(c?.v ?? '')),
          true,
        )}"/>`,
        `<Relationship Id="rId2" Type="${RT}/comments" Target="../comments1.xml"/>`,
        `<Relationship Id="rId3" Type="${RT}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>`,
        `<Relationship Id="rId4" Type="${RT}/hyperlink" Target="https://www.obertshausen.de/" TargetMode="External"/>`,
        `<Relationship Id="rId5" Type="${RT}/printerSettings" Target="../printerSettings/printerSettings1.bin"/>`,
        `<Relationship Id="rId6" Type="http://schemas.microsoft.com/office/2017/10/relationships/threadedComment" Target="../threadedComments/threadedComment1.xml"/>`,
      );
    } else if (isListObject) {
      extras =
        '<pageMargins left="0.7" right="0.7" top="0.78740157499999996" bottom="0.78740157499999996" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts>';
      rels.push(
        `<Relationship Id="rId1" Type="${RT}/table" Target="${tableXml(
          'Planansaetze',
          ref,
          rows[0].map((c) => String(c?.v ?? '')),
          false,
        )}"/>`,
      );
    } else {
      extras =
        '<pageMargins left="0.7" right="0.7" top="0.78740157499999996" bottom="0.78740157499999996" header="0.3" footer="0.3"/>';
    }
    const xml =
      `${WS_OPEN} xr:uid="{D0000000-0000-4000-8000-00000000000${sheetNo + 1}}">` +
      `<dimension ref="${ref}"/><sheetViews><sheetView${sheetNo === 0 ? ' tabSelected="1"' : ''} workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A2" sqref="A2"/></sheetView></sheetViews>` +
      `<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>${cols ? `<cols>${cols}</cols>` : ''}<sheetData>${body}</sheetData>${extras}</worksheet>`;
    addSheet(sheet.name, xml, rels.length ? relsXml(rels) : undefined);
  }

  // ---------------------------------------------------------------- a user's evaluation sheet
  const auswertung =
    `${WS_OPEN} xr:uid="{D0000000-0000-4000-8000-000000000020}"><dimension ref="A1:E4"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/>` +
    `<sheetData><row r="1" spans="1:5" x14ac:dyDescent="0.25"><c r="A1" s="1" t="s"><v>${sst.id('Bereich')}</v></c><c r="B1" s="1" t="s"><v>${sst.id('Betrag')}</v></c><c r="C1" s="1" t="s"><v>${sst.id('Vorjahr extern')}</v></c><c r="D1" s="1" t="s"><v>${sst.id('Sortiert')}</v></c></row>` +
    `<row r="2" spans="1:5" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>${sst.id('FB1')}</v></c><c r="B2" s="4"><v>300</v></c><c r="C2"><f>[1]Tabelle1!$A$1</f><v>42</v></c><c r="D2" cm="1"><f t="array" ref="D2:D4">_xlfn._xlws.SORT(B2:B4)</f><v>100</v></c></row>` +
    `<row r="3" spans="1:5" x14ac:dyDescent="0.25"><c r="A3" t="s"><v>${sst.id('FB5')}</v></c><c r="B3" s="4"><v>200</v></c><c r="C3"><f>Summe_Auswertung</f><v>660</v></c><c r="D3"><v>200</v></c></row>` +
    `<row r="4" spans="1:5" x14ac:dyDescent="0.25"><c r="A4" t="s"><v>${sst.id('FB6')}</v></c><c r="B4" s="4"><v>100</v></c><c r="D4"><v>300</v></c></row></sheetData>` +
    '<sheetProtection algorithmName="SHA-512" hashValue="c2VjcmV0" saltValue="c2FsdA==" spinCount="100000" sheet="1" objects="1" scenarios="1"/>' +
    '<pageMargins left="0.7" right="0.7" top="0.78740157499999996" bottom="0.78740157499999996" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="portrait" r:id="rId2"/><colBreaks count="1" manualBreakCount="1"><brk id="3" max="1048575" man="1"/></colBreaks><drawing r:id="rId1"/></worksheet>';
  addSheet(
    'Auswertung',
    auswertung,
    relsXml([
      `<Relationship Id="rId1" Type="${RT}/drawing" Target="../drawings/drawing1.xml"/>`,
      `<Relationship Id="rId2" Type="${RT}/printerSettings" Target="../printerSettings/printerSettings2.bin"/>`,
    ]),
  );

  // ---------------------------------------------------------------- chart sheet
  parts.set(
    'xl/chartsheets/sheet1.xml',
    `${HEAD}<chartsheet xmlns="${MAIN}" xmlns:r="${R}"><sheetPr/><sheetViews><sheetView zoomScale="86" workbookViewId="0" zoomToFit="1"/></sheetViews><pageMargins left="0.7" right="0.7" top="0.78740157499999996" bottom="0.78740157499999996" header="0.3" footer="0.3"/><drawing r:id="rId1"/></chartsheet>`,
  );
  parts.set(
    'xl/chartsheets/_rels/sheet1.xml.rels',
    relsXml([`<Relationship Id="rId1" Type="${RT}/drawing" Target="../drawings/drawing2.xml"/>`]),
  );
  {
    const id = addRel('chartsheet', 'chartsheets/sheet1.xml');
    sheetsXml.push(`<sheet name="Diagramm" sheetId="${sheetsXml.length + 1}" r:id="${id}"/>`);
    override(
      'xl/chartsheets/sheet1.xml',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.chartsheet+xml',
    );
    sheetParts.set('Diagramm', 'xl/chartsheets/sheet1.xml');
  }

  // ---------------------------------------------------------------- pivot table
  const pivot =
    `${WS_OPEN} xr:uid="{D0000000-0000-4000-8000-000000000030}"><dimension ref="A3:B7"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData>` +
    `<row r="3" spans="1:2" x14ac:dyDescent="0.25"><c r="A3" t="s"><v>${sst.id('Zeilenbeschriftungen')}</v></c><c r="B3" t="s"><v>${sst.id('Summe von Betrag')}</v></c></row>` +
    ['FB1', 'FB5', 'FB6']
      .map(
        (b, i) =>
          `<row r="${i + 4}" spans="1:2" x14ac:dyDescent="0.25"><c r="A${i + 4}" t="s"><v>${sst.id(b)}</v></c><c r="B${i + 4}"><v>${300 - i * 100}</v></c></row>`,
      )
      .join('') +
    `<row r="7" spans="1:2" x14ac:dyDescent="0.25"><c r="A7" t="s"><v>${sst.id('Gesamtergebnis')}</v></c><c r="B7"><v>600</v></c></row></sheetData>` +
    '<pageMargins left="0.7" right="0.7" top="0.78740157499999996" bottom="0.78740157499999996" header="0.3" footer="0.3"/></worksheet>';
  addSheet(
    'Pivot',
    pivot,
    relsXml([`<Relationship Id="rId1" Type="${RT}/pivotTable" Target="../pivotTables/pivotTable1.xml"/>`]),
  );
  parts.set(
    'xl/pivotTables/pivotTable1.xml',
    `${HEAD}<pivotTableDefinition xmlns="${MAIN}" name="PivotTable1" cacheId="5" applyNumberFormats="0" applyBorderFormats="0" applyFontFormats="0" applyPatternFormats="0" applyAlignmentFormats="0" applyWidthHeightFormats="1" dataCaption="Werte" updatedVersion="8" minRefreshableVersion="3" useAutoFormatting="1" itemPrintTitles="1" createdVersion="8" indent="0" outline="1" outlineData="1" multipleFieldFilters="0"><location ref="A3:B7" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="2"><pivotField axis="axisRow" showAll="0"><items count="4"><item x="0"/><item x="1"/><item x="2"/><item t="default"/></items></pivotField><pivotField dataField="1" showAll="0"/></pivotFields><rowFields count="1"><field x="0"/></rowFields><rowItems count="4"><i><x/></i><i><x v="1"/></i><i><x v="2"/></i><i t="grand"><x/></i></rowItems><colItems count="1"><i/></colItems><dataFields count="1"><dataField name="Summe von Betrag" fld="1" baseField="0" baseItem="0"/></dataFields><pivotTableStyleInfo name="PivotStyleLight16" showRowHeaders="1" showColHeaders="1" showRowStripes="0" showColStripes="0" showLastColumn="1"/></pivotTableDefinition>`,
  );
  parts.set(
    'xl/pivotTables/_rels/pivotTable1.xml.rels',
    relsXml([
      `<Relationship Id="rId1" Type="${RT}/pivotCacheDefinition" Target="../pivotCache/pivotCacheDefinition1.xml"/>`,
    ]),
  );
  parts.set(
    'xl/pivotCache/pivotCacheDefinition1.xml',
    `${HEAD}<pivotCacheDefinition xmlns="${MAIN}" xmlns:r="${R}" r:id="rId1" refreshedBy="Kämmerei" refreshedDate="45992.4" createdVersion="8" refreshedVersion="8" minRefreshableVersion="3" recordCount="3"><cacheSource type="worksheet"><worksheetSource ref="A1:B4" sheet="Auswertung"/></cacheSource><cacheFields count="2"><cacheField name="Bereich" numFmtId="0"><sharedItems count="3"><s v="FB1"/><s v="FB5"/><s v="FB6"/></sharedItems></cacheField><cacheField name="Betrag" numFmtId="0"><sharedItems containsSemiMixedTypes="0" containsString="0" containsNumber="1" containsInteger="1" minValue="100" maxValue="300"/></cacheField></cacheFields></pivotCacheDefinition>`,
  );
  parts.set(
    'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels',
    relsXml([`<Relationship Id="rId1" Type="${RT}/pivotCacheRecords" Target="pivotCacheRecords1.xml"/>`]),
  );
  parts.set(
    'xl/pivotCache/pivotCacheRecords1.xml',
    `${HEAD}<pivotCacheRecords xmlns="${MAIN}" xmlns:r="${R}" count="3"><r><x v="0"/><n v="300"/></r><r><x v="1"/><n v="200"/></r><r><x v="2"/><n v="100"/></r></pivotCacheRecords>`,
  );
  override(
    'xl/pivotTables/pivotTable1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotTable+xml',
  );
  override(
    'xl/pivotCache/pivotCacheDefinition1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheDefinition+xml',
  );
  override(
    'xl/pivotCache/pivotCacheRecords1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.pivotCacheRecords+xml',
  );

  // ---------------------------------------------------------------- a user's sheet with a reserved name
  if (options.userSheetNamed)
    addSheet(
      options.userSheetNamed,
      `${WS_OPEN} xr:uid="{D0000000-0000-4000-8000-000000000040}"><dimension ref="A1:B2"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><sheetData><row r="1" spans="1:2" x14ac:dyDescent="0.25"><c r="A1" t="s"><v>${sst.id('Eigene Prüfliste der Kämmerei')}</v></c></row><row r="2" spans="1:2" x14ac:dyDescent="0.25"><c r="A2" t="s"><v>${sst.id('Belege gesichtet')}</v></c><c r="B2" t="s"><v>${sst.id('ja')}</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.78740157499999996" bottom="0.78740157499999996" header="0.3" footer="0.3"/></worksheet>`,
    );

  // ---------------------------------------------------------------- drawings, charts, comments
  const chart = (title: string) =>
    `${HEAD}<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${R}"><c:date1904 val="0"/><c:lang val="de-DE"/><c:roundedCorners val="0"/><c:chart><c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${esc(title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:varyColors val="0"/><c:ser><c:idx val="0"/><c:order val="0"/><c:tx><c:strRef><c:f>Auswertung!$B$1</c:f><c:strCache><c:ptCount val="1"/><c:pt idx="0"><c:v>Betrag</c:v></c:pt></c:strCache></c:strRef></c:tx><c:cat><c:strRef><c:f>Auswertung!$A$2:$A$4</c:f><c:strCache><c:ptCount val="3"/><c:pt idx="0"><c:v>FB1</c:v></c:pt><c:pt idx="1"><c:v>FB5</c:v></c:pt><c:pt idx="2"><c:v>FB6</c:v></c:pt></c:strCache></c:strRef></c:cat><c:val><c:numRef><c:f>Auswertung!$B$2:$B$4</c:f><c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="3"/><c:pt idx="0"><c:v>300</c:v></c:pt><c:pt idx="1"><c:v>200</c:v></c:pt><c:pt idx="2"><c:v>100</c:v></c:pt></c:numCache></c:numRef></c:val></c:ser><c:gapWidth val="219"/><c:overlap val="-27"/><c:axId val="100"/><c:axId val="200"/></c:barChart><c:catAx><c:axId val="100"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="b"/><c:crossAx val="200"/></c:catAx><c:valAx><c:axId val="200"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="l"/><c:crossAx val="100"/></c:valAx></c:plotArea><c:plotVisOnly val="1"/></c:chart></c:chartSpace>`;
  parts.set('xl/charts/chart1.xml', chart('Betrag je Bereich'));
  parts.set('xl/charts/chart2.xml', chart('Betrag (Diagrammblatt)'));
  override('xl/charts/chart1.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
  override('xl/charts/chart2.xml', 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml');
  const XDR = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
  const A = 'http://schemas.openxmlformats.org/drawingml/2006/main';
  const frame = `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="Diagramm 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/>`;
  parts.set(
    'xl/drawings/drawing1.xml',
    `${HEAD}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}" xmlns:r="${R}"><xdr:twoCellAnchor><xdr:from><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>12</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>16</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>${frame}</xdr:twoCellAnchor>` +
      `<xdr:twoCellAnchor><xdr:from><xdr:col>0</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>10</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="Textfeld 2"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="3000000" cy="700000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr><xdr:txBody><a:bodyPr/><a:lstStyle/><a:p><a:r><a:rPr lang="de-DE"/><a:t>Hinweis: Zahlen aus dem Haushaltsplan 2026</a:t></a:r></a:p></xdr:txBody></xdr:sp><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>`,
  );
  parts.set(
    'xl/drawings/_rels/drawing1.xml.rels',
    relsXml([`<Relationship Id="rId1" Type="${RT}/chart" Target="../charts/chart1.xml"/>`]),
  );
  parts.set(
    'xl/drawings/drawing2.xml',
    `${HEAD}<xdr:wsDr xmlns:xdr="${XDR}" xmlns:a="${A}" xmlns:r="${R}"><xdr:absoluteAnchor><xdr:pos x="0" y="0"/><xdr:ext cx="9294091" cy="6003636"/>${frame}</xdr:absoluteAnchor></xdr:wsDr>`,
  );
  parts.set(
    'xl/drawings/_rels/drawing2.xml.rels',
    relsXml([`<Relationship Id="rId1" Type="${RT}/chart" Target="../charts/chart2.xml"/>`]),
  );
  override('xl/drawings/drawing1.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml');
  override('xl/drawings/drawing2.xml', 'application/vnd.openxmlformats-officedocument.drawing+xml');
  parts.set(
    'xl/comments1.xml',
    `${HEAD}<comments xmlns="${MAIN}" xmlns:mc="${MC}" mc:Ignorable="xr" xmlns:xr="${XR}"><authors><author>tc={E0000000-0000-4000-8000-000000000001}</author></authors><commentList><comment ref="C2" authorId="0" shapeId="0" xr:uid="{E0000000-0000-4000-8000-000000000001}"><text><t>[Kommentarthread]\n\nIhre Version von Excel gestattet Ihnen das Lesen dieses Kommentarthreads, aber alle Bearbeitungen daran werden entfernt, wenn die Datei in einer neueren Version von Excel geöffnet wird.\n\nKommentar:\n    Stellenbeschreibung liegt dem HFW vor?</t></text></comment></commentList></comments>`,
  );
  override('xl/comments1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml');
  parts.set(
    'xl/drawings/vmlDrawing1.vml',
    '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout><v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;margin-left:107.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:1;visibility:hidden" fillcolor="infoBackground [80]" o:insetmode="auto"><v:fill color2="infoBackground [80]"/><v:shadow color="none [81]" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox><x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:AutoFill>False</x:AutoFill><x:Row>1</x:Row><x:Column>2</x:Column></x:ClientData></v:shape></xml>',
  );
  parts.set(
    'xl/threadedComments/threadedComment1.xml',
    `${HEAD}<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x18tc="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="C2" dT="2026-11-20T09:15:00.00" personId="{F0000000-0000-4000-8000-000000000001}" id="{E0000000-0000-4000-8000-000000000001}"><text>Stellenbeschreibung liegt dem HFW vor?</text></threadedComment></ThreadedComments>`,
  );
  override('xl/threadedComments/threadedComment1.xml', 'application/vnd.ms-excel.threadedcomments+xml');
  parts.set(
    'xl/persons/person.xml',
    `${HEAD}<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments" xmlns:x="${MAIN}"><person displayName="Kämmerin Muster" id="{F0000000-0000-4000-8000-000000000001}" userId="Kaemmerin Muster" providerId="None"/></personList>`,
  );
  override('xl/persons/person.xml', 'application/vnd.ms-excel.person+xml');
  parts.set(
    'xl/printerSettings/printerSettings1.bin',
    Buffer.from(Array.from({ length: 1200 }, (_, i) => (i * 31) % 256)),
  );
  parts.set(
    'xl/printerSettings/printerSettings2.bin',
    Buffer.from(Array.from({ length: 1200 }, (_, i) => (i * 17) % 256)),
  );

  // ---------------------------------------------------------------- external link, metadata, calc chain
  parts.set(
    'xl/externalLinks/externalLink1.xml',
    `${HEAD}<externalLink xmlns="${MAIN}" xmlns:r="${R}"><externalBook r:id="rId1"><sheetNames><sheetName val="Tabelle1"/></sheetNames><sheetDataSet><sheetData sheetId="0"><row r="1"><cell r="A1"><v>42</v></cell></row></sheetData></sheetDataSet></externalBook></externalLink>`,
  );
  parts.set(
    'xl/externalLinks/_rels/externalLink1.xml.rels',
    relsXml([
      `<Relationship Id="rId1" Type="${RT}/externalLinkPath" Target="file:///C:\\Haushalt\\Vorjahr.xlsx" TargetMode="External"/>`,
    ]),
  );
  override(
    'xl/externalLinks/externalLink1.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.externalLink+xml',
  );
  parts.set(
    'xl/metadata.xml',
    `${HEAD}<metadata xmlns="${MAIN}" xmlns:xda="http://schemas.microsoft.com/office/spreadsheetml/2017/dynamicarray"><metadataTypes count="1"><metadataType name="XLDAPR" minSupportedVersion="120000" copy="1" pasteAll="1" pasteValues="1" merge="1" splitFirst="1" rowColShift="1" clearFormats="1" clearComments="1" assign="1" coerce="1" cellMeta="1"/></metadataTypes><futureMetadata name="XLDAPR" count="1"><bk><extLst><ext uri="{bdbb8cdc-fa1e-496e-a857-3c3f30c029c3}"><xda:dynamicArrayProperties fDynamic="1" fCollapsed="0"/></ext></extLst></bk></futureMetadata><cellMetadata count="1"><bk><rc t="1" v="0"/></bk></cellMetadata></metadata>`,
  );
  override(
    'xl/metadata.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheetMetadata+xml',
  );
  const auswertungIndex = data.length + 1;
  parts.set(
    'xl/calcChain.xml',
    `${HEAD}<calcChain xmlns="${MAIN}"><c r="C2" i="${auswertungIndex}" l="1"/><c r="C3" i="${auswertungIndex}"/><c r="D2" i="${auswertungIndex}" a="1"/></calcChain>`,
  );
  override('xl/calcChain.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml');

  // ---------------------------------------------------------------- styles (named style), shared strings
  parts.set(
    'xl/styles.xml',
    `${HEAD}<styleSheet xmlns="${MAIN}" xmlns:mc="${MC}" mc:Ignorable="x14ac x16r2 xr" xmlns:x14ac="${X14AC}" xmlns:x16r2="http://schemas.microsoft.com/office/spreadsheetml/2015/02/main" xmlns:xr="${XR}"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0.00\\ &quot;€&quot;"/></numFmts><fonts count="3" x14ac:knownFonts="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="0"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><i/><sz val="11"/><color rgb="FF7030A0"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>` +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor theme="4"/><bgColor indexed="64"/></patternFill></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="2" fillId="0" borderId="0" applyNumberFormat="1" applyFont="1"/></cellStyleXfs>' +
      '<cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="2" borderId="0" xfId="0" applyFont="1" applyFill="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="164" fontId="2" fillId="0" borderId="0" xfId="1"/></cellXfs>' +
      '<cellStyles count="2"><cellStyle name="Kämmerei Betrag" xfId="1" xr:uid="{90000000-0000-4000-8000-000000000001}"/><cellStyle name="Standard" xfId="0" builtinId="0"/></cellStyles><dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '<extLst><ext uri="{EB79DEF2-80B8-43e5-95BD-54CBDDF9020C}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:slicerStyles defaultSlicerStyle="SlicerStyleLight1"/></ext></extLst></styleSheet>',
  );
  parts.set('xl/sharedStrings.xml', sst.xml());

  // ---------------------------------------------------------------- workbook
  const styleRel = addRel('styles', 'styles.xml');
  const sstRel = addRel('sharedStrings', 'sharedStrings.xml');
  const pivotRel = addRel('pivotCacheDefinition', 'pivotCache/pivotCacheDefinition1.xml');
  const extRel = addRel('externalLink', 'externalLinks/externalLink1.xml');
  addRel('sheetMetadata', 'metadata.xml');
  addRel('calcChain', 'calcChain.xml');
  wbRels.push(
    `<Relationship Id="rId${++rid}" Type="http://schemas.microsoft.com/office/2017/10/relationships/person" Target="persons/person.xml"/>`,
  );
  addRel('customXml', '../customXml/item1.xml');
  void styleRel;
  void sstRel;
  const definedNames = [
    `<definedName name="_xlnm.Print_Area" localSheetId="${auswertungIndex - 1}">Auswertung!$A$1:$D$20</definedName>`,
    '<definedName name="Kosten_Extern">[1]Tabelle1!$A$1</definedName>',
    '<definedName name="Summe_Auswertung">SUM(Auswertung!$B$2:$B$4)*1.1</definedName>',
    '<definedName name="Tarif_Hinweis" comment="Quelle: TVöD-VKA">&quot;TVöD 2025&quot;</definedName>',
  ];
  parts.set(
    'xl/workbook.xml',
    `${HEAD}<workbook xmlns="${MAIN}" xmlns:r="${R}" xmlns:mc="${MC}" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="${XR}" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">` +
      `<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="27425"/><workbookPr${date1904 ? ' date1904="1"' : ''} defaultThemeVersion="166925"/>` +
      '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="x15"><x15ac:absPath url="C:\\Users\\kaemmerei\\Documents\\" xmlns:x15ac="http://schemas.microsoft.com/office/spreadsheetml/2010/11/ac"/></mc:Choice></mc:AlternateContent>' +
      '<xr:revisionPtr revIDLastSave="0" documentId="8_{A1B2C3D4-0000-4000-8000-000000000001}" xr6:coauthVersionLast="47" xr6:coauthVersionMax="47" xr10:uidLastSave="{00000000-0000-0000-0000-000000000000}"/>' +
      `<workbookProtection workbookAlgorithmName="SHA-512" workbookHashValue="c2VjcmV0" workbookSaltValue="c2FsdA==" workbookSpinCount="100000"${options.lockStructure ? ' lockStructure="1"' : ''} lockWindows="1"/>` +
      '<bookViews><workbookView xWindow="-120" yWindow="-120" windowWidth="29040" windowHeight="15840" xr2:uid="{00000000-000D-0000-FFFF-FFFF00000000}"/></bookViews>' +
      `<sheets>${sheetsXml.join('')}</sheets><externalReferences><externalReference r:id="${extRel}"/></externalReferences><definedNames>${definedNames.join('')}</definedNames>` +
      `<calcPr calcId="191029" iterate="1" iterateCount="50" iterateDelta="1E-4"/><pivotCaches><pivotCache cacheId="5" r:id="${pivotRel}"/></pivotCaches>` +
      '<extLst><ext uri="{140A7094-0E35-4892-8432-C4D2E57EDEB5}" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main"><x15:workbookPr chartTrackingRefBase="1"/></ext><ext uri="{B58B0392-4F1F-4190-BB64-5DF3571DCE5F}" xmlns:xcalcf="http://schemas.microsoft.com/office/spreadsheetml/2018/calcfeatures"><xcalcf:calcFeatures><xcalcf:feature name="microsoft.com:RD"/><xcalcf:feature name="microsoft.com:Single"/><xcalcf:feature name="microsoft.com:FV"/><xcalcf:feature name="microsoft.com:CNMTM"/><xcalcf:feature name="microsoft.com:LET_WF"/><xcalcf:feature name="microsoft.com:LAMBDA_WF"/><xcalcf:feature name="microsoft.com:ARRAYTEXT_WF"/></xcalcf:calcFeatures></ext></extLst></workbook>',
  );
  parts.set('xl/_rels/workbook.xml.rels', relsXml(wbRels));

  // ---------------------------------------------------------------- package, document properties, custom XML
  parts.set(
    'customXml/item1.xml',
    '<?xml version="1.0" encoding="UTF-8" standalone="no"?><b:Sources xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography" SelectedStyle="/APASixthEditionOfficeOnline.xsl" StyleName="APA" Version="6"/>',
  );
  parts.set(
    'customXml/itemProps1.xml',
    `${HEAD}<ds:datastoreItem ds:itemID="{12345678-0000-4000-8000-000000000001}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs><ds:schemaRef ds:uri="http://schemas.openxmlformats.org/officeDocument/2006/bibliography"/></ds:schemaRefs></ds:datastoreItem>`,
  );
  parts.set(
    'customXml/_rels/item1.xml.rels',
    relsXml([`<Relationship Id="rId1" Type="${RT}/customXmlProps" Target="itemProps1.xml"/>`]),
  );
  override(
    'customXml/itemProps1.xml',
    'application/vnd.openxmlformats-officedocument.customXmlProperties+xml',
  );
  parts.set(
    'docProps/custom.xml',
    `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="MSIP_Label_3a2f6c1e-0000-4000-8000-000000000001_Enabled"><vt:lpwstr>true</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="MSIP_Label_3a2f6c1e-0000-4000-8000-000000000001_Name"><vt:lpwstr>Vertraulich – Personal</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="4" name="Aktenzeichen"><vt:lpwstr>10.20.30/2026</vt:lpwstr></property></Properties>`,
  );
  parts.set(
    'docProps/core.xml',
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>Kämmerei</dc:creator><cp:lastModifiedBy>Kämmerin Muster</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2026-10-01T08:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-20T09:15:00Z</dcterms:modified></cp:coreProperties>`,
  );
  parts.set(
    'docProps/app.xml',
    `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><Company>Stadt Obertshausen</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>16.0300</AppVersion></Properties>`,
  );
  parts.set(
    '_rels/.rels',
    relsXml([
      `<Relationship Id="rId3" Type="${RT}/extended-properties" Target="docProps/app.xml"/>`,
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>`,
      `<Relationship Id="rId1" Type="${RT}/officeDocument" Target="xl/workbook.xml"/>`,
      `<Relationship Id="rId4" Type="${RT}/custom-properties" Target="docProps/custom.xml"/>`,
    ]),
  );
  override('xl/workbook.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml');
  override('xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml');
  override(
    'xl/sharedStrings.xml',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  );
  override('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml');
  override('docProps/app.xml', 'application/vnd.openxmlformats-officedocument.extended-properties+xml');
  override('docProps/custom.xml', 'application/vnd.openxmlformats-officedocument.custom-properties+xml');
  parts.set(
    '[Content_Types].xml',
    `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.printerSettings"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/><Default Extension="xml" ContentType="application/xml"/>${overrides.join('')}</Types>`,
  );

  // Excel's order: content types, package rels, workbook parts …
  const order = [...parts.keys()].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const bytes = writeZip(order.map((name) => ({ name, data: Buffer.from(parts.get(name)!) })));
  return { bytes, parts, sheetParts, stellenFragments, definedNames };
}

function rank(name: string): number {
  if (name === '[Content_Types].xml') return 0;
  if (name.startsWith('_rels/')) return 1;
  if (name === 'xl/workbook.xml') return 2;
  if (name.startsWith('xl/')) return 3;
  return 4;
}

export type { GeneratedSheet };
