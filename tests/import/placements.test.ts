import { describe, expect, it } from 'vitest';
import { parseAgeBand, parsePlacementType } from '../../src/domain/placements';
import { importText } from '../../src/import/importFile';

describe('placement types and age bands', () => {
  it.each([
    ['Mainstream school or academy', 'mainstream'],
    ['Resourced provision or SEN unit', 'resourced'],
    ['Maintained special school or special academy', 'special'],
    ['Non-maintained or independent special school', 'independent'],
    ['Hospital school or alternative provision', 'ap'],
    ['Post-16 and further education', 'post16'],
    ['Other or direct payments', 'other'],
    ['INMSS', 'independent'],
    ['PRU', 'ap'],
    ['FE college', 'post16'],
    ['Special academy', 'special'],
  ])('%s is %s', (raw, type) => expect(parsePlacementType(raw)).toBe(type));
  it.each([
    ['Under 5', 'under 5'], ['0-4', 'under 5'], ['Age 5-10', '5 to 10'], ['11 to 15', '11 to 15'], ['16-19', '16 to 19'], ['20-25 years', '20 to 25'], ['5-11', undefined],
  ])('%s is %s', (raw, band) => expect(parseAgeBand(raw)).toBe(band));
});

describe('placements files', () => {
  it('reads counts by month, type and age band, with annual costs', () => {
    const r = importText(
      [
        'Census date,Placement type,Age band,Number of EHCPs,Average annual cost (£)',
        '31/01/2023,Mainstream school or academy,5 to 10,400,"£6,000"',
        '31/01/2023,Non-maintained or independent special school,11 to 15,45,"£58,500.50"',
        '31/01/2023,Total,,445,',
      ].join('\n'),
      'placements.csv',
    );
    expect(r.kind).toBe('placements');
    expect(r.errors).toEqual([]);
    expect(r.skipped.map((s) => s.row)).toEqual([4]);
    expect(r.data.placements).toEqual([
      { month: '2023-01', type: 'mainstream', ageBand: '5 to 10', count: 400, annualCost: 600000 },
      { month: '2023-01', type: 'independent', ageBand: '11 to 15', count: 45, annualCost: 5850050 },
    ]);
  });
  it('names row, column and value for an unknown type or age band', () => {
    const r = importText(['month,placement type,age band,count', '2023-01,Boarding,5-10,3', '2023-01,Mainstream,5-11,3'].join('\n'), 'p.csv');
    expect(r.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [2, 'B (placement type)', 'Boarding'],
      [3, 'C (age band)', '5-11'],
    ]);
  });
});
