// Import of Kahoot-style spreadsheet CSV files: one question per row, with the columns
//   question, answer 1, answer 2, answer 3, answer 4, time limit (seconds), correct answer (1-4, or "1,3")
// A header row (English or Korean names, any order) is optional; without one the columns are in that order.
// The result is a pack with one quiz round of all questions, which validatePack accepts.
import type { Lang, Question, TopicId } from '../engine/types.js';
import { PACK_FORMAT, PACK_FORMAT_VERSION, type GamePack } from './pack.js';
import { validatePack, type PackError, type PackResult } from './validate.js';

export interface CsvImportOptions {
  /** Pack id (see ID_PATTERN in ./schema.ts). */
  id: string;
  title: string;
  language: Lang;
  /** Topic of every imported question (default 'virtualization'). */
  topic?: TopicId;
  description?: string;
  author?: string;
  version?: string;
  /** Time limit for rows that leave it empty (default 20 s). */
  defaultTimeLimitS?: number;
}

export type CsvColumn =
  'question' | 'answer 1' | 'answer 2' | 'answer 3' | 'answer 4' | 'time limit' | 'correct answer';
const COLUMNS: readonly CsvColumn[] = [
  'question',
  'answer 1',
  'answer 2',
  'answer 3',
  'answer 4',
  'time limit',
  'correct answer',
];
const ANSWER_COLUMNS = ['answer 1', 'answer 2', 'answer 3', 'answer 4'] as const;

// ---------------------------------------------------------------- RFC 4180 parsing

export interface CsvRecord {
  /** 1-based record number (a spreadsheet row; a quoted field may span several lines). */
  row: number;
  cells: string[];
}

/**
 * Parses CSV text (RFC 4180: quoted fields, doubled quotes, commas and line breaks inside quotes; CRLF, LF or CR
 * line ends; a leading UTF-8 BOM is dropped). A quote inside an unquoted field is kept as text.
 */
export function parseCsv(text: string): { records: CsvRecord[]; error: PackError | null } {
  const records: CsvRecord[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let cells: string[] = [];
  let field = '';
  let row = 1;
  let atFieldStart = true;
  const endRecord = () => {
    cells.push(field);
    records.push({ row, cells });
    row++;
    cells = [];
    field = '';
    atFieldStart = true;
  };
  while (i < n) {
    const ch = text[i]!;
    if (atFieldStart && ch === '"') {
      // Quoted field.
      const startRow = row;
      i++;
      for (;;) {
        if (i >= n)
          return {
            records,
            error: err(
              startRow,
              null,
              'a quoted field is never closed (missing closing ")',
              '따옴표(")로 시작한 칸이 닫히지 않았습니다. 닫는 따옴표를 넣어 주세요.',
            ),
          };
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        field += c;
        i++;
      }
      atFieldStart = false;
      continue;
    }
    atFieldStart = false;
    if (ch === ',') {
      cells.push(field);
      field = '';
      atFieldStart = true;
      i++;
    } else if (ch === '\r' || ch === '\n') {
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      endRecord();
    } else {
      field += ch;
      i++;
    }
  }
  if (!atFieldStart || field !== '' || cells.length > 0) endRecord();
  return { records, error: null };
}

// ---------------------------------------------------------------- header detection

/** Maps a header cell to its column, or null. English (case-insensitive) and Korean names. */
export function headerColumn(cell: string): CsvColumn | null {
  const h = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  if (h === '') return null;
  const answer = /^(?:answer|답변|답|보기|선택지)\s*([1-4])(?![0-9])/.exec(h);
  if (answer) return `answer ${answer[1]}` as CsvColumn;
  if (/^(?:correct answer|correct|정답)/.test(h)) return 'correct answer';
  if (/^(?:time limit|time|제한 ?시간|시간 ?제한)/.test(h)) return 'time limit';
  if (/^(?:question|질문|문제)/.test(h)) return 'question';
  return null;
}

// ---------------------------------------------------------------- import

/** Column names as a Korean teacher's spreadsheet calls them. */
const COLUMN_KO: Record<CsvColumn, string> = {
  question: '질문',
  'answer 1': '답 1',
  'answer 2': '답 2',
  'answer 3': '답 3',
  'answer 4': '답 4',
  'time limit': '제한 시간',
  'correct answer': '정답',
};

/** An error at a row (and column), in English and, where `ko` is given, in Korean (the place always is). */
function err(row: number, column: CsvColumn | null, message: string, ko?: string): PackError {
  return {
    path: column === null ? `row ${row}` : `row ${row}, column "${column}"`,
    message,
    ko: {
      path: column === null ? `${row}행` : `${row}행 '${COLUMN_KO[column]}' 열`,
      ...(ko !== undefined ? { message: ko } : {}),
    },
  };
}

/** A whole-file error in both languages. */
const fileErr = (message: string, ko: string): PackError => ({ path: '$', message, ko: { path: '파일', message: ko } });

export function importKahootCsv(text: string, options: CsvImportOptions): PackResult {
  try {
    return importCsv(text, options);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      ok: false,
      errors: [fileErr(`the CSV could not be read: ${why}`, `CSV 파일을 읽을 수 없습니다 (${why}).`)],
    };
  }
}

function importCsv(text: string, options: CsvImportOptions): PackResult {
  const parsed = parseCsv(text);
  if (parsed.error) return { ok: false, errors: [parsed.error] };
  const result = importKahootRows(parsed.records, options);
  return result.ok ? { ok: true, pack: result.pack } : result;
}

/** A row an import preview left out, with every reason (located, in English and Korean). */
export interface SkippedRow {
  row: number;
  errors: PackError[];
}
export type RowsImportResult =
  { ok: true; pack: GamePack; skipped: SkippedRow[]; emptyRows: number } | { ok: false; errors: PackError[] };

/**
 * Kahoot-style rows (a CSV file's records, or a spreadsheet's rows from its header row on) to a pack. By default a
 * bad row fails the whole import with every error; with `skipBadRows` (the workshop's preview) a bad row is left
 * out with its reasons and the rest is read; it fails only when no row is usable.
 */
export function importKahootRows(
  all: readonly CsvRecord[],
  options: CsvImportOptions & { skipBadRows?: boolean },
): RowsImportResult {
  const records = all.filter((r) => r.cells.some((c) => c.trim() !== ''));
  const lastRow = records.at(-1)?.row ?? 0;
  const emptyRows = all.filter((r) => r.row < lastRow && !r.cells.some((c) => c.trim() !== '')).length;
  const errors: PackError[] = [];
  const skipped: SkippedRow[] = [];

  // Header: the first non-empty row, when it names a question column and a correct-answer column.
  let columnIndex: Partial<Record<CsvColumn, number>> = {};
  let body = records;
  const first = records[0];
  const named = first?.cells.map(headerColumn) ?? [];
  if (first && named.includes('question') && named.includes('correct answer')) {
    body = records.slice(1);
    named.forEach((col, i) => {
      if (col !== null && columnIndex[col] === undefined) columnIndex[col] = i;
    });
    for (const col of ['question', 'answer 1', 'answer 2', 'correct answer'] as const) {
      if (columnIndex[col] === undefined) {
        errors.push(
          err(first.row, null, `the header has no "${col}" column`, `머리글 행에 '${COLUMN_KO[col]}' 열이 없습니다.`),
        );
      }
    }
    if (errors.length > 0) return { ok: false, errors };
  } else {
    columnIndex = Object.fromEntries(COLUMNS.map((c, i) => [c, i]));
  }
  if (body.length === 0)
    return { ok: false, errors: [fileErr('the CSV has no question rows', '문제가 적힌 행이 하나도 없습니다.')] };

  const topic = options.topic ?? 'virtualization';
  const defaultTime = options.defaultTimeLimitS ?? 20;
  const questions: Question[] = [];
  /** For each question: its CSV row and, per option index, the answer column it came from. */
  const origins: { row: number; optionColumns: CsvColumn[] }[] = [];

  for (const rec of body) {
    const cell = (col: CsvColumn): string => {
      const at = columnIndex[col];
      return at === undefined ? '' : (rec.cells[at] ?? '').trim();
    };
    const rowErrors: PackError[] = [];
    const prompt = cell('question');
    if (prompt === '') rowErrors.push(err(rec.row, 'question', 'must not be empty', '질문이 비어 있습니다.'));

    const answers: { text: string; number: number; column: CsvColumn }[] = [];
    ANSWER_COLUMNS.forEach((col, k) => {
      const value = cell(col);
      if (value !== '') answers.push({ text: value, number: k + 1, column: col });
      else if (k < 2)
        rowErrors.push(
          err(
            rec.row,
            col,
            'must not be empty (answers 1 and 2 are required)',
            '비어 있습니다. 답 1과 답 2는 꼭 적어야 합니다.',
          ),
        );
    });

    let timeLimitS = defaultTime;
    const timeText = cell('time limit');
    if (timeText !== '') {
      const t = Number(timeText);
      if (!/^[0-9]+$/.test(timeText) || t < 5 || t > 240) {
        rowErrors.push(
          err(
            rec.row,
            'time limit',
            `must be a whole number of seconds from 5 to 240 (got "${timeText}")`,
            `5에서 240 사이의 초 단위 정수로 적어야 합니다 (적힌 값 "${timeText}").`,
          ),
        );
      } else timeLimitS = t;
    }

    const correctText = cell('correct answer');
    const correctNumbers: number[] = [];
    if (correctText === '') {
      rowErrors.push(
        err(
          rec.row,
          'correct answer',
          'must not be empty: give 1-4, or a list like "1,3"',
          '비어 있습니다. 1~4 중 하나나 "1,3"처럼 여러 번호를 적어 주세요.',
        ),
      );
    } else {
      const parts = correctText.split(/[,;\s]+/).filter((p) => p !== '');
      for (const part of parts) {
        if (!/^[1-4]$/.test(part)) {
          rowErrors.push(
            err(
              rec.row,
              'correct answer',
              `must be 1-4 (got "${part}")`,
              `1~4 중 하나여야 합니다 (적힌 값 "${part}").`,
            ),
          );
        } else if (correctNumbers.includes(Number(part))) {
          rowErrors.push(
            err(rec.row, 'correct answer', `answer ${part} is listed twice`, `${part}번 답을 두 번 적었습니다.`),
          );
        } else if (!answers.some((a) => a.number === Number(part))) {
          rowErrors.push(
            err(
              rec.row,
              'correct answer',
              `answer ${part} is empty, so it cannot be the correct answer`,
              `${part}번 답이 비어 있어 정답이 될 수 없습니다.`,
            ),
          );
        } else correctNumbers.push(Number(part));
      }
    }
    if (rowErrors.length > 0) {
      if (options.skipBadRows) skipped.push({ row: rec.row, errors: rowErrors });
      else errors.push(...rowErrors);
      continue;
    }

    const n = questions.length + 1;
    const id = `q${String(n).padStart(3, '0')}`;
    const opts = answers.map((a) => a.text);
    const correctIdx = correctNumbers.map((num) => answers.findIndex((a) => a.number === num));
    const correctTexts = correctIdx.map((k) => opts[k] ?? '');
    const explanation =
      options.language === 'ko'
        ? `정답: ${correctTexts.join(', ')}`
        : `Correct answer${correctTexts.length > 1 ? 's' : ''}: ${correctTexts.join(', ')}`;
    const base = { id, topic, prompt, explanation, timeLimitS };
    questions.push(
      correctIdx.length === 1
        ? { ...base, type: 'single', options: opts, correct: correctIdx[0]! }
        : { ...base, type: 'multi', options: opts, correct: correctIdx },
    );
    origins.push({ row: rec.row, optionColumns: answers.map((a) => a.column) });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (questions.length === 0) return { ok: false, errors: skipped.flatMap((r) => r.errors) };

  const result = validatePack(rowsPack(questions, options));
  if (result.ok) return { ok: true, pack: result.pack, skipped, emptyRows };
  const located = result.errors.map((e) => locate(e, origins));
  if (!options.skipBadRows) return { ok: false, errors: located };
  // Leave out the questions the pack checks refused (each error names its question), then check again.
  const bad = new Set<number>();
  result.errors.forEach((e, i) => {
    const at = /^questions\[(\d+)\]/.exec(e.path);
    if (!at) return;
    const k = Number(at[1]);
    bad.add(k);
    const row = origins[k]?.row ?? 0;
    const entry = skipped.find((r) => r.row === row) ?? { row, errors: [] };
    if (!skipped.includes(entry)) skipped.push(entry);
    entry.errors.push(located[i]!);
  });
  skipped.sort((a, b) => a.row - b.row);
  const kept = questions.filter((_, k) => !bad.has(k));
  const again = kept.length > 0 ? validatePack(rowsPack(kept, options)) : null;
  return again?.ok ? { ok: true, pack: again.pack, skipped, emptyRows } : { ok: false, errors: located };
}

/** The pack of imported rows: one quiz round of every question. */
function rowsPack(questions: Question[], options: CsvImportOptions): GamePack {
  return {
    format: PACK_FORMAT,
    formatVersion: PACK_FORMAT_VERSION,
    meta: {
      id: options.id,
      title: options.title,
      language: options.language,
      description: options.description ?? '',
      author: options.author ?? '',
      version: options.version ?? '1',
    },
    questions,
    cards: [],
    scenarios: [],
    rounds: [{ kind: 'quiz', questionIds: questions.map((q) => q.id) }],
  };
}

/** Maps a pack error on `questions[i]...` back to the CSV row and column it came from. */
function locate(e: PackError, origins: readonly { row: number; optionColumns: CsvColumn[] }[]): PackError {
  const m = /^questions\[(\d+)\](?:\.(\w+)(?:\[(\d+)\])?)?$/.exec(e.path);
  const origin = m ? origins[Number(m[1])] : undefined;
  if (!m || !origin) return e;
  const field = m[2];
  const column: CsvColumn | null =
    field === 'prompt'
      ? 'question'
      : field === 'options'
        ? m[3] !== undefined
          ? (origin.optionColumns[Number(m[3])] ?? null)
          : null
        : field === 'timeLimitS'
          ? 'time limit'
          : field === 'correct'
            ? 'correct answer'
            : null;
  // "same as questions[1].options[0]" -> "same as answer 1" (the column it came from).
  const message = e.message.replace(/questions\[\d+\]\.options\[(\d+)\]/g, (whole, k: string) => {
    const col = origin.optionColumns[Number(k)];
    return col === undefined ? whole : col;
  });
  return err(origin.row, column, message, packErrorKo(message));
}

/** The pack checks a CSV row can fail, in Korean; undefined for the rest (their place is still given in Korean). */
function packErrorKo(message: string): string | undefined {
  const long = /^must be at most (\d+) characters long \(it has (\d+)\)$/.exec(message);
  if (long) return `${long[1]}자까지 쓸 수 있습니다 (지금 ${long[2]}자).`;
  const dup = /^duplicate option "(.*)" \(same as (answer [1-4])\)$/.exec(message);
  if (dup) return `${COLUMN_KO[dup[2] as CsvColumn]}에 적은 답과 같습니다 ("${dup[1]}").`;
  return undefined;
}
