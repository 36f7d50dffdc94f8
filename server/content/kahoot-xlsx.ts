// Kahoot!'s own question template (.xlsx), read and written with exceljs (a well-kept spreadsheet library; it reads
// through Node streams and zip, so it lives on the server: the browser uploads the file's bytes). The layout: a
// title area, then a header row "Question - max 120 characters", "Answer 1 - max 75 characters" .. "Answer 4",
// "Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs", "Correct answer(s) - choose at least one" (numbers
// separated by commas), one question per row; true/false rows have only answers 1-2 "True"/"False"; newer
// templates add an image link column. Rows become questions through the Kahoot-style CSV importer's row rules
// (shared/content/csv-import.ts), so a row means the same in a .csv and an .xlsx.
import ExcelJS from 'exceljs';
import { headerColumn, importKahootRows, type CsvRecord, type SkippedRow } from '../../shared/content/csv-import.js';
import type { GamePack } from '../../shared/content/pack.js';
import type { PackError } from '../../shared/content/validate.js';
import type { Lang, Question } from '../../shared/engine/types.js';
import { KAHOOT_TIME_LIMITS } from '../../shared/protocol/workshop.js';

/** The template's header cells, as Kahoot! writes them (the reader matches each by its start). */
export const KAHOOT_HEADERS = {
  question: 'Question - max 120 characters',
  answers: [1, 2, 3, 4].map((n) => `Answer ${n} - max 75 characters`),
  time: 'Time limit (sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs',
  correct: 'Correct answer(s) - choose at least one',
  image: 'Image link',
} as const;
/** Kahoot!'s own text limits, which an export must respect. */
const KAHOOT_QUESTION_MAX = 120;
const KAHOOT_ANSWER_MAX = 75;
/** Rows read at most (the pack format holds 500 questions). */
const MAX_ROWS = 2000;
/** The header row is looked for in the first rows (the template's title area is about 7 rows). */
const HEADER_SEARCH_ROWS = 30;
const CANONICAL = ['question', 'answer 1', 'answer 2', 'answer 3', 'answer 4', 'time limit', 'correct answer'];
const TRUE_WORDS = ['true', '참', 'o', '맞다', '맞음'];
const FALSE_WORDS = ['false', '거짓', 'x', '틀리다', '틀림'];

export interface XlsxImportOptions {
  id: string;
  title: string;
  language: Lang;
}
export type XlsxImportResult =
  | { ok: true; pack: GamePack; skipped: SkippedRow[]; emptyRows: number; notes: PackError[] }
  | { ok: false; errors: PackError[] };

const fileError = (message: string, ko: string): PackError => ({
  path: '$',
  message,
  ko: { path: '파일', message: ko },
});
const rowError = (row: number, message: string, ko: string): PackError => ({
  path: `row ${row}`,
  message,
  ko: { path: `${row}행`, message: ko },
});

/** Reads the first sheet of a Kahoot! template. Never throws: a file it cannot read is a located error. */
export async function readKahootXlsx(bytes: Uint8Array, options: XlsxImportOptions): Promise<XlsxImportResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return {
      ok: false,
      errors: [fileError(`not a readable .xlsx file (${why})`, `.xlsx 파일로 읽을 수 없습니다 (${why}).`)],
    };
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return { ok: false, errors: [fileError('the workbook has no sheet', '통합 문서에 시트가 없습니다.')] };
  if (sheet.rowCount > MAX_ROWS) {
    return {
      ok: false,
      errors: [
        fileError(
          `the sheet has ${sheet.rowCount} rows; at most ${MAX_ROWS} are read`,
          `시트에 행이 ${sheet.rowCount}개 있습니다. ${MAX_ROWS}개까지만 읽습니다.`,
        ),
      ],
    };
  }
  const rows = readRows(sheet);
  return fromRows(rows, sheet.name, options);
}

/** Every row's cells as text (rich text, numbers, formulas' results and links as they show). */
function readRows(sheet: ExcelJS.Worksheet): CsvRecord[] {
  const width = Math.min(sheet.columnCount, 40);
  const rows: CsvRecord[] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c)));
    rows.push({ row: r, cells });
  }
  return rows;
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text.trim();
  } catch {
    return '';
  }
}

type Column = 'question' | 'answer 1' | 'answer 2' | 'answer 3' | 'answer 4' | 'time limit' | 'correct answer';
type HeaderKind = Column | 'image' | 'extra answer';

function headerKind(cell: string): HeaderKind | null {
  if (/^\s*answer\s*([5-9]|\d{2,})/i.test(cell)) return 'extra answer';
  if (/^\s*image/i.test(cell) || /^\s*(이미지|그림)/.test(cell)) return 'image';
  return headerColumn(cell);
}

function fromRows(rows: CsvRecord[], sheetName: string, options: XlsxImportOptions): XlsxImportResult {
  const header = rows.slice(0, HEADER_SEARCH_ROWS).find((r) => r.cells.some((c) => headerKind(c) === 'question'));
  if (!header) {
    const expected = `"${KAHOOT_HEADERS.question}", "${KAHOOT_HEADERS.answers[0]}", ... "${KAHOOT_HEADERS.correct}"`;
    return {
      ok: false,
      errors: [
        {
          path: `sheet "${sheetName}"`,
          message:
            `no header row in the first ${HEADER_SEARCH_ROWS} rows: ` +
            `Kahoot's template has one starting ${expected}`,
          ko: {
            path: `"${sheetName}" 시트`,
            message: `처음 ${HEADER_SEARCH_ROWS}행 안에 머리글 행이 없습니다. 카훗 양식의 머리글은 ${expected} 순서입니다.`,
          },
        },
      ],
    };
  }
  const where = new Map<HeaderKind, number[]>();
  header.cells.forEach((cell, i) => {
    const kind = headerKind(cell);
    if (kind) where.set(kind, [...(where.get(kind) ?? []), i]);
  });
  const required: [Column, string][] = [
    ['question', KAHOOT_HEADERS.question],
    ['answer 1', KAHOOT_HEADERS.answers[0]!],
    ['answer 2', KAHOOT_HEADERS.answers[1]!],
    ['correct answer', KAHOOT_HEADERS.correct],
  ];
  const missing = required.filter(([col]) => !where.has(col));
  if (missing.length > 0) {
    return {
      ok: false,
      errors: missing.map(([, name]) =>
        rowError(header.row, `the header has no "${name}" column`, `머리글 행에 "${name}" 열이 없습니다.`),
      ),
    };
  }
  const at = (cells: string[], kind: HeaderKind) => (where.get(kind) ?? []).map((i) => cells[i] ?? '');
  const skipped: SkippedRow[] = [];
  let imageRows = 0;
  const records: CsvRecord[] = [{ row: header.row, cells: CANONICAL }];
  for (const rec of rows.slice(header.row)) {
    const reasons = checkRow(rec.row, at(rec.cells, 'extra answer'), at(rec.cells, 'time limit')[0] ?? '');
    if (at(rec.cells, 'image').some((c) => c !== '')) imageRows++;
    if (reasons.length > 0) skipped.push({ row: rec.row, errors: reasons });
    else records.push({ row: rec.row, cells: CANONICAL.map((col) => at(rec.cells, col as Column)[0] ?? '') });
  }
  const notes = imageRows > 0 ? [imageNote(imageRows)] : [];
  const result = importKahootRows(records, { ...options, skipBadRows: true });
  if (!result.ok) return { ok: false, errors: [...skipped.flatMap((s) => s.errors), ...result.errors] };
  const all = [...skipped, ...result.skipped].sort((a, b) => a.row - b.row);
  const questions = result.pack.questions.map(trueFalse);
  return { ok: true, pack: { ...result.pack, questions }, skipped: all, emptyRows: result.emptyRows, notes };
}

/** What Kahoot's layout refuses that the row rules do not know: a 5th answer, a time outside its list. */
function checkRow(row: number, extraAnswers: string[], time: string): PackError[] {
  const reasons: PackError[] = [];
  const extra = extraAnswers.filter((c) => c !== '').length;
  if (extra > 0) {
    reasons.push(
      rowError(
        row,
        `has ${4 + extra} answers; Kahoot's template holds at most 4`,
        `답이 ${4 + extra}개입니다. 카훗 양식에는 답을 4개까지 적을 수 있습니다.`,
      ),
    );
  }
  if (time !== '' && !KAHOOT_TIME_LIMITS.includes(Number(time))) {
    const allowed = KAHOOT_TIME_LIMITS.join(', ');
    reasons.push(
      rowError(
        row,
        `time limit "${time}" is not one Kahoot allows (${allowed} seconds)`,
        `제한 시간 "${time}"은(는) 카훗에서 쓸 수 없는 값입니다 (${allowed}초 중 하나).`,
      ),
    );
  }
  return reasons;
}

const imageNote = (rows: number): PackError => ({
  path: 'column "Image link"',
  message: `the image link column was read (${rows} row(s) have one) and left out: HostRush does not import images`,
  ko: {
    path: "'이미지 링크' 열",
    message: `이미지 링크 열은 읽었지만 가져오지 않았습니다 (${rows}개 행). HostRush는 이미지를 가져오지 않습니다.`,
  },
});

/** A two-answer row whose answers are True and False (either order) is a true/false question. */
function trueFalse(q: Question): Question {
  if (q.type !== 'single' || q.options.length !== 2) return q;
  const words = q.options.map((o) => o.trim().toLowerCase());
  const isTrue = words.map((w) => TRUE_WORDS.includes(w));
  const isFalse = words.map((w) => FALSE_WORDS.includes(w));
  if (!((isTrue[0] && isFalse[1]) || (isFalse[0] && isTrue[1]))) return q;
  const { id, topic, prompt, explanation, timeLimitS, correct } = q;
  const note = q.note !== undefined ? { note: q.note } : {};
  return { id, topic, prompt, explanation, timeLimitS, ...note, type: 'truefalse', correct: isTrue[correct] === true };
}

// ---------------------------------------------------------------- export

export interface LeftOut {
  questionId: string;
  prompt: string;
  reason: { en: string; ko: string };
}

/** Why a question does not fit Kahoot's layout, or null when it does. */
export function kahootMisfit(q: Question): { en: string; ko: string } | null {
  if (q.type === 'ordering' || q.type === 'matching' || q.type === 'numeric') {
    const ko = { ordering: '순서 맞히기', matching: '짝 맞히기', numeric: '숫자 답' }[q.type];
    return {
      en: `a ${q.type} question: Kahoot's template holds single, multiple select and true/false questions only`,
      ko: `${ko} 문제입니다. 카훗 양식에는 객관식(하나·여러 개)과 참/거짓 문제만 들어갑니다.`,
    };
  }
  if (q.prompt.length > KAHOOT_QUESTION_MAX) {
    return {
      en: `the question has ${q.prompt.length} characters; Kahoot allows ${KAHOOT_QUESTION_MAX}`,
      ko: `질문이 ${q.prompt.length}자입니다. 카훗은 ${KAHOOT_QUESTION_MAX}자까지 받습니다.`,
    };
  }
  if (q.type === 'truefalse') return null;
  if (q.options.length > 4) {
    return {
      en: `${q.options.length} answers; Kahoot's template holds 4`,
      ko: `답이 ${q.options.length}개입니다. 카훗 양식에는 4개까지 들어갑니다.`,
    };
  }
  const long = q.options.find((o) => o.length > KAHOOT_ANSWER_MAX);
  if (long !== undefined) {
    return {
      en: `an answer has ${long.length} characters; Kahoot allows ${KAHOOT_ANSWER_MAX}`,
      ko: `답 하나가 ${long.length}자입니다. 카훗은 ${KAHOOT_ANSWER_MAX}자까지 받습니다.`,
    };
  }
  if (q.type === 'multi' && q.correct.length === 0) {
    return {
      en: 'no correct answer; Kahoot needs at least one',
      ko: '정답이 없습니다. 카훗은 정답이 하나 이상 필요합니다.',
    };
  }
  return null;
}

/** The nearest time Kahoot allows that is not shorter (240 s at most, as the pack format). */
const kahootTime = (s: number): number => KAHOOT_TIME_LIMITS.find((t) => t >= s) ?? 240;

/**
 * The pack's questions in Kahoot's template layout (sheet "Kahoot"), and a sheet "Left out" listing each question
 * that does not fit, with why (in `lang`). Cards, scenarios and rounds have no place in it.
 */
export async function writeKahootXlsx(pack: GamePack, lang: Lang): Promise<{ bytes: Buffer; leftOut: LeftOut[] }> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'HostRush';
  const sheet = workbook.addWorksheet('Kahoot');
  sheet.getCell('A1').value = pack.meta.title;
  sheet.getCell('A1').font = { bold: true, size: 14 };
  sheet.getCell('A2').value =
    lang === 'ko'
      ? 'HostRush에서 내보낸 카훗 문제 양식입니다.'
      : "Exported from HostRush in Kahoot!'s question template.";
  const headerRow = 8;
  sheet.getRow(headerRow).values = [
    '',
    KAHOOT_HEADERS.question,
    ...KAHOOT_HEADERS.answers,
    KAHOOT_HEADERS.time,
    KAHOOT_HEADERS.correct,
  ];
  sheet.getRow(headerRow).font = { bold: true };
  const leftOut: LeftOut[] = [];
  let n = 0;
  for (const q of pack.questions) {
    const misfit = kahootMisfit(q);
    if (misfit || (q.type !== 'single' && q.type !== 'multi' && q.type !== 'truefalse')) {
      leftOut.push({ questionId: q.id, prompt: q.prompt, reason: misfit ?? { en: 'does not fit', ko: '맞지 않음' } });
      continue;
    }
    n++;
    const answers = q.type === 'truefalse' ? ['True', 'False'] : q.options;
    const correct =
      q.type === 'truefalse'
        ? [q.correct ? 1 : 2]
        : q.type === 'single'
          ? [q.correct + 1]
          : q.correct.map((k) => k + 1);
    // Text cells stay text: a spreadsheet never reads "=..." in a question as a formula (exceljs writes strings).
    sheet.getRow(headerRow + n).values = [
      n,
      q.prompt,
      ...[0, 1, 2, 3].map((k) => answers[k] ?? ''),
      kahootTime(q.timeLimitS),
      correct.join(','),
    ];
  }
  sheet.columns.forEach((column, i) => (column.width = i === 0 ? 5 : i === 1 ? 60 : 25));
  const notes = workbook.addWorksheet('Left out');
  notes.addRow(lang === 'ko' ? ['문제 id', '질문', '빠진 이유'] : ['Question id', 'Question', 'Why it was left out']);
  notes.getRow(1).font = { bold: true };
  for (const item of leftOut) notes.addRow([item.questionId, item.prompt, item.reason[lang]]);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  return { bytes, leftOut };
}
