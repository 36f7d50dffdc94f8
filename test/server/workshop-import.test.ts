// The workshop's import preview and export (server/http/workshop-import.ts, server/content/kahoot-xlsx.ts): Kahoot!'s
// .xlsx question template built here with exceljs (the library the server reads it with) as Kahoot lays it out, and
// malformed ones (wrong headers, empty rows, 5 answers, a time limit of 0, an image column); CSV and JSON; export to
// the same layout, read back.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinPack } from '../../shared/content/builtin.js';
import { XLSX_TYPE } from '../../shared/protocol/workshop.js';
import { KAHOOT_HEADERS } from '../../server/content/kahoot-xlsx.js';
import { startServer, type TestServer } from './harness.js';

const KEY = 'teacher-host-key-0123456789abcdef';
const HEADER = [
  '',
  KAHOOT_HEADERS.question,
  ...KAHOOT_HEADERS.answers,
  KAHOOT_HEADERS.time,
  KAHOOT_HEADERS.correct,
] as string[];

/** A workbook in Kahoot's template layout: a title area (rows 1-7), the header at row 8, questions from row 9. */
async function template(rows: unknown[][], header: string[] = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Sheet1');
  sheet.getCell('B2').value = 'Quiz template';
  sheet.getCell('B4').value = 'Add questions, at least two answer alternatives, time limit and choose correct answers';
  sheet.getRow(8).values = header;
  rows.forEach((row, i) => (sheet.getRow(9 + i).values = row as ExcelJS.CellValue[]));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('workshop import preview and export', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(() => server.close());

  const preview = async (body: Buffer | string, type: string, query = '') => {
    const res = await fetch(`${server.url}/api/workshop/import/preview${query}`, {
      method: 'POST',
      headers: { 'content-type': type, 'x-host-key': KEY },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    return { status: res.status, body: await res.json() };
  };

  it('reads a real Kahoot template: single, multiple select and true/false rows, the title area skipped', async () => {
    const file = await template([
      [1, 'Which one shares the host kernel?', 'VM', 'Container', 'Emulator', '', 20, 2],
      [2, 'Which are hypervisors?', 'KVM', 'Hyper-V', 'Docker', 'ESXi', 30, '1,2,4'],
      [3, 'A container image includes a kernel.', 'True', 'False', '', '', 10, 2],
    ]);
    const { status, body } = await preview(file, XLSX_TYPE, '?title=Kahoot%20quiz&lang=en');
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: true, read: 3, skipped: [], emptyRows: 0, notes: [] });
    expect(body.pack.meta).toMatchObject({ title: 'Kahoot quiz', language: 'en' });
    expect(body.pack.questions.map((q: any) => [q.type, q.timeLimitS, q.correct])).toEqual([
      ['single', 20, 1],
      ['multi', 30, [0, 1, 3]],
      ['truefalse', 10, false],
    ]);
    // Nothing saved: the preview's pack is then stored with POST /api/workshop/packs.
    const saved = await fetch(`${server.url}/api/workshop/packs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-host-key': KEY },
      body: JSON.stringify({ pack: body.pack }),
    });
    expect(saved.status).toBe(201);
  });

  it('gives each row it leaves out its reason (ko and en); empty rows counted; image column noted', async () => {
    const header = [...HEADER.slice(0, 6), 'Answer 5', ...HEADER.slice(6), 'Image link'];
    const file = await template(
      [
        [1, 'Good one', 'A', 'B', '', '', '', 20, 1, 'https://img.example/1.png'],
        [2, 'Five answers', 'A', 'B', 'C', 'D', 'E', 20, 1],
        [],
        [4, 'Zero time', 'A', 'B', '', '', '', 0, 1],
        [5, 'Odd time', 'A', 'B', '', '', '', 25, 1],
        [6, 'Wrong answer number', 'A', 'B', '', '', '', 20, 3],
        [7, '', 'A', 'B', '', '', '', 20, 1],
        [8, 'Also good', 'Yes', 'No', '', '', '', 5, '2'],
      ],
      header,
    );
    const en = await preview(file, XLSX_TYPE, '?lang=en');
    expect(en.status).toBe(200);
    expect(en.body.read).toBe(2);
    expect(en.body.emptyRows).toBe(1);
    expect(en.body.skipped.map((s: any) => s.row)).toEqual([10, 12, 13, 14, 15]);
    const reason = (row: number, body = en.body) => body.skipped.find((s: any) => s.row === row).reason as string;
    expect(reason(10)).toMatch(/row 10: has 5 answers; Kahoot's template holds at most 4/);
    expect(reason(12)).toMatch(/time limit "0" is not one Kahoot allows \(5, 10, 20, 30, 60, 90, 120, 240 seconds\)/);
    expect(reason(13)).toMatch(/time limit "25"/);
    expect(reason(14)).toMatch(/correct answer.*answer 3 is empty/);
    expect(reason(15)).toMatch(/question.*must not be empty/);
    expect(en.body.notes).toEqual([expect.stringMatching(/image link column was read \(1 row\(s\)/)]);
    const ko = await preview(file, XLSX_TYPE, '?lang=ko');
    expect(reason(10, ko.body)).toMatch(/^10행: 답이 5개입니다/);
    expect(reason(12, ko.body)).toMatch(/제한 시간 "0"/);
    expect(reason(15, ko.body)).toMatch(/^15행 '질문' 열: 질문이 비어 있습니다/);
    expect(ko.body.notes[0]).toMatch(/이미지 링크/);
  });

  it('wrong headers: a located error naming the header it expects; nothing usable: 422', async () => {
    const wrong = await template([[1, 'Q', 'A', 'B', '', '', 20, 1]], ['', 'Prompt', 'Choice A', 'Choice B']);
    const res = await preview(wrong, XLSX_TYPE);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('pack/invalid');
    expect(res.body.issues[0].path).toBe('sheet "Sheet1"');
    expect(res.body.issues[0].message).toContain(`"${KAHOOT_HEADERS.question}"`);
    const noCorrect = await template([[1, 'Q', 'A', 'B']], HEADER.slice(0, 6));
    const missing = await preview(noCorrect, XLSX_TYPE, '?lang=ko');
    expect(missing.body.issues).toEqual([
      { path: '8행', message: `머리글 행에 "${KAHOOT_HEADERS.correct}" 열이 없습니다.` },
    ]);
    const allBad = await preview(await template([[1, 'Q', 'A', 'B', '', '', 0, 1]]), XLSX_TYPE);
    expect(allBad.status).toBe(422);
    expect(allBad.body.issues[0].message).toMatch(/time limit "0"/);
    const notXlsx = await preview(Buffer.from('not a zip'), XLSX_TYPE);
    expect([notXlsx.status, notXlsx.body.issues[0].message]).toEqual([422, expect.stringMatching(/not a readable/)]);
    const unknownType = await preview(Buffer.from('x'), 'image/png');
    expect([unknownType.status, unknownType.body.error.code]).toEqual([400, 'input/invalid']);
    const anonymous = await fetch(`${server.url}/api/workshop/import/preview`, {
      method: 'POST',
      headers: { 'content-type': XLSX_TYPE },
      body: new Uint8Array(wrong),
    });
    expect(anonymous.status).toBe(401);
  });

  it('reads a Kahoot-style CSV row by row and a JSON pack whole', async () => {
    const csv =
      'question,answer 1,answer 2,time limit,correct answer\nOk?,A,B,20,1\nBad?,A,B,20,7\n\nAlso ok?,A,B,,2\n';
    const res = await preview(csv, 'text/csv', '?lang=ko');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ read: 2, emptyRows: 1 });
    expect(res.body.skipped).toEqual([{ row: 3, reason: expect.stringMatching(/^3행 '정답' 열: 1~4 중 하나여야/) }]);
    const pack = builtinPack('warmup-en')!;
    const json = await preview(JSON.stringify(pack), 'application/json');
    expect(json.body).toMatchObject({ read: pack.questions.length, skipped: [] });
    const broken = await preview('{"format":', 'application/json');
    expect(broken.status).toBe(422);
    expect(broken.body.issues[0].path).toBeTruthy();
  });

  it("exports JSON and Kahoot's layout, saying what was left out and why; the xlsx reads back", async () => {
    const made = await fetch(`${server.url}/api/workshop/packs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-host-key': KEY },
      body: JSON.stringify({ from: 'course-en' }),
    });
    const { id } = (await made.json()) as { id: string };
    const course = builtinPack('course-en')!;
    const json = await fetch(`${server.url}/api/workshop/packs/${id}/export`, { headers: { 'x-host-key': KEY } });
    expect(json.headers.get('content-type')).toMatch(/application\/json/);
    expect((await json.json()).questions.length).toBe(course.questions.length);

    const res = await fetch(`${server.url}/api/workshop/packs/${id}/export?format=xlsx&lang=ko`, {
      headers: { 'x-host-key': KEY },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain(XLSX_TYPE);
    const leftOut = Number(res.headers.get('x-hostrush-left-out'));
    const kinds = new Set(['ordering', 'matching', 'numeric']);
    expect(leftOut).toBeGreaterThanOrEqual(course.questions.filter((q) => kinds.has(q.type)).length);
    expect(leftOut).toBeGreaterThan(0);
    const bytes = Buffer.from(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Kahoot')!;
    expect(sheet.getRow(8).getCell(2).text).toBe(KAHOOT_HEADERS.question);
    expect(sheet.getRow(8).getCell(8).text).toBe(KAHOOT_HEADERS.correct);
    const notes = wb.getWorksheet('Left out')!;
    expect(notes.rowCount).toBe(leftOut + 1);
    expect(notes.getRow(2).getCell(3).text).toMatch(/카훗/);
    // Read back through the preview: every exported question comes back.
    const back = await preview(bytes, XLSX_TYPE);
    expect(back.body.read).toBe(course.questions.length - leftOut);
    expect(back.body.skipped).toEqual([]);
  });

  it('an exported question that starts with "=" is a text cell, not a live formula', async () => {
    const base = builtinPack('warmup-en')!;
    const q = {
      ...base.questions.find((x) => x.type === 'single')!,
      prompt: '=HYPERLINK("http://evil.example","go")',
      options: ['@SUM(1)', '+1+2'],
      correct: 0,
    };
    const pack = { ...base, questions: [q], cards: [], scenarios: [], rounds: [{ kind: 'quiz', questionIds: [q.id] }] };
    const made = await fetch(`${server.url}/api/workshop/packs`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-host-key': KEY },
      body: JSON.stringify({ pack }),
    });
    const { id } = (await made.json()) as { id: string };
    const res = await fetch(`${server.url}/api/workshop/packs/${id}/export?format=xlsx`, {
      headers: { 'x-host-key': KEY },
    });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const cell = wb.getWorksheet('Kahoot')!.getRow(9).getCell(2);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.text).toBe(q.prompt);
    expect(wb.getWorksheet('Kahoot')!.getRow(9).getCell(3).type).toBe(ExcelJS.ValueType.String);
  });
});
