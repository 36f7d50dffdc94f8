// POST /api/workshop/import/preview: what a file would bring in (JSON pack, Kahoot-style CSV, Kahoot!'s .xlsx
// template), read but not saved: the questions read, and each row left out with its reasons in the asker's
// language. The client saves the pack it shows with POST /api/workshop/packs.
import type { Request, Response } from 'express';
import { importKahootRows, parseCsv, type SkippedRow } from '../../shared/content/csv-import.js';
import type { GamePack } from '../../shared/content/pack.js';
import { parsePackJson } from '../../shared/content/pack-io.js';
import type { PackError } from '../../shared/content/validate.js';
import type { Lang } from '../../shared/engine/types.js';
import { workshopPreviewQuerySchema, XLSX_TYPE, type WorkshopPreviewReply } from '../../shared/protocol/workshop.js';
import { readKahootXlsx } from '../content/kahoot-xlsx.js';
import type { Metrics } from '../metrics.js';
import { sendError } from './replies.js';
import { issueText } from './workshop-access.js';

type Read = { ok: true; pack: GamePack; skipped: SkippedRow[]; emptyRows: number; notes: PackError[] };

/** The id a preview's pack carries until it is saved (the server gives it its own then). */
const PREVIEW_ID = 'imported';

export async function previewRoute(req: Request, res: Response, metrics: Metrics): Promise<void> {
  const query = workshopPreviewQuerySchema.safeParse(req.query);
  if (!query.success)
    return sendError(res, metrics, 'input/invalid', 'lang is ko or en; title is 120 characters at most.');
  const { lang } = query.data;
  const title = query.data.title?.trim() || (lang === 'ko' ? '가져온 문제' : 'Imported questions');
  const body = req.body as unknown;
  if (!Buffer.isBuffer(body) || body.length === 0) {
    return sendError(res, metrics, 'input/invalid', 'Send the file itself as the request body.');
  }
  const options = { id: PREVIEW_ID, title, language: lang };
  let result: Read | { ok: false; errors: PackError[] };
  if (req.is(XLSX_TYPE)) result = await readKahootXlsx(body, options);
  else if (req.is('text/csv')) result = readCsv(body.toString('utf8'), options);
  else if (req.is('application/json')) {
    const parsed = parsePackJson(body);
    result = parsed.ok ? { ...parsed, skipped: [], emptyRows: 0, notes: [] } : parsed;
  } else {
    return sendError(
      res,
      metrics,
      'input/invalid',
      `Send a .json pack (application/json), a Kahoot-style .csv (text/csv) or Kahoot's .xlsx template (${XLSX_TYPE}).`,
    );
  }
  if (!result.ok) {
    const issues = result.errors.slice(0, 100).map((e) => issueText(e, lang));
    return sendError(res, metrics, 'pack/invalid', 'Nothing usable was read from the file.', { issues }, 422);
  }
  const reply: WorkshopPreviewReply = {
    ok: true,
    pack: result.pack,
    read: result.pack.questions.length,
    skipped: result.skipped.map((s) => ({ row: s.row, reason: reasonOf(s.errors, lang) })),
    emptyRows: result.emptyRows,
    notes: result.notes.map((n) => {
      const t = issueText(n, lang);
      return `${t.path}: ${t.message}`;
    }),
  };
  res.json(reply);
}

function readCsv(
  text: string,
  options: { id: string; title: string; language: Lang },
): Read | { ok: false; errors: PackError[] } {
  const parsed = parseCsv(text);
  if (parsed.error) return { ok: false, errors: [parsed.error] };
  const result = importKahootRows(parsed.records, { ...options, skipBadRows: true });
  return result.ok ? { ...result, notes: [] } : result;
}

/** A row's reasons, each with its place, in one line. */
function reasonOf(errors: PackError[], lang: Lang): string {
  return errors
    .map((e) => {
      const t = issueText(e, lang);
      return `${t.path}: ${t.message}`;
    })
    .join('; ');
}
