/**
 * Number formats of every generated sheet, with the German locale written into the format itself
 * ([$-407] = de-DE): Excel and LibreOffice then show "69.761,34 €" and "12,500" VZÄ whatever the
 * machine's locale. Format codes are stored in the file's neutral notation (, thousands . decimals);
 * the locale tag decides how they are displayed.
 */
export const DE = '[$-407]';
/** No red for negatives: a negative is not always bad news (net savings); shortfalls are marked by rules. */
export const EURO_FORMAT = `${DE}#,##0.00 "€";${DE}-#,##0.00 "€"`;
export const FTE_FORMAT = `${DE}0.000`;
export const PERCENT_FORMAT = `${DE}0.00 %`;
export const DATE_FORMAT = `${DE}dd.mm.yyyy`;
