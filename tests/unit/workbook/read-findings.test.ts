import { mapTables } from '../../../src/workbook/read';
import { CELL_FINDINGS, TABLE_FINDINGS } from '../../../src/workbook/read-catalogue';
import type { CellValue, RawTable } from '../../../src/workbook/port';
import type { TableKey } from '../../../src/domain/model';

/**
 * The reader's findings come from its catalogue (src/workbook/read-catalogue.ts): each one names sheet and
 * cell in German, with an English twin, and carries the code and severity the catalogue gives its text.
 */

const table = (
  sheet: string,
  headers: string[],
  rows: CellValue[][],
  origin = { row: 1, col: 1 },
): RawTable => ({
  sheet,
  origin,
  headers,
  rows,
});

/** A workbook with one flaw of each kind the reader reports. */
function flawedTables(): Map<TableKey, RawTable | undefined> {
  return new Map<TableKey, RawTable | undefined>([
    [
      'Stellen',
      table(
        'Stellen',
        ['Stellen-Nr.', 'Entgeltgruppe', 'Stufe', 'Stellenanteil', 'Vermerk', 'Stufe'],
        [
          ['1.01', 'E9b', 3, 1, 'kw 31.12.2028', 4],
          ['1.02', 'E9b', 'drei', 1, 'weg', null],
          [null, 'E8', 2, 1, '', null],
        ],
      ),
    ],
    [
      'Massnahmen',
      table('Maßnahmen', ['Maßnahme-Nr.', 'Art', 'Beginn'], [['M-1', 'Neue Stelle', '2027-01-01']]),
    ],
    ['Deckung', table('Deckung', ['Maßnahme-Nr.', 'Art', 'Betrag'], [['M-1', 'Minderaufwand', -5]])],
    ['Planansaetze', table('Planansätze', ['Haushaltsstelle', 'Jahr', 'Ansatz'], [['1.1.01', 1234, 100]])],
    ['Parameter', undefined],
    [
      'Entgelttabelle',
      table(
        'Entgelttabelle',
        ['Entgeltgruppe', 'Stufe 1', 'Stufe 2'],
        [
          ['E9b', 3000, 0],
          ['E 9b', 3100, 3200],
        ],
      ),
    ],
    ['Deckungsregeln', table('Deckungsregeln', ['Regel', 'Aktiv'], [['gibt-es-nicht', 'Ja']])],
  ]);
}

const parameterTables = (rows: CellValue[][]): Map<TableKey, RawTable | undefined> => {
  const t = flawedTables();
  t.set('Parameter', table('Parameter', ['Name', 'Wert'], rows));
  return t;
};

describe('reader findings: German texts with sheet and cell, from the catalogue', () => {
  const { findings } = mapTables(flawedTables());
  const messages = findings.map((f) => f.message);

  test('each flaw is named at its cell, in the words a user reads', () => {
    expect(messages).toEqual(
      expect.arrayContaining([
        'Stellen!F1: die Spalte „Stufe“ gibt es schon (C1 „Stufe“); gelesen wird nur die erste, die Werte dieser Spalte werden nicht verwendet.',
        'Stellen!C3 (Stufe): „drei“ ist keine Zahl.',
        'Stellen!E3 (Vermerk): „weg“ ist kein Vermerk (erlaubt: kw, ku, leer; auch „kw 30.06.2029“).',
        'Stellen!A4 (Stellen-Nr.): Pflichtangabe fehlt.',
        'Deckung!C2 (Betrag): ein Deckungsbetrag kann nicht negativ sein.',
        'Planansätze!B2 (Jahr): 1234 ist kein Haushaltsjahr.',
        'Kein Blatt „Parameter“: es gelten die mitgelieferten Vorgaben (siehe README).',
        'Entgelttabelle!C2 (Stufe 2): ein Monatsbetrag muss größer als 0 sein.',
        'Entgelttabelle!A3: die Gruppe „E 9b“ steht mehrfach in der Entgelttabelle; es gilt die erste Zeile.',
      ]),
    );
    expect(
      messages.some((m) =>
        /^Deckungsregeln!A2 \(Regel\): „gibt-es-nicht“ ist keine bekannte Regel \(bekannt: /.test(m),
      ),
    ).toBe(true);
  });

  test('codes and severities as the catalogue gives them', () => {
    const by = (start: string) => findings.find((f) => f.message.startsWith(start))!;
    expect(by('Stellen!F1')).toMatchObject({ code: 'INVALID_VALUE', severity: 'error' });
    expect(by('Entgelttabelle!A3')).toMatchObject({ code: 'DUPLICATE_ID', severity: 'error' });
    expect(by('Kein Blatt „Parameter“')).toMatchObject({ code: 'DEFAULTS_USED', severity: 'info' });
    expect(by('Kein Blatt „Parameter“').ref).toBeUndefined();
    expect(by('Stellen!C3')).toMatchObject({ ref: { table: 'Stellen', row: 1, field: 'stufe' } });
  });

  test('every finding has its English twin naming the same cell', () => {
    for (const f of findings) {
      expect(f.messageEn).not.toBe('');
      const cell = /^([^!]+![A-Z]+\d+)/.exec(f.message)?.[1];
      if (cell) expect(f.messageEn.startsWith(cell)).toBe(true);
    }
  });

  test('an empty duplicate column is only a warning', () => {
    const t = flawedTables();
    const stellen = t.get('Stellen')!;
    t.set('Stellen', { ...stellen, rows: stellen.rows.map((r) => [...r.slice(0, 5), null]) });
    const dup = mapTables(t).findings.find((f) => f.message.startsWith('Stellen!F1'))!;
    expect(dup).toMatchObject({ code: 'INVALID_VALUE', severity: 'warning' });
    expect(dup.message).toBe(
      'Stellen!F1: die Spalte „Stufe“ gibt es schon (C1 „Stufe“); gelesen wird nur die erste, diese ist leer.',
    );
  });

  test('Parameter sheet: unknown name (warning), a name twice (the earlier value is the error), implausible values', () => {
    const { findings: f } = mapTables(
      parameterTables([
        ['Gemeinkostenzuschlag', 0.1],
        ['Gemeinkostensatz', 0.2],
        ['', 5],
        ['Gemeinkostenzuschlag', 0.12],
        ['Anzahl Planjahre', 99],
        ['Tarifsteigerung p.a.', 7],
      ]),
    );
    const m = (re: RegExp) => f.find((x) => re.test(x.message));
    expect(m(/^Parameter!A3 \(Name\): „Gemeinkostensatz“ ist kein bekannter Parameter/)).toMatchObject({
      severity: 'warning',
    });
    expect(
      m(/^Parameter!A4 \(Name\): der Name fehlt, der Wert daneben wird nicht verwendet\.$/),
    ).toMatchObject({
      severity: 'warning',
    });
    expect(
      m(
        /^Parameter!B2 \(Wert\): „Gemeinkostenzuschlag“ steht mehrfach im Blatt; es gilt der Wert in B5, dieser wird nicht verwendet\.$/,
      ),
    ).toMatchObject({ code: 'DUPLICATE_ID', severity: 'error' });
    expect(m(/^Parameter!B6 \(Wert\): 99 ist für „Anzahl Planjahre“ nicht zulässig\.$/)).toBeDefined();
    expect(m(/^Parameter!B7 \(Wert\): 7 ist für „Tarifsteigerung p\.a\.“ nicht plausibel\.$/)).toBeDefined();
  });

  test('an optional table without a required column: one finding at its header, the table is not read', () => {
    const t = flawedTables();
    t.set(
      'Planansaetze',
      table('Planansätze', ['Haushaltsstelle', 'Jahr'], [['1.1.01', 2027]], { row: 3, col: 2 }),
    );
    const about = mapTables(t).findings.filter((f) => f.ref?.table === 'Planansaetze');
    expect(about.map((f) => f.message)).toEqual([
      'Planansätze!B3: im Blatt „Planansätze“ fehlt die Spalte „Ansatz“ (Kopfzeile 3); die Tabelle wird nicht gelesen.',
    ]);
  });

  test('the catalogue speaks German and English for every entry it holds', () => {
    for (const e of [...Object.values(TABLE_FINDINGS), ...Object.values(CELL_FINDINGS)]) {
      expect(['error', 'warning', 'info']).toContain(e.severity);
      expect(e.code).toMatch(/^[A-Z_]+$/);
    }
  });
});
