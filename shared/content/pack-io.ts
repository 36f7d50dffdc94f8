// Pack import and export as JSON. Import is defensive, in stages, each stopping at its first failure with a
// located error: size -> UTF-8 -> JSON syntax (line and column) -> nesting depth and forbidden keys -> validatePack.
// Export writes stable, pretty JSON: export -> import -> export is byte-identical.
import type { GamePack } from './pack.js';
import { formatPath, validatePack, type PackError, type PackResult } from './validate.js';

/** Largest pack file accepted: 5 MB. */
export const MAX_PACK_BYTES = 5 * 1024 * 1024;
/** Deepest nesting accepted (a pack needs 4-5 levels). */
export const MAX_PACK_DEPTH = 64;
/** Keys refused anywhere in a pack: they are used to tamper with object prototypes. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

const fail = (path: string, message: string): PackResult => ({ ok: false, errors: [{ path, message }] });

/** Parses and validates a pack file (its text or raw bytes). Never throws. */
export function parsePackJson(input: string | Uint8Array): PackResult {
  try {
    let text: string;
    if (typeof input === 'string') {
      // Every UTF-16 unit is at least one UTF-8 byte: a long string is refused without counting.
      if (input.length > MAX_PACK_BYTES) return fail('$', tooBig(input.length, true));
      const bytes = utf8Length(input);
      if (bytes > MAX_PACK_BYTES) return fail('$', tooBig(bytes, false));
      text = input;
    } else {
      if (input.byteLength > MAX_PACK_BYTES) return fail('$', tooBig(input.byteLength, false));
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(input);
      } catch {
        const at = firstInvalidUtf8(input);
        const byte = input[at] ?? 0;
        return fail(
          '$',
          `the file is not UTF-8 text: invalid byte 0x${byte.toString(16).padStart(2, '0').toUpperCase()} ` +
            `at byte offset ${at}` +
            ' (save the pack as UTF-8)',
        );
      }
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (err) {
      const found = findJsonSyntaxError(text);
      if (found === null) {
        return fail('$', `the file is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
      }
      const { line, column } = lineColumn(text, found.offset);
      return fail('$', `JSON syntax error at line ${line}, column ${column}: ${found.message}`);
    }

    const treeErrors = checkJsonTree(value);
    if (treeErrors.length > 0) return { ok: false, errors: treeErrors };
    return validatePack(value);
  } catch (err) {
    return fail('$', `the pack could not be read: ${err instanceof Error ? err.message : String(err)}`);
  }
}

function tooBig(bytes: number, atLeast: boolean): string {
  return `the pack is ${atLeast ? 'at least ' : ''}${bytes} bytes; the limit is ${MAX_PACK_BYTES} bytes (5 MB)`;
}

/** UTF-8 length of a string (a lone surrogate counts as the 3 bytes of U+FFFD). */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/** Offset of the first byte that breaks UTF-8 (bytes.length if none). */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    if (i + need >= bytes.length) return i; // truncated sequence at the end
    let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k]!;
      if ((c & 0xc0) !== 0x80) return i; // the sequence starting here is broken
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}

function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

// ---------------------------------------------------------------- JSON syntax errors, located

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);

function show(ch: string | undefined): string {
  if (ch === undefined) return 'the end of the file';
  if (ch === '\n' || ch === '\r') return 'a line break';
  return `'${ch}'`;
}

/**
 * Finds the first JSON syntax error and describes it (null when the text is valid JSON). Iterative, so any
 * nesting depth is fine. Used only after JSON.parse failed, to give a line and column on every Node version.
 */
export function findJsonSyntaxError(text: string): { offset: number; message: string } | null {
  type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close' | 'end';
  const stack: string[] = [];
  let expect: Expect = 'value';
  let i = 0;
  const n = text.length;
  const err = (offset: number, message: string) => ({ offset, message });
  const afterValue = (): Expect => (stack.length === 0 ? 'end' : 'comma-or-close');

  for (;;) {
    while (i < n && WS.has(text.charCodeAt(i))) i++;
    if (i >= n) {
      if (expect === 'end') return null;
      if (stack.length === 0) return err(i, 'the file ends where a value was expected');
      const closer = stack[stack.length - 1] === '{' ? '}' : ']';
      return err(i, `the file ends before the closing '${closer}' (${stack.length} still open)`);
    }
    const ch = text[i]!;
    switch (expect) {
      case 'end':
        return err(i, `unexpected ${show(ch)} after the end of the JSON value`);
      case 'colon':
        if (ch !== ':') return err(i, `expected ':' after the property name, found ${show(ch)}`);
        i++;
        expect = 'value';
        continue;
      case 'comma-or-close': {
        const closer = stack[stack.length - 1] === '{' ? '}' : ']';
        if (ch === ',') {
          i++;
          expect = closer === '}' ? 'key' : 'value';
          continue;
        }
        if (ch === closer) {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        return err(i, `expected ',' or '${closer}' after a value, found ${show(ch)}`);
      }
      case 'key':
      case 'key-or-close': {
        if (ch === '}' && expect === 'key-or-close') {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (ch === '}') return err(i, "expected a property name after ',' (trailing commas are not allowed in JSON)");
        if (ch === "'") return err(i, 'property names must be in double quotes, not single quotes');
        if (ch !== '"') return err(i, `expected a property name in double quotes, found ${show(ch)}`);
        const end = scanString(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        expect = 'colon';
        continue;
      }
      case 'value':
      case 'value-or-close': {
        if (ch === ']' && expect === 'value-or-close') {
          i++;
          stack.pop();
          expect = afterValue();
          continue;
        }
        if (ch === ']' && stack[stack.length - 1] === '[') {
          return err(i, "expected a value after ',' (trailing commas are not allowed in JSON)");
        }
        if (ch === '{') {
          stack.push('{');
          i++;
          expect = 'key-or-close';
          continue;
        }
        if (ch === '[') {
          stack.push('[');
          i++;
          expect = 'value-or-close';
          continue;
        }
        if (ch === '"') {
          const end = scanString(text, i);
          if (typeof end !== 'number') return end;
          i = end;
          expect = afterValue();
          continue;
        }
        if (ch === '-' || (ch >= '0' && ch <= '9')) {
          const m = /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/.exec(text.slice(i, i + 400));
          if (m === null) return err(i, 'invalid number');
          const next = text[i + m[0].length];
          if (next !== undefined && /[0-9.eE+\-a-zA-Z]/.test(next))
            return err(i + m[0].length, `invalid number (unexpected ${show(next)})`);
          i += m[0].length;
          expect = afterValue();
          continue;
        }
        const word = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(text.slice(i, i + 40))?.[0];
        if (word === 'true' || word === 'false' || word === 'null') {
          i += word.length;
          expect = afterValue();
          continue;
        }
        if (word !== undefined) return err(i, `unexpected word '${word}': text values must be in double quotes`);
        if (ch === "'") return err(i, 'text must be in double quotes, not single quotes');
        if (ch === '/') return err(i, 'comments are not allowed in JSON');
        return err(i, `expected a value, found ${show(ch)}`);
      }
    }
  }
}

/** Scans a string starting at its opening quote; returns the offset after the closing quote, or an error. */
function scanString(text: string, start: number): number | { offset: number; message: string } {
  let i = start + 1;
  for (;;) {
    if (i >= text.length) return { offset: start, message: 'this text is never closed (missing closing double quote)' };
    const c = text.charCodeAt(i);
    if (c === 0x22) return i + 1;
    if (c < 0x20) {
      return {
        offset: i,
        message: 'a line break or control character inside a text value must be escaped (write \\n for a new line)',
      };
    }
    if (c === 0x5c) {
      const e = text[i + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6)))
          return { offset: i, message: 'invalid \\u escape: it needs 4 hex digits' };
        i += 6;
        continue;
      }
      if (e !== undefined && '"\\/bfnrt'.includes(e)) {
        i += 2;
        continue;
      }
      return { offset: i, message: `invalid escape '\\${e ?? ''}' in a text value (write \\\\ for a backslash)` };
    }
    i++;
  }
}

// ---------------------------------------------------------------- tree checks

/**
 * Checks a parsed JSON value before it goes to the schema: nesting no deeper than MAX_PACK_DEPTH (reported once,
 * at the first container too deep) and no forbidden keys (each reported at its path). Iterative.
 */
export function checkJsonTree(root: unknown): PackError[] {
  interface Node {
    value: unknown;
    depth: number;
    key: string | number | null;
    parent: Node | null;
    forbidden: boolean;
  }
  const pathOf = (node: Node): string => {
    const keys: (string | number)[] = [];
    for (let n: Node | null = node; n !== null && n.key !== null; n = n.parent) keys.push(n.key);
    return formatPath(keys.reverse());
  };
  const errors: PackError[] = [];
  const stack: Node[] = [{ value: root, depth: 1, key: null, parent: null, forbidden: false }];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.forbidden) {
      errors.push({ path: pathOf(node), message: `the key ${JSON.stringify(node.key)} is not allowed in a pack` });
      continue;
    }
    const v = node.value;
    if (v === null || typeof v !== 'object') continue;
    if (node.depth > MAX_PACK_DEPTH) {
      return [
        {
          path: pathOf(node),
          message: `nesting is deeper than ${MAX_PACK_DEPTH} levels; a pack never needs that many`,
        },
      ];
    }
    const children: Node[] = [];
    if (Array.isArray(v)) {
      v.forEach((child: unknown, i) =>
        children.push({ value: child, depth: node.depth + 1, key: i, parent: node, forbidden: false }),
      );
    } else {
      for (const key of Object.keys(v)) {
        const value = (v as Record<string, unknown>)[key];
        children.push({ value, depth: node.depth + 1, key, parent: node, forbidden: FORBIDDEN_KEYS.includes(key) });
      }
    }
    for (let k = children.length - 1; k >= 0; k--) stack.push(children[k]!);
  }
  return errors;
}

// ---------------------------------------------------------------- export

/** Key order of every object in an exported pack (keys not listed follow, alphabetically). */
const KEY_ORDER = [
  'format',
  'formatVersion',
  'meta',
  'questions',
  'cards',
  'scenarios',
  'rounds',
  'id',
  'kind',
  'type',
  'title',
  'language',
  'topic',
  'prompt',
  'note',
  'description',
  'author',
  'version',
  'options',
  'items',
  'left',
  'right',
  'pairs',
  'correct',
  'tolerance',
  'unit',
  'timeLimitS',
  'points',
  'explanation',
  'guestOs',
  'cpu',
  'ramGb',
  'diskGb',
  'trust',
  'sensitivity',
  'residency',
  'traffic',
  'profile',
  'startDeadlineS',
  'needsCustomKernel',
  'modifiableKernel',
  'needsOsControl',
  'saasAvailable',
  'arrivesAtS',
  'host',
  'cores',
  'os',
  'machine',
  'deck',
  'events',
  'atS',
  'randomEvents',
  'lengthS',
  'questionIds',
  'scenarioId',
];
const RANK = new Map(KEY_ORDER.map((k, i) => [k, i]));

function ordered(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).sort((a, b) => {
    const ra = RANK.get(a) ?? Infinity;
    const rb = RANK.get(b) ?? Infinity;
    return ra !== rb ? ra - rb : a < b ? -1 : a > b ? 1 : 0;
  });
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = obj[k];
  return out;
}

/** Stable, pretty JSON of a pack (2-space indent, fixed key order, final newline). */
export function exportPack(pack: GamePack): string {
  return JSON.stringify(pack, (_key, value: unknown) => ordered(value), 2) + '\n';
}
