/**
 * A file's forms, detected once per file from its title lines, header and first rows (or given
 * by the user), and carried beside the ColumnMap into the column stage's RowReader.
 */
import { fyLabel, type FinancialYear } from '../model/calendar';
import type { Detection } from './detect';
import {
  blockHeading,
  decide,
  emptyVotes,
  isSpendOver500,
  monthOfDate,
  numberEvidence,
  unitChoiceExp,
  unitOf,
  unitsRow,
  vote,
  type FormChoices,
  type NumberFormat,
  type PeriodCodeForm,
  type SingleYearForm,
  type TitleValues,
} from './forms';
import { mapColumns, normaliseHeader, type ColumnMap, type Field } from './kinds';
import { columnName, type Problem } from './problems';

export interface SourceForms {
  /** Undefined until the file's cells (or the user) say: then the first cell that does decides. */
  numberFormat?: NumberFormat;
  /** Where the number format was decided, for messages. */
  numberFormatFrom?: string;
  periodCode?: PeriodCodeForm;
  singleYear?: SingleYearForm;
  /** Power of ten each money column's cells are in (3 for £000), by column; empty where none. */
  unitExp: number[];
  titleYear?: FinancialYear;
  titlePeriod?: number;
  /** The debit and credit columns, where the amount is their difference. */
  debitCol?: number;
  creditCol?: number;
  /** Rows such as "High Needs Block" give the rows beneath them their block. */
  blockHeadings: boolean;
  /** Row numbers (as a spreadsheet shows them) of a units row to skip. */
  unitsRowNumber?: number;
  /** A budget-v-actual report: the columns its actuals are read from (kind actuals). */
  budgetVsActual?: ColumnMap;
  /** The user's choices, named in messages when a form is asked for. */
  choices: FormChoices;
  /** The title lines above the header (row as a spreadsheet shows it), for kinds named only there (a progress report's grid). */
  titleLines?: { row: number; text: string }[];
}

/** The forms of an ordinary file: none, so the column stage takes its fast paths. */
export function noForms(): SourceForms {
  return { unitExp: [], blockHeadings: false, choices: {} };
}

/** Whether any form is to be applied (the ordinary path skips every check when none is). */
export function hasForms(f: SourceForms): boolean {
  return f.numberFormat === 'european' || f.unitExp.length > 0 || f.titleYear !== undefined || f.titlePeriod !== undefined
    || f.debitCol !== undefined || f.blockHeadings || f.unitsRowNumber !== undefined || f.budgetVsActual !== undefined;
}

const MONEY_FIELDS: Field[] = ['budget', 'actual', 'forecast', 'income', 'profile', 'contribution', 'openingDeficit', 'annualCost', 'debit', 'credit'];

function moneyColumns(map: ColumnMap): number[] {
  const cols = MONEY_FIELDS.map((f) => map.fields[f]).filter((c): c is number => c !== undefined);
  return [...new Set([...cols, ...map.months.map((m) => m.col)])];
}

export interface DetectedForms {
  forms: SourceForms;
  /** The map to read with (a budget-v-actual report found as actuals is read as a budget). */
  map: ColumnMap;
  /** Said in the result: which forms were applied, and any that could not be decided. */
  warnings: Omit<Problem, 'file'>[];
  /** A label for the kind where the file is of a form of its own (a budget-v-actual report). */
  kindLabel?: string;
}

/** The file's forms, from its title lines, header and first data rows, and the user's choices. */
export function detectForms(det: Detection, choices: FormChoices = {}, fileName = ''): DetectedForms {
  const forms = noForms();
  forms.choices = choices;
  const warnings: Omit<Problem, 'file'>[] = [];
  let map = det.map;
  let kindLabel: string | undefined;
  const { header, rows, title } = det;
  if (map.kind === 'ehcpGrid' || map.kind === 'ageCessations') {
    forms.titleLines = rows.slice(0, det.headerIndex - det.headerRows + 1)
      .map((r, i) => ({ row: i + 1, text: r.map((c) => c.trim()).filter(Boolean).join(' ') }))
      .filter((t) => t.text !== '');
  }

  // A budget-v-actual report: budget columns and an actual column in one file.
  // (Found as actuals only where the title lines give the period: an actuals file with a budget column stays actuals.)
  if (map.kind === 'budget' || (map.kind === 'actuals' && map.fields.period === undefined && map.fields.date === undefined)) {
    const asBudget = map.kind === 'budget' ? map : mapColumns('budget', header);
    const asActuals = map.kind === 'actuals' ? map : mapColumns('actuals', header);
    if (asBudget.fields.budget !== undefined && asActuals.fields.actual !== undefined && asBudget.fields.line !== undefined) {
      map = asBudget;
      const period = asActuals.fields.period !== undefined || title.period !== undefined;
      if (period) {
        forms.budgetVsActual = asActuals;
        kindLabel = `budget-v-actual report (the budget, and the actuals${title.period ? ` to period ${title.period.period}` : ''})`;
        const ignored = asBudget.extra.filter((c) => c !== asActuals.fields.actual && c !== asActuals.fields.forecast && c !== asActuals.fields.period)
          .map((c) => header[c]!.trim()).filter(Boolean);
        warnings.push({
          severity: 'warning',
          message: `a budget-v-actual report: the budget is read from column ${columnName(header, asBudget.fields.budget)}, the actuals to date from column ${columnName(header, asActuals.fields.actual)}`
            + (asActuals.fields.forecast !== undefined ? ` and the forecast outturn from column ${columnName(header, asActuals.fields.forecast)}` : '')
            + (ignored.length > 0 ? `; not read: ${ignored.join(', ')} (an original or year-to-date budget is not the budget used, commitments are not spend, and the variance is worked out from the budget and forecast)` : ''),
        });
      } else {
        warnings.push({
          severity: 'warning',
          message: `the file has actuals (column ${columnName(header, asActuals.fields.actual)}) but no period, in a column or its title lines, so only its budget is imported`,
          accepted: 'a period column, or a title line such as "Period 6 (September 2023)"',
        });
      }
    }
  }

  const { debit, credit, actual } = map.fields;
  if (debit !== undefined && credit !== undefined && actual === debit) {
    forms.debitCol = debit;
    forms.creditCol = credit;
  }

  // Title lines: the year and period for rows without them.
  if (title.conflictingYears) {
    warnings.push({ severity: 'warning', message: `the title lines name more than one financial year (${title.conflictingYears}), so none of them is applied to the rows` });
  }
  if (title.year && map.fields.year === undefined) {
    forms.titleYear = title.year.fy;
    warnings.push({ severity: 'warning', row: title.year.row, message: `the file has no financial year column: every row is taken as ${fyLabel(title.year.fy)}, from the title line "${title.year.text}"` });
  }
  const actualsMap = forms.budgetVsActual ?? map;
  if (title.period && actualsMap.fields.period === undefined && actualsMap.fields.date === undefined && (map.kind === 'actuals' || map.kind === 'ledger' || forms.budgetVsActual)) {
    forms.titlePeriod = title.period.period;
    warnings.push({ severity: 'warning', row: title.period.row, message: `the file has no period column: every row is taken as period ${title.period.period}, from the title line "${title.period.text}"` });
  }

  // Units: the user's choice, else a header's, a units row's, or the title lines'.
  const first = det.headerIndex + 1;
  const moneyCols = moneyColumns(map).concat(forms.budgetVsActual ? moneyColumns(forms.budgetVsActual) : []);
  const below = rows[first];
  const unitRow = below ? unitsRow(below) : undefined;
  if (unitRow) forms.unitsRowNumber = first + 1;
  const applied: string[] = [];
  for (const col of new Set(moneyCols)) {
    let exp: number | undefined;
    let from = '';
    if (choices.units) {
      exp = unitChoiceExp(choices.units);
      from = 'as chosen';
    } else {
      const inHeader = unitOf(header[col] ?? '');
      if (inHeader) [exp, from] = [inHeader.exp, `from its header`];
      else if (unitRow && unitRow[col] !== undefined) [exp, from] = [unitRow[col], `from the units row (row ${first + 1})`];
      else if (title.unit) [exp, from] = [title.unit.exp, `from the title line "${title.unit.text}"`];
    }
    if (exp) {
      forms.unitExp[col] = exp;
      applied.push(`${columnName(header, col)} in ${exp === 6 ? '£m' : '£000'} (${from})`);
    }
  }
  if (applied.length > 0) {
    warnings.push({
      severity: 'warning',
      message: `amounts are in thousands or millions of pounds and were scaled exactly to pounds: ${applied.join('; ')}`,
    });
  }

  // The first data rows: the number format, and how period codes and single years read.
  const sample = rows.slice(first + (unitRow ? 1 : 0));
  const votes = emptyVotes();
  let uk = 0;
  let european = 0;
  const dateCol = map.fields.date;
  const periodCol = map.fields.period;
  const yearCol = map.fields.year;
  for (const row of sample) {
    for (const col of moneyCols) {
      const e = numberEvidence(row[col] ?? '');
      if (e === 'uk') uk++;
      else if (e === 'european') european++;
    }
    const periodRaw = periodCol === undefined ? '' : (row[periodCol] ?? '').trim();
    const date = dateCol !== undefined ? monthOfDate(row[dateCol] ?? '') : undefined;
    vote(votes, date, periodRaw, yearCol === undefined ? '' : (row[yearCol] ?? '').trim());
    if (!forms.blockHeadings && map.fields.block === undefined && blockHeading(row)) forms.blockHeadings = true;
  }
  if (choices.numberFormat) {
    forms.numberFormat = choices.numberFormat;
    forms.numberFormatFrom = 'as chosen';
  } else if (european > 0 && uk === 0) {
    forms.numberFormat = 'european';
    forms.numberFormatFrom = 'from the amounts in its first rows';
  } else if (uk > 0 && european === 0) {
    forms.numberFormat = 'uk';
    forms.numberFormatFrom = 'from the amounts in its first rows';
  }
  if (forms.numberFormat === 'european') {
    warnings.push({ severity: 'warning', message: `amounts are read in the European form (1.234,56: a point for thousands, a comma for the decimals), ${forms.numberFormatFrom}` });
  }
  forms.periodCode = choices.periodCode ?? decide<PeriodCodeForm>([['calendar', votes.calendar], ['fiscal', votes.fiscalStart + votes.fiscalEnd]]);
  forms.singleYear = choices.singleYear ?? decide<SingleYearForm>([['start', votes.yearStart + votes.fiscalStart], ['end', votes.yearEnd + votes.fiscalEnd]]);
  const decided: string[] = [];
  if (!choices.periodCode && forms.periodCode) decided.push(forms.periodCode === 'calendar' ? 'six-digit periods such as 202304 are year and calendar month' : 'six-digit periods such as 202304 are year and fiscal period');
  if (!choices.singleYear && forms.singleYear) decided.push(`a single-number year names the year the financial year ${forms.singleYear === 'start' ? 'starts' : 'ends'} in (2023 is ${forms.singleYear === 'start' ? '2023-24' : '2022-23'})`);
  if (decided.length > 0) warnings.push({ severity: 'warning', message: `from the dates in the file's first rows: ${decided.join('; ')}` });
  if (forms.blockHeadings) warnings.push({ severity: 'warning', message: 'the file has no block column: each row is in the block of the heading row above it (such as "High Needs Block")' });

  // "Spending over £500" transparency files are not the whole spend.
  if (looksLikeSpendOver500(fileName, title, header)) warnings.push({ severity: 'warning', message: SPEND_OVER_500_WARNING });
  return { forms, map, warnings, ...(kindLabel ? { kindLabel } : {}) };
}

export const SPEND_OVER_500_WARNING =
  'this looks like a "spending over £500" transparency file: it leaves out every item under £500 and all payroll, so its total is not the DSG spend; import the ledger the finance system exports instead';

/** A transparency file: by its title, its name, or its columns (expense type or area, and supplier). */
export function looksLikeSpendOver500(fileName: string, title: TitleValues, header: string[]): boolean {
  const headerText = header.map(normaliseHeader).join(' | ');
  return title.spendOver500 !== undefined || isSpendOver500(fileName.replace(/[_-]+/g, ' ')) || /over ?£?500|500 ?plus/i.test(fileName)
    || (/\bexpense (type|area)\b/.test(headerText) && /\bsupplier\b/.test(headerText));
}
