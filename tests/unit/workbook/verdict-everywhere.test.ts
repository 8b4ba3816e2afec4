/**
 * Issue #12, "no verdict differs between CLI, papers and pane for the fuzzed workbooks": the fuzz
 * generator's random and hostile workbooks are read through the Office.js adapter (strict in-memory fake),
 * checked once, and every place that shows a verdict is asked what it says about each measure and plan
 * year – the CLI (text and JSON), the Übersicht HFW of the report, the Beschlussvorlage and the task
 * pane's measure card. They must all say the same. No file is written: the report is compared as the
 * batch the adapters would write.
 */
import fc from 'fast-check';
import { checkCoverage } from '../../../src/domain/coverage';
import type { MeasureResult } from '../../../src/domain/result';
import type { Verdict } from '../../../src/domain/verdict';
import { beschlussvorlage } from '../../../src/domain/vorlage';
import { checkJson, checkText } from '../../../src/cli/output';
import { ExcelWorkbook } from '../../../src/excel/excel-workbook';
import { combineFindings, readWorkbookModel, type ReadResult } from '../../../src/workbook/read';
import { buildReport } from '../../../src/workbook/report';
import { SHEETS } from '../../../src/workbook/schema';
import { measureVerdictView } from '../../../src/taskpane/verdict';
import { WorkbookUnusableError } from '../../../src/workbook/port';
import type { TemplateData } from '../../../src/workbook/template';
import type { FakeWorkbook } from '../../support/fake-excel';
import { fakeFromTemplate } from '../../support/fake-from-template';
import { fakeExcel, withoutStrayDates, workbookArb } from '../../support/fuzz-workbook';

/** The CI share; the generator is the nightly fuzz run's (tests/support/fuzz-workbook.ts). */
const RUNS = { seed: 20261212, numRuns: 30 };
const VERDICTS: Verdict[] = ['gedeckt', 'nicht gedeckt', 'Termin offen'];

/** What the user reads, turned back into a verdict – from the words, not from the product's mapping. */
const CLI_LABEL: Record<Verdict, string> = {
  gedeckt: '(gedeckt)',
  'nicht gedeckt': '(NICHT gedeckt)',
  'Termin offen': '(Termin offen)',
};
const MARK: Record<string, Verdict> = { '✓': 'gedeckt', '✗': 'nicht gedeckt', '…': 'Termin offen' };

interface JsonMeasure {
  id: string;
  scenario: string;
  covered: boolean;
  years: { year: number; covered: boolean }[];
}

/** Each place's verdicts per measure number, in the order they appear (numbers may repeat in a fuzzed workbook). */
type Said = Map<string, string[]>;
const say = (said: Said, nr: string, what: string) => said.set(nr, [...(said.get(nr) ?? []), what]);
const sorted = (said: Said) => new Map([...said].map(([k, v]) => [k, [...v].sort()]));

function cliText(measures: MeasureResult[], text: string): Said {
  const said: Said = new Map();
  // a label starts a line and may itself hold line breaks (a number typed with Alt+Enter)
  const all = `\n${text}`;
  for (const nr of new Set(measures.map((m) => m.massnahme.nr)))
    for (const v of VERDICTS)
      for (const end of [' · ', '\n']) {
        const label = `\n${nr} ${CLI_LABEL[v]}${end}`;
        for (let at = all.indexOf(label); at >= 0; at = all.indexOf(label, at + 1)) say(said, nr, v);
      }
  return said;
}

/** The Status column of the Übersicht HFW: one row per measure, its number in column A. */
function uebersicht(read: ReadResult, result: ReturnType<typeof checkCoverage>): Said {
  const sheet = buildReport(read, result, { stand: '2026-12-01' }).sheets!.find(
    (s) => s.name === SHEETS.uebersicht,
  )!;
  const header = sheet.rows.find((r) => r?.some((c) => c?.v === 'Status'))!;
  const status = header.findIndex((c) => c?.v === 'Status');
  const numbers = new Set(result.measures.map((m) => m.massnahme.nr));
  const said: Said = new Map();
  for (const row of sheet.rows) {
    const nr = row?.[0]?.v;
    const text = row?.[status]?.v;
    if (typeof nr === 'string' && numbers.has(nr) && row !== header && text !== undefined)
      say(said, nr, String(text));
  }
  return said;
}

/** The Beschlussvorlage's verdict sentence under "Deckungsvorschlag". */
function vorlage(
  result: ReturnType<typeof checkCoverage>,
  m: MeasureResult,
): { measure: string; short: number[]; errorsStand: boolean } {
  const text = beschlussvorlage(result, m.massnahme.nr, { stand: '2026-12-01', checksum: 'X' });
  const short = [...text.matchAll(/(\d{4}) fehlen /g)].map((x) => Number(x[1]));
  const errorsStand = text.includes('rechnerisch gedeckt, die Prüfung meldet aber Fehler');
  const measure = text.includes('Termin offen: Kosten und Deckung werden ausgewiesen')
    ? 'Termin offen'
    : text.includes('Die Maßnahme ist in allen Planjahren gedeckt.')
      ? 'gedeckt'
      : errorsStand || text.includes('Die Maßnahme ist nicht voll gedeckt: ')
        ? 'nicht gedeckt'
        : 'kein Urteil';
  return { measure, short, errorsStand };
}

const seen = { workbooks: 0, measures: 0, gedeckt: 0, 'nicht gedeckt': 0, 'Termin offen': 0 };

/** Reads the workbook once and compares what every place says about each measure and plan year. */
async function sameVerdictEverywhere(book: FakeWorkbook): Promise<void> {
  const port = new ExcelWorkbook(book.context() as unknown as Excel.RequestContext);
  let read: ReadResult;
  try {
    read = await readWorkbookModel(port);
  } catch (e) {
    if (e instanceof WorkbookUnusableError) return;
    throw e;
  }
  const result = checkCoverage(read.model);
  const findings = combineFindings(read, result.findings);
  seen.workbooks++;
  const json = (checkJson(read, result, findings, 'de') as { measures: JsonMeasure[] }).measures;
  const pane = result.measures.map((m) => measureVerdictView(m, 'de'));
  const text = cliText(result.measures, checkText(read, result, findings, 'de'));
  const paper = uebersicht(read, result);
  const fromPane: Said = new Map();
  result.measures.forEach((m, i) => {
    const nr = m.massnahme.nr;
    seen.measures++;
    seen[pane[i].verdict]++;
    say(fromPane, nr, pane[i].label);
    // CLI JSON: the measure and each plan year
    const j = json[i];
    expect(j.id).toBe(nr);
    const dated = !m.massnahme.terminOffen;
    expect(dated && j.covered).toBe(pane[i].label === 'gedeckt');
    expect(j.years.map((y) => y.year)).toEqual(pane[i].years.map((y) => y.year));
    j.years.forEach((y, k) => {
      const chip = pane[i].years[k];
      const chipSays = MARK[chip.text.slice(-1)];
      expect(chip.ariaLabel).toBe(`${y.year}: ${chipSays}`);
      expect(chipSays).toBe(dated ? (y.covered ? 'gedeckt' : 'nicht gedeckt') : 'Termin offen');
    });
    // a measure is covered when every year is
    expect(j.covered).toBe(j.years.every((y) => y.covered));
    // the Beschlussvorlage, when the number names this one measure
    if (result.measures.filter((x) => x.massnahme.nr === nr).length === 1) {
      const v = vorlage(result, m);
      expect(v.measure).toBe(pane[i].label);
      // the years it names as short are years every other place calls not covered
      for (const year of v.short) expect(j.years.find((y) => y.year === year)?.covered).toBe(false);
      // "rechnerisch gedeckt, die Prüfung meldet aber Fehler": no year is covered anywhere else either
      if (v.errorsStand) expect(j.years.filter((y) => y.covered)).toEqual([]);
    }
  });
  // CLI text and the Übersicht HFW say, per measure number, what the pane says
  expect(sorted(text)).toEqual(sorted(fromPane));
  expect(sorted(paper)).toEqual(sorted(fromPane));
}

// Well-formed planning workbooks as `init` writes them: few positions, measures and cover rows with
// amounts near the cost, so that all three verdicts come up often (the hostile ones are mostly "nicht gedeckt").
const YEARS = [2027, 2028, 2029, 2030, 2031];
const dateArb = fc
  .integer({ min: 0, max: 6 * 365 })
  .map((d) => new Date(Date.UTC(2026, 6, 1) + d * 86_400_000).toISOString().slice(0, 10));
const planningArb: fc.Arbitrary<TemplateData> = fc
  .record({
    stellen: fc.array(
      fc.record({
        Entgeltgruppe: fc.constantFrom('E5', 'E9b', 'E13'),
        Stufe: fc.integer({ min: 1, max: 5 }),
        Besetzt: fc.constantFrom('Ja', 'Nein'),
        'Frei ab': fc.option(dateArb, { nil: undefined }),
        Haushaltsstelle: fc.constantFrom('L', ''),
      }),
      { minLength: 2, maxLength: 2 },
    ),
    massnahmen: fc.uniqueArray(
      fc.record({
        'Maßnahme-Nr.': fc.constantFrom('M1', 'M2', 'M3'),
        Art: fc.constantFrom('Neue Stelle', 'Höhergruppierung', 'Stellenanteil ändern'),
        'Stellen-Nr.': fc.constantFrom('P1', 'P2'),
        Entgeltgruppe: fc.constantFrom('E5', 'E9b', 'E11'),
        Stufe: fc.integer({ min: 1, max: 4 }),
        Beginn: fc.oneof({ weight: 5, arbitrary: dateArb }, { weight: 1, arbitrary: fc.constant('offen') }),
        Stellenanteil: fc.constantFrom(0.5, 0.75, 1),
        dauer: fc.option(fc.integer({ min: 180, max: 1500 }), { nil: undefined }),
        Szenario: fc.constantFrom('Basis', 'Variante A'),
      }),
      { selector: (m) => m['Maßnahme-Nr.'], minLength: 1, maxLength: 3 },
    ),
    deckung: fc.array(
      fc.oneof(
        fc.record({
          'Maßnahme-Nr.': fc.constantFrom('M1', 'M2', 'M3'),
          Art: fc.constantFrom('Nichtbesetzung', 'Stellenwegfall'),
          'Stellen-Nr.': fc.constantFrom('P1', 'P2'),
        }),
        fc.record({
          'Maßnahme-Nr.': fc.constantFrom('M1', 'M2', 'M3'),
          Art: fc.constantFrom('Minderaufwand', 'Mehrertrag'),
          Haushaltsstelle: fc.constant('L'),
          Betrag: fc.integer({ min: 0, max: 150_000 }),
        }),
      ),
      { maxLength: 4 },
    ),
    ansatz: fc.integer({ min: 0, max: 600_000 }),
  })
  .map(({ stellen, massnahmen, deckung, ansatz }) => ({
    stellen: stellen.map((p, i) => ({ 'Stellen-Nr.': `P${i + 1}`, Bezeichnung: `Stelle ${i + 1}`, ...p })),
    massnahmen: massnahmen.map(({ dauer, ...m }) => ({
      ...m,
      Ende:
        dauer && m.Beginn !== 'offen'
          ? new Date(Date.parse(m.Beginn) + dauer * 86_400_000).toISOString().slice(0, 10)
          : undefined,
      Bezeichnung: `Maßnahme ${m['Maßnahme-Nr.']}`,
      // a new position gets a number of its own; the other kinds change an existing one
      'Stellen-Nr.': m.Art === 'Neue Stelle' ? `N-${m['Maßnahme-Nr.']}` : m['Stellen-Nr.'],
    })),
    deckung,
    planansaetze: YEARS.map((Jahr) => ({ Haushaltsstelle: 'L', Jahr, Ansatz: ansatz })),
  }));

describe('one verdict in the CLI, the papers and the pane', () => {
  afterAll(() => {
    // the comparison means something only if the workbooks gave all three verdicts
    console.log(`Urteile verglichen: ${JSON.stringify(seen)}`);
    for (const v of VERDICTS) expect(seen[v]).toBeGreaterThan(0);
  });

  test(`${RUNS.numRuns} fuzzed workbooks (the fuzz generator's hostile cells)`, async () => {
    await fc.assert(
      fc.asyncProperty(workbookArb().map(withoutStrayDates), (fw) => sameVerdictEverywhere(fakeExcel(fw))),
      RUNS,
    );
  });

  test(`${RUNS.numRuns} well-formed planning workbooks with varied cover`, async () => {
    await fc.assert(
      fc.asyncProperty(planningArb, (data) => sameVerdictEverywhere(fakeFromTemplate(data))),
      { ...RUNS, seed: RUNS.seed + 1 },
    );
  });
});
