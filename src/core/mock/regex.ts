/**
 * The one regex engine the mock runs a spec's patterns with: RE2 (re2js), whose matching time is
 * linear in the input, so no pattern can make a crafted value block the backend (V8's backtracking
 * engine takes minutes on `\d+\d+\d+!` against 1000 digits). JSON Schema patterns are ECMAScript
 * regexes (ajv compiles them with the `u` flag); they are translated to RE2 syntax where the two
 * differ and the meaning is kept exactly (`\s`, `.`, `\uXXXX`, `[^]`, named groups...). What RE2
 * cannot run (lookahead, lookbehind, backreferences) is reported, never run another way.
 */
import type { CodeOptions } from 'ajv/dist/2020.js';
import { RE2JS } from 're2js';

/** ECMAScript's `\s` (WhiteSpace and LineTerminator), as RE2 class contents. */
const JS_SPACE = '\\t\\n\\x{0B}\\f\\r \\x{A0}\\x{1680}\\x{2000}-\\x{200A}\\x{2028}\\x{2029}\\x{202F}\\x{205F}\\x{3000}\\x{FEFF}';
/** Its complement (`\S`), as RE2 class contents. */
const JS_NON_SPACE =
  '\\x{0}-\\x{8}\\x{E}-\\x{1F}\\x{21}-\\x{9F}\\x{A1}-\\x{167F}\\x{1681}-\\x{1FFF}\\x{200B}-\\x{2027}\\x{202A}-\\x{202E}' +
  '\\x{2030}-\\x{205E}\\x{2060}-\\x{2FFF}\\x{3001}-\\x{FEFE}\\x{FF00}-\\x{10FFFF}';
/** ECMAScript's `.` without the `s` flag: anything but a line terminator. */
const JS_DOT = '[^\\n\\r\\x{2028}\\x{2029}]';
const ANY = '\\x{0}-\\x{10FFFF}';

/** Long General_Category names ECMAScript accepts in `\p{...}`, by RE2's short name. */
const CATEGORIES: Record<string, string> = {
  Letter: 'L',
  Cased_Letter: 'LC',
  Uppercase_Letter: 'Lu',
  Lowercase_Letter: 'Ll',
  Titlecase_Letter: 'Lt',
  Modifier_Letter: 'Lm',
  Other_Letter: 'Lo',
  Mark: 'M',
  Combining_Mark: 'M',
  Nonspacing_Mark: 'Mn',
  Spacing_Mark: 'Mc',
  Enclosing_Mark: 'Me',
  Number: 'N',
  Decimal_Number: 'Nd',
  digit: 'Nd',
  Letter_Number: 'Nl',
  Other_Number: 'No',
  Punctuation: 'P',
  punct: 'P',
  Connector_Punctuation: 'Pc',
  Dash_Punctuation: 'Pd',
  Open_Punctuation: 'Ps',
  Close_Punctuation: 'Pe',
  Initial_Punctuation: 'Pi',
  Final_Punctuation: 'Pf',
  Other_Punctuation: 'Po',
  Symbol: 'S',
  Math_Symbol: 'Sm',
  Currency_Symbol: 'Sc',
  Modifier_Symbol: 'Sk',
  Other_Symbol: 'So',
  Separator: 'Z',
  Space_Separator: 'Zs',
  Line_Separator: 'Zl',
  Paragraph_Separator: 'Zp',
  Other: 'C',
  Control: 'Cc',
  cntrl: 'Cc',
  Format: 'Cf',
  Surrogate: 'Cs',
  Private_Use: 'Co',
  Unassigned: 'Cn',
};

/** General_Category short names RE2 knows. */
const GC_SHORT = new Set(
  'L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po S Sm Sc Sk So Z Zs Zl Zp C Cc Cf Cs Co'.split(' '),
);

const TOO_COMPLEX = 'it is too complex for the linear-time engine';

/** Thrown inside the translator for syntax RE2 cannot run; caught by `translatePattern`. */
class Unsupported extends Error {}

/**
 * `pattern` (a valid ECMAScript regex under the `u` flag) in RE2 syntax with the same matches, or
 * why it cannot be run (lookaround, backreferences, a JS-only construct).
 */
export function translatePattern(pattern: string): { source: string } | { reason: string } {
  try {
    return { source: new Translator(pattern).run() };
  } catch (e) {
    if (e instanceof Unsupported) {
      return { reason: e.message };
    }
    throw e;
  }
}

/** `{n}`, `{n,}`, `{n,m}` at a position (any length: the digits may carry leading zeros). */
const QUANTIFIER = /\{(\d+)(,?)(\d*)\}/y;

/** Size of one group while translating: finished alternatives, the current one, its last atom. */
type Frame = { alts: number; current: number; last: number };

class Translator {
  private i = 0;
  /** A rough program size (repeats multiplied out), so huge patterns are refused before RE2 builds them. */
  private readonly frames: Frame[] = [{ alts: 0, current: 0, last: 0 }];
  constructor(private readonly p: string) {}

  run(): string {
    let out = '';
    while (this.i < this.p.length) {
      const c = this.p[this.i] ?? '';
      QUANTIFIER.lastIndex = this.i;
      const quantifier = QUANTIFIER.exec(this.p);
      if (c === '\\') {
        out += this.escape(false);
        this.atom(1);
      } else if (c === '[') {
        out += this.charClass();
        this.atom(1);
      } else if (c === '.') {
        this.i++;
        out += JS_DOT;
        this.atom(1);
      } else if (c === '(') {
        out += this.group();
        this.frames.push({ alts: 0, current: 0, last: 0 });
      } else if (c === ')' && this.frames.length > 1) {
        const f = this.frames.pop();
        this.i++;
        out += ')';
        this.atom((f?.alts ?? 0) + (f?.current ?? 0) + 1);
      } else if (c === '|') {
        const f = this.top();
        f.alts += f.current + 1;
        f.current = 0;
        f.last = 0;
        this.i++;
        out += '|';
      } else if (quantifier !== null) {
        // `{n}`, `{n,}`, `{n,m}`: the last atom repeated (a lone `{` is a syntax error under `u`).
        const n = Number(quantifier[1]);
        const copies = quantifier[2] === '' ? n : quantifier[3] === '' ? n + 1 : Math.max(n, Number(quantifier[3]));
        const f = this.top();
        f.current += f.last * Math.max(copies - 1, 0) + 1;
        f.last = 0;
        this.i += quantifier[0].length;
        // Written without leading zeros: RE2 reads `{02}` as literal text, ECMAScript as `{2}`.
        out += `{${BigInt(quantifier[1] ?? '0')}${quantifier[2] ?? ''}${quantifier[3] === '' ? '' : BigInt(quantifier[3] ?? '0')}}`;
      } else {
        // `* + ?`, `^ $` and literals mean the same in both (a lone `}` or `]` is a syntax error
        // under the `u` flag, so none reaches here as a literal).
        out += this.literal(false);
        this.atom(1);
      }
    }
    const root = this.top();
    if (root.alts + root.current > MAX_PROGRAM) {
      throw new Unsupported(TOO_COMPLEX);
    }
    return out;
  }

  private top(): Frame {
    return this.frames[this.frames.length - 1] ?? { alts: 0, current: 0, last: 0 };
  }

  private atom(size: number): void {
    const f = this.top();
    f.current += size;
    f.last = size;
  }

  private group(): string {
    const rest = this.p.slice(this.i);
    if (rest.startsWith('(?:')) {
      this.i += 3;
      return '(?:';
    }
    if (/^\(\?<[=!]/.test(rest) || /^\(\?[=!]/.test(rest)) {
      throw new Unsupported('lookahead and lookbehind are not supported by the linear-time engine');
    }
    const named = /^\(\?<[^>]+>/.exec(rest);
    if (named !== null) {
      // A name only matters to backreferences (unsupported) and captures (unused): a plain group.
      this.i += named[0].length;
      return '(?:';
    }
    if (rest.startsWith('(?')) {
      throw new Unsupported('inline modifiers are not supported');
    }
    this.i++;
    return '(';
  }

  /** One literal code point (a surrogate pair is one), escaped when RE2 would read it otherwise. */
  private literal(inClass: boolean): string {
    const cp = this.p.codePointAt(this.i) ?? 0;
    const ch = String.fromCodePoint(cp);
    this.i += ch.length;
    if (inClass && /[[\]\\^-]/.test(ch)) {
      return `\\${ch}`;
    }
    return ch;
  }

  /** An escape at `\`; inside a class its translation is class contents. */
  private escape(inClass: boolean): string {
    const c = this.p[this.i + 1] ?? '';
    this.i += 2;
    switch (c) {
      case 'd':
      case 'D':
      case 'w':
      case 'W':
      case 'f':
      case 'n':
      case 'r':
      case 't':
        return `\\${c}`;
      case 'v':
        return '\\x{0B}';
      case 'b':
        // A word boundary outside a class (ASCII in both), backspace inside one.
        return inClass ? '\\x{08}' : '\\b';
      case 'B':
        return '\\B';
      case 's':
        return inClass ? JS_SPACE : `[${JS_SPACE}]`;
      case 'S':
        return inClass ? JS_NON_SPACE : `[${JS_NON_SPACE}]`;
      case '0':
        return '\\x{0}';
      case 'c': {
        const letter = this.p.charCodeAt(this.i);
        this.i++;
        return hex(letter % 32);
      }
      case 'x': {
        const h = this.p.slice(this.i, this.i + 2);
        this.i += 2;
        return hex(parseInt(h, 16));
      }
      case 'u':
        return hex(this.unicodeEscape());
      case 'p':
      case 'P':
        return this.property(c);
      case 'k':
        throw new Unsupported('backreferences are not supported by the linear-time engine');
      default:
        if (/[1-9]/.test(c)) {
          throw new Unsupported('backreferences are not supported by the linear-time engine');
        }
        // An escaped syntax character (`\.`, `\/`, `\-`...): punctuation, which RE2 escapes alike.
        if (/^[\w\s]?$/.test(c)) {
          throw new Unsupported(`the escape \\${c} is not supported`);
        }
        return `\\${c}`;
    }
  }

  /** The code point of `\uXXXX` (a surrogate pair of two such escapes is one) or `\u{X...}`, after `\u`. */
  private unicodeEscape(): number {
    if (this.p[this.i] === '{') {
      const end = this.p.indexOf('}', this.i);
      const cp = parseInt(this.p.slice(this.i + 1, end), 16);
      this.i = end + 1;
      return cp;
    }
    const first = parseInt(this.p.slice(this.i, this.i + 4), 16);
    this.i += 4;
    const low = /^\\u([dD][c-fC-F][0-9a-fA-F]{2})/.exec(this.p.slice(this.i));
    if (first >= 0xd800 && first <= 0xdbff && low !== null) {
      this.i += 6;
      return 0x10000 + ((first - 0xd800) << 10) + (parseInt(low[1] ?? '0', 16) - 0xdc00);
    }
    return first;
  }

  private property(c: string): string {
    const end = this.p.indexOf('}', this.i);
    const body = this.p.slice(this.i + 1, end);
    this.i = end + 1;
    const [key, value] = body.includes('=') ? body.split('=') : [undefined, body];
    let name = value ?? '';
    if (key === 'General_Category' || key === 'gc' || key === undefined) {
      name = Object.hasOwn(CATEGORIES, name) ? (CATEGORIES[name] ?? name) : name;
      // A lone name that is no category is a binary property (`Emoji`, `Alphabetic`): RE2's differ.
      if (!GC_SHORT.has(name) && !(key === undefined && name === 'Any')) {
        throw new Unsupported(`the property \\${c}{${body}} is not supported`);
      }
    } else if (key !== 'Script' && key !== 'sc') {
      throw new Unsupported(`the property \\${c}{${body}} is not supported`);
    }
    return `\\${c}{${name}}`;
  }

  private charClass(): string {
    this.i++;
    let negated = false;
    if (this.p[this.i] === '^') {
      negated = true;
      this.i++;
    }
    if (this.p[this.i] === ']') {
      this.i++;
      // `[]` matches nothing, `[^]` any code point (RE2 has no empty class).
      return negated ? `[${ANY}]` : `[^${ANY}]`;
    }
    let out = negated ? '[^' : '[';
    while (this.i < this.p.length && this.p[this.i] !== ']') {
      const atom = this.classAtom();
      if (this.p[this.i] === '-' && this.p[this.i + 1] !== ']' && this.i + 1 < this.p.length && atom.single) {
        this.i++;
        out += `${atom.text}-${this.classAtom().text}`;
      } else {
        out += atom.text;
      }
    }
    this.i++;
    return `${out}]`;
  }

  private classAtom(): { text: string; single: boolean } {
    if (this.p[this.i] === '\\') {
      const letter = this.p[this.i + 1] ?? '';
      return { text: this.escape(true), single: !/[dDwWsSpP]/.test(letter) };
    }
    return { text: this.literal(true), single: true };
  }
}

function hex(cp: number): string {
  return `\\x{${cp.toString(16).toUpperCase()}}`;
}

/**
 * Largest compiled program run (RE2 instructions; `^[a-z0-9]+(?:-[a-z0-9]+)*$` has 10, `^.{1,255}$`
 * about 500). Matching costs up to this many steps per character of the value.
 */
const MAX_PROGRAM = 3_000;

/** Most compiled patterns kept (a spec has a few dozen; a hostile one cannot grow this without end). */
const MAX_CACHED = 2_000;
const cache = new Map<string, RE2JS | string>();

/**
 * `pattern` compiled for the linear-time engine, or why it cannot be checked (invalid, or using
 * what RE2 cannot run). `new RegExp` only parses the pattern here (its syntax decides validity, as
 * for ajv); it is never matched against a value.
 */
export function compilePattern(pattern: string): RE2JS | string {
  let re = cache.get(pattern);
  if (re === undefined) {
    re = compileUncached(pattern);
    if (cache.size >= MAX_CACHED) {
      cache.clear();
    }
    cache.set(pattern, re);
  }
  return re;
}

function compileUncached(pattern: string): RE2JS | string {
  try {
    new RegExp(pattern, 'u');
  } catch {
    return 'it is not a valid regular expression';
  }
  const translated = translatePattern(pattern);
  if ('reason' in translated) {
    return translated.reason;
  }
  try {
    const re = RE2JS.compile(translated.source);
    // Linear in the value, but times the program's size: a huge program on a 1 MB body is slow too.
    return re.programSize() > MAX_PROGRAM ? TOO_COMPLEX : re;
  } catch (e) {
    return `the linear-time engine cannot run it (${e instanceof Error ? e.message.slice(0, 120) : 'invalid'})`;
  }
}

/** Whether `value` holds a match of `pattern` (ECMAScript semantics, linear time); null when it cannot be checked. */
export function patternTest(pattern: string, value: string): boolean | null {
  const re = compilePattern(pattern);
  return typeof re === 'string' ? null : re.test(value);
}

/**
 * Most matching steps (program size x characters of the value) one validation spends on patterns.
 * RE2 is linear, yet when its DFA gives up a 3000-instruction program crawls at ~50 µs a character;
 * past the budget a value is not checked against its pattern (about a second at worst).
 */
export const MAX_PATTERN_STEPS = 10_000_000;
let stepsLeft = Number.POSITIVE_INFINITY;
/** Values left unchecked against their pattern (over the budget) since `countUnchecked` began. */
let unchecked = 0;

/** Runs `work` and says how many values it left unchecked against their pattern (over the budget). */
export function countUnchecked<T>(work: () => T): { value: T; unchecked: number } {
  const outer = unchecked;
  unchecked = 0;
  try {
    const value = work();
    return { value, unchecked };
  } finally {
    unchecked = outer;
  }
}

/** Runs `check` (one validation) with a fresh pattern budget. */
export function withPatternBudget<T>(check: () => T): T {
  const outer = stepsLeft;
  stepsLeft = MAX_PATTERN_STEPS;
  try {
    return check();
  } finally {
    stepsLeft = outer;
  }
}

/**
 * ajv's `code.regExp`: every `pattern` and `patternProperties` key runs on RE2. Throws for a pattern
 * it cannot run (prepared schemas never hold one: `prepareSchema` drops them with a note).
 */
export const linearRegExp: NonNullable<CodeOptions['regExp']> = Object.assign(
  (pattern: string): { test: (s: string) => boolean; toString: () => string } => {
    const re = compilePattern(pattern);
    if (typeof re === 'string') {
      throw new Error(`Pattern ${pattern.slice(0, 60)} cannot be checked: ${re}`);
    }
    const size = re.programSize();
    const test = (s: string): boolean => {
      const cost = size * s.length;
      if (cost > stepsLeft) {
        unchecked++;
        return true; // Over this validation's budget: not checked (the response says so).
      }
      stepsLeft -= cost;
      return re.test(s);
    };
    // ajv keys compiled patterns by `toString()`: it must differ per pattern.
    return { test, toString: () => `re2:${JSON.stringify(pattern)}` };
  },
  { code: 'linearRegExp' },
);

/** re2js's compiled program (an NFA), as far as the generator reads it. */
type Inst = { op: number; out: number; arg: number; runes: ArrayLike<number> };
type Prog = { inst: Inst[]; start: number };
/** re2js's instruction codes (`Inst` in re2js; a layout change makes `sampleOf` give up, never lie). */
const OP = { ALT: 1, ALT_MATCH: 2, CAPTURE: 3, EMPTY_WIDTH: 4, FAIL: 5, MATCH: 6, NOP: 7, RUNE: 8, RUNE1: 9, ANY: 10, ANY_NOT_NL: 11 };
/** Longest sample tried. */
const MAX_SAMPLE = 256;
/** Characters a sample prefers, so it reads like data (`AAA-0000`, `my-slug`). */
const PREFERRED = [...'aA0-_. @:/+#'].map((c) => c.codePointAt(0) ?? 0);

/**
 * A short string `pattern` matches, found on the engine's own program (the fewest characters to
 * its match, preferring the first alternative), then checked by the engine; null when there is none
 * or the pattern cannot be run.
 */
export function sampleOf(pattern: string, minLength = 0): string | null {
  const re = compilePattern(pattern);
  if (typeof re === 'string' || minLength > MAX_SAMPLE) {
    return null;
  }
  const prog = re.re2().prog as Prog | undefined;
  if (prog === undefined || !Array.isArray(prog.inst) || typeof prog.start !== 'number') {
    return null;
  }
  const key = `${minLength}:${pattern}`;
  let found = samples.get(key);
  if (found === undefined) {
    const path = shortestPath(prog, minLength);
    found = path !== null && re.test(path) ? path : null;
    if (samples.size >= MAX_CACHED) {
      samples.clear();
    }
    samples.set(key, found);
  }
  return found;
}

/** Samples found, by minimum length and pattern (a response generates the same ones again and again). */
const samples = new Map<string, string | null>();
/**
 * Most search states one sample may visit: a minimum length lets each instruction be passed once
 * per character, so a big program with a long minLength would otherwise cost ~0.2 s per string.
 */
const MAX_SAMPLE_STATES = 20_000;

/** One state of the search: an instruction reached, from which state, by which character. */
type Step = { pc: number; from: Step | null; via: string };

/** The fewest characters (at least `minLength` code points) from the program's start to its match. */
function shortestPath(prog: Prog, minLength: number): string | null {
  const n = prog.inst.length;
  let seen = new Uint8Array(n);
  let layer: Step[] = [{ pc: prog.start, from: null, via: '' }];
  let states = 0;
  for (let step = 0; step <= MAX_SAMPLE && layer.length > 0; step++) {
    if (step > 0 && step <= minLength) {
      // Shorter than minLength: an instruction may be passed again one character later (loops).
      seen = new Uint8Array(n);
    }
    const stack: Step[] = [];
    for (const s of [...layer].reverse()) {
      if (seen[s.pc] === 0) {
        seen[s.pc] = 1;
        stack.push(s);
      }
    }
    const consuming: Step[] = [];
    while (stack.length > 0) {
      if (++states > MAX_SAMPLE_STATES) {
        return null;
      }
      const at = stack.pop() as Step;
      const inst = prog.inst[at.pc];
      const reach = (to: number): void => {
        if (to >= 0 && to < n && seen[to] === 0) {
          seen[to] = 1;
          stack.push({ pc: to, from: at, via: '' });
        }
      };
      switch (inst?.op) {
        case OP.MATCH:
          if (step >= minLength) {
            return pathTo(at);
          }
          break;
        case OP.ALT:
        case OP.ALT_MATCH:
          // Pushed last, popped first: the first alternative is preferred.
          reach(inst.arg);
          reach(inst.out);
          break;
        case OP.CAPTURE:
        case OP.NOP:
        case OP.EMPTY_WIDTH:
          // Anchors and boundaries are not followed here: the engine checks the sample afterwards.
          reach(inst.out);
          break;
        case OP.RUNE:
        case OP.RUNE1:
        case OP.ANY:
        case OP.ANY_NOT_NL:
          consuming.push(at);
          break;
        case OP.FAIL:
          break;
        default:
          return null;
      }
    }
    const next: Step[] = [];
    const queued = new Uint8Array(n);
    for (const at of consuming) {
      const inst = prog.inst[at.pc];
      const c = inst === undefined ? null : runeOf(inst);
      if (inst !== undefined && c !== null && inst.out >= 0 && inst.out < n && queued[inst.out] === 0) {
        queued[inst.out] = 1;
        next.push({ pc: inst.out, from: at, via: c });
      }
    }
    layer = next;
  }
  return null;
}

function pathTo(end: Step): string {
  const parts: string[] = [];
  for (let at: Step | null = end; at !== null; at = at.from) {
    parts.push(at.via);
  }
  return parts.reverse().join('');
}

/** A character the instruction accepts, a readable one when it can. */
function runeOf(inst: Inst): string | null {
  if (inst.op === OP.ANY || inst.op === OP.ANY_NOT_NL) {
    return 'a';
  }
  const r = inst.runes;
  if (r.length === 1) {
    return String.fromCodePoint(r[0] ?? 0);
  }
  const inRanges = (c: number): boolean => {
    for (let j = 0; j + 1 < r.length; j += 2) {
      if ((r[j] ?? 0) <= c && c <= (r[j + 1] ?? -1)) {
        return true;
      }
    }
    return false;
  };
  const preferred = PREFERRED.find(inRanges) ?? [...Array(0x7f - 0x21).keys()].map((k) => k + 0x21).find(inRanges);
  if (preferred !== undefined) {
    return String.fromCodePoint(preferred);
  }
  for (let j = 0; j + 1 < r.length; j += 2) {
    const lo = r[j] ?? 0;
    const c = lo >= 0xd800 && lo <= 0xdfff ? 0xe000 : lo;
    if (c <= (r[j + 1] ?? -1) && c <= 0x10ffff) {
      return String.fromCodePoint(c);
    }
  }
  return null;
}
