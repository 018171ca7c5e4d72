/**
 * The DfE monitoring return pack (issue 5): the financial position against the profile, the block
 * summary, EHCP and RSA figures against targets, and the agreement's conditions, as named sheets of
 * typed cells. Pure: the XLSX writer and the printable page both render this one shape.
 */
import { currentYear, type YearFigures } from './calculate';
import { fyOfMonth, monthKey, monthLabel, monthOfPeriod, type CalendarMonth } from '../model/calendar';
import { sum, type Pence } from '../model/money';
import { toFixed2 } from './money';
import { plannedDeficit, type Report } from './report';
import type { Instalment } from '../model/dataset';
import { formatCount, formatDate } from './format';
import { instalmentPosition } from './instalments';
import { AGE_GROUP_LABELS, CASE_LABELS, GRID_LABELS, gridYearToDate, gridYears } from './progressGrids';
import { AGE_BANDS } from '../model/placements';
import { CASE_TYPES } from '../model/dataset';

export type PackCell =
  /** `mark`: the text stands where a figure would be ("-", "not given"), so it lines up with the figures. */
  | { kind: 'text'; value: string; bold?: boolean; mark?: true }
  /** Money as a two-decimal string; the writer turns it into a spreadsheet number at the edge. */
  | { kind: 'money'; value: string; bold?: boolean }
  | { kind: 'count'; value: number }
  /** A percentage as a decimal string, "1.3907" for 1.39%. */
  | { kind: 'percent'; value: string }
  | null;

export interface PackSheet {
  name: string;
  title: string;
  /** Column widths in characters. */
  widths: number[];
  header: string[];
  rows: PackCell[][];
  /** What the sheet covers and leaves out, where its title cannot say it all: below the title on the page, row 3 of the sheet. */
  note?: string;
}

export interface ReturnPack {
  title: string;
  asAt: string;
  produced: string;
  sheets: PackSheet[];
}

const text = (value: string, bold = false): PackCell => ({ kind: 'text', value, ...(bold ? { bold } : {}) });
const mark = (value: string): PackCell => ({ kind: 'text', value, mark: true });
const money = (p: Pence | null, bold = false): PackCell => (p === null ? null : { kind: 'money', value: toFixed2(p), ...(bold ? { bold } : {}) });
const count = (n: number | null): PackCell => (n === null ? null : { kind: 'count', value: n });

function positionSheet(report: Report, y: YearFigures, instalments: Instalment[]): PackSheet {
  const pos = instalmentPosition(report, instalments, y);
  const rows: PackCell[][] = [
    [text('Status'), text(y.status === 'no data' ? 'No data' : y.status[0]!.toUpperCase() + y.status.slice(1), true)],
    [text('Reason'), text(y.statusReason)],
    [text('Total budget'), money(y.budget)],
    [text('Actual to date'), money(y.actualToDate)],
    [text('Forecast outturn'), money(y.forecastOutturn)],
    [text('Over / (under) spend: forecast outturn against budget'), money(y.variance)],
    [text('DSG income'), money(y.income)],
    [text('In-year deficit / (surplus): spend against DSG income'), money(y.inYearDeficit, true)],
    [text('Planned deficit / (surplus) the budget was set with'), money(plannedDeficit(y))],
    [text('Deficit brought forward'), money(y.deficitBroughtForward)],
    [text('Cumulative deficit (gross)'), money(y.cumulativeDeficitGross, true)],
    [text('Agreed deficit profile'), money(y.agreementProfile)],
    [text('Excess / (headroom) against the profile'), money(y.varianceToProfile, true)],
    [text('Excess / (headroom) as % of the profile'), y.varianceToProfilePercent ? { kind: 'percent', value: y.varianceToProfilePercent.toDecimalPlaces(4).toString() } : null],
    [text('In-year surplus required this year'), text(y.surplusRequired ? 'Yes' : 'No')],
    [text('DfE contributions agreed to date'), money(y.dfeContributionsAgreedToDate)],
    [text('DfE contributions counted to date'), money(y.dfeContributionsToDate)],
    [text('of which recorded as received'), money(y.dfeContributionsToDate === null ? null : pos.recordedReceived)],
    [text('of which agreed, no instalment recorded as received'), money(y.dfeContributionsToDate === null ? null : pos.agreedUnrecorded)],
    [text('DfE contributions withheld to date'), money(y.dfeWithheldToDate)],
    [text('DfE instalments at risk'), money(y.dfeContributionsToDate === null ? null : pos.atRisk)],
    [text('Other contributions to date'), money(y.otherContributionsToDate)],
    [text('Net cumulative deficit'), money(y.cumulativeDeficitNet, true)],
  ];
  return { name: 'Financial position', title: `Financial position against the agreement, ${y.label}`, widths: [44, 18], header: ['Measure', '£'], rows };
}

function blocksSheet(y: YearFigures): PackSheet {
  const rows: PackCell[][] = y.blocks.map((b) => [
    text(b.block), money(b.budget), money(b.actualToDate), money(b.forecastOutturn), money(b.variance), money(b.income), money(b.inYearDeficit),
  ]);
  const total = (f: (b: YearFigures['blocks'][number]) => Pence) => money(sum(y.blocks.map(f)), true);
  rows.push([
    text('Total', true), total((b) => b.budget), total((b) => b.actualToDate), total((b) => b.forecastOutturn), total((b) => b.variance),
    total((b) => b.income), total((b) => b.inYearDeficit),
  ]);
  return {
    name: 'Block summary',
    title: `Budget and forecast outturn by block, ${y.label}`,
    widths: [26, 16, 16, 18, 18, 16, 20],
    header: ['Block', 'Budget £', 'Actual to date £', 'Forecast outturn £', 'Over / (under) spend £', 'DSG income £', 'In-year deficit / (surplus) £'],
    rows,
  };
}

/** The year's EHCP and RSA months to the as-at month, as the other sheets are cut: a later month the file holds is not yet part of the return. */
function ehcpSheet(report: Report, y: YearFigures): PackSheet {
  const end = asAtMonth(y);
  const endKey = monthKey(end);
  const ofYear = report.ehcp.filter((m) => fyOfMonth({ year: Number(m.month.slice(0, 4)), month: Number(m.month.slice(5, 7)) }) === y.fy);
  const months = ofYear.filter((m) => m.month <= endKey);
  const rows: PackCell[][] = months.map((m) => [
    text(monthLabel({ year: Number(m.month.slice(0, 4)), month: Number(m.month.slice(5, 7)) })),
    count(m.plansAtStart), count(m.newPlans), count(m.transfersIn), count(m.outflows), count(m.plansAtEnd), count(m.target), count(m.gapToTarget),
    count(m.rsaReceived), count(m.rsaTarget), count(m.rsaRefused),
    m.rsaRefusalRate ? { kind: 'percent', value: m.rsaRefusalRate.toDecimalPlaces(4).toString() } : null,
  ]);
  return {
    name: 'EHCP and RSA',
    title: `EHCPs and requests for statutory assessment against targets, ${y.label}`,
    widths: [16, 12, 10, 12, 12, 12, 10, 12, 14, 12, 12, 14],
    header: ['Month', 'Plans at start', 'New plans', 'Transfers in', 'Plans ended', 'Plans at end', 'Target', 'Above / (below) target', 'RSAs received', 'RSA target', 'RSAs refused', 'Refusal rate'],
    rows,
    // Said only where the file holds later months, so a reader does not take them for missing.
    ...(months.length < ofYear.length ? { note: `The months of ${y.label} to ${asAtWords(y, end)}; the later months held are left out.` } : {}),
  };
}

/**
 * The month the return is as at: the chosen period's, or where the year holds no actuals its last
 * month. The progress report's tables are cut there: a return as at September does not carry
 * October's plans, though a later file may hold them.
 */
function asAtMonth(y: YearFigures): CalendarMonth {
  return y.latestPeriod === null ? { year: y.fy + 1, month: 3 } : monthOfPeriod(y.fy, y.latestPeriod);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const monthName = (m: CalendarMonth) => monthLabel(m).split(' ')[0]!;
const asAtWords = (y: YearFigures, end: CalendarMonth) =>
  y.latestPeriod === null ? `${monthLabel(end)} (the end of ${y.label}; no actuals are held)` : `${monthLabel(end)}, the month the return is as at`;

/** The progress report's year-by-month grids as it prints them, calendar years to the as-at month, checked against the EHCP figures. */
function gridSheet(report: Report, y: YearFigures): PackSheet | null {
  const end = asAtMonth(y);
  const endKey = monthKey(end);
  const shown = report.progressGrids.filter((g) => g.month <= endKey);
  if (shown.length === 0) return null;
  const cut = end.month < 12;
  const years = gridYears(shown.map((g) => ({ measure: g.measure, month: g.month, count: g.grid })));
  const rows: PackCell[][] = years.map((r) => {
    const partial = cut && r.year === end.year;
    return [
      text(GRID_LABELS[r.measure]),
      text(partial ? `${r.year} (to ${monthName(end)})` : String(r.year)),
      // "-" as the progress report prints a month it does not give; after the as-at month, nothing.
      ...r.months.map((v, i) => (partial && i + 1 > end.month ? null : v === null ? mark('-') : count(v))),
      count(r.total),
    ];
  });
  const notes = [`As the progress report prints them, calendar years to ${asAtWords(y, end)}. "-" marks a month the progress report does not give.`];
  if (cut && years.some((r) => r.year === end.year)) notes.push(`Months after ${monthLabel(end)} are left out, so ${end.year}'s Year Total is January to ${monthName(end)}.`);
  // The same months of the financial year as the "EHCP and RSA" sheet, to the as-at month.
  const both = shown.filter((g) => g.month >= `${y.fy}-04` && g.ehcp !== null);
  const span = `from April ${y.fy} to ${monthLabel(end)}`;
  const differ = both.filter((g) => g.difference !== 0);
  if (both.length === 0) notes.push(`The EHCP figures held cover none of the grids' months ${span}, so the two cannot be compared.`);
  else if (differ.length === 0) notes.push(`For the ${formatCount(both.length)} monthly figures both give ${span}, the progress report and the EHCP figures ("EHCP and RSA" sheet) agree.`);
  else {
    const list = differ.map((g) => `${GRID_LABELS[g.measure]}, ${monthLabel({ year: Number(g.month.slice(0, 4)), month: Number(g.month.slice(5, 7)) })}: ${formatCount(g.grid)} in the progress report, ${formatCount(g.ehcp!)} in the EHCP figures`);
    notes.push(`For ${formatCount(differ.length)} of the ${formatCount(both.length)} monthly figures both give ${span}, the progress report and the EHCP figures ("EHCP and RSA" sheet) differ: ${list.join('; ')}.`);
  }
  return {
    name: 'Plans issued and made inactive',
    title: `Plans issued and plans made inactive (ceased, moved out, inactive or deceased) by month, from the progress report, to ${monthLabel(end)}`,
    widths: [20, 20, ...MONTHS.map(() => 7), 11],
    header: ['Measure', 'Year', ...MONTHS, 'Year Total'],
    rows,
    note: notes.join(' '),
  };
}

/** The progress report's cessations by age group, each period that ends by the as-at month, with its total. */
function cessationsSheet(report: Report, y: YearFigures): PackSheet | null {
  const end = asAtMonth(y);
  const held = report.ageCessations.filter((a) => a.asAt <= monthKey(end));
  if (held.length === 0) return null;
  const rows: PackCell[][] = [];
  const notes = [`Plans made inactive in each period (the calendar year to its last month) and plans ceasing in progress at its end, from the progress report: the periods ending by ${asAtWords(y, end)}.`];
  for (const asAt of [...new Set(held.map((a) => a.asAt))].sort()) {
    const of = held.filter((a) => a.asAt === asAt).sort((a, b) => AGE_BANDS.indexOf(a.ageBand) - AGE_BANDS.indexOf(b.ageBand));
    const period = of[0]!.period;
    for (const a of of) rows.push([text(period), text(AGE_GROUP_LABELS[a.ageBand]), count(a.madeInactive), count(a.ceasingInProgress)]);
    const inactive = of.reduce((n, a) => n + a.madeInactive, 0);
    rows.push([text(period), text('All age groups', true), count(inactive), count(of.reduce((n, a) => n + a.ceasingInProgress, 0))]);
    const ytd = gridYearToDate(report.progressGrids, asAt);
    const month = monthLabel({ year: Number(asAt.slice(0, 4)), month: Number(asAt.slice(5, 7)) });
    if (ytd !== null) {
      notes.push(ytd === inactive
        ? `The grid of plans made inactive gives ${formatCount(ytd)} from January to ${month}: the same as the table for ${period}.`
        : `The grid of plans made inactive gives ${formatCount(ytd)} from January to ${month}, but the table for ${period} ${formatCount(inactive)}: a difference of ${formatCount(Math.abs(inactive - ytd))}.`);
    }
  }
  return {
    name: 'Cessations by age group',
    title: 'Plans made inactive and ceasing in progress, by age group, from the progress report',
    widths: [22, 16, 14, 20],
    header: ['Period', 'Age group', 'Made inactive', 'Ceasing in progress'],
    rows,
    note: notes.join(' '),
  };
}

/** The progress report's tribunals and mediations, calendar years to the as-at month's. */
function tribunalsSheet(report: Report, y: YearFigures): PackSheet | null {
  const end = asAtMonth(y);
  const held = report.cases.filter((c) => c.year <= end.year);
  if (held.length === 0) return null;
  const years = [...new Set(held.map((c) => c.year))].sort((a, b) => a - b);
  const notes = [`Registered cases by calendar year, from the progress report, to ${end.year} (the return is as at ${monthLabel(end)}). "Not given" marks a year the file does not hold.`];
  // A year's count cannot be cut at a month: say so where the as-at year is only part way through.
  if (end.month < 12 && years.includes(end.year)) notes.push(`${end.year} is part way through: its figures are the progress report's as given, which may count cases registered after ${monthLabel(end)}.`);
  if (report.cases.some((c) => c.year > end.year)) notes.push(`Years after ${end.year} are left out.`);
  return {
    name: 'Tribunals and mediations',
    title: 'Tribunals and mediations by calendar year, from the progress report',
    widths: [18, ...years.map(() => 8)],
    header: ['Registered cases', ...years.map(String)],
    rows: CASE_TYPES.filter((t) => held.some((c) => c.caseType === t)).map((t) => [
      text(CASE_LABELS[t]),
      ...years.map((yr) => {
        const c = held.find((x) => x.caseType === t && x.year === yr);
        return c ? count(c.count) : mark('not given');
      }),
    ]),
    note: notes.join(' '),
  };
}

/** "2023-03-29T10:15:00.000Z" → "29 March 2023": one form of date on every page and file. */
const ukDate = (iso: string) => formatDate(iso);

/** Every budget line with its figures and the officers' commentary, signed and dated; month comments below their line. */
function linesSheet(y: YearFigures): PackSheet {
  const rows: PackCell[][] = [];
  for (const l of y.lines) {
    rows.push([
      text(l.block), text(l.line), l.costCentre ? text(l.costCentre) : null, money(l.budget), money(l.actualToDate), money(l.forecastOutturn), money(l.variance),
      l.commentary ? text(l.commentary) : null, l.commentBy ? text(l.commentBy) : null, l.commentAt ? text(ukDate(l.commentAt)) : null,
    ]);
    for (const c of l.monthComments) {
      rows.push([
        text(l.block), text(`${l.line}: ${monthLabel(monthOfPeriod(y.fy, c.period))}`), null, null, null, null, null, text(c.text), text(c.by), text(ukDate(c.at)),
      ]);
    }
  }
  const total = (f: (l: YearFigures['lines'][number]) => Pence) => money(sum(y.lines.map(f)), true);
  rows.push([text('Total', true), null, null, total((l) => l.budget), total((l) => l.actualToDate), total((l) => l.forecastOutturn), total((l) => l.variance), null, null, null]);
  return {
    name: 'Budget lines',
    title: `Budget lines with commentary, ${y.label}`,
    widths: [22, 48, 12, 16, 16, 18, 18, 60, 18, 12],
    header: ['Block', 'Budget line', 'Cost centre', 'Budget £', 'Actual to date £', 'Forecast outturn £', 'Over / (under) spend £', 'Commentary', 'Commentary by', 'Written on'],
    rows,
  };
}

function conditionsSheet(report: Report): PackSheet {
  return {
    name: 'Conditions',
    title: 'Progress against the conditions of the agreement',
    widths: [8, 70, 22, 12, 50, 14],
    header: ['Ref', 'Condition', 'Owner', 'RAG', 'Commentary', 'Last reviewed'],
    rows: report.conditions.map((c) => [
      text(c.ref), text(c.text), c.owner ? text(c.owner) : null, text(c.rag === 'not rated' ? 'Not rated' : c.rag[0]!.toUpperCase() + c.rag.slice(1)),
      c.commentary ? text(c.commentary) : null, c.reviewed ? text(formatDate(c.reviewed)) : null,
    ]),
  };
}

/** The return pack as at the report's chosen year (the latest with actuals unless given). */
export function buildReturnPack(report: Report, options: { fy?: number; produced: string; authority?: string; instalments?: Instalment[] }): ReturnPack | undefined {
  const y = (options.fy !== undefined ? report.years.find((x) => x.fy === options.fy) : undefined) ?? currentYear(report);
  if (!y) return undefined;
  const asAt = y.latestPeriod === null ? `${y.label}, no actuals` : `period ${y.latestPeriod} (${monthLabel(monthOfPeriod(y.fy, y.latestPeriod))}), ${y.label}`;
  return {
    title: `${options.authority ? options.authority + ': ' : ''}DSG Safety Valve monitoring return`,
    asAt,
    produced: options.produced,
    sheets: [
      positionSheet(report, y, options.instalments ?? []), blocksSheet(y), linesSheet(y), ehcpSheet(report, y),
      // The progress report's tables, only where held: beside the EHCP figures they sit with.
      ...[gridSheet(report, y), cessationsSheet(report, y), tribunalsSheet(report, y)].filter((x): x is PackSheet => x !== null),
      conditionsSheet(report),
    ],
  };
}
