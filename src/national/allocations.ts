/**
 * The ESFA's DSG allocations workbook, sheet "Allocations_summary": header rows (a title over
 * each group, "before" and "after" recoupment; the block names; `[A]`…`[J]`; formulas), then
 * ENGLAND, one row per authority (old LA code, name, blocks), then region rows.
 * Works on the sheet's cells as a grid (see sheet.ts for reading the file), so it stays pure.
 */
import type { NationalRow, NationalTable } from '../model/national';

export const BLOCK_KEYS = ['schools', 'cssb', 'hnb', 'ey', 'total'] as const;
export type AllocationBlock = (typeof BLOCK_KEYS)[number];
export const ALLOCATION_COLUMNS = [...BLOCK_KEYS.map((b) => `${b}_before`), ...BLOCK_KEYS.map((b) => `${b}_after`)];

const BLOCK_PATTERNS: [AllocationBlock, RegExp][] = [
  ['schools', /^schools block/i],
  ['cssb', /^central school services block/i],
  ['hnb', /^high needs block/i],
  ['ey', /^early years block/i],
  ['total', /^total dsg allocation/i],
];

/** The English regions as the workbook names them (any case). */
export const REGIONS = ['North East', 'North West', 'Yorkshire and the Humber', 'East Midlands', 'West Midlands', 'East of England', 'London', 'South East', 'South West'];

export type Grid = unknown[][];

const text = (v: unknown) => (v === null || v === undefined ? '' : String(v).trim());

/** Does this sheet look like an allocations summary? (A row of block names with "[A]" below.) */
export function allocationHeader(grid: Grid): number {
  for (let i = 0; i < Math.min(grid.length - 1, 10); i++) {
    const names = (grid[i] ?? []).map(text);
    const codes = (grid[i + 1] ?? []).map(text);
    if (names.some((n) => /^high needs block/i.test(n)) && codes.includes('[A]')) return i;
  }
  return -1;
}

/** "2023 to 2024" in the title → "2023-24". */
export function allocationYear(grid: Grid): string | undefined {
  for (const row of grid.slice(0, 3)) {
    for (const cell of row ?? []) {
      const m = /(20\d\d) to (20\d\d)/.exec(text(cell));
      if (m && Number(m[2]) === Number(m[1]) + 1) return `${m[1]}-${m[2]!.slice(2)}`;
    }
  }
  return undefined;
}

/** A cell as an exact decimal string (whole pounds in the published workbook). */
function money(v: unknown): string {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return text(v);
}

export function readAllocations(grid: Grid, file: string, sheet: string, warnings: string[]): NationalTable | undefined {
  const h = allocationHeader(grid);
  if (h < 0) return undefined;
  const year = allocationYear(grid);
  if (!year) {
    warnings.push(`${file}, sheet ${sheet}: the title does not name the year ("2023 to 2024"); the sheet is left out.`);
    return undefined;
  }
  // The "after recoupment" group starts where its title does, in the row above the block names.
  const titles = (grid[h - 1] ?? grid[0] ?? []).map(text);
  const afterAt = titles.findIndex((t) => /after/i.test(t));
  const names = (grid[h] ?? []).map(text);
  const cols: number[] = ALLOCATION_COLUMNS.map(() => -1);
  names.forEach((n, c) => {
    const block = BLOCK_PATTERNS.find(([, re]) => re.test(n))?.[0];
    if (!block) return;
    const after = afterAt >= 0 && c >= afterAt;
    cols[BLOCK_KEYS.indexOf(block) + (after ? BLOCK_KEYS.length : 0)] = c;
  });
  const missing = ALLOCATION_COLUMNS.filter((_, k) => cols[k]! < 0);
  if (missing.length > 0) warnings.push(`${file}, sheet ${sheet}: no column for ${missing.join(', ')}; those figures are not held.`);
  const rows: NationalRow[] = [];
  const regions = new Map(REGIONS.map((r) => [r.toLowerCase(), r]));
  for (let i = h + 1; i < grid.length; i++) {
    const r = grid[i] ?? [];
    const first = text(r[0]);
    const values = cols.map((c) => (c >= 0 ? money(r[c]) : ''));
    if (/^\d{3}$/.test(first)) rows.push({ period: year, level: 'la', la: first, name: text(r[1]), values });
    else if (first.toUpperCase() === 'ENGLAND') rows.push({ period: year, level: 'national', name: 'England', values });
    else if (regions.has(first.toLowerCase())) {
      // London is printed twice: among the kinds of authority (metropolitan, unitary…) and among the regions.
      const name = regions.get(first.toLowerCase())!;
      const earlier = rows.find((x) => x.level === 'regional' && x.name === name);
      if (!earlier) rows.push({ period: year, level: 'regional', name, values });
      else if (earlier.values.join('|') !== values.join('|')) warnings.push(`${file}, sheet ${sheet}, row ${i + 1}: a second row for ${name} with other figures; the first is used.`);
    }
    else if (first && !first.startsWith('[') && !first.startsWith('=')) warnings.push(`${file}, sheet ${sheet}, row ${i + 1}: "${first}" is not an authority, a region or England; left out.`);
  }
  return { id: 'allocations', file, periodType: 'financial', columns: ALLOCATION_COLUMNS, rows };
}
