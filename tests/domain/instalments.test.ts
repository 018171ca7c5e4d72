import { describe, expect, it } from 'vitest';
import { analyse } from '../../src/domain/calculate';
import { instalmentPosition } from '../../src/domain/instalments';
import { DATA_DIR, loadFolder } from '../helpers';
import type { Instalment } from '../../src/model/dataset';
import type { Pence } from '../../src/model/money';

const p = (pounds: number) => (pounds * 100) as Pence;

describe('instalments received, due and at risk', () => {
  it('counts a year without instalments as agreed (not received), and later years as due, none at risk while amber', () => {
    const { data } = loadFolder(DATA_DIR);
    const a = analyse(data);
    const y = a.years.find((x) => x.label === '2022-23')!;
    const pos = instalmentPosition(a, [], y);
    expect([pos.counted, pos.recordedReceived, pos.agreedUnrecorded, pos.unrecordedYears]).toEqual([p(5_160_000), 0, p(5_160_000), ['2022-23']]);
    expect(pos.due).toBe(p(1_550_000 * 3 + 3_100_000));
    expect(pos.atRisk).toBe(0);
  });
  it('puts a withheld instalment at risk and raises the net deficit by it', () => {
    const { data } = loadFolder(DATA_DIR);
    const fy = data.agreement[0]!.fy;
    const instalments: Instalment[] = [
      { fy, amount: p(4_160_000), status: 'received', date: '2023-03-31' },
      { fy, amount: p(1_000_000), status: 'withheld', date: '2023-03-31' },
    ];
    const before = analyse(data).years.find((x) => x.fy === fy)!;
    const a = analyse({ ...data, instalments });
    const y = a.years.find((x) => x.fy === fy)!;
    expect(y.cumulativeDeficitNet! - before.cumulativeDeficitNet!).toBe(p(1_000_000));
    const pos = instalmentPosition(a, instalments, y);
    expect([pos.counted, pos.recordedReceived, pos.agreedUnrecorded]).toEqual([p(4_160_000), p(4_160_000), 0]);
    expect(pos.withheld).toBe(p(1_000_000));
    expect(pos.atRisk).toBe(p(1_000_000));
  });
  it('puts scheduled instalments at risk when the year is red', () => {
    const { data } = loadFolder(DATA_DIR);
    const fy = data.agreement[0]!.fy;
    const instalments: Instalment[] = [{ fy: fy + 1, amount: p(1_550_000), status: 'scheduled', date: '2024-03-31' }];
    const a = analyse({ ...data, instalments }, { tolerance: '0.001' });
    const y = a.years.find((x) => x.fy === fy)!;
    expect(y.status).toBe('red');
    const pos = instalmentPosition(a, instalments, y);
    // 2022-23's own £5.16m, agreed with no instalment recorded, is at risk with what is due after it.
    expect(pos.atRisk).toBe(p(5_160_000 + 1_550_000 + 1_550_000 + 1_550_000 + 3_100_000));
  });
});
