/**
 * Money beyond integer pence: decimal.js for pounds, rounding and parsing what councils'
 * spreadsheets print. The pence type and its integer arithmetic are in `model/money.ts`.
 */
import Decimal from 'decimal.js';
import { MAX_CELL_PENCE, ZERO, pence, type Pence } from '../model/money';

export function toDecimalPounds(p: Pence): Decimal {
  return new Decimal(p).div(100);
}

/** Exactly two decimals, e.g. "-136000.00": the JSON form. */
export function toFixed2(p: Pence): string {
  // Integer arithmetic, exact for every safe integer: a % 100 and a multiple of 100 over 100 are exact.
  const a = Math.abs(p);
  const pennies = a % 100;
  return `${p < 0 ? '-' : ''}${(a - pennies) / 100}.${pennies < 10 ? '0' : ''}${pennies}`;
}

/** Pounds (a decimal string or Decimal) to pence, rounding half away from zero. */
export function fromPounds(pounds: Decimal.Value): Pence {
  const d = new Decimal(pounds).mul(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP);
  return pence(d.toNumber());
}

/** Rounds a Decimal number of pence to whole pence, half away from zero. */
export function roundPence(p: Decimal): Pence {
  return pence(p.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

// ---------------------------------------------------------------------------------------------
// Parsing money as councils' spreadsheets print it (SPEC section 3).

export type MoneyParse =
  | { ok: true; pence: Pence; rounded: boolean }
  | { ok: true; missing: true }
  | { ok: false; reason: string };

export const MONEY_ACCEPTED =
  'an amount such as 1234, 1,234.56, £1,234.56, -£1,234.56, (1,234.56), 1,234.56 CR, £6.089m, (£196k), 1.5E+06 or - for zero';

const PLAIN = /^-?\d+(?:\.\d{1,2})?$/;
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
const UNGROUPED = /^(?:\d+(?:\.\d*)?|\.\d+)$/;
const SCIENTIFIC = /^(\d+(?:\.\d*)?|\.\d+)[eE]([+-]?\d{1,3})$/;
const DASHES = new Set(['-', '–', '—', '−']);

function fail(reason: string): MoneyParse {
  return { ok: false, reason };
}

/**
 * Parses one cell. Exact: the digits are turned into pence by string arithmetic, never through
 * a binary float, and anything beyond the penny is rounded half away from zero (flagged so the
 * importer can warn which rows were rounded).
 */
export function parseMoney(raw: string): MoneyParse {
  // Fast path for the plain, grouped and bracketed figures that make up almost every ledger row.
  const quick = quickPence(raw);
  if (quick !== undefined) return { ok: true, pence: quick, rounded: false };
  if (PLAIN.test(raw)) return plainToPence(raw);

  let s = raw.replace(/[\s\u00a0]+/g, ' ').trim();
  if (s === '') return { ok: true, missing: true };
  if (DASHES.has(s)) return { ok: true, pence: ZERO, rounded: false };
  if (/nan|inf/i.test(s)) return fail('not a number');

  let negative = false;
  let signs = 0;
  const crdr = /^(.*?)\s*(CR|DR)\.?$/i.exec(s);
  if (crdr) {
    s = crdr[1]!.trim();
    if (crdr[2]!.toUpperCase() === 'CR') {
      negative = true;
      signs++;
    }
  }
  if (s.startsWith('(') || s.endsWith(')')) {
    if (!(s.startsWith('(') && s.endsWith(')'))) return fail('unbalanced parentheses');
    s = s.slice(1, -1).trim();
    if (s === '') return fail('empty parentheses');
    negative = true;
    signs++;
  }
  // A sign may stand either side of the pound sign: -£5, £-5.
  const signed = /^([-−–+]?)\s*(£?)\s*([-−–+]?)\s*(.*)$/.exec(s)!;
  const sign = signed[1] || signed[3];
  if (signed[1] && signed[3]) return fail('two signs');
  if (sign && sign !== '+') {
    negative = true;
    signs++;
  }
  if (signs > 1) return fail('more than one way of marking a negative (minus, brackets, CR)');
  s = signed[4]!.trim();
  if (s === '') return fail('no digits');
  if (s.includes('£')) return fail('a misplaced £ sign');

  let multiplierExp = 0;
  const suffix = /^(.*?)\s*([kKmM])$/.exec(s);
  if (suffix) {
    s = suffix[1]!;
    multiplierExp = suffix[2]!.toLowerCase() === 'k' ? 3 : 6;
  }
  if (/[a-df-zA-DF-Z]/.test(s)) return fail('letters in the amount');
  if ((s.match(/\./g) ?? []).length > 1) return fail('two decimal points');

  let mantissa: string;
  let exponent = multiplierExp;
  const sci = SCIENTIFIC.exec(s);
  if (sci) {
    mantissa = sci[1]!;
    exponent += Number(sci[2]);
  } else if (s.includes(',')) {
    if (!GROUPED.test(s)) return fail('misplaced thousands separator');
    mantissa = s.replace(/,/g, '');
  } else if (UNGROUPED.test(s)) {
    mantissa = s;
  } else {
    return fail('not an amount of money');
  }
  return digitsToPence(mantissa, exponent, negative);
}

/**
 * The one fast money reader, for parseMoney and the import's row loop alike: the amounts that
 * make up almost every ledger row, plain ("1234", "-1234.5"), comma-grouped ("1,234.56") and
 * bracketed ("(1,234.56)", "-1,234.56"), read by character codes into exact pence with no
 * intermediate strings. At most 12 whole digits and 2 decimals, no spaces, signs or symbols
 * beyond one leading minus or a pair of brackets; undefined for anything else, which
 * parseMoney's general reading then takes (or rejects), with the same result for every input
 * this accepts (tests/domain/quickPence.test.ts).
 */
export function quickPence(s: string): Pence | undefined {
  const n = s.length;
  const first = s.charCodeAt(0);
  const bracketed = first === 40; // (
  if (bracketed && s.charCodeAt(n - 1) !== 41) return undefined;
  const negative = bracketed || first === 45; // -
  const end = bracketed ? n - 1 : n;
  let i = negative ? 1 : 0;
  let whole = 0;
  let digits = 0;
  // Digits since the last comma; -1 before the first.
  let group = -1;
  for (; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      whole = whole * 10 + (c - 48);
      digits++;
      if (group >= 0) group++;
    } else if (c === 44) {
      if (group === -1 ? digits < 1 || digits > 3 : group !== 3) return undefined;
      group = 0;
    } else break;
  }
  if ((group !== -1 && group !== 3) || digits === 0 || digits > 12) return undefined;
  let frac = 0;
  if (i < end) {
    const places = end - i - 1;
    if (s.charCodeAt(i) !== 46 || places < 1 || places > 2) return undefined;
    for (i++; i < end; i++) {
      const c = s.charCodeAt(i) - 48;
      if (c < 0 || c > 9) return undefined;
      frac = frac * 10 + c;
    }
    if (places === 1) frac *= 10;
  }
  const p = whole * 100 + frac;
  if (p > MAX_CELL_PENCE) return undefined;
  return (negative && p !== 0 ? -p : p) as Pence;
}

function plainToPence(s: string): MoneyParse {
  const negative = s.charCodeAt(0) === 45;
  const body = negative ? s.slice(1) : s;
  const dot = body.indexOf('.');
  const whole = dot < 0 ? body : body.slice(0, dot);
  const frac = dot < 0 ? '' : body.slice(dot + 1);
  if (whole.length > 13) return digitsToPence(body, 0, negative);
  const p = Number(whole) * 100 + (frac.length === 0 ? 0 : frac.length === 1 ? Number(frac) * 10 : Number(frac));
  if (p > MAX_CELL_PENCE) return fail('too large (over £1 trillion)');
  return { ok: true, pence: (negative && p !== 0 ? -p : p) as Pence, rounded: false };
}

/** mantissa like "1234.5678", times 10^exponent, to pence rounded half away from zero. */
function digitsToPence(mantissa: string, exponent: number, negative: boolean): MoneyParse {
  const dot = mantissa.indexOf('.');
  const intDigits = dot < 0 ? mantissa : mantissa.slice(0, dot);
  const fracDigits = dot < 0 ? '' : mantissa.slice(dot + 1);
  let digits = (intDigits + fracDigits).replace(/^0+(?=\d)/, '');
  // The value is digits × 10^(exponent − fracDigits.length) pounds; pence shift two more.
  const shift = exponent - fracDigits.length + 2;
  let rounded = false;
  let wholePence: string;
  if (shift >= 0) {
    wholePence = digits === '0' ? '0' : digits + '0'.repeat(shift);
  } else {
    const keep = digits.length + shift;
    if (keep <= 0) {
      const first = keep === 0 ? Number(digits[0]) : 0;
      rounded = /[1-9]/.test(digits);
      wholePence = first >= 5 ? '1' : '0';
    } else {
      const dropped = digits.slice(keep);
      digits = digits.slice(0, keep);
      rounded = /[1-9]/.test(dropped);
      wholePence = digits;
      if (Number(dropped[0]) >= 5) wholePence = incrementDigits(digits);
    }
  }
  wholePence = wholePence.replace(/^0+(?=\d)/, '');
  if (wholePence.length > 15 || Number(wholePence) > MAX_CELL_PENCE) return fail('too large (over £1 trillion)');
  const p = Number(wholePence);
  return { ok: true, pence: (negative && p !== 0 ? -p : p) as Pence, rounded };
}

function incrementDigits(d: string): string {
  const chars = d.split('');
  let i = chars.length - 1;
  while (i >= 0) {
    if (chars[i] === '9') {
      chars[i] = '0';
      i--;
    } else {
      chars[i] = String(Number(chars[i]) + 1);
      return chars.join('');
    }
  }
  return '1' + chars.join('');
}
