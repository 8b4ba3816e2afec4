import { roundCent, type Dec } from '../domain/money';

// de-DE whatever the machine's locale (DESIGN: every screen shows German amounts); "69.761,34 €" with a
// non-breaking space before the sign, so that an amount never breaks across lines.
const EURO = new Intl.NumberFormat('de-DE', { style: 'currency', currency: 'EUR' });

/**
 * An amount for the screen. The decimal goes in as an exact string (Intl.NumberFormat v3 formats
 * numeric strings without a detour through floating point).
 */
export function euro(value: Dec): string {
  const text = roundCent(value).toFixed(2);
  return EURO.format(text as unknown as number);
}

/**
 * Engine texts (findings, explanations) write "69.761,34 €" with an ordinary space; on screen the sign
 * stays with its number so that no amount breaks across lines in a narrow pane.
 */
export function keepAmountsTogether(text: string): string {
  return text.replace(/(\d) (€|%|VZÄ)/g, '$1\u00a0$2');
}

/**
 * Stellen (VZÄ) as the Stellenplan prints them: three decimals, German comma, "1,000"; `signed` puts "+"
 * before an increase (Veränderung). Exact from the decimal, never through floating point.
 */
export function fte(value: Dec, signed = false): string {
  const text = value.toFixed(3).replace('.', ',');
  return signed && value.isPositive() && !value.isZero() ? `+${text}` : text;
}
