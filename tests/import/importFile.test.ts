/**
 * Importing files as councils export them (SPEC section 5): encodings, title lines, totals rows,
 * blank rows, extra columns, header synonyms, wide and long actuals, ledgers, delimiters and the
 * money forms of section 3 inside cells.
 */
import { describe, expect, it, test } from 'vitest';
import type { ActualLine } from '../../src/model/dataset';
import { importBytes, importText, type ImportResult } from '../../src/import/importFile';
import { MOJIBAKE, allStrings, importFixture, pence, utf16be, utf16le, utf8, utf8Bom, windows1252 } from './helpers';

function lineByName(result: ImportResult, name: string): ActualLine {
  const line = result.data.actuals.find((a) => a.line === name);
  if (!line) throw new Error(`no line ${name} in ${result.data.actuals.map((a) => a.line).join(', ')}`);
  return line;
}

/** A budget file with £, an en dash and an accented letter: what goes wrong in the wrong encoding. */
const BUDGET_TEXT = [
  'Fin Year,Funding Block,Budget Heading,Revised Budget £',
  '2022-23,High Needs,Top up funding – mainstream,"£1,234,567.89"',
  '2022-23,Early Years,Café and nursery provision,£196k',
  '2022-23,Schools,Growth fund,(£12.50)',
  '',
].join('\r\n');

describe('encodings (SPEC 5)', () => {
  test.each([
    ['utf-8', utf8(BUDGET_TEXT)],
    ['utf-8 (BOM)', utf8Bom(BUDGET_TEXT)],
    ['utf-16le (BOM)', utf16le(BUDGET_TEXT)],
    ['utf-16be (BOM)', utf16be(BUDGET_TEXT)],
    ['utf-16le', utf16le(BUDGET_TEXT, false)],
    ['utf-16be', utf16be(BUDGET_TEXT, false)],
    ['windows-1252', windows1252(BUDGET_TEXT)],
  ] as const)('%s: £ amounts parse and no Â£ or � reaches any value', (encoding, bytes) => {
    const r = importBytes(bytes, 'budget.csv');
    expect(r.encoding).toBe(encoding);
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe('budget');
    expect(r.columns.map((c) => c.column)).toContain('D (Revised Budget £)');
    expect(r.data.budgets.map((b) => [b.line, b.budget])).toEqual([
      ['Top up funding – mainstream', 123456789],
      ['Café and nursery provision', 19600000],
      ['Growth fund', -1250],
    ]);
    for (const s of allStrings(r)) expect(s).not.toMatch(MOJIBAKE);
  });

  it('the first header name carries no BOM', () => {
    const r = importBytes(utf8Bom('financial_year,block,line,budget\n2022-23,HN,Top up,1\n'), 'budget.csv');
    expect(r.columns[0]).toEqual({ column: 'A (financial_year)', field: 'financial year' });
    // importText also strips a BOM left on the text
    const t = importText('\ufefffinancial_year,block,line,budget\n2022-23,HN,Top up,1\n', 'budget.csv');
    expect(t.columns[0]!.column).toBe('A (financial_year)');
  });
});

describe('a Windows-1252 council budget export (fixtures/messy/budget-1252.csv)', () => {
  const r = importFixture('messy/budget-1252.csv');

  it('is decoded, recognised, and its header found below the title lines', () => {
    expect(r.encoding).toBe('windows-1252');
    expect(r.kind).toBe('budget');
    expect(r.delimiter).toBe(',');
    expect(r.headerRow).toBe(5);
    expect(r.errors).toEqual([]);
    expect(r.warnings).toEqual([]);
  });

  it('maps the header synonyms and lists the extra column', () => {
    expect(r.columns).toEqual([
      { column: 'A (Fin Year)', field: 'financial year' },
      { column: 'B (Funding Block)', field: 'block' },
      { column: 'C (Budget Heading)', field: 'budget line' },
      { column: 'D (Cost Centre)', field: 'cost centre' },
      { column: 'F (Revised Budget £)', field: 'budget' },
      { column: 'G (Notes)', field: 'commentary' },
    ]);
    expect(r.extraColumns).toEqual(['E (Original Budget)']);
  });

  it('skips the subtotal, total and blank rows with a note, and never adds them in', () => {
    expect(r.skipped).toEqual([
      { row: 9, reason: 'a totals row ("Sub-total Early Years"): not added in' },
      { row: 13, reason: 'a totals row ("Total High Needs"): not added in' },
      { row: 14, reason: 'blank row 14 skipped' },
      { row: 17, reason: 'a totals row ("Grand Total"): not added in' },
    ]);
    expect(r.rowsRead).toBe(12);
    expect(r.rowsImported).toBe(8);
    expect(r.rowsRejected).toBe(0);
    expect(r.data.budgets.map((b) => b.line)).not.toContainEqual(expect.stringMatching(/total/i));
  });

  it('reads every budget to the penny, in every money form the file uses', () => {
    expect(r.data.budgets.map((b) => [b.costCentre, b.block, b.budget])).toEqual([
      ['EY100', 'Early Years', 608900000], // "£6,089,000.00"
      ['EY110', 'Early Years', 29500000], // £295000
      ['EY120', 'Early Years', 16000000],
      ['HN200', 'High Needs', 325050050], // "£3,250,500.50"
      ['HN210', 'High Needs', -1250025], // "(£12,500.25)"
      ['HN220', 'High Needs', 55000000], // £550k
      ['SB300', 'Schools', 0], // "-"
      ['CS400', 'Central School Services', 11400000],
    ]);
    const total = r.data.budgets.reduce((t, b) => t + BigInt(b.budget), 0n);
    // The file's grand total, "£10,446,000.25", is skipped; the lines still add up to it.
    expect(total).toBe(pence('10446000.25'));
  });

  it('keeps names as written: en dash, é, "&" and quoted commas', () => {
    const lines = r.data.budgets.map((b) => b.line);
    expect(lines).toContain('Early Years 2, 3 & 4 yr old payments - PVIs & Academies');
    expect(lines).toContain('Top up funding – mainstream');
    expect(r.data.budgets.find((b) => b.costCentre === 'HN200')!.commentary).toBe('Café provision noted');
    for (const s of allStrings(r)) expect(s).not.toMatch(MOJIBAKE);
  });
});

describe('wide actuals (fixtures/messy/actuals-wide.csv): Apr-22 … Mar-23 columns and a Total column', () => {
  const r = importFixture('messy/actuals-wide.csv');

  it('is recognised as wide, with the Total column listed as extra', () => {
    expect(r.kind).toBe('actualsWide');
    expect(r.headerRow).toBe(3);
    expect(r.errors).toEqual([]);
    expect(r.extraColumns).toEqual(['P (Total)']);
    expect(r.columns.filter((c) => c.field.startsWith('actual P')).map((c) => c.column)).toEqual([
      'D (Apr-22)', 'E (May-22)', 'F (Jun-22)', 'G (Jul-22)', 'H (Aug-22)', 'I (Sep-22)',
      'J (Oct-22)', 'K (Nov-22)', 'L (Dec-22)', 'M (Jan-23)', 'N (Feb-23)', 'O (Mar-23)',
    ]);
  });

  it('skips the block total, the blank row and the grand total', () => {
    expect(r.skipped).toEqual([
      { row: 7, reason: 'a totals row ("Total High Needs"): not added in' },
      { row: 8, reason: 'blank row 8 skipped' },
      { row: 9, reason: 'a totals row ("Grand Total"): not added in' },
    ]);
    expect(r.rowsImported).toBe(3);
    expect(r.data.actuals).toHaveLength(3);
  });

  it('reads each month exactly: "-" is zero, brackets and CR are negative, £ and commas are fine', () => {
    const ehcp = lineByName(r, 'EHCP in-year adjustments');
    expect(ehcp.fy).toBe(2022);
    expect(ehcp.block).toBe('High Needs');
    expect(ehcp.actuals).toEqual([
      4583333, 4583333, 5211000, 6025010, 0, 3840000, 6100000, 7012545, 5833333, -123456, 8000000, 19220202,
    ]);
    const special = lineByName(r, 'Special Schools / High Needs in-year adjustments');
    expect(special.block).toBe('High Needs'); // "HNB"
    expect(special.actuals[10]).toBe(-123456); // "1,234.56 CR"
    const alfey = lineByName(r, 'Early Years - ALFEY');
    expect(alfey.actuals.slice(0, 11).every((a) => a === 2458333)).toBe(true); // "£24,583.33"
    expect(alfey.actuals[11]).toBe(2458337);
  });

  it('adds up to the outturns the file states, which the skipped Total column also shows', () => {
    const sumOf = (a: ActualLine) => a.actuals.reduce((t, v) => t + BigInt(v ?? 0), 0n);
    expect(sumOf(lineByName(r, 'EHCP in-year adjustments'))).toBe(pence('702853.00'));
    expect(sumOf(lineByName(r, 'Special Schools / High Needs in-year adjustments'))).toBe(pence('535864.00'));
    expect(sumOf(lineByName(r, 'Early Years - ALFEY'))).toBe(pence('295000.00'));
  });

  it('takes the forecast as at the latest month, and the commentary', () => {
    const ehcp = lineByName(r, 'EHCP in-year adjustments');
    expect(ehcp.forecasts).toEqual([...new Array(11).fill(null), 70285300]);
    expect(ehcp.commentary).toBe('Overspend on new plans');
    expect(lineByName(r, 'Early Years - ALFEY').forecasts[11]).toBe(29500000); // "£0.295m"
    expect(lineByName(r, 'Special Schools / High Needs in-year adjustments').commentary).toBe('Higher cost, more places');
  });
});

describe('wide actuals with P1…P12 and April…March headings', () => {
  const values = Array.from({ length: 12 }, (_, i) => `"${i + 1},000.0${i % 10}"`);
  const expected = Array.from({ length: 12 }, (_, i) => (i + 1) * 100_000 + (i % 10));

  test.each([
    ['P1…P12', Array.from({ length: 12 }, (_, i) => `P${i + 1}`)],
    ['Period 1…Period 12', Array.from({ length: 12 }, (_, i) => `Period ${i + 1}`)],
    ['April…March', ['April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December', 'January', 'February', 'March']],
    ['Apr…Mar', ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar']],
    ['Apr-22 Actual…', ['Apr-22 Actual', 'May-22 Actual', 'Jun-22 Actual', 'Jul-22 Actual', 'Aug-22 Actual', 'Sep-22 Actual', 'Oct-22 Actual', 'Nov-22 Actual', 'Dec-22 Actual', 'Jan-23 Actual', 'Feb-23 Actual', 'Mar-23 Actual']],
  ])('%s', (_name, months) => {
    const text = `Financial Year,Block,Budget Line,${months.join(',')},Total Actual\n2022-23,HNB,Top up,${values.join(',')},"78,000.45"\n`;
    const r = importText(text, 'wide.csv');
    expect(r.errors).toEqual([]);
    expect(r.kind).toBe('actualsWide');
    expect(r.extraColumns).toEqual(['P (Total Actual)']);
    expect(r.data.actuals).toHaveLength(1);
    expect(r.data.actuals[0]!.actuals).toEqual(expected);
  });

  it('takes the financial year from Apr-22 … Mar-23 headings when there is no year column', () => {
    const months = ['Apr-22', 'May-22', 'Jun-22', 'Jul-22', 'Aug-22', 'Sep-22', 'Oct-22', 'Nov-22', 'Dec-22', 'Jan-23', 'Feb-23', 'Mar-23'];
    const r = importText(`Block,Budget Line,${months.join(',')}\nHN,Top up,${values.join(',')}\n`, 'wide.csv');
    expect(r.errors).toEqual([]);
    expect(r.data.actuals[0]!.fy).toBe(2022);
  });

  it('leaves months with empty cells as missing, not zero', () => {
    const r = importText('Financial Year,Block,Line,P1,P2,P3\n2022-23,HN,Top up,100,,-\n', 'wide.csv');
    expect(r.data.actuals[0]!.actuals).toEqual([10000, null, 0, null, null, null, null, null, null, null, null, null]);
  });
});

/** A small seeded generator, so the generated ledger is the same on every run. */
function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Pence as a ledger might print them, in one of several styles. */
function printMoney(p: bigint, style: number): string {
  const abs = p < 0n ? -p : p;
  const whole = (abs / 100n).toString();
  const frac = (abs % 100n).toString().padStart(2, '0');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  if (p === 0n && style % 2 === 0) return '-';
  switch (style) {
    case 0: return `${p < 0n ? '-' : ''}${whole}.${frac}`;
    case 1: return p < 0n ? `(${grouped}.${frac})` : `${grouped}.${frac}`;
    case 2: return `${p < 0n ? '-' : ''}£${grouped}.${frac}`;
    case 3: return `${grouped}.${frac} ${p < 0n ? 'CR' : 'DR'}`;
    default: return p < 0n ? `(£${grouped}.${frac})` : `£${grouped}.${frac}`;
  }
}

describe('a tab-separated ledger with thousands of transactions, summed exactly', () => {
  const LINES = [
    ['HN001', 'High Needs', 'Top up funding - mainstream'],
    ['HN002', 'HNB', 'Independent special school placements'],
    ['EY001', 'Early Years', 'Early Years - ALFEY'],
    ['SB001', 'Schools Block', 'Growth fund'],
    ['CS001', 'CSSB', 'Admissions'],
  ] as const;
  const ROWS = 6000;
  const rand = mulberry32(2022);
  const expected = new Map<string, bigint[]>();
  const out = [
    'DSG ledger extract\t\t\t\t\t\t\t\t',
    'Financial Year\tPeriod\tTrans Date\tCost Centre\tBlock\tBudget Heading\tSupplier\tReference\tAmount',
  ];
  for (let i = 0; i < ROWS; i++) {
    const [cc, block, line] = LINES[Math.floor(rand() * LINES.length)]!;
    const period = 1 + Math.floor(rand() * 12);
    // Mostly spend, some credits; up to £250,000 a transaction, any pence.
    const amount = BigInt(Math.floor(rand() * 25_000_000)) * (rand() < 0.15 ? -1n : 1n);
    const style = Math.floor(rand() * 5);
    const month = ((period + 2) % 12) + 1;
    const year = month >= 4 ? 2022 : 2023;
    const date = `${String(1 + Math.floor(rand() * 28)).padStart(2, '0')}/${String(month).padStart(2, '0')}/${year}`;
    const periodCell = ['P' + period, String(period), `Period ${period}`][i % 3]!;
    out.push(['2022/23', periodCell, date, cc, block, line, `Supplier ${i % 97}`, `INV${100000 + i}`, printMoney(amount, style)].join('\t'));
    const sums = expected.get(cc) ?? new Array<bigint>(12).fill(0n);
    sums[period - 1]! += amount;
    expected.set(cc, sums);
    if (i === 2999) out.push('Sub-total\t\t\t\t\t\t\t\t999999.99'); // a subtotal halfway: never added in
    if (i % 1000 === 500) out.push('\t\t\t\t\t\t\t\t'); // Excel's rows of empty cells
  }
  out.push('Grand Total\t\t\t\t\t\t\t\t123456789.00');
  const text = out.join('\r\n') + '\r\n';
  const r = importBytes(utf8(text), 'ledger.txt');

  it('is recognised as a tab-separated ledger', () => {
    expect(r.delimiter).toBe('\t');
    expect(r.kind).toBe('ledger');
    expect(r.headerRow).toBe(2);
    expect(r.errors).toEqual([]);
    expect(r.rowsImported).toBe(ROWS);
  });

  it('sums several rows per line and period exactly, as BigInt does', () => {
    expect(r.data.actuals).toHaveLength(LINES.length);
    for (const line of r.data.actuals) {
      const want = expected.get(line.costCentre!)!;
      expect(line.actuals.map((v) => BigInt(v ?? 0))).toEqual(want);
    }
    const grand = r.data.actuals.reduce((t, a) => t + a.actuals.reduce((u, v) => u + BigInt(v ?? 0), 0n), 0n);
    const wantGrand = [...expected.values()].flat().reduce((t, v) => t + v, 0n);
    expect(grand).toBe(wantGrand);
  });

  it('skips the subtotal, grand total and empty rows with notes', () => {
    expect(r.skipped.filter((s) => /totals row/.test(s.reason)).map((s) => s.reason)).toEqual([
      'a totals row ("Sub-total"): not added in',
      'a totals row ("Grand Total"): not added in',
    ]);
    expect(r.skipped.some((s) => /^blank rows /.test(s.reason))).toBe(true);
  });

  it('maps block synonyms and keeps supplier and reference out of the figures', () => {
    expect(new Set(r.data.actuals.map((a) => a.block))).toEqual(new Set(['High Needs', 'Early Years', 'Schools', 'Central School Services']));
    expect(r.columns.map((c) => c.field)).toEqual(expect.arrayContaining(['supplier', 'reference', 'date', 'actual', 'period']));
  });
});

describe('a ledger dated by transaction date, without a period column', () => {
  it('takes the period and financial year from each UK date', () => {
    const text = [
      'Trans Date,Block,Budget Heading,Supplier,Amount',
      '01/04/2022,HN,Top up,Acme,100.00', // 1 April 2022: P1 of 2022-23
      '13/01/2023,HN,Top up,Acme,200.00', // 13 January 2023: P10 of 2022-23
      '12/01/2023,HN,Top up,Acme,300.00', // 12 January, not 1 December
      '31/03/2023,HN,Top up,Acme,400.00',
      '',
    ].join('\n');
    const r = importText(text, 'ledger.csv');
    expect(r.errors).toEqual([]);
    expect(r.data.actuals).toHaveLength(1);
    const line = r.data.actuals[0]!;
    expect(line.fy).toBe(2022);
    expect(line.actuals).toEqual([10000, null, null, null, null, null, null, null, null, 50000, null, 40000]);
  });
});

describe('a semicolon-separated actuals file (fixtures/messy/actuals-semicolon.csv)', () => {
  const r = importFixture('messy/actuals-semicolon.csv');

  it('is recognised with its delimiter and header below the titles', () => {
    expect(r.delimiter).toBe(';');
    expect(r.kind).toBe('actuals');
    expect(r.headerRow).toBe(3);
    expect(r.errors).toEqual([]);
  });

  it('reads the money forms inside cells exactly', () => {
    expect(lineByName(r, 'Top up funding – mainstream').actuals.slice(0, 3)).toEqual([
      123456, // "1,234.56"
      -123456, // (1,234.56)
      608900000, // "£6.089m"
    ]);
    expect(lineByName(r, 'Early Years - ALFEY').actuals.slice(0, 5)).toEqual([
      -123456, // 1,234.56 CR
      0, // -
      150000000, // 1.5E+06
      2458334, // "£24,583.335", rounded half away from zero
      -100000, // "-£1,000.00" on 01/08/2022
    ]);
    expect(lineByName(r, 'Growth fund').actuals[11]).toBe(123456); // £1,234.56 DR
  });

  it('reads periods as P1, Apr-22, Jul 2022 and 01/08/2022', () => {
    const alfey = lineByName(r, 'Early Years - ALFEY');
    expect(alfey.actuals.map((v) => v !== null)).toEqual([true, true, true, true, true, false, false, false, false, false, false, false]);
  });

  it('warns, naming the row, where an amount was rounded to the penny', () => {
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.message).toMatch(/rounded to the penny \(half away from zero\) in row 10$/);
  });

  it('skips the blank row and the total, and never adds the total in', () => {
    expect(r.skipped).toEqual([
      { row: 12, reason: 'blank row 12 skipped' },
      { row: 14, reason: 'a totals row ("Total"): not added in' },
    ]);
    const total = r.data.actuals.reduce((t, a) => t + a.actuals.reduce((u, v) => u + BigInt(v ?? 0), 0n), 0n);
    expect(total).toBe(pence('7612583.34')); // what the file's own Total row says
  });

  it('reads a continental decimal comma exactly, and says so (it was refused before European forms were read)', () => {
    const t = importText('Financial Year;Period;Block;Line;Actual\n2022-23;1;HN;Top up;1234,56\n', 'semi.csv');
    expect(t.delimiter).toBe(';');
    expect(t.errors).toEqual([]);
    expect(t.data.actuals[0]!.actuals[0]).toBe(123456);
    expect(t.warnings.map((w) => w.message).join('\n')).toMatch(/European form \(1\.234,56/);
  });
});

describe('totals, subtotals, blank rows and headings are skipped with a note (SPEC 5)', () => {
  const text = [
    'financial_year,block,line,budget',
    '2022-23,High Needs,Top up,100.00',
    'Total,,,100.00',
    'Grand Total,,,100.00',
    'Sub-total,,,100.00',
    'Subtotal,,,100.00',
    'Total High Needs,,,100.00',
    '2022-23,High Needs,Subtotal,100.00',
    '2022-23,High Needs,Total,100.00',
    ',High Needs,,100.00',
    ',,Early Years,100.00',
    ',,,',
    '',
    '2022-23,Early Years,Nursery,50.00',
    'High Needs services,,,',
    '2022-23,High Needs,Totally inclusive play,7.00', // a real line: "Totally" is not "Total"
  ].join('\n');
  const r = importText(text + '\n', 'budget.csv');

  it('adds in only the real lines', () => {
    expect(r.errors).toEqual([]);
    expect(r.data.budgets.map((b) => [b.line, b.budget])).toEqual([
      ['Top up', 10000],
      ['Nursery', 5000],
      ['Totally inclusive play', 700],
    ]);
  });

  it('notes every skipped row with its number and why', () => {
    const byRow = new Map(r.skipped.map((s) => [s.row, s.reason]));
    for (const row of [3, 4, 5, 6, 7, 8, 9]) expect(byRow.get(row)).toMatch(/totals row/);
    expect(byRow.get(10)).toMatch(/subtotal row \(a label, "High Needs", and only sums\)/);
    expect(byRow.get(11)).toMatch(/subtotal row \(a label, "Early Years", and only sums\)/);
    expect(byRow.get(12)).toBe('blank rows 12, 13 skipped');
    expect(byRow.get(15)).toMatch(/heading or note row \("High Needs services"\)/);
    expect(r.rowsRead).toBe(15);
    expect(r.rowsImported).toBe(3);
  });

  it('does not remark on trailing newlines at the end of the file', () => {
    const t = importText('financial_year,block,line,budget\n2022-23,HN,Top up,1\n\n\n', 'budget.csv');
    expect(t.skipped).toEqual([]);
    expect(t.rowsRead).toBe(1);
  });
});

describe('extra columns are ignored and listed (SPEC 5)', () => {
  it('lists each unused column with its letter', () => {
    const r = importText(
      'Financial Year,Block,Directorate,Line,Budget,Budget Holder,,Last updated\n2022-23,HN,Children,Top up,100,J Smith,,01/04/2022\n',
      'budget.csv',
    );
    expect(r.errors).toEqual([]);
    expect(r.extraColumns).toEqual(['C (Directorate)', 'F (Budget Holder)', 'H (Last updated)']);
    expect(r.data.budgets).toEqual([{ fy: 2022, block: 'High Needs', line: 'Top up', budget: 10000 }]);
  });
});

describe('the other kinds', () => {
  it('funding: DSG income per block, rows for the same block added with a warning', () => {
    const r = importText(
      'Financial Year,Funding Block,DSG Allocation\n2022-23,Schools,"£128,000.00"\n2022-23,HNB,£5.259m\n2022-23,HNB,"1,000.00"\n',
      'funding.csv',
    );
    expect(r.kind).toBe('funding');
    expect(r.errors).toEqual([]);
    expect(r.data.funding).toEqual([
      { fy: 2022, block: 'Schools', income: 12800000 },
      { fy: 2022, block: 'High Needs', income: 526000000 },
    ]);
    expect(r.warnings[0]!.message).toMatch(/High Needs income for 2022-23 is given in 2 rows \(rows 3, 4\)/);
  });

  it('agreement: profile, contribution, surplus flag and opening deficit on the first year', () => {
    const r = importText(
      [
        'Financial Year,Deficit Profile,DfE Contribution,In year surplus required,Opening Deficit',
        '2023-24,£13.0m,"£1,550,000",no,',
        '2022-23,"£11,700,000","£5,160,000",No,"£9,131,000"',
        '2025-26,£12.9m,£1.55m,Yes,',
      ].join('\n'),
      'agreement.csv',
    );
    expect(r.kind).toBe('agreement');
    expect(r.errors).toEqual([]);
    expect(r.data.agreement).toEqual([
      { fy: 2022, profile: 1170000000, contribution: 516000000, surplusRequired: false, openingDeficit: 913100000 },
      { fy: 2023, profile: 1300000000, contribution: 155000000, surplusRequired: false },
      { fy: 2025, profile: 1290000000, contribution: 155000000, surplusRequired: true },
    ]);
  });

  it('EHCP: calendar months in any accepted form, counts with thousands separators', () => {
    const r = importText(
      ['SEND monthly return', 'Month,Plans at start,New plans,Ceased,Plans at end,RSA received', 'Jan-23,"1,560",14,4,"1,570",25', '2023-02,"1,570",,,-,30'].join('\n'),
      'ehcp.csv',
    );
    expect(r.kind).toBe('ehcp');
    expect(r.headerRow).toBe(2);
    expect(r.errors).toEqual([]);
    expect(r.data.ehcp).toEqual([
      { month: '2023-01', plansAtStart: 1560, newPlans: 14, ceased: 4, plansAtEnd: 1570, rsaReceived: 25 },
      { month: '2023-02', plansAtStart: 1570, rsaReceived: 30 },
    ]);
  });

  it('targets: metric, month and target', () => {
    const r = importText('metric,month,target\nplans_at_end,2023-03,"1,568"\nrsa_received,Jan 2023,20\n', 'targets.csv');
    expect(r.kind).toBe('targets');
    expect(r.errors).toEqual([]);
    expect(r.data.targets).toEqual([
      { metric: 'plansAtEnd', month: '2023-03', target: 1568 },
      { metric: 'rsaReceived', month: '2023-01', target: 20 },
    ]);
  });

  it('budget with a monthly profile P1…P12 that sums to the budget', () => {
    const header = `Financial Year,Block,Line,Budget,${Array.from({ length: 12 }, (_, i) => `P${i + 1}`).join(',')}`;
    const r = importText(`${header}\n2022-23,HN,Top up,1200.12,${['100.01', ...new Array(11).fill('100.01')].join(',')}\n`, 'budget.csv');
    expect(r.errors).toEqual([]);
    expect(r.data.budgets[0]!.profile).toEqual(new Array(12).fill(10001));
  });
});

describe('progress and cancelling', () => {
  it('reports progress and can be cancelled, leaving no data', () => {
    const rows = Array.from({ length: 40_000 }, (_, i) => `2022-23,${(i % 12) + 1},HN,Line ${i % 7},1.00,Acme`);
    const text = `financial_year,period,block,line,actual,supplier\n${rows.join('\n')}\n`;
    const seen: number[] = [];
    const done = importText(text, 'ledger.csv', { onProgress: (f) => seen.push(f) });
    expect(seen.at(-1)).toBe(1);
    expect(done.rowsImported).toBe(40_000);
    const cancelled = importText(text, 'ledger.csv', { shouldCancel: () => true });
    expect(cancelled.cancelled).toBe(true);
    expect(cancelled.data.actuals).toEqual([]);
  });
});
