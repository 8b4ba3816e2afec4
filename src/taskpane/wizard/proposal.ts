import type { Deckung, Massnahme } from '../../domain/model';

/** What the wizard writes: one measure row and its cover rows. */
export interface Proposal {
  massnahme: Massnahme;
  cover: Deckung[];
}
