import { D, type Dec } from '../../domain/money';

/**
 * Stellenanteil as people type it: "0,5", "0.5", "1", "50 %", "50%" (also "50,5 %"). Returns undefined for
 * anything else; the caller checks the range 0 < share ≤ 1.
 */
export function parseShare(text: string): Dec | undefined {
  const t = text.trim().replace(/\s+/g, '');
  const percent = /^(\d+(?:[.,]\d+)?)%$/.exec(t);
  if (percent) return new D(percent[1].replace(',', '.')).div(100);
  if (/^\d+(?:[.,]\d+)?$/.test(t)) return new D(t.replace(',', '.'));
  return undefined;
}

/** A usable share: more than 0, at most 1. */
export function validShare(share: Dec | undefined): share is Dec {
  return share !== undefined && share.gt(0) && share.lte(1);
}
