/**
 * A value quoted in a message, cut to a readable length: a 5 MB cell is shown as its first and
 * last few characters and its full length, never echoed whole.
 */
export const QUOTE_MAX = 60;

/** What quoteValue makes of a long value: quoting it again leaves it as it is. */
const CUT = /…[^…]* \([\d,]+ characters\)$/;

export function quoteValue(value: string, max = QUOTE_MAX): string {
  if (value.length <= max || (value.length < max * 2 && CUT.test(value))) return value;
  const keep = Math.max(4, Math.floor((max - 1) / 2));
  return `${value.slice(0, keep)}…${value.slice(-keep)} (${value.length.toLocaleString('en-GB')} characters)`;
}
