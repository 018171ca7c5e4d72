/** Writes the bench's ledger (bench/ledger.ts): one header and `rows` transactions, deterministic, about 105 bytes a row. */
import { createWriteStream, existsSync, statSync } from 'node:fs';
import { LEDGER_HEADER, ledgerRows } from './ledger';

export async function generateLedger(path: string, rows: number): Promise<number> {
  if (existsSync(path) && statSync(path).size > rows * 50) return statSync(path).size;
  const out = createWriteStream(path);
  const write = (s: string) => new Promise<void>((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)));
  await write(LEDGER_HEADER);
  for (const piece of ledgerRows(rows)) await write(piece);
  await new Promise<void>((resolve) => out.end(resolve));
  return statSync(path).size;
}
