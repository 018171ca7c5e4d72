/**
 * The bench's ledger, as a council's finance system exports it (issue 12): 2,000 cost centres,
 * no block or budget line columns (the cost-centre map gives them, so the map lookup is in the
 * measured path), quoted suppliers and descriptions with commas and doubled quotes, amounts
 * comma-grouped, a tenth of rows negative, in brackets or with a minus. Deterministic, and free of
 * Node modules: the Chromium bench page builds the same map. `ledgerRows` yields the text.
 */
import type { MapEntry } from '../src/model/costCentreMap';

export const LEDGER_HEADER = 'Financial Year,Period,Cost Centre,Date,Reference,Supplier,Description,Amount\n';
export const COST_CENTRES = 2000;

const BLOCKS = [
  { block: 'High Needs', code: 'HN', lines: ['Top-up, spring term', 'Top-up, summer term', 'Independent special school placements', 'Post-16 places', 'Alternative provision', 'Hospital education', 'SEN support services', 'Home to school transport, SEND'] },
  { block: 'Schools', code: 'SB', lines: ['Individual schools budget', 'Growth fund', 'Falling rolls fund', 'De-delegated, trade union facilities'] },
  { block: 'Early Years', code: 'EY', lines: ['2 year old entitlement', '3 & 4 year old universal hours', 'Early Years Pupil Premium', 'SEN inclusion fund, "SENIF"'] },
  { block: 'Central School Services', code: 'CS', lines: ['Admissions', 'Servicing of schools forums', 'Copyright licences', 'Historic commitments'] },
] as const;

const SUPPLIERS = ['Oakwood Primary', 'Smith, Jones & Co', 'Riverside Academy Trust', 'Acme Transport Ltd', '"Link" Centre CIC', 'Hillcrest, Upper School', 'Northgate PRU', 'Brookfield Special'];
const DESCRIPTIONS = ['Top-up, spring term', 'He said "yes"', 'Invoice', 'Place funding - autumn', 'Taxi, home to school', 'Refund (overpaid)', 'Agency staff', 'Licence fee'];

/** The i-th cost centre: its code, block and budget line. */
function costCentre(i: number): { code: string; block: string; line: string } {
  const b = BLOCKS[i % 4]!;
  return { code: `${b.code}${String(3000 + i)}`, block: b.block, line: b.lines[Math.floor(i / 4) % b.lines.length]! };
}

/** The map the ledger is imported with: each of its cost centres to a block and budget line. */
export function ledgerMap(): MapEntry[] {
  const entries: MapEntry[] = [];
  for (let i = 0; i < COST_CENTRES; i++) {
    const c = costCentre(i);
    entries.push({ code: c.code, treatment: 'spend', block: c.block as MapEntry['block'], line: c.line, source: 'file' });
  }
  return entries;
}

const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Pence as the export prints them: grouped on alternate rows, negatives in brackets or with a minus. */
function amount(pence: number, i: number): string {
  const abs = Math.abs(pence);
  const pounds = String(Math.floor(abs / 100));
  const text = `${i % 2 === 0 ? pounds.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : pounds}.${String(abs % 100).padStart(2, '0')}`;
  return quote(pence >= 0 ? text : i % 3 === 0 ? `-${text}` : `(${text})`);
}

/** The ledger's rows after the header, in pieces of about a megabyte. */
export function* ledgerRows(rows: number): Generator<string> {
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const centres = Array.from({ length: COST_CENTRES }, (_, i) => costCentre(i).code);
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const p = (i % 12) + 1;
    const month = ((p + 2) % 12) + 1;
    const magnitude = Math.floor(rand() * 5_000_000) + 1;
    // A tenth of the rows negative: refunds and corrections.
    const pence = rand() < 0.1 ? -magnitude : magnitude;
    const cc = centres[Math.floor(rand() * COST_CENTRES)]!;
    const date = `${String((i % 28) + 1).padStart(2, '0')}/${String(month).padStart(2, '0')}/${month >= 4 ? 2022 : 2023}`;
    buf += `2022-23,${p},${cc},${date},INV${String(i).padStart(8, '0')},${quote(SUPPLIERS[i % SUPPLIERS.length]!)},${quote(DESCRIPTIONS[i % DESCRIPTIONS.length]!)},${amount(pence, i)}\n`;
    if (buf.length > 1 << 20) {
      yield buf;
      buf = '';
    }
  }
  yield buf;
}
