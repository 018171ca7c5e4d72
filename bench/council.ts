/**
 * A big council's files as its finance system would export them, deterministic: for each of three
 * years a budget (one row per cost centre) and wide actuals (a column per month, with the forecast
 * outturn), plus DSG funding and a Safety Valve agreement. Many cost centres in all four blocks,
 * descriptions with commas and quotes, amounts comma-grouped and negatives in brackets (a tenth of
 * rows). The last year is part way through (period 9), as the current year is. Used by
 * `bench/report.ts` and the browser test of the as-at switch.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const COUNCIL_YEARS = [2022, 2023, 2024];
/** The latest period held in each year. */
export const COUNCIL_LATEST = [12, 12, 9];

const BLOCKS: { name: string; code: string; share: number; lines: string[] }[] = [
  {
    name: 'High Needs', code: 'HN', share: 0.4,
    lines: [
      'Top-up, spring term', 'Top-up, summer term', 'Top-up, autumn term', 'Independent special school placements',
      'Post-16 places', 'Alternative provision', 'Hospital education', 'SEN support services', '"Outreach" - sensory service',
      'Resourced provision, place funding', 'Personal budgets / direct payments', 'Home to school transport, SEND',
    ],
  },
  {
    name: 'Schools', code: 'SB', share: 0.3,
    lines: ['Individual schools budget', 'Growth fund', 'Falling rolls fund', 'De-delegated, trade union facilities', 'Rates, NNDR adjustment', 'Premises, split site'],
  },
  {
    name: 'Early Years', code: 'EY', share: 0.15,
    lines: ['2 year old entitlement', '3 & 4 year old universal hours', 'Extended hours, working parents', 'Early Years Pupil Premium', 'Disability Access Fund', 'SEN inclusion fund, "SENIF"'],
  },
  {
    name: 'Central School Services', code: 'CS', share: 0.15,
    lines: ['Admissions', 'Servicing of schools forums', 'Copyright licences', 'Statutory and regulatory duties', 'Historic commitments, prudential borrowing'],
  },
];
const PLACES = [
  'Oakwood Primary', 'St Mary\'s C of E', 'Riverside Academy', 'Hillcrest, Upper School', 'Brookfield Special', 'The Meadows',
  'Kingsway Federation', 'Northgate PRU', 'Elm Tree Nursery', 'Castle View', 'Westfield "Link" Centre', 'Area 3, East',
];

export interface CouncilLine {
  block: string;
  costCentre: string;
  line: string;
  /** Pence each year. */
  budget: number[];
  /** Pence per year and period (null where the year has not reached it). */
  actuals: (number | null)[][];
  /** The forecast outturn given at the latest period of each year, in pence (null where none). */
  forecast: (number | null)[];
}

export interface Council {
  lines: CouncilLine[];
  /** Income per year and block, pence. */
  funding: Map<string, number>;
  agreement: { fy: number; profile: number; contribution: number; opening?: number }[];
}

function quote(s: string): string {
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Pence as a council's export prints them: 1234.5 as "1,234.50", negatives in brackets. */
function money(p: number, style: number): string {
  const abs = Math.abs(p);
  const pounds = String(Math.floor(abs / 100));
  const pennies = String(abs % 100).padStart(2, '0');
  const grouped = style % 2 === 0 ? pounds.replace(/\B(?=(\d{3})+(?!\d))/g, ',') : pounds;
  const text = `${grouped}.${pennies}`;
  const s = p < 0 ? (style % 3 === 0 ? `-${text}` : `(${text})`) : text;
  return quote(s);
}

export function makeCouncil(linesPerYear: number, seed = 20240401): Council {
  let state = seed;
  const rand = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  const lines: CouncilLine[] = [];
  for (let i = 0; i < linesPerYear; i++) {
    const r = rand();
    let acc = 0;
    const block = BLOCKS.find((b) => (acc += b.share) > r) ?? BLOCKS[0]!;
    const heading = block.lines[Math.floor(rand() * block.lines.length)]!;
    const place = rand() < 0.35 ? ` - ${PLACES[Math.floor(rand() * PLACES.length)]!}` : '';
    const negative = rand() < 0.1;
    const base = Math.floor(rand() * 9_000_000) + 10_000;
    const budget: number[] = [];
    const actuals: (number | null)[][] = [];
    const forecast: (number | null)[] = [];
    COUNCIL_YEARS.forEach((_, y) => {
      const b = Math.round(base * (1 + 0.04 * y)) * (negative ? -1 : 1);
      budget.push(b);
      const months: (number | null)[] = [];
      for (let p = 1; p <= 12; p++) {
        if (p > COUNCIL_LATEST[y]!) months.push(null);
        else months.push(Math.round((b / 12) * (0.8 + rand() * 0.45)));
      }
      actuals.push(months);
      forecast.push(COUNCIL_LATEST[y]! < 12 && rand() < 0.3 ? Math.round(b * (0.95 + rand() * 0.15)) : null);
    });
    lines.push({ block: block.name, costCentre: `${block.code}${String(10000 + i)}`, line: `${heading}${place}`, budget, actuals, forecast });
  }
  const funding = new Map<string, number>();
  COUNCIL_YEARS.forEach((fy, y) => {
    for (const b of BLOCKS) {
      const spend = lines.filter((l) => l.block === b.name).reduce((s, l) => s + l.budget[y]!, 0);
      // High Needs is under-funded (the deficit); the other blocks roughly balance.
      funding.set(`${fy}|${b.name}`, Math.round(spend * (b.code === 'HN' ? 0.99 : 1.001)));
    }
  });
  const agreement = COUNCIL_YEARS.map((fy, y) => ({ fy, profile: 2_000_000_000 + y * 500_000_000, contribution: 300_000_000, ...(y === 0 ? { opening: 1_500_000_000 } : {}) }));
  return { lines, funding, agreement };
}

const fyText = (fy: number) => `${fy}-${String((fy + 1) % 100).padStart(2, '0')}`;
const MONTHS = ['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'];

/** The council's files, name and text. */
export function councilFiles(c: Council): { name: string; text: string }[] {
  const files: { name: string; text: string }[] = [];
  COUNCIL_YEARS.forEach((fy, y) => {
    const budget = ['Financial Year,Cost Centre,Block,Budget Heading,Budget'];
    const wide = [
      `Financial Year,Cost Centre,Block,Budget Heading,${MONTHS.map((m, i) => `${m}-${String((i < 9 ? fy : fy + 1) % 100).padStart(2, '0')}`).join(',')},Forecast Outturn`,
    ];
    c.lines.forEach((l, i) => {
      const head = `${fyText(fy)},${l.costCentre},${l.block},${quote(l.line)}`;
      budget.push(`${head},${money(l.budget[y]!, i)}`);
      const months = l.actuals[y]!.map((a, p) => (a === null ? '' : money(a, i + p)));
      const f = l.forecast[y]!;
      wide.push(`${head},${months.join(',')},${f === null ? '' : money(f, i)}`);
    });
    files.push({ name: `budget-${fy}.csv`, text: budget.join('\r\n') + '\r\n' });
    files.push({ name: `actuals-${fy}.csv`, text: wide.join('\r\n') + '\r\n' });
  });
  const funding = ['Financial Year,Block,DSG Income'];
  for (const [key, p] of c.funding) {
    const [fy, block] = key.split('|');
    funding.push(`${fyText(Number(fy))},${block},${money(p, 0)}`);
  }
  files.push({ name: 'funding.csv', text: funding.join('\r\n') + '\r\n' });
  const agreement = ['Financial Year,Deficit Profile,DfE Contribution,In-year surplus required,Opening Deficit'];
  for (const a of c.agreement) agreement.push(`${fyText(a.fy)},${money(a.profile, 0)},${money(a.contribution, 0)},no,${a.opening === undefined ? '' : money(a.opening, 0)}`);
  files.push({ name: 'agreement.csv', text: agreement.join('\r\n') + '\r\n' });
  return files;
}

/** Writes the council's files into `dir`; returns their paths and total size in bytes. */
export function writeCouncil(dir: string, linesPerYear: number): { paths: string[]; bytes: number } {
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  const paths = councilFiles(makeCouncil(linesPerYear)).map((f) => {
    const path = join(dir, f.name);
    const data = Buffer.from(f.text, 'utf8');
    bytes += data.length;
    writeFileSync(path, data);
    return path;
  });
  return { paths, bytes };
}
