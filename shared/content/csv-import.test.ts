import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { headerColumn, importKahootCsv, parseCsv, type CsvImportOptions } from './csv-import.js';
import { validatePack } from './validate.js';

const opts: CsvImportOptions = { id: 'class-csv', title: 'Imported quiz', language: 'en' };

function imported(text: string, options: CsvImportOptions = opts) {
  const r = importKahootCsv(text, options);
  if (!r.ok) throw new Error(`import failed: ${JSON.stringify(r.errors)}`);
  return r.pack;
}
function errorsOf(text: string, options: CsvImportOptions = opts) {
  const r = importKahootCsv(text, options);
  if (r.ok) throw new Error('expected the import to fail');
  return r.errors.map(({ path, message }) => ({ path, message }));
}

function koErrorsOf(text: string) {
  const r = importKahootCsv(text, opts);
  if (r.ok) throw new Error('expected the import to fail');
  return r.errors.map((e) => e.ko);
}

const HEADER =
  'Question - max 120 characters,Answer 1 - max 75 characters,Answer 2 - max 75 characters,' +
  'Answer 3 - max 75 characters,Answer 4 - max 75 characters,"Time limit ' +
  '(sec) – 5, 10, 20, 30, 60, 90, 120, or 240 secs",' +
  'Correct answer(s) - choose at least one\r\n';

describe('parseCsv (RFC 4180)', () => {
  it('handles quotes, doubled quotes, commas and line breaks in quotes, CRLF and a BOM', () => {
    const text = '\uFEFFa,"b, c","say ""hi"""\r\n"two\r\nlines",x,\r\nlast,"",z';
    expect(parseCsv(text)).toEqual({
      records: [
        { row: 1, cells: ['a', 'b, c', 'say "hi"'] },
        { row: 2, cells: ['two\r\nlines', 'x', ''] },
        { row: 3, cells: ['last', '', 'z'] },
      ],
      error: null,
    });
  });
  it('accepts LF and CR line ends and a final line break', () => {
    expect(parseCsv('a,b\nc,d\re,f\n').records.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
      ['e', 'f'],
    ]);
  });
  it('reports a quote that is never closed at its row', () => {
    expect(parseCsv('a,b\n"open,c\nd').error).toMatchObject({
      path: 'row 2',
      message: 'a quoted field is never closed (missing closing ")',
    });
  });
  it('round-trips any table written the RFC 4180 way', () => {
    const cell = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = rows.map((r) => r.map((c) => `"${c.replace(/"/g, '""')}"`).join(',')).join('\r\n');
        expect(parseCsv(text).records.map((r) => r.cells)).toEqual(rows);
      }),
    );
  });
});

describe('headerColumn', () => {
  it('knows the English and Korean names', () => {
    expect(headerColumn('QUESTION')).toBe('question');
    expect(headerColumn('Answer 3 - max 75 characters')).toBe('answer 3');
    expect(headerColumn('Time limit (sec)')).toBe('time limit');
    expect(headerColumn('Correct answer(s)')).toBe('correct answer');
    expect(headerColumn('질문')).toBe('question');
    expect(headerColumn('답 2')).toBe('answer 2');
    expect(headerColumn('답2')).toBe('answer 2');
    expect(headerColumn('제한 시간')).toBe('time limit');
    expect(headerColumn('정답')).toBe('correct answer');
    expect(headerColumn('Image link')).toBeNull();
  });
});

describe('importKahootCsv', () => {
  it('imports the Kahoot template with its header, quotes, line breaks in a field and a BOM', () => {
    const csv =
      '\uFEFF' +
      HEADER +
      'Which hypervisor runs on bare metal?,Type 1,Type 2,,,20,1\r\n' +
      '"A container shares the ""host"" kernel, right?",Yes,No,,,10,1\r\n' +
      '"Order:\nwhich is lowest?",Hardware,Hypervisor,Guest OS,App,30,1\r\n';
    const pack = imported(csv);
    expect(pack).toEqual({
      format: 'hostrush-pack',
      formatVersion: 1,
      meta: { id: 'class-csv', title: 'Imported quiz', language: 'en', description: '', author: '', version: '1' },
      questions: [
        {
          id: 'q001',
          type: 'single',
          topic: 'virtualization',
          prompt: 'Which hypervisor runs on bare metal?',
          options: ['Type 1', 'Type 2'],
          correct: 0,
          explanation: 'Correct answer: Type 1',
          timeLimitS: 20,
        },
        {
          id: 'q002',
          type: 'single',
          topic: 'virtualization',
          prompt: 'A container shares the "host" kernel, right?',
          options: ['Yes', 'No'],
          correct: 0,
          explanation: 'Correct answer: Yes',
          timeLimitS: 10,
        },
        {
          id: 'q003',
          type: 'single',
          topic: 'virtualization',
          prompt: 'Order:\nwhich is lowest?',
          options: ['Hardware', 'Hypervisor', 'Guest OS', 'App'],
          correct: 0,
          explanation: 'Correct answer: Hardware',
          timeLimitS: 30,
        },
      ],
      cards: [],
      scenarios: [],
      rounds: [{ kind: 'quiz', questionIds: ['q001', 'q002', 'q003'] }],
    });
    expect(validatePack(pack).ok).toBe(true);
  });

  it('imports a file without a header row, with the topic option', () => {
    const pack = imported('What does IaaS rent you?,Virtual machines,An app,,,20,1\n', {
      ...opts,
      topic: 'service-models',
    });
    expect(pack.questions).toEqual([
      {
        id: 'q001',
        type: 'single',
        topic: 'service-models',
        prompt: 'What does IaaS rent you?',
        options: ['Virtual machines', 'An app'],
        correct: 0,
        explanation: 'Correct answer: Virtual machines',
        timeLimitS: 20,
      },
    ]);
  });

  it('accepts Korean headers in another column order and extra columns', () => {
    const csv =
      '번호,질문,정답,답 1,답 2,답 3,답 4,제한 시간\n1,컨테이너는 무엇을 공유하나요?,2,디스크,호스트 커널,,,30\n';
    const pack = imported(csv, { id: 'ko-csv', title: '가져온 퀴즈', language: 'ko' });
    expect(pack.questions).toEqual([
      {
        id: 'q001',
        type: 'single',
        topic: 'virtualization',
        prompt: '컨테이너는 무엇을 공유하나요?',
        options: ['디스크', '호스트 커널'],
        correct: 1,
        explanation: '정답: 호스트 커널',
        timeLimitS: 30,
      },
    ]);
  });

  it('makes a multi-select question from a list of correct answers', () => {
    const pack = imported(HEADER + 'Which are Type 1?,Xen,VirtualBox,KVM,Hyper-V,30,"1,3,4"\n');
    expect(pack.questions[0]).toEqual({
      id: 'q001',
      type: 'multi',
      topic: 'virtualization',
      prompt: 'Which are Type 1?',
      options: ['Xen', 'VirtualBox', 'KVM', 'Hyper-V'],
      correct: [0, 2, 3],
      explanation: 'Correct answers: Xen, KVM, Hyper-V',
      timeLimitS: 30,
    });
    expect(validatePack(pack).ok).toBe(true);
  });

  it('skips an empty answer 3 and renumbers answer 4', () => {
    const pack = imported('Q?,A,B,,D,20,4\n');
    expect(pack.questions[0]).toMatchObject({ options: ['A', 'B', 'D'], correct: 2 });
  });

  it('uses the default time limit when the cell is empty', () => {
    expect(imported('Q?,A,B,,,,2\n').questions[0]).toMatchObject({ timeLimitS: 20, correct: 1 });
  });

  it('reports a bad correct index at its row and column', () => {
    const csv = HEADER + 'Q1?,A,B,,,20,1\r\n\r\nQ2?,A,B,C,D,20,5\r\n';
    expect(errorsOf(csv)).toEqual([{ path: 'row 4, column "correct answer"', message: 'must be 1-4 (got "5")' }]);
  });

  it('reports every bad cell, each at its row and column', () => {
    const csv =
      HEADER +
      'Q1?,A,B,,,20,3\n' + // row 2: answer 3 is empty
      ',A,,,,7s,\n' + // row 3: no question, no answer 2, bad time, no correct answer
      'Q3?,A,B,C,,20,"1,1"\n' + // row 4: repeated
      'Q4?,A,B,C,D,300,x\n'; // row 5
    expect(errorsOf(csv)).toEqual([
      { path: 'row 2, column "correct answer"', message: 'answer 3 is empty, so it cannot be the correct answer' },
      { path: 'row 3, column "question"', message: 'must not be empty' },
      { path: 'row 3, column "answer 2"', message: 'must not be empty (answers 1 and 2 are required)' },
      { path: 'row 3, column "time limit"', message: 'must be a whole number of seconds from 5 to 240 (got "7s")' },
      { path: 'row 3, column "correct answer"', message: 'must not be empty: give 1-4, or a list like "1,3"' },
      { path: 'row 4, column "correct answer"', message: 'answer 1 is listed twice' },
      { path: 'row 5, column "time limit"', message: 'must be a whole number of seconds from 5 to 240 (got "300")' },
      { path: 'row 5, column "correct answer"', message: 'must be 1-4 (got "x")' },
    ]);
  });

  it('maps pack-level problems back to the row and column (too long, duplicate answers)', () => {
    const csv = `${'x'.repeat(501)},A,B,,,20,1\nQ?,Same,same,,,20,1\n`;
    expect(errorsOf(csv)).toEqual([
      { path: 'row 1, column "question"', message: 'must be at most 500 characters long (it has 501)' },
      { path: 'row 2, column "answer 2"', message: 'duplicate option "same" (same as answer 1)' },
    ]);
  });

  it('reports a header that lacks a required column, an empty file and bad pack options', () => {
    expect(errorsOf('Question,Answer 1,Correct answer\nQ,A,1\n')).toEqual([
      { path: 'row 1', message: 'the header has no "answer 2" column' },
    ]);
    expect(errorsOf('\uFEFF\r\n,,,\r\n')).toEqual([{ path: '$', message: 'the CSV has no question rows' }]);
    expect(errorsOf('Q?,A,B,,,20,1\n', { ...opts, id: 'bad id' })).toEqual([
      {
        path: 'meta.id',
        message:
          '"bad id" is not valid: must be an id of 1-64 letters, digits, "-", "_" ' +
          'or ".", starting with a letter or digit',
      },
    ]);
  });

  it('says every CSV problem in Korean too, at a Korean row and column', () => {
    const csv = HEADER + 'Q1?,A,B,,,20,3\n,A,,,,7s,\nQ3?,A,B,C,,20,"1,1"\nQ4?,A,B,C,D,300,x\n';
    expect(koErrorsOf(csv)).toEqual([
      { path: "2행 '정답' 열", message: '3번 답이 비어 있어 정답이 될 수 없습니다.' },
      { path: "3행 '질문' 열", message: '질문이 비어 있습니다.' },
      { path: "3행 '답 2' 열", message: '비어 있습니다. 답 1과 답 2는 꼭 적어야 합니다.' },
      { path: "3행 '제한 시간' 열", message: '5에서 240 사이의 초 단위 정수로 적어야 합니다 (적힌 값 "7s").' },
      { path: "3행 '정답' 열", message: '비어 있습니다. 1~4 중 하나나 "1,3"처럼 여러 번호를 적어 주세요.' },
      { path: "4행 '정답' 열", message: '1번 답을 두 번 적었습니다.' },
      { path: "5행 '제한 시간' 열", message: '5에서 240 사이의 초 단위 정수로 적어야 합니다 (적힌 값 "300").' },
      { path: "5행 '정답' 열", message: '1~4 중 하나여야 합니다 (적힌 값 "x").' },
    ]);
    expect(koErrorsOf(`${'x'.repeat(501)},A,B,,,20,1\nQ?,Same,same,,,20,1\n`)).toEqual([
      { path: "1행 '질문' 열", message: '500자까지 쓸 수 있습니다 (지금 501자).' },
      { path: "2행 '답 2' 열", message: '답 1에 적은 답과 같습니다 ("same").' },
    ]);
    expect(koErrorsOf('Question,Answer 1,Correct answer\nQ,A,1\n')).toEqual([
      { path: '1행', message: "머리글 행에 '답 2' 열이 없습니다." },
    ]);
    expect(koErrorsOf('\uFEFF\r\n,,,\r\n')).toEqual([{ path: '파일', message: '문제가 적힌 행이 하나도 없습니다.' }]);
    expect(koErrorsOf('Q?,"A,B\n')).toEqual([
      { path: '1행', message: '따옴표(")로 시작한 칸이 닫히지 않았습니다. 닫는 따옴표를 넣어 주세요.' },
    ]);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', ',', '"', '\n', '\r', '1', '5', ' ', '질') }), (text) => {
        const r = importKahootCsv(text, opts);
        if (r.ok) expect(validatePack(r.pack).ok).toBe(true);
        else expect(r.errors.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });
});
