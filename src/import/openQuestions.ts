/**
 * The forms a file can leave open, in words: each question's legend and options (what choosing
 * it sets), which the column stage found open (ImportResult.openQuestions), and the errors that
 * only wait on one, folded for the Import card. No import core here, so the Import view can load
 * it without the reader; formChoices.ts adds the previews.
 */
import type { FormChoices, FormOption, FormQuestionKey, OpenQuestion } from './forms';
import type { ImportResult } from './importFile';
import type { Problem } from './problems';

export const QUESTIONS: Record<FormQuestionKey, { legend: string; what: string; options: FormOption[] }> = {
  numberFormat: {
    legend: 'How are the amounts written?',
    what: 'how the amounts are written',
    options: [
      { id: 'uk', label: 'UK: a comma for thousands, a point for pence (22.590 is £22.59)', choices: { numberFormat: 'uk' } },
      { id: 'european', label: 'European: a point for thousands, a comma for pence (22.590 is £22,590)', choices: { numberFormat: 'european' } },
    ],
  },
  periodCode: {
    legend: 'What does a six-digit period such as 202304 mean?',
    what: 'what the six-digit periods mean',
    options: [
      { id: 'calendar', label: 'Year and calendar month: 202304 is April 2023', choices: { periodCode: 'calendar' } },
      { id: 'fiscal-start', label: 'Year and fiscal period, the year the financial year starts in: 202304 is period 4 of 2023-24 (July 2023)', choices: { periodCode: 'fiscal', singleYear: 'start' } },
      { id: 'fiscal-end', label: 'Year and fiscal period, the year the financial year ends in: 202304 is period 4 of 2022-23 (July 2022)', choices: { periodCode: 'fiscal', singleYear: 'end' } },
    ],
  },
  singleYear: {
    legend: 'Which financial year does a single year such as 2023 name?',
    what: 'which financial year a single year names',
    options: [
      { id: 'start', label: 'The year it starts in: 2023 is 2023-24', choices: { singleYear: 'start' } },
      { id: 'end', label: 'The year it ends in: 2023 is 2022-23', choices: { singleYear: 'end' } },
    ],
  },
};

const ORDER: FormQuestionKey[] = ['numberFormat', 'periodCode', 'singleYear'];

/** The questions a read file leaves open (as its column stage found them), in ORDER. */
export function formsAsked(result: Pick<ImportResult, 'openQuestions'>, chosen: FormChoices = {}): OpenQuestion[] {
  const open = result.openQuestions ?? [];
  const out = ORDER.flatMap((key) => open.filter((q) => q.key === key && chosen[key] === undefined));
  // Fiscal periods need the year form too: one question gives both.
  return out.some((q) => q.key === 'periodCode') ? out.filter((q) => q.key !== 'singleYear') : out;
}

/** The forms a question's answer sets: a six-digit period's answer gives the year form too. */
function answers(key: FormQuestionKey): Set<FormQuestionKey> {
  return new Set(QUESTIONS[key].options.flatMap((o) => Object.keys(o.choices) as FormQuestionKey[]));
}

/** Errors that wait on one open form, folded: how many rows, and the first few kept. */
export interface FoldedErrors {
  key: FormQuestionKey;
  /** "how the amounts are written": what the user is to choose. */
  what: string;
  /** Whether the question asked now answers it (else it is asked once that is answered). */
  askedNow: boolean;
  rows: number;
  errors: number;
  first: Problem[];
}

/** Errors listed under a question folded, at most. */
export const FOLDED_SHOWN = 5;

/**
 * A read file's errors split for the chooser's card: those that wait only on a form the file
 * leaves open, folded by form, and every other error, each still to be listed (a real fault is
 * never hidden). `otherCount` counts the others past those kept too. Without a question asked,
 * nothing folds.
 */
export function foldErrors(result: Pick<ImportResult, 'errors' | 'errorCount' | 'openQuestions' | 'formQuestion'>): { folded: FoldedErrors[]; others: Problem[]; otherCount: number } {
  const asked = result.formQuestion?.key;
  const open = result.openQuestions ?? [];
  if (asked === undefined || open.length === 0) return { folded: [], others: result.errors, otherCount: result.errorCount };
  const now = answers(asked);
  const keys = new Set(open.map((q) => q.key));
  const folded = ORDER.flatMap((key) => open.filter((q) => q.key === key)).map((q) => ({
    key: q.key, what: QUESTIONS[q.key].what, askedNow: now.has(q.key), rows: q.rows, errors: q.errors,
    first: result.errors.filter((e) => e.question === q.key).slice(0, FOLDED_SHOWN),
  }));
  const others = result.errors.filter((e) => e.question === undefined || !keys.has(e.question));
  const otherCount = result.errorCount - open.reduce((n, q) => n + q.errors, 0);
  return { folded, others, otherCount };
}

