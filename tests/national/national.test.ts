/**
 * The DfE's own files, as published (tests/fixtures/national: the SEN2 2025 release zip and the
 * DSG allocations workbook 2023-24, July 2024), read for Torbay (880), Plymouth (879) and Devon
 * (878). Every expected figure was read from the files by hand; where each comes from is noted
 * as file, row (as a spreadsheet shows it, the header being row 1) and column.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import Decimal from 'decimal.js';
import { readCell, type Cell } from '../../src/national/cells';
import { mergeNational, type NationalData } from '../../src/national/merge';
import { nationalContext, type MetricId, type NationalContext } from '../../src/national/metrics';
import { nationalJson } from '../../src/national/json';
import { reconcileAllocations } from '../../src/national/reconcile';
import { claimsFile, isNationalFile, readNationalFile } from '../../src/national/read';
import type { NationalImport } from '../../src/model/national';
import { fromPounds } from '../../src/domain/money';

const dir = 'tests/fixtures/national/';
const ZIP = 'ehcp_2025.zip';
const ODS = 'dedicated-schools-grant_2023-24_published-2024-07-20.ods';
const bytes = (f: string) => new Uint8Array(readFileSync(dir + f));

let release: NationalImport;
let allocations: NationalImport;
let data: NationalData;
let torbay: NationalContext;

beforeAll(async () => {
  release = await readNationalFile(bytes(ZIP), ZIP);
  allocations = await readNationalFile(bytes(ODS), ODS);
  data = mergeNational([release, allocations]);
  torbay = nationalContext(data, '880', ['879', '878']);
}, 60_000);

const metric = (ctx: NationalContext, id: MetricId) => ctx.metrics.find((m) => m.id === id)!;
const point = (ctx: NationalContext, id: MetricId, label: string) => metric(ctx, id).points.find((p) => p.label === label)!;
const value = (c: Cell) => (c.ok ? c.value.toString() : null);
const json = () => nationalJson(torbay, reconcileAllocations(data, '880', []));
const jm = (id: MetricId) => json().metrics.find((m) => m.id === id)!;

describe('cells as the DfE prints them', () => {
  it.each([
    ['1643', '1643'], ['1,071', '1071'], ['2.30%', '2.3'], [' - ', '0'], ['65.4', '65.4'],
  ])('%j is the figure %s', (raw, expected) => {
    expect(value(readCell(raw))).toBe(expected);
  });
  it.each([
    ['x', 'unavailable (x)'], ['z', 'not applicable (z)'], ['c', 'confidential (c)'], [':', 'not available (:)'],
    ['low', 'rounds to zero'], ['u', 'low reliability (u)'], [' .. ', 'not available (..)'], ['~', 'suppressed (~)'],
  ])('%j is not published: %s', (raw, reason) => {
    const c = readCell(raw);
    expect(c.ok).toBe(false);
    expect(!c.ok && c.reason).toContain('not published');
    expect(!c.ok && c.reason).toContain(reason);
  });
  it('anything else is not a figure, and says what it was', () => {
    const c = readCell('12a');
    expect(!c.ok && c.reason).toBe('not a figure: "12a"');
  });
});

describe('recognising the files', () => {
  it('takes the release zip and the workbook as national files, and not a council CSV', () => {
    expect(isNationalFile(ZIP, bytes(ZIP))).toBe(true);
    expect(isNationalFile(ODS, bytes(ODS))).toBe(true);
    expect(isNationalFile('budget.csv', new TextEncoder().encode('financial_year,block,line,budget\n2023-24,High Needs,Top-up,100\n'))).toBe(false);
    const tidy = new TextEncoder().encode('\uFEFFtime_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,ehcplans\n');
    expect(isNationalFile('caseload.csv', tidy)).toBe(true);
  });

  it("leaves a workbook with no allocations summary to the council import (a council's budget saved as .xlsx)", async () => {
    const stub = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00, 0x00, 0x00, 0x21, 0x00]);
    expect(isNationalFile('budget.xlsx', stub)).toBe(true);
    const read = await readNationalFile(stub, 'budget.xlsx');
    expect(read.tables).toEqual([]);
    expect(claimsFile('budget.xlsx', stub, read)).toBe(false);
    expect(claimsFile(ZIP, bytes(ZIP), release)).toBe(true);
    // A ".csv" that is really a zip is the council import's to refuse as not text.
    expect(isNationalFile('ledger.csv', stub)).toBe(false);
  });

  it('reads the tables a metric uses from the zip, and lists every other file it ignored', () => {
    expect(release.tables.map((t) => [t.id, t.file])).toEqual([
      ['caseload', 'caseload.csv'],
      ['newplans', 'newplans.csv'],
      ['requests', 'requests.csv'],
      ['timeliness', 'timeliness_20_week.csv'],
      ['tribunal', 'SEND Tribunals and appeal rate 2014-2024.csv'],
    ]);
    expect(release.ignored.map((i) => i.file).sort()).toEqual(
      ['annual_reviews.csv', 'assessments.csv', 'ceased_plans.csv', 'data-guidance.txt', 'personal_budgets.csv', 'residential_settings.csv', 'sen2_dmo_dco.csv', 'sen_need_newplans.csv', 'sen_needs_all_plans.csv', 'work_based_placements.csv'],
    );
    // The tribunal table lists Bournemouth and Poole before their merger, with no LA code.
    expect(release.warnings).toEqual([
      'SEND Tribunals and appeal rate 2014-2024.csv, row 158: Bournemouth has no LA code (a former authority); left out.',
      'SEND Tribunals and appeal rate 2014-2024.csv, row 168: Poole has no LA code (a former authority); left out.',
    ]);
  });

  it('keeps academic years (202425) and calendar years (2024) as published', () => {
    const caseload = release.tables.find((t) => t.id === 'caseload')!;
    const newplans = release.tables.find((t) => t.id === 'newplans')!;
    expect(caseload.periodType).toBe('academic');
    expect([...new Set(caseload.rows.map((r) => r.period))]).toEqual(['201819', '201920', '202021', '202122', '202223', '202324', '202425']);
    expect(newplans.periodType).toBe('calendar');
    expect([...new Set(newplans.rows.map((r) => r.period))]).toEqual(['2019', '2020', '2021', '2022', '2023', '2024']);
  });

  it('reads the allocations summary under its four header rows, with ENGLAND and the region rows, and lists the other sheets', () => {
    const t = allocations.tables[0]!;
    expect(allocations.tables).toHaveLength(1);
    expect(t.periodType).toBe('financial');
    // Rows 6 to 156: one per authority.
    expect(t.rows.filter((r) => r.level === 'la')).toHaveLength(151);
    expect(t.rows.filter((r) => r.level === 'regional').map((r) => r.name)).toEqual([
      'London', 'East of England', 'East Midlands', 'North East', 'North West', 'South East', 'South West', 'West Midlands', 'Yorkshire and the Humber',
    ]);
    expect(allocations.ignored.map((i) => i.file)).toEqual([
      `${ODS}, sheet Information_2023_to_2024`, `${ODS}, sheet Schools_block_and_CSSB`, `${ODS}, sheet High_needs_block`, `${ODS}, sheet High_needs_deductions`, `${ODS}, sheet Early_years_block`,
    ]);
    // Rows 159 to 161 are totals by kind of authority: neither a region nor England.
    expect(allocations.warnings.map((w) => /row (\d+)/.exec(w)![1])).toEqual(['159', '160', '161']);
  });
});

describe('Torbay (880), Plymouth (879) and Devon (878) as the files print them', () => {
  it('EHC plans in force, January 2025 and 2024 (caseload.csv, column ehcplans)', () => {
    // caseload.csv rows 25056 (Torbay 202425), 24979 (Plymouth), 24902 (Devon), 13028 (England 202425), 12725 (Torbay 202324).
    const p = point(torbay, 'ehcps', '2025');
    expect(value(p.value)).toBe('1643');
    expect(p.comparators.map((c) => [c.name, value(c.value)])).toEqual([['Plymouth', '3081'], ['Devon', '9848']]);
    expect(value(p.england)).toBe('638745');
    expect(value(point(torbay, 'ehcps', '2024').value)).toBe('1535');
    expect(p.source).toBe('caseload.csv');
  });

  it('growth on the year before: (1643 − 1535) / 1535 = 7.04%, printed 7.0', () => {
    expect(jm('ehcps_growth_pct')).toMatchObject({ period: '2025', value: '7.0' });
    // Plymouth (3081 − 2800) / 2800 = 10.04% (rows 24979, 12651); Devon (9848 − 8873) / 8873 = 10.99% (rows 24902, 12574).
    expect(jm('ehcps_growth_pct').comparators).toEqual({ median: '10.5', min: '10.0', max: '11.0' });
  });

  it('new plans and requests in calendar year 2024', () => {
    // newplans.csv rows 17742, 17710, 17677, column new_ehc_plans: 205, 337, 1491.
    expect(jm('new_plans')).toMatchObject({ period: '2024', value: 205, comparators: { median: 914, min: 337, max: 1491 }, source: 'newplans.csv' });
    // requests.csv rows 13020, 12982, 12941, column requests_received_in_year: 307, 1176, 2265 (median of two: 1720.5).
    expect(jm('requests')).toMatchObject({ period: '2024', value: 307, comparators: { median: 1720.5, min: 1176, max: 2265 } });
  });

  it('plans issued within 20 weeks excluding exceptions, 2024 (timeliness_20_week.csv)', () => {
    // Row 12069 Torbay: plans_issued_20_weeks_ex 63 of plans_issued_den_ex 218 = 28.9 (PC_plans_issued_20_weeks_ex 28.9).
    // Row 12037 Plymouth: 24 of 403 = 5.96, printed 6; row 11997 Devon 41 of 1277 = 3.2.
    // England: 39407 of 84866 = 46.4 (the national 2024 row); South West: 2245 of 7886 = 28.5.
    expect(jm('within_20_weeks_pct')).toMatchObject({ period: '2024', value: '28.9', england: '46.4', region: '28.5', comparators: { median: '4.6', min: '3.2', max: '6.0' } });
  });

  it('plans in independent or non-maintained special schools, January 2025 (caseload.csv)', () => {
    // Torbay row 25056: special_independent 27 + special_non_maintained 1 = 28 of 1643 = 1.70%.
    // Plymouth row 24979: 100 + 1 of 3081 = 3.28%; Devon row 24902: 863 + 34 of 9848 = 9.11%.
    // England row 13028: 29647 + 4381 of 638745 = 5.33%.
    expect(jm('independent_special_pct')).toMatchObject({ value: '1.7', england: '5.3', comparators: { median: '6.2', min: '3.3', max: '9.1' } });
    expect(value(point(torbay, 'independent_special_pct', '2025').value)).toBe(new Decimal(28).times(100).div(1643).toString());
  });

  it('SEND Tribunal appeal rate, 2024 (the tribunal table with its title rows)', () => {
    // Row 172 Torbay, 2024 columns: 39 appeals of 1,708 decisions = 2.28% (printed 2.30%).
    // Plymouth: 252 of 3,089 = 8.2; Devon: 404 of 10,987 = 3.7; "England Total" row 174: 22,276 of 689,739 = 3.2.
    expect(jm('tribunal_appeal_rate_pct')).toMatchObject({ period: '2024', value: '2.3', england: '3.2', comparators: { median: '5.9', min: '3.7', max: '8.2' } });
    expect(value(point(torbay, 'tribunal_appeal_rate_pct', '2014').value)).toBe(new Decimal(100).div(912).toString());
  });

  it('high needs allocation per plan, 2023-24 (the workbook [C] over the January 2024 census)', () => {
    // Allocations_summary row 123 Torbay, High needs block before recoupment [C] 26,188,108; caseload row 12725: 1535 plans.
    expect(jm('dsg_high_needs_allocation')).toMatchObject({ period: '2023-24', value: '17060.66', source: `${ODS} and caseload.csv` });
  });

  it('ranks Torbay among the authorities in England, 1 being the highest', () => {
    const e = jm('ehcps');
    const caseload = data.caseload!.rows.filter((r) => r.period === '202425' && r.level === 'la');
    const higher = caseload.filter((r) => Number(r.values[0]) > 1643).length;
    expect(e.rankInEngland).toBe(higher + 1);
    expect(e.of).toBe(caseload.length);
    expect(json()).toMatchObject({ la: '880', name: 'Torbay', region: 'South West' });
  });
});

describe('not published', () => {
  it('a suppressed figure is null with the reason, and is left out of the median and rank', () => {
    // caseload.csv row 19714: Cambridgeshire (873), 202425, special_independent and special_non_maintained are x.
    const cambs = nationalContext(data, '873', ['879']);
    const p = point(cambs, 'independent_special_pct', '2025');
    expect(p.value).toEqual({ ok: false, reason: 'not published: unavailable (x)' });
    expect(p.rank).toBeUndefined();
    const j = nationalJson(cambs, null).metrics.find((m) => m.id === 'independent_special_pct')!;
    expect(j.value).toBeNull();
    expect(cambs.warnings).toContain("independent_special_pct 2025: Cambridgeshire's figure is not published: unavailable (x).");
  });

  it('a comparator whose figure is suppressed is named in the warnings', () => {
    // timeliness_20_week.csv row 579: Norfolk (926), 2022, every count x; requests.csv row 3061: Leicester (856), 2023, x.
    expect(value(point(torbay, 'within_20_weeks_pct', '2022').value)).toBe(new Decimal(119).times(100).div(182).toString());
    const withNorfolk = nationalContext(data, '880', ['926']);
    expect(point(withNorfolk, 'within_20_weeks_pct', '2022').comparators[0]!.value).toEqual({ ok: false, reason: 'not published: unavailable (x)' });
    const leicester = nationalContext(data, '856');
    expect(point(leicester, 'requests', '2023').value.ok).toBe(false);
  });
});

describe('the workbook saved as .xlsx', () => {
  it('reads the same allocations as from the .ods', async () => {
    const XLSX = await import('@e965/xlsx');
    const log = console.error;
    console.error = () => undefined;
    const wb = XLSX.read(bytes(ODS), { type: 'array' });
    console.error = log;
    const xlsx = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const name = ODS.replace('.ods', '.xlsx');
    expect(isNationalFile(name, xlsx)).toBe(true);
    const imp = await readNationalFile(xlsx, name);
    expect(imp.tables[0]!.rows).toEqual(allocations.tables[0]!.rows);
  }, 60_000);
});

describe('regions', () => {
  it("puts London's authorities, under the tribunal table's INNER and OUTER LONDON headings, in London", () => {
    // Camden (202) is under INNER LONDON; its region's appeal rate is added up from London's authorities.
    const camden = nationalContext(data, '202');
    expect(camden.region).toBe('London');
    const t = data.tribunal!.rows.filter((r) => r.period === '2024' && r.level === 'la' && r.region === 'London');
    expect(t.length).toBeGreaterThan(30);
    expect(point(camden, 'tribunal_appeal_rate_pct', '2024').region.ok).toBe(true);
  });
});

describe('allocations beside the funding file', () => {
  it('shows the workbook before and after recoupment for 880, and the differences from the DSG income held', () => {
    const rec = reconcileAllocations(data, '880', [
      { fy: 2023, block: 'High Needs', income: fromPounds('20000000') },
    ])!;
    expect(rec.file).toBe(ODS);
    const hn = rec.rows.find((r) => r.block === 'High Needs')!;
    // Row 123: [C] 26,188,108 before recoupment, [H] 20,270,274 after.
    expect(hn).toMatchObject({ fy: 2023, before: fromPounds('26188108'), after: fromPounds('20270274'), income: fromPounds('20000000'), differenceAfter: fromPounds('-270274') });
    const total = rec.rows.find((r) => r.block === 'Total')!;
    // [E] 132,289,678 and [J] 50,021,046.
    expect(total).toMatchObject({ before: fromPounds('132289678'), after: fromPounds('50021046') });
    expect(rec.rows.find((r) => r.block === 'Schools')!.income).toBeNull();
  });
});

describe('a later release replaces the same figures', () => {
  it('the later file wins for the same table, period and authority', () => {
    const header = 'time_period,time_identifier,geographic_level,country_code,country_name,region_code,region_name,new_la_code,old_la_code,la_name,breakdown_topic,breakdown,new_ehc_plans\n';
    const revised = header + '2024,Calendar year,Local authority,E92000001,England,E12000009,South West,E06000027,880,Torbay,New EHC plans,New EHC plans,210\n';
    return readNationalFile(new TextEncoder().encode(revised), 'newplans.csv').then((imp) => {
      const merged = mergeNational([release, imp]);
      const ctx = nationalContext(merged, '880');
      expect(value(point(ctx, 'new_plans', '2024').value)).toBe('210');
      expect(value(point(ctx, 'new_plans', '2023').value)).toBe('184');
    });
  });
});
