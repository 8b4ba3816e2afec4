import {
  dienstverhaeltnisOfGrade,
  displayGrade,
  isBeamteGrade,
  normalizeGrade,
} from '../../../src/domain/grades';

describe('normalizeGrade: one spelling per grade', () => {
  it.each([
    ['E 9b', 'E9b'],
    ['E9B', 'E9b'],
    ['e9b', 'E9b'],
    ['E9b', 'E9b'],
    ['e15ü', 'E15Ü'],
    ['E 15 Ü', 'E15Ü'],
    ['E15Ü', 'E15Ü'],
    ['E2ü', 'E2Ü'],
    ['A 11', 'A11'],
    ['a11', 'A11'],
    ['A\u00a013', 'A13'], // non-breaking space as pasted from Word
    ['S 12', 'S12'],
    ['E05', 'E5'],
    [' E 13 ', 'E13'],
    ['B 3', 'B3'],
    // "EG" (Entgeltgruppe), as job adverts and many Stellenpläne write it
    ['EG 9b', 'E9b'],
    ['EG5', 'E5'],
    ['eg 15 Ü', 'E15Ü'],
  ])('%p → %p', (input, expected) => {
    expect(normalizeGrade(input)).toBe(expected);
  });

  it('normalises other prefixes alike and upper-cases what it cannot parse', () => {
    expect(normalizeGrade('kr 9a')).toBe('KR9a');
    expect(normalizeGrade('xyz')).toBe('XYZ');
    expect(normalizeGrade('')).toBe('');
  });
});

describe('Beamte detection', () => {
  it.each(['A 11', 'A13', 'a9', 'B 3', 'W2', 'R1', 'C4'])('%p is a Besoldungsgruppe (Beamte)', (grade) => {
    expect(isBeamteGrade(grade)).toBe(true);
    expect(dienstverhaeltnisOfGrade(grade)).toBe('Beamte');
  });

  it.each(['E9b', 'E 15 Ü', 'S12', 'P8', 'e5', ''])('%p belongs to Beschäftigte', (grade) => {
    expect(isBeamteGrade(grade)).toBe(false);
    expect(dienstverhaeltnisOfGrade(grade)).toBe('Beschäftigte');
  });

  it('displays Besoldungsgruppen with a space, Entgeltgruppen compact', () => {
    expect(displayGrade('A11')).toBe('A 11');
    expect(displayGrade('e 9 b')).toBe('E9b');
  });
});
