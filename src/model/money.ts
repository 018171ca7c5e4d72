/**
 * Money: exact integer pence behind one small API.
 *
 * Amounts are held as integer pence in a JS number. Every integer below 2^53 is exact, and the
 * arithmetic here checks each result is still a safe integer, so a sum can never silently lose a
 * penny (the approach Actual takes; see NOTES.md). Pence are plain numbers so they cross
 * postMessage, IndexedDB and JSON untouched, which Decimal instances cannot. Only integer maths
 * lives here; division, percentages, parsing and display go through decimal.js in
 * `domain/money.ts`.
 */

/** Integer pence. Only this module creates or combines them. */
export type Pence = number & { readonly __pence: unique symbol };

/** The largest absolute amount one cell may hold: £1 trillion, far beyond any DSG figure. */
export const MAX_CELL_PENCE = 100_000_000_000_000;

export class MoneyOverflowError extends Error {
  constructor() {
    super('a sum of money grew beyond what can be held exactly (over £90 trillion)');
  }
}

function checked(n: number): Pence {
  if (!Number.isSafeInteger(n)) throw new MoneyOverflowError();
  return n as Pence;
}

export const ZERO = 0 as Pence;

export function pence(n: number | bigint): Pence {
  return checked(typeof n === 'bigint' ? Number(n) : n);
}

export function add(a: Pence, b: Pence): Pence {
  return checked(a + b);
}

export function sub(a: Pence, b: Pence): Pence {
  return checked(a - b);
}

export function neg(a: Pence): Pence {
  return (a === 0 ? 0 : -a) as Pence;
}

/** The amount without its sign (an overspend or underspend said in words). */
export function abs(a: Pence): Pence {
  return (a < 0 ? -a : a) as Pence;
}

/** Sum without spreading (Decimal.sum(...xs) overflows the stack on large arrays). */
export function sum(values: Iterable<Pence>): Pence {
  let total = 0;
  for (const v of values) {
    total += v;
    if (!Number.isSafeInteger(total)) throw new MoneyOverflowError();
  }
  return total as Pence;
}

/**
 * a × mul ÷ div, rounded to whole pence half away from zero, exactly (integer maths, BigInt when
 * a × mul is beyond 2^53): the per-line, per-month shares that would otherwise cost a Decimal each.
 * mul and div are small whole numbers (a month of twelve, a count), div positive.
 */
export function mulDivRound(a: Pence, mul: number, div: number): Pence {
  if (!Number.isSafeInteger(mul) || !Number.isSafeInteger(div) || div <= 0) throw new RangeError('mulDivRound takes whole numbers and a positive divisor');
  const n = a * mul;
  if (Number.isSafeInteger(n)) {
    const r = n % div; // exact on integers, with the sign of n
    let q = (n - r) / div;
    if (2 * Math.abs(r) >= div) q += n < 0 ? -1 : 1;
    return checked(q);
  }
  const big = BigInt(a) * BigInt(mul);
  const d = BigInt(div);
  const r = big % d;
  let q = big / d; // truncates towards zero
  if (2n * (r < 0n ? -r : r) >= d) q += big < 0n ? -1n : 1n;
  return pence(q);
}
