/** The header words of the cost-centre map's fields, and which files are read through the map. */
import { describe, expect, it } from 'vitest';
import { usesCostCentreMap } from '../../src/import/costCentreStage';
import { headerMatchesField, mapColumns, normaliseHeader, satisfies } from '../../src/import/kinds';
import type { Kind } from '../../src/model/kinds';

describe('the account and treatment columns', () => {
  it.each([
    ['Account', true], ['Account Code', true], ['GL Account', true], ['Accounting Flexfield', true], ['Acct', true], ['Nominal code', true],
    ['Account Description', false], ['Account(T)', false], ['Account name', false], ['Account type', false],
  ])('%s is an account: %s', (header, expected) => {
    expect(headerMatchesField('account', normaliseHeader(header))).toBe(expected);
  });
  it('"Treatment" is the treatment', () => expect(headerMatchesField('treatment', normaliseHeader('Treatment'))).toBe(true));
});

describe('which files take their blocks and lines from the map', () => {
  const kindOf = (header: string[], kinds: Kind[] = ['ledger', 'actuals', 'budget', 'actualsWide', 'costCentreMap']) =>
    kinds.map((k) => mapColumns(k, header)).find((m) => satisfies(m, header));
  it.each([
    [['Period', 'Account', 'Journal', 'Amount'], 'ledger', true],
    [['Trans date', 'Cost centre', 'Voucher no', 'Amount'], 'ledger', true],
    [['Period', 'Cost centre', 'Actual'], 'actuals', true],
    [['Cost centre', 'Apr-23', 'May-23'], 'actualsWide', true],
    [['Period', 'Block', 'Line', 'Cost centre', 'Actual'], 'actuals', false],
    [['Period', 'Block', 'Cost centre', 'Actual'], 'actuals', true],
    [['Cost centre', 'Block', 'Budget line'], 'costCentreMap', false],
    [['Account', 'Treatment'], 'costCentreMap', false],
  ] as const)('%j is %s, through the map: %s', (header, kind, mapped) => {
    const map = kindOf([...header]);
    expect(map?.kind).toBe(kind);
    expect(usesCostCentreMap(map!)).toBe(mapped);
  });
  it.each([
    [['Cost centre', 'Block', 'Budget line', 'Budget']],
    [['Cost centre', 'Block', 'Budget line', 'Period']],
    [['Block', 'Budget line']],
  ])('%j is not a map', (header) => {
    expect(satisfies(mapColumns('costCentreMap', header))).toBe(false);
  });
});
