/**
 * Whether the import worker reads a workbook a second time: only for the read sheet's first rows,
 * to preview a form question the file leaves open (formChoices.ts). A sheet whose errors wait on no
 * open form gets no question, so reading it again would only cost the time of a second parse.
 */
import type { FormChoices } from '../import/forms';
import type { ImportResult } from '../import/importFile';
import { formsAsked } from '../import/openQuestions';

export function needsFormRows(result: Pick<ImportResult, 'sheet' | 'formQuestion' | 'errorCount' | 'openQuestions'>, forms?: FormChoices): boolean {
  return result.sheet !== undefined && result.formQuestion === undefined && result.errorCount > 0 && formsAsked(result, forms).length > 0;
}
