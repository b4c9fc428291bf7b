/**
 * Reads the top-level `enableUserWorkload` key of the cluster monitoring
 * operator's `config.yaml` without a YAML library in the bundle.
 *
 * The operator turns the YAML into JSON (YAML 1.1 rules) and decodes it into
 * a `*bool`, so: `yes`/`on`/`True` count as booleans, a quoted "true" is a
 * string that makes the whole configuration invalid, and a missing or empty
 * value means "not enabled".
 */
export type UserWorkloadSetting =
  | { state: 'set'; enabled: boolean }
  | { state: 'absent' }
  | { state: 'invalid'; reason: 'quoted' | 'not-boolean' | 'duplicate'; raw: string };

const KEY = 'enableUserWorkload';
const TRUE = /^(?:true|True|TRUE|yes|Yes|YES|y|Y|on|On|ON)$/;
const FALSE = /^(?:false|False|FALSE|no|No|NO|n|N|off|Off|OFF)$/;
const NULL = /^(?:|~|null|Null|NULL)$/;

const indentOf = (line: string): number => /^ */.exec(line)?.[0].length ?? 0;
const isBlankOrComment = (line: string): boolean => /^\s*(?:#.*)?$/.test(line);

/** A plain value ends at ` #` (a comment); a quoted one at its closing quote. */
const valueOf = (text: string): { raw: string; quoted: boolean } => {
  const s = text.trim();
  const q = s[0];
  if (q === '"' || q === "'") {
    const end = s.indexOf(q, 1);
    return { raw: end > 0 ? s.slice(0, end + 1) : s, quoted: true };
  }
  const comment = /(^|\s)#/.exec(s);
  return { raw: (comment ? s.slice(0, comment.index) : s).trim(), quoted: false };
};

const interpret = (raw: string, quoted: boolean): UserWorkloadSetting => {
  if (quoted) return { state: 'invalid', reason: 'quoted', raw };
  if (TRUE.test(raw)) return { state: 'set', enabled: true };
  if (FALSE.test(raw) || NULL.test(raw)) return { state: 'set', enabled: false };
  return { state: 'invalid', reason: 'not-boolean', raw };
};

/** Top-level `key: value` pairs of a one-line flow mapping such as `{enableUserWorkload: true}`. */
const flowEntries = (doc: string): string[] => {
  const entries: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let current = '';
  for (const ch of doc) {
    if (quote) {
      if (ch === quote) quote = undefined;
      if (depth === 1) current += ch;
      continue;
    }
    if (ch === '"' || ch === "'") quote = ch;
    if (ch === '{' || ch === '[') {
      depth += 1;
      if (depth === 1) continue;
    }
    if (ch === '}' || ch === ']') {
      depth -= 1;
      if (depth === 0) break;
    }
    if (depth === 1 && ch === ',') {
      entries.push(current);
      current = '';
    } else if (depth >= 1) {
      current += ch;
    }
  }
  entries.push(current);
  return entries;
};

const KEY_LINE = new RegExp(`^(["']?)${KEY}\\1\\s*:(?:\\s+(.*))?$`);

export const readUserWorkloadSetting = (configYaml: string): UserWorkloadSetting => {
  const lines = configYaml
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n');
  // One document only: skip a leading `---`, stop at the next marker.
  const first = lines.findIndex((l) => !isBlankOrComment(l));
  const start = first >= 0 && /^---\s*(?:#.*)?$/.test(lines[first] ?? '') ? first + 1 : 0;
  const endMarker = lines.findIndex((l, i) => i >= start && /^(?:---|\.\.\.)\s*(?:#.*)?$/.test(l));
  const doc = lines.slice(start, endMarker >= 0 ? endMarker : undefined);

  const significant = doc.filter((l) => !isBlankOrComment(l));
  const head = significant[0];
  if (head === undefined) return { state: 'absent' };

  if (head.trim().startsWith('{')) {
    const found = flowEntries(significant.join(' '))
      .map((entry) => new RegExp(`^\\s*(["']?)${KEY}\\1\\s*:(.*)$`, 's').exec(entry))
      .filter((m): m is RegExpExecArray => m !== null);
    if (found.length > 1) return { state: 'invalid', reason: 'duplicate', raw: KEY };
    const m = found[0];
    if (!m) return { state: 'absent' };
    const v = valueOf(m[2] ?? '');
    return interpret(v.raw, v.quoted);
  }

  const top = indentOf(head);
  const hits: UserWorkloadSetting[] = [];
  doc.forEach((line, i) => {
    if (isBlankOrComment(line) || indentOf(line) !== top) return;
    const m = KEY_LINE.exec(line.slice(top).trimEnd());
    if (!m) return;
    let v = valueOf(m[2] ?? '');
    if (v.raw === '' && !v.quoted) {
      // `enableUserWorkload:` with its value on the next, deeper line.
      const next = doc.slice(i + 1).find((l) => !isBlankOrComment(l));
      if (next !== undefined && indentOf(next) > top && !/^\s*-\s/.test(next)) v = valueOf(next);
    }
    hits.push(interpret(v.raw, v.quoted));
  });
  if (hits.length > 1) return { state: 'invalid', reason: 'duplicate', raw: KEY };
  return hits[0] ?? { state: 'absent' };
};
