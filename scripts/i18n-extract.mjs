// Collects every user-visible string of the plugin: t('...') calls in src/
// and %plugin__kasten-console-plugin~...% in console-extensions.json, into
// locales/en/plugin__kasten-console-plugin.json (key = English text).
// With --check it writes nothing and fails when the file and the code differ.
import { readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const NS = 'plugin__kasten-console-plugin';
const localeFile = `locales/en/${NS}.json`;

const walk = (dir) =>
  readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) return walk(p);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [p] : [];
  });

// A literal first argument of t(): '...', "..." or `...` without ${}.
const CALL = /\bt\(\s*(?:'((?:[^'\\]|\\.)*)'|"((?:[^"\\]|\\.)*)"|`((?:[^`\\$]|\\.)*)`)/g;
const unescape = (s) => s.replace(/\\(['"`\\])/g, '$1').replace(/\\n/g, '\n');

export const extractKeys = () => {
  const keys = new Set();
  for (const file of walk('src')) {
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(CALL)) keys.add(unescape(m[1] ?? m[2] ?? m[3]));
  }
  const ext = readFileSync('console-extensions.json', 'utf8');
  for (const m of ext.matchAll(new RegExp(`%${NS}~([^%]+)%`, 'g'))) keys.add(m[1]);
  return [...keys].sort();
};

const keys = extractKeys();
const wanted = Object.fromEntries(keys.map((k) => [k, k]));
const check = process.argv.includes('--check');
if (check) {
  let current = {};
  try {
    current = JSON.parse(readFileSync(localeFile, 'utf8'));
  } catch {
    /* missing file: every key is missing */
  }
  const missing = keys.filter((k) => !(k in current));
  const extra = Object.keys(current).filter((k) => !(k in wanted));
  if (missing.length || extra.length) {
    if (missing.length) console.error(`missing from ${localeFile}:\n  ${missing.join('\n  ')}`);
    if (extra.length) console.error(`in ${localeFile} but not used:\n  ${extra.join('\n  ')}`);
    console.error('run: npm run i18n');
    process.exit(1);
  }
  console.log(`${localeFile}: ${keys.length} strings, in step with the code`);
} else {
  writeFileSync(localeFile, `${JSON.stringify(wanted, null, 2)}\n`);
  console.log(`wrote ${keys.length} strings to ${localeFile}`);
}
