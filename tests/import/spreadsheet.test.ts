/**
 * Spreadsheets read as text tables: workbooks written here with SheetJS's own writer, then, where
 * real files differ from what it writes, their XML edited to what Excel and LibreOffice write.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as XLSX from '@e965/xlsx';
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { MAX_SPREADSHEET_BYTES, SpreadsheetError, numberText, readWorkbook, serialToIso, sniffSpreadsheet, type Sheet } from '../../src/import/sources/spreadsheet';

function write(wb: XLSX.WorkBook, bookType: 'xlsx' | 'ods' | 'xls' = 'xlsx'): Uint8Array {
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType }) as ArrayBuffer);
}

/** A zip's parts edited, keeping their order (an ODS's `mimetype` first and stored, as the standard wants). */
function edit(bytes: Uint8Array, edits: Record<string, (text: string) => string>): Uint8Array {
  const parts = unzipSync(bytes);
  for (const [path, change] of Object.entries(edits)) {
    const part = parts[path];
    if (!part) throw new Error(`no part ${path} in ${Object.keys(parts).join(', ')}`);
    parts[path] = strToU8(change(strFromU8(part)));
  }
  const out: Zippable = {};
  for (const [path, data] of Object.entries(parts)) out[path] = path === 'mimetype' ? [data, { level: 0 }] : data;
  return zipSync(out);
}

function book(sheets: [string, XLSX.WorkSheet][]): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  for (const [name, ws] of sheets) XLSX.utils.book_append_sheet(wb, ws, name);
  return wb;
}

function sheetNamed(sheets: Sheet[], name: string): Sheet {
  const s = sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

async function refusal(bytes: Uint8Array): Promise<SpreadsheetError> {
  try {
    await readWorkbook(bytes);
  } catch (e) {
    expect(e).toBeInstanceOf(SpreadsheetError);
    return e as SpreadsheetError;
  }
  throw new Error('read, not refused');
}

/**
 * A budget sheet as a council keeps one: a merged title row, a blank row, the table starting in
 * column B, money in a £ format, a date, a text figure in brackets, totals by formula.
 */
function budgetSheet(): XLSX.WorkSheet {
  const ws = XLSX.utils.aoa_to_sheet([
    ['Torbay Council: DSG budget 2023-24'],
    [],
    [null, 'Block', 'Budget line', 'Budget', 'Approved'],
    [null, 'High Needs', 'Top-up funding', 1234.56, 45017],
    [null, 'Schools', 'Growth fund', -136000, 45017.5],
    [null, 'Early Years', 'Inclusion fund', '(1,234.56)', null],
    [null, 'Central', 'Admissions', 0.1, null],
    [null, 'Total', null, 0, null],
    [null, 'Check', true, 0, 0.055],
  ]);
  ws['!merges'] = [XLSX.utils.decode_range('A1:E1')];
  ws['D5']!.z = '"£"#,##0.00;[Red]\\-"£"#,##0.00';
  ws['E4']!.z = 'dd/mm/yyyy';
  ws['E5']!.z = 'dd/mm/yyyy hh:mm';
  ws['D8'] = { t: 'n', v: 0, f: 'SUM(D4:D7)' };
  ws['D9'] = { t: 'e', v: 0x07 };
  ws['E9']!.z = '0.0%';
  return ws;
}

/** The XML Excel writes where SheetJS writes the shortest form: 17 significant digits, and formulas' cached values. */
function asExcelWrites(bytes: Uint8Array): Uint8Array {
  return edit(bytes, {
    'xl/worksheets/sheet1.xml': (xml) => xml
      .replace(/(<c r="D4"[^>]*>)<v>1234.56<\/v>/, '$1<v>1234.5599999999999</v>')
      .replace(/(<c r="D7"[^>]*>)<v>0.1<\/v>/, '$1<f>0.1+0.2</f><v>0.30000000000000004</v>')
      .replace(/(<c r="D8"[^>]*>)<f>SUM\(D4:D7\)<\/f><v>0<\/v>/, '$1<f>SUM(D4:D7)</f><v>-134765.13999999999</v>'),
  });
}

describe('numberText: the decimal text of a double, exactly', () => {
  it.each([
    [1234.56, '1234.56'],
    [1234.5599999999999, '1234.56'],
    [0.30000000000000004, '0.3'],
    [300.29999999999995, '300.3'],
    [-136000, '-136000'],
    [-0, '0'],
    [0, '0'],
    [1e-7, '0.0000001'],
    [-1.5e-10, '-0.00000000015'],
    [1.5e21, '1500000000000000000000'],
    [123456789012345680000, '123456789012346000000'],
    [42894900981, '42894900981'],
    [0.1, '0.1'],
    [9999999999999.99, '9999999999999.99'],
    [Number('99999999999999.99'), '100000000000000'],
    [999999999999999.9, '1000000000000000'],
    [2.675, '2.675'],
    [1234.565, '1234.565'],
  ])('%s → %s', (n, text) => {
    expect(numberText(n)).toBe(text);
  });

  it('is the shortest round-trip text, cut to 15 significant digits half away from zero, and never has an exponent', () => {
    fc.assert(fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
      const text = numberText(n);
      expect(text).toMatch(/^-?\d+(\.\d*[1-9])?$/);
      const expected = new Decimal(String(n)).toSignificantDigits(15, Decimal.ROUND_HALF_UP);
      expect(new Decimal(text).eq(expected)).toBe(true);
    }), { numRuns: 2000 });
  });

  it('gives back a figure typed in pounds and pence (15 digits or fewer) unchanged', () => {
    fc.assert(fc.property(fc.bigInt({ min: -(10n ** 13n), max: 10n ** 13n }), (pence) => {
      const sign = pence < 0n ? '-' : '';
      const abs = pence < 0n ? -pence : pence;
      const typed = `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
      expect(new Decimal(numberText(Number(typed))).eq(new Decimal(typed))).toBe(true);
    }), { numRuns: 2000 });
  });
});

describe('serialToIso: Excel date serials', () => {
  it.each([
    [45017, false, '2023-04-01'],
    [45017.5, false, '2023-04-01 12:00:00'],
    [45382.9999884, false, '2024-03-31 23:59:59'],
    [45382.9999999, false, '2024-04-01'],
    [1, false, '1900-01-01'],
    [59, false, '1900-02-28'],
    [60, false, '1900-02-29'],
    [61, false, '1900-03-01'],
    [0, false, '1899-12-31'],
    [-1, false, '1899-12-30'],
    [43555, true, '2023-04-01'],
    [0, true, '1904-01-01'],
  ])('%s (1904 system: %s) → %s', (serial, date1904, iso) => {
    expect(serialToIso(serial, date1904)).toBe(iso);
  });

  it('gives a time alone for a time format with no date', () => {
    expect(serialToIso(0.75, false, true)).toBe('18:00:00');
  });
});

describe('readWorkbook: .xlsx', () => {
  it('reads every cell as the text a CSV of it would hold', async () => {
    const wb = book([['Budget 2023-24', budgetSheet()]]);
    const [sheet] = await readWorkbook(asExcelWrites(write(wb)));
    expect(sheet!.name).toBe('Budget 2023-24');
    expect(sheet!.firstRow).toBe(1);
    expect(sheet!.hidden).toBe(false);
    expect(sheet!.rows).toEqual([
      ['Torbay Council: DSG budget 2023-24'],
      [],
      ['', 'Block', 'Budget line', 'Budget', 'Approved'],
      ['', 'High Needs', 'Top-up funding', '1234.56', '2023-04-01'],
      ['', 'Schools', 'Growth fund', '-136000', '2023-04-01 12:00:00'],
      ['', 'Early Years', 'Inclusion fund', '(1,234.56)'],
      ['', 'Central', 'Admissions', '0.3'],
      ['', 'Total', '', '-134765.14'],
      ['', 'Check', 'TRUE', '#DIV/0!', '5.5%'],
    ]);
  });

  it('holds the quirks the test depends on: Excel’s 17-digit values and a formula’s cached value', async () => {
    const xml = strFromU8(unzipSync(asExcelWrites(write(book([['B', budgetSheet()]]))))['xl/worksheets/sheet1.xml']!);
    expect(xml).toContain('<v>1234.5599999999999</v>');
    expect(xml).toContain('<f>0.1+0.2</f><v>0.30000000000000004</v>');
    expect(xml).toContain('<f>SUM(D4:D7)</f><v>-134765.13999999999</v>');
    expect(xml).toMatch(/<mergeCell ref="A1:E1"\/>/);
  });

  it('gives a formula that was never calculated as its formula, so it is not read as empty or 0', async () => {
    const plain = write(book([['B', budgetSheet()]]));
    expect(strFromU8(unzipSync(plain)['xl/workbook.xml']!)).not.toContain('fullCalcOnLoad');
    // An empty value, as openpyxl writes it.
    const empty = edit(plain, {
      'xl/worksheets/sheet1.xml': (xml) => xml.replace(/<f>SUM\(D4:D7\)<\/f><v>0<\/v>/, '<f>SUM(D4:D7)</f><v></v>'),
    });
    expect((await readWorkbook(empty))[0]!.rows[7]).toEqual(['', 'Total', '', '=SUM(D4:D7)']);
    // No value at all, or XlsxWriter's placeholder 0, in a workbook that asks to be calculated when opened.
    for (const value of ['', '<v>0</v>']) {
      const bytes = edit(plain, {
        'xl/worksheets/sheet1.xml': (xml) => xml.replace(/<f>SUM\(D4:D7\)<\/f><v>0<\/v>/, `<f>SUM(D4:D7)</f>${value}`),
        'xl/workbook.xml': (xml) => xml.replace('</workbook>', '<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>'),
      });
      expect((await readWorkbook(bytes))[0]!.rows[7]).toEqual(['', 'Total', '', '=SUM(D4:D7)']);
    }
  });

  it('reads every sheet in order, notes hidden ones, and where the used range starts below row 1', async () => {
    const offset = XLSX.utils.sheet_add_aoa(XLSX.utils.aoa_to_sheet([]), [['Block', 'Amount'], ['High Needs', 5]], { origin: 'C4' });
    const wb = book([
      ['Notes', XLSX.utils.aoa_to_sheet([['Read me first'], [], ['Prepared by finance']])],
      ['Lookup', XLSX.utils.aoa_to_sheet([['code', 'block'], ['HN', 'High Needs']])],
      ['Budget', budgetSheet()],
      ['Offset', offset],
      ['Empty', XLSX.utils.aoa_to_sheet([])],
    ]);
    wb.Workbook = { Sheets: [{ Hidden: 0 }, { Hidden: 1 }, { Hidden: 0 }, { Hidden: 0 }, { Hidden: 2 }] };
    const sheets = await readWorkbook(write(wb));
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([['Notes', false], ['Lookup', true], ['Budget', false], ['Offset', false], ['Empty', true]]);
    expect(sheetNamed(sheets, 'Notes').rows).toEqual([['Read me first'], [], ['Prepared by finance']]);
    const off = sheetNamed(sheets, 'Offset');
    expect(off.firstRow).toBe(4);
    expect(off.rows).toEqual([['', '', 'Block', 'Amount'], ['', '', 'High Needs', '5']]);
    expect(sheetNamed(sheets, 'Empty').rows).toEqual([]);
  });

  it('reads dates in a workbook that uses the 1904 date system', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['Date', 'Amount'], [43555, 10]]);
    ws['A2']!.z = 'yyyy-mm-dd';
    const wb = book([['Dates', ws]]);
    wb.Workbook = { WBProps: { date1904: true } };
    const bytes = write(wb);
    expect(strFromU8(unzipSync(bytes)['xl/workbook.xml']!)).toMatch(/date1904="(1|true)"/);
    const [sheet] = await readWorkbook(bytes);
    expect(sheet!.rows[1]).toEqual(['2023-04-01', '10']);
  });

  it('keeps leading zeros of codes held as text, and line breaks inside a cell', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['Cost centre', 'Note'], ['001234', 'line one\nline two']]);
    const [sheet] = await readWorkbook(write(book([['S', ws]])));
    expect(sheet!.rows[1]).toEqual(['001234', 'line one\nline two']);
  });
});

describe('readWorkbook: .ods', () => {
  it('reads numbers, dates, booleans, text and several sheets from an OpenDocument spreadsheet', async () => {
    const ws = XLSX.utils.aoa_to_sheet([
      ['Block', 'Amount', 'Date', 'Flag'],
      ['High Needs', 1234.56, new Date(Date.UTC(2023, 3, 1)), true],
      ['Schools', -136000, new Date(Date.UTC(2024, 2, 31, 9, 30)), false],
      ['Text', '(1,234.56)'],
    ], { cellDates: true });
    const bytes = write(book([['First', ws], ['Second', XLSX.utils.aoa_to_sheet([[null, 'x']])]]), 'ods');
    expect(sniffSpreadsheet(bytes)).toEqual({ format: 'ods' });
    const content = strFromU8(unzipSync(bytes)['content.xml']!);
    expect(content).toContain('office:date-value="2023-04-01');
    const sheets = await readWorkbook(bytes);
    expect(sheets.map((s) => s.name)).toEqual(['First', 'Second']);
    expect(sheets[0]!.rows).toEqual([
      ['Block', 'Amount', 'Date', 'Flag'],
      ['High Needs', '1234.56', '2023-04-01', 'TRUE'],
      ['Schools', '-136000', '2024-03-31 09:30:00', 'FALSE'],
      ['Text', '(1,234.56)'],
    ]);
    expect(sheets[1]!.rows).toEqual([['', 'x']]);
  });

  it('reads the value LibreOffice stores, not the 15-digit text it shows', async () => {
    const ws = XLSX.utils.aoa_to_sheet([['Amount'], [1]]);
    const bytes = edit(write(book([['S', ws]]), 'ods'), {
      'content.xml': (xml) => xml.replace(/office:value="1"/, 'office:value="1234.5599999999999"'),
    });
    const [sheet] = await readWorkbook(bytes);
    expect(sheet!.rows[1]).toEqual(['1234.56']);
  });

  it('reads the DfE’s published DSG allocations as published', async () => {
    const path = fileURLToPath(new URL('../fixtures/national/dedicated-schools-grant_2023-24_published-2024-07-20.ods', import.meta.url));
    const bytes = new Uint8Array(readFileSync(path));
    expect(sniffSpreadsheet(bytes)).toEqual({ format: 'ods' });
    const sheets = await readWorkbook(bytes);
    expect(sheets.map((s) => s.name)).toEqual([
      'Information_2023_to_2024', 'Allocations_summary', 'Schools_block_and_CSSB', 'High_needs_block', 'High_needs_deductions', 'Early_years_block',
    ]);
    const summary = sheetNamed(sheets, 'Allocations_summary');
    expect(summary.firstRow).toBe(1);
    expect(summary.rows[0]![0]).toBe('Dedicated schools grant: 2023 to 2024 allocations local authority summary');
    expect(summary.rows[1]!.slice(2, 7)).toEqual([
      'Schools block (£s)', 'Central school services block (£s)', 'High needs block (£s)', 'Early years block (£s)', 'Total DSG allocation (£s)',
    ]);
    expect(summary.rows[2]).toEqual(['', '', '[A]', '[B]', '[C]', '[D]', '[E]', '[F]', '[G]', '[H]', '[I]', '[J]']);
    // Row 5, as the sheet numbers it: England's totals, in whole pounds.
    expect(summary.rows[4]).toEqual(['ENGLAND', '', '42894900981', '391933050', '9952172126', '3896877899', '57135884056', '16938724092', '391933050', '8872813235', '3896877899', '30100348276']);
    // Row 123: Torbay, old LA code 880. [A] + [B] + [C] + [D] = [E]: 97,735,774 + 859,362 + 26,188,108 + 7,506,434 = 132,289,678.
    expect(summary.rows[122]).toEqual(['880', 'Torbay', '97735774', '859362', '26188108', '7506434', '132289678', '21384976', '859362', '20270274', '7506434', '50021046']);
    // The information sheet starts in column B, below blank rows of empty strings.
    const info = sheetNamed(sheets, 'Information_2023_to_2024');
    expect(info.firstRow).toBe(8);
    expect(info.rows[0]).toEqual(['', 'Dedicated schools grant (DSG): 2023 to 2024 financial year allocations']);
    expect(info.rows[17]).toEqual(['', 'Publication date:', 'Thursday, 20 Jul, 2023']);
  });
});

describe('sniffSpreadsheet and refusals', () => {
  it('tells spreadsheets from text and other zips', () => {
    expect(sniffSpreadsheet(write(book([['S', XLSX.utils.aoa_to_sheet([['a']])]])))).toEqual({ format: 'xlsx' });
    expect(sniffSpreadsheet(new TextEncoder().encode('Block,Amount\nHigh Needs,5\n'))).toBeUndefined();
    expect(sniffSpreadsheet(new Uint8Array())).toBeUndefined();
    expect(sniffSpreadsheet(zipSync({ 'data/caseload.csv': strToU8('a,b\n') }))).toBeUndefined();
    // Zip magic and nothing else says nothing about what it is: left to the text reader to refuse.
    expect(sniffSpreadsheet(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]))).toBeUndefined();
  });

  it('refuses an old .xls, asking for .xlsx or CSV', async () => {
    const e = await refusal(write(book([['S', XLSX.utils.aoa_to_sheet([['a']])]]), 'xls'));
    expect(e.message).toMatch(/Excel 97-2003 workbook \(\.xls\)/);
    expect(e.accepted).toMatch(/saved as \.xlsx .* or as CSV/);
  });

  it('refuses a password-protected .xlsx (a compound file holding the encrypted package)', async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(4096).fill(0x5a));
    const bytes = new Uint8Array(XLSX.CFB.write(cfb, { type: 'array' }) as ArrayBuffer);
    const e = await refusal(bytes);
    expect(e.message).toBe('the workbook is protected by a password (encrypted), so it cannot be read');
    expect(e.accepted).toMatch(/without a password/);
  });

  it('refuses a password-protected .ods', async () => {
    const bytes = edit(write(book([['S', XLSX.utils.aoa_to_sheet([['a']])]]), 'ods'), {
      'META-INF/manifest.xml': (xml) => xml.replace(
        /(<manifest:file-entry manifest:full-path="content.xml"[^>]*)\/>/,
        '$1><manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x"><manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/></manifest:encryption-data></manifest:file-entry>',
      ),
    });
    expect(strFromU8(unzipSync(bytes)['META-INF/manifest.xml']!)).toContain('encryption-data');
    const e = await refusal(bytes);
    expect(e.message).toBe('the workbook is protected by a password (encrypted), so it cannot be read');
  });

  it('refuses a workbook cut short or damaged, saying so', async () => {
    const whole = write(book([['S', budgetSheet()]]));
    const cut = await refusal(whole.subarray(0, Math.floor(whole.length / 2)));
    expect(cut.message).toMatch(/damaged or incomplete/);
    const parts = unzipSync(whole);
    parts['xl/workbook.xml'] = strToU8('<workbook><sheets><sheet name="S" sheetId="1" r:id="rId1"');
    const broken = await refusal(zipSync(parts));
    expect(broken.message).toMatch(/^the Excel workbook could not be read: it is damaged/);
  });

  it('refuses a Word document and an OpenDocument text as not spreadsheets', async () => {
    const docx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'word/document.xml': strToU8('<w:document/>') });
    expect((await refusal(docx)).message).toMatch(/Office document that holds no Excel workbook/);
    // The old test fixture: a zip of [Content_Types].xml and a workbook part that is not XML.
    const fixture = new Uint8Array(readFileSync(fileURLToPath(new URL('../fixtures/bad/budget.xlsx', import.meta.url))));
    expect((await refusal(fixture)).message).toMatch(/^the Excel workbook could not be read: it is damaged/);
    const odt = zipSync({ mimetype: [strToU8('application/vnd.oasis.opendocument.text'), { level: 0 }], 'content.xml': strToU8('<x/>') });
    expect((await refusal(odt)).message).toMatch(/OpenDocument file but not a spreadsheet \(application\/vnd\.oasis\.opendocument\.text\)/);
  });

  it('refuses a workbook over the size limit before reading it', async () => {
    const bytes = write(book([['S', budgetSheet()]]));
    const e = await (async () => {
      try {
        await readWorkbook(bytes, { maxBytes: 1000 });
      } catch (x) {
        return x as SpreadsheetError;
      }
      throw new Error('read');
    })();
    expect(e).toBeInstanceOf(SpreadsheetError);
    expect(e.message).toMatch(/over the 1,000 read from a spreadsheet/);
    expect(MAX_SPREADSHEET_BYTES).toBe(25 * 1024 * 1024);
  });
});
