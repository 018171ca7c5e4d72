/** Validation of the cost-centre map entries an import record carries, as a workspace file holds them. */
import { BLOCKS } from '../model/blocks';
import { TREATMENTS } from '../model/costCentreMap';
import { checkCode, isPrefix } from '../import/costCentreMap';

const SOURCES = ['hand', 'file', 'budget'];

export function checkCostCentreMap(list: unknown, at: string, err: (where: string, what: string) => void): void {
  if (list === undefined) return;
  if (!Array.isArray(list)) return err(at, 'must be a list');
  list.forEach((e: unknown, i) => {
    const w = `${at}[${i}]`;
    if (typeof e !== 'object' || e === null) return err(w, 'not an object');
    const x = e as Record<string, unknown>;
    const code = typeof x.code === 'string' ? checkCode(x.code) : undefined;
    if (!code?.ok || code.code !== x.code) err(`${w}.code`, 'a code in capitals such as "HN3002", or a prefix such as "HN30*"');
    if (x.account !== undefined && (typeof x.account !== 'string' || isPrefix(x.account) || !checkCode(x.account).ok)) err(`${w}.account`, 'an exact account code');
    if (!(TREATMENTS as readonly unknown[]).includes(x.treatment)) err(`${w}.treatment`, `one of ${TREATMENTS.join(', ')}`);
    if (x.treatment !== 'exclude' && (!(BLOCKS as readonly unknown[]).includes(x.block) || typeof x.line !== 'string' || x.line === '')) {
      err(w, `a ${String(x.treatment)} mapping needs a block (one of ${BLOCKS.join(', ')}) and a budget line`);
    }
    if (!SOURCES.includes(x.source as string)) err(`${w}.source`, `one of ${SOURCES.join(', ')}`);
  });
}
