/**
 * The DfE monitoring return pack (issue 5): the financial position against the profile, the block
 * summary, EHCP and RSA figures against targets, and the agreement's conditions, as named sheets of
 * typed cells. Pure: the XLSX writer and the printable page both render this one shape.
 */
import { currentYear, type YearFigures } from './calculate';
import { fyOfMonth, monthLabel, monthOfPeriod } from '../model/calendar';
import { sum, type Pence } from '../model/money';
import { toFixed2 } from './money';
import { plannedDeficit, type Report } from './report';
import type { Instalment } from '../model/dataset';
import { formatDate } from './format';
import { instalmentPosition } from './instalments';

export type PackCell =
  | { kind: 'text'; value: string; bold?: boolean }
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
}

export interface ReturnPack {
  title: string;
  asAt: string;
  produced: string;
  sheets: PackSheet[];
}

const text = (value: string, bold = false): PackCell => ({ kind: 'text', value, ...(bold ? { bold } : {}) });
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

function ehcpSheet(report: Report, y: YearFigures): PackSheet {
  const months = report.ehcp.filter((m) => fyOfMonth({ year: Number(m.month.slice(0, 4)), month: Number(m.month.slice(5, 7)) }) === y.fy);
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
    sheets: [positionSheet(report, y, options.instalments ?? []), blocksSheet(y), linesSheet(y), ehcpSheet(report, y), conditionsSheet(report)],
  };
}
