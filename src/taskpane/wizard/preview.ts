import { checkCoverage } from '../../domain/coverage';
import type { Finding } from '../../domain/findings';
import type { Deckung, Massnahme } from '../../domain/model';
import { withProposal } from '../../domain/proposal';
import type { CheckResult, MeasureResult } from '../../domain/result';

export interface WizardPreview {
  /** The new measure as the engine computes it in its own scenario. */
  measure?: MeasureResult;
  /** Findings about the new measure or its cover rows. */
  findings: Finding[];
  /** Errors anywhere in the plan that the workbook does not have yet (e.g. a variant now short). */
  newErrors: Finding[];
}

const findingKey = (f: Finding) =>
  `${f.code}|${f.measure ?? ''}|${f.ref?.table ?? ''}|${f.ref?.row ?? ''}|${f.ref?.field ?? ''}`;

/**
 * The plan with the proposed measure and cover rows, checked by the engine in every scenario: a Basis
 * measure belongs to all of them, so a source it shares with a variant's measure is an error there.
 */
export function previewProposal(before: CheckResult, massnahme: Massnahme, cover: Deckung[]): WizardPreview {
  const extended = withProposal(before.model, massnahme, cover);
  const result = checkCoverage(extended);
  const known = new Set(before.findings.map(findingKey));
  return {
    measure: result.measures.find((m) => m.massnahme.nr === massnahme.nr),
    findings: result.findings.filter((f) => f.measure === massnahme.nr),
    newErrors: result.findings.filter(
      (f) => f.severity === 'error' && f.measure !== massnahme.nr && !known.has(findingKey(f)),
    ),
  };
}
