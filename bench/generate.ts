/** Writes the bench's ledger: one header and `rows` transactions, deterministic, about 103 bytes a row. */
import { createWriteStream, existsSync, statSync } from 'node:fs';

const BLOCKS = ['High Needs', 'Schools', 'Early Years', 'Central School Services'];
const LINES = [
  'Top up funding - mainstream', 'Independent special school placements', 'EHCP in-year adjustments', 'Growth fund', 'Admissions',
  'Early Years - ALFEY', 'Special Schools / High Needs in-year adjustments', 'Alternative provision', 'Post-16 places', 'Hospital education',
];

export async function generateLedger(path: string, rows: number): Promise<number> {
  if (existsSync(path) && statSync(path).size > rows * 50) return statSync(path).size;
  const out = createWriteStream(path);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)));
  await write('Financial Year,Period,Block,Budget Heading,Cost Centre,Date,Reference,Supplier,Amount\n');
  let seed = 12345;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  let buf = '';
  for (let i = 0; i < rows; i++) {
    const p = (i % 12) + 1;
    const month = ((p + 2) % 12) + 1;
    const pence = Math.floor(rand() * 55_000_000) - 5_000_000;
    const amount = `${pence < 0 ? '-' : ''}${Math.floor(Math.abs(pence) / 100)}.${String(Math.abs(pence) % 100).padStart(2, '0')}`;
    buf += `2022-23,${p},${BLOCKS[i % 4]},${LINES[i % 10]},CC${String(i % 50).padStart(3, '0')},${String((i % 28) + 1).padStart(2, '0')}/${String(month).padStart(2, '0')}/${month >= 4 ? 2022 : 2023},INV${String(i).padStart(8, '0')},Supplier number ${i % 997},${amount}\n`;
    if (buf.length > 1 << 20) {
      await write(buf);
      buf = '';
    }
  }
  await write(buf);
  await new Promise<void>((resolve) => out.end(resolve));
  return statSync(path).size;
}
