import type { DeckungArt } from './model';

/**
 * What each kind of cover row gives and draws on. `source` says which money it is: a position's cost
 * (released by not paying it), a budget line's Ansatz (spent less), revenue, or third-party funding.
 * `occupancy` says what an occupied position means: a planned position must be unoccupied; a position
 * that is dropped or not refilled gives money only from the day it falls vacant.
 */
export interface CoverKind {
  source: 'position' | 'budget' | 'revenue' | 'funding';
  occupancy?: 'unoccupied' | 'vacancy';
  /** The named budget line must exist (money spent less comes out of a line). */
  needsLine: boolean;
  /** Draws on the named budget line's Ansatz in the ledger. */
  drawsOnLine: boolean;
}

export const COVER_KINDS: Record<DeckungArt, CoverKind> = {
  Stellenwegfall: { source: 'position', occupancy: 'vacancy', needsLine: false, drawsOnLine: false },
  Nichtbesetzung: { source: 'position', occupancy: 'vacancy', needsLine: false, drawsOnLine: false },
  'Verzicht auf geplante Stelle': {
    source: 'position',
    occupancy: 'unoccupied',
    needsLine: false,
    drawsOnLine: false,
  },
  Minderaufwand: { source: 'budget', needsLine: true, drawsOnLine: true },
  Mehrertrag: { source: 'revenue', needsLine: false, drawsOnLine: false },
  // A grant booked as revenue on a line (e.g. "Zuweisungen Digitalpakt") can be given only once.
  Förderung: { source: 'funding', needsLine: false, drawsOnLine: true },
};

export const isPositionCover = (art: DeckungArt) => COVER_KINDS[art].source === 'position';
