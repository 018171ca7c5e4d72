/**
 * The layering lint (issue 12): the project's own ESLint config, run on real source files with one
 * import added, rejects an import cycle and an import from a lower layer to a higher one, and
 * accepts the files as they are.
 */
import { readFileSync } from 'node:fs';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: process.cwd() });
});

/** The messages of the given rule for `file` with `line` added at its end. */
async function problems(file: string, line: string, rule: string): Promise<string[]> {
  const text = `${readFileSync(file, 'utf8')}\n${line}\n`;
  const [result] = await eslint.lintText(text, { filePath: file });
  return result!.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe('the import cycle rule', () => {
  it('accepts a file as it is', async () => {
    expect(await problems('src/domain/format.ts', '', 'local/no-import-cycle')).toEqual([]);
  });

  it('reports a cycle, type-only or not, with the way back', async () => {
    // calculate.ts imports format.ts, so format.ts importing calculate.ts closes a circle.
    for (const line of ["import { analyse } from './calculate';\nexport const _a = analyse;", "import type { Analysis } from './calculate';\nexport type _A = Analysis;"]) {
      const messages = await problems('src/domain/format.ts', line, 'local/no-import-cycle');
      expect(messages).toEqual(['Import cycle: src/domain/format.ts → src/domain/calculate.ts → src/domain/format.ts.']);
    }
  });

  it('follows dynamic imports and longer chains', async () => {
    // model/dataset.ts → model/blocks.ts; blocks reaching dataset lazily is still a cycle.
    const messages = await problems('src/model/blocks.ts', "export const _d = () => import('./dataset');", 'local/no-import-cycle');
    expect(messages).toEqual(['Import cycle: src/model/blocks.ts → src/model/dataset.ts → src/model/blocks.ts.']);
  });
});

describe('the layer direction', () => {
  const RULE = 'no-restricted-imports';
  const cases: [string, string, string][] = [
    ['src/model/blocks.ts', "import { formatPounds } from '../domain/format';", 'src/model imports nothing outside src/model.'],
    ['src/model/blocks.ts', "import Decimal from 'decimal.js';", 'src/model imports nothing outside src/model.'],
    ['src/model/blocks.ts', "import { formatPounds } from './../domain/format';", 'src/model imports nothing outside src/model.'],
    ['src/domain/format.ts', "import { useWorkspace } from '../store/workspace';", 'src/domain never imports'],
    ['src/domain/format.ts', "import { KIND_SPECS } from '../import/kinds';", 'src/domain never imports'],
    ['src/import/sinks/budget.ts', "import { TableWrap } from '../../ui/TableWrap';", 'src/import never imports'],
    ['src/charts/palette.ts', "import { blocksWithMonths } from '../views/variance/shape';", 'src/charts never imports'],
    ['src/charts/palette.ts', "import { useWorkspace } from '../store/workspace';", 'src/charts never imports'],
    ['src/ui/TableWrap.tsx', "import { ChartFigure } from '../charts/ChartFigure';", 'src/ui never imports'],
    ['src/ui/readOnly.ts', "import { routes } from '../app/routes';", 'src/ui never imports'],
    ['src/store/history.ts', "import { TableWrap } from '../ui/TableWrap';", 'src/store never imports'],
    ['src/storage/db.ts', "import { useWorkspace } from '../store/workspace';", 'src/storage never imports'],
    ['src/views/variance/shape.ts', "import { routes } from '../../app/routes';", 'src/views never imports'],
  ];
  it.each(cases)('%s: %s is refused', async (file, line, message) => {
    const messages = await problems(file, line, RULE);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain(message);
  });

  it('accepts imports down the layers', async () => {
    for (const [file, line] of [
      ['src/views/variance/shape.ts', "import { ChartFigure } from '../../charts/ChartFigure';"],
      ['src/charts/palette.ts', "import { TableWrap } from '../ui/TableWrap';"],
      ['src/ui/TableWrap.tsx', "import { BLOCKS } from '../model/blocks';"],
      ['src/domain/format.ts', "import { BLOCKS } from '../model/blocks';"],
      ['src/import/sinks/budget.ts', "import { lineKey } from '../../model/dataset';"],
      ['src/model/blocks.ts', "import type { Pence } from './money';"],
    ]) {
      expect(await problems(file!, line!, RULE)).toEqual([]);
    }
  });
});
