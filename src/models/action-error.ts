/**
 * Kasten's `status.error` on an action, as a chain of causes to show innermost first.
 *
 * Kasten writes `{message, cause}` where `cause` is often a JSON *string* of the next
 * `{message, cause, fields, function}` (and that one's `cause` may again be a string, an object, or
 * plain text). The outer message ("Job failed to be executed") says little; the innermost says why
 * (e.g. no VolumeSnapshotClass for the CSI driver). Anything that is not JSON is kept as text, never
 * dropped, and the depth is bounded so a hostile or cyclic value cannot hang the page.
 */
export interface ErrorCause {
  message: string;
  /** Kasten's `function` (the Go function that raised it), when present. */
  function?: string;
  /** Kasten's `fields`: key/value context (e.g. the volume or the snapshot class). */
  fields: Array<{ name: string; value: string }>;
}

export const MAX_CAUSE_DEPTH = 20;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const text = (v: unknown): string => {
  if (typeof v === 'string') return v;
  if (v === undefined || v === null) return '';
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
};

/** Kasten writes fields as a list of {name, value} or as a map; both become name/value pairs. */
const fieldsOf = (v: unknown): ErrorCause['fields'] => {
  if (Array.isArray(v)) {
    return v.flatMap((f) => (isRecord(f) && 'name' in f ? [{ name: text(f.name), value: text(f.value) }] : []));
  }
  if (isRecord(v)) return Object.entries(v).map(([name, value]) => ({ name, value: text(value) }));
  return [];
};

const parseJson = (s: string): unknown => {
  const trimmed = s.trim();
  if (!trimmed.startsWith('{') && !trimmed.startsWith('"')) return undefined;
  try {
    return JSON.parse(trimmed) as unknown;
  } catch {
    return undefined;
  }
};

/** The chain from outermost to innermost. */
const walk = (error: unknown): ErrorCause[] => {
  const out: ErrorCause[] = [];
  let current: unknown = error;
  for (let depth = 0; depth < MAX_CAUSE_DEPTH && current !== undefined && current !== null; depth += 1) {
    if (typeof current === 'string') {
      const parsed = parseJson(current);
      if (parsed !== undefined && parsed !== current) {
        current = parsed;
        continue;
      }
      if (current.trim()) out.push({ message: current, fields: [] });
      break;
    }
    if (!isRecord(current)) {
      const s = text(current);
      if (s.trim()) out.push({ message: s, fields: [] });
      break;
    }
    const message = text(current.message);
    const fn = typeof current.function === 'string' && current.function ? current.function : undefined;
    const fields = fieldsOf(current.fields);
    if (message.trim() || fn || fields.length) out.push({ message, function: fn, fields });
    current = current.cause;
  }
  return out;
};

/** The cause chain of an action's `status.error`, innermost (the real reason) first; empty when there is none. */
export const errorCauseChain = (error: unknown): ErrorCause[] => walk(error).reverse();
