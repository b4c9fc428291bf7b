/**
 * A small YAML writer for the fix snippets, so the bundle carries no YAML
 * library. It writes block style the way `oc get -o yaml` does, and quotes
 * every string that a YAML 1.1 or 1.2 reader could take for something else
 * (numbers, booleans like `yes`/`on`, `key: value` look-alikes) using JSON
 * string syntax, which is valid YAML.
 */
export type YamlValue = string | number | boolean | null | undefined | YamlValue[] | { [key: string]: YamlValue };

const RESERVED = /^(?:~|null|true|false|y|yes|n|no|on|off|<<|=)$/i;
const PLAIN = /^[A-Za-z/][A-Za-z0-9_./()-]*(?: [A-Za-z0-9_./()-]+)*$/;
/** Durations such as `30s` read as strings in every YAML version, and the seed writes them bare. */
const DURATION = /^[0-9]+(?:ms|[smhdwy])$/;

const isMap = (v: YamlValue): v is { [key: string]: YamlValue } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const scalar = (v: string | number | boolean | null): string => {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new Error(`cannot write ${v} as YAML`);
    return String(v);
  }
  return (PLAIN.test(v) && !RESERVED.test(v)) || DURATION.test(v) ? v : JSON.stringify(v);
};

/** A literal block keeps multi-line text (PromQL, embedded config files) readable. */
const blockable = (s: string): boolean => {
  if (!s.includes('\n') || s.includes('\r')) return false;
  // A reader takes the block's indentation from its first non-empty line, so that line may not start with blanks.
  const first = s.split('\n').find((line) => line !== '');
  return first !== undefined && !/^[ \t]/.test(first);
};

const blockScalar = (s: string, indent: number): string => {
  const trailing = /\n*$/.exec(s)?.[0].length ?? 0;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  // The line break that closes the last line is written by the writer itself.
  const body = trailing === 0 ? s : s.slice(0, -1);
  const pad = ' '.repeat(indent);
  const lines = body.split('\n').map((line) => (line === '' ? '' : pad + line));
  return `|${chomp}\n${lines.join('\n')}`;
};

const inline = (v: YamlValue, indent: number): string | undefined => {
  if (Array.isArray(v)) return v.length === 0 ? '[]' : undefined;
  if (isMap(v)) return Object.values(v).every((x) => x === undefined) ? '{}' : undefined;
  if (typeof v === 'string' && blockable(v)) return blockScalar(v, indent);
  return scalar(v ?? null);
};

const writeMap = (m: { [key: string]: YamlValue }, indent: number): string[] => {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const [key, value] of Object.entries(m)) {
    if (value === undefined) continue;
    const one = inline(value, indent + 2);
    if (one !== undefined) out.push(`${pad}${scalar(key)}: ${one}`);
    else if (Array.isArray(value)) out.push(`${pad}${scalar(key)}:`, ...writeSeq(value, indent));
    else if (isMap(value)) out.push(`${pad}${scalar(key)}:`, ...writeMap(value, indent + 2));
  }
  return out;
};

const writeSeq = (items: YamlValue[], indent: number): string[] => {
  const pad = ' '.repeat(indent);
  const out: string[] = [];
  for (const item of items) {
    const one = inline(item === undefined ? null : item, indent + 2);
    if (one !== undefined) {
      out.push(`${pad}- ${one}`);
    } else if (isMap(item)) {
      const lines = writeMap(item, indent + 2);
      out.push(`${pad}- ${(lines[0] ?? '').slice(indent + 2)}`, ...lines.slice(1));
    } else if (Array.isArray(item)) {
      out.push(`${pad}-`, ...writeSeq(item, indent + 2));
    }
  }
  return out;
};

/** YAML text of a Kubernetes object (or any plain data), ending with a newline. */
export const toYaml = (value: YamlValue): string => {
  if (isMap(value)) return `${writeMap(value, 0).join('\n')}\n`;
  if (Array.isArray(value)) return `${writeSeq(value, 0).join('\n')}\n`;
  return `${inline(value, 2) ?? ''}\n`;
};
