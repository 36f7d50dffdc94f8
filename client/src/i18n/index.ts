// Typed message lookup. The language is per device: the browser's by default, the header switch overrides it
// and is remembered in localStorage.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { en, type MessageKey } from './en.js';
import { ko } from './ko.js';
import type { Lang } from '../../../shared/engine/types.js';

export type { MessageKey } from './en.js';
export const LANGS = ['ko', 'en'] as const satisfies readonly Lang[];

const catalogs = { en, ko } as const;
const STORAGE_KEY = 'hostrush.lang';

/** The parameter names a message string declares with `{name}`. */
type ParamNames<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamNames<Rest> : never;
type Params<K extends MessageKey> = Record<ParamNames<(typeof en)[K]>, string | number>;
type ParamArgs<K extends MessageKey> = [ParamNames<(typeof en)[K]>] extends [never] ? [] : [params: Params<K>];

function detect(): Lang {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'ko' || saved === 'en') return saved;
  } catch {
    // Storage may be blocked (private mode): fall back to the browser language.
  }
  const nav = typeof navigator === 'undefined' ? 'en' : navigator.language;
  return nav.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

let current: Lang = detect();
const listeners = new Set<() => void>();

export function lang(): Lang {
  return current;
}

export function setLang(next: Lang): void {
  if (next === current) return;
  current = next;
  try {
    localStorage.setItem(STORAGE_KEY, next);
  } catch {
    // Not remembered; still switched for this page.
  }
  if (typeof document !== 'undefined') document.documentElement.lang = next;
  for (const listener of listeners) listener();
}

export function onLangChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function t<K extends MessageKey>(key: K, ...args: ParamArgs<K>): string {
  const template: string = catalogs[current][key] ?? en[key];
  const params = args[0] as Record<string, string | number> | undefined;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}

/** Formats a number in the current language. */
export function fmt(n: number, digits = 0): string {
  return n.toLocaleString(current === 'ko' ? 'ko-KR' : 'en-US', {
    maximumFractionDigits: digits,
    minimumFractionDigits: 0,
  });
}

/** Re-renders its host when the language changes. */
export class I18nController implements ReactiveController {
  private off: (() => void) | null = null;
  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }
  hostConnected(): void {
    this.off = onLangChange(() => this.host.requestUpdate());
  }
  hostDisconnected(): void {
    this.off?.();
    this.off = null;
  }
}

if (typeof document !== 'undefined') document.documentElement.lang = current;
