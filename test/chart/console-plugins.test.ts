/**
 * The script the chart's hook Jobs run (files/console-plugins.sh), executed by bash against a
 * stand-in for `oc` that keeps the Console object in a file and applies JSON patches the way the
 * API server does (RFC 6902 add/remove/test; a failed `test` rejects the whole patch). No cluster
 * is needed, and the stand-in can play a concurrent writer to prove the guards.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CHART_DIR } from './helm';

const SCRIPT = path.join(CHART_DIR, 'files/console-plugins.sh');
const NAME = 'kasten-console-plugin';

/** The `oc` stand-in: only the calls the script makes, each checked, anything else fails loudly. */
const FAKE_OC = String.raw`#!/usr/bin/env node
const fs = require('fs');
const stateFile = process.env.FAKE_CONSOLE_STATE;
const log = (line) => fs.appendFileSync(process.env.FAKE_OC_LOG, line + '\n');
const load = () => JSON.parse(fs.readFileSync(stateFile, 'utf8'));
const save = (o) => fs.writeFileSync(stateFile, JSON.stringify(o));
const args = process.argv.slice(2);
log(args.join(' '));
if (args[1] !== 'consoles.operator.openshift.io/cluster') { console.error('unexpected object ' + args[1]); process.exit(3); }
if (args[0] === 'get') {
  const o = load();
  if (args[3] === 'jsonpath={.metadata.resourceVersion}') process.stdout.write(o.metadata.resourceVersion);
  else if (args[3] === 'jsonpath={range .spec.plugins[*]}{@}{"\\n"}{end}') process.stdout.write((o.spec.plugins || []).map((p) => p + '\n').join(''));
  else { console.error('unexpected get ' + args.join(' ')); process.exit(3); }
  process.exit(0);
}
if (args[0] === 'patch' && args[2] === '--type=json' && args[3] === '-p') {
  // Another writer changes the list between the script's read and its patch.
  const interfere = process.env.FAKE_INTERFERE;
  const marker = stateFile + '.interfered';
  if (interfere && !fs.existsSync(marker)) {
    const o = load();
    o.spec.plugins = [interfere, ...(o.spec.plugins || [])];
    o.metadata.resourceVersion = String(Number(o.metadata.resourceVersion) + 1);
    save(o);
    fs.writeFileSync(marker, '');
  }
  const o = load();
  const ops = JSON.parse(args[4]);
  const parent = (p) => { const parts = p.split('/').slice(1); const last = parts.pop(); let cur = o; for (const k of parts) { if (cur[k] === undefined) throw new Error('no path ' + p); cur = cur[k]; } return [cur, last]; };
  try {
    for (const op of ops) {
      const [cur, key] = parent(op.path);
      if (op.op === 'test') { if (JSON.stringify(cur[key]) !== JSON.stringify(op.value)) throw new Error('test failed at ' + op.path); }
      else if (op.op === 'add') { if (Array.isArray(cur)) { if (key === '-') cur.push(op.value); else cur.splice(Number(key), 0, op.value); } else cur[key] = op.value; }
      else if (op.op === 'remove') { if (!Array.isArray(cur) || Number(key) >= cur.length) throw new Error('cannot remove ' + op.path); cur.splice(Number(key), 1); }
      else throw new Error('unsupported op ' + op.op);
    }
  } catch (e) { console.error('The request is invalid: ' + e.message); process.exit(1); }
  o.metadata.resourceVersion = String(Number(o.metadata.resourceVersion) + 1);
  save(o);
  process.exit(0);
}
console.error('unexpected call ' + args.join(' '));
process.exit(3);
`;

interface Run {
  status: number;
  plugins: string[] | undefined;
  patches: string[];
  output: string;
}

const run = (mode: string, plugins: string[] | undefined, interfere?: string): Run => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kcp-oc-'));
  try {
    fs.writeFileSync(path.join(dir, 'oc'), FAKE_OC, { mode: 0o755 });
    const state = path.join(dir, 'console.json');
    const spec = plugins === undefined ? {} : { plugins };
    fs.writeFileSync(state, JSON.stringify({ metadata: { name: 'cluster', resourceVersion: '100' }, spec }));
    const logFile = path.join(dir, 'calls.log');
    fs.writeFileSync(logFile, '');
    const res = spawnSync('bash', [SCRIPT, mode, NAME], {
      encoding: 'utf8',
      env: {
        PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}`,
        FAKE_CONSOLE_STATE: state,
        FAKE_OC_LOG: logFile,
        RETRY_SLEEP: '0',
        ...(interfere ? { FAKE_INTERFERE: interfere } : {}),
      },
    });
    const final = JSON.parse(fs.readFileSync(state, 'utf8')) as { spec: { plugins?: string[] } };
    const patches = fs
      .readFileSync(logFile, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('patch '));
    return { status: res.status ?? -1, plugins: final.spec.plugins, patches, output: res.stdout + res.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
};

describe('enable (post-install/post-upgrade hook)', () => {
  test('creates the list when the console has none', () => {
    const r = run('enable', undefined);
    expect(r).toMatchObject({ status: 0, plugins: [NAME] });
    expect(r.patches).toHaveLength(1);
  });

  test('appends to the existing list, one JSON patch op guarded by the resourceVersion, others kept', () => {
    const r = run('enable', ['monitoring-plugin', 'networking-console-plugin']);
    expect(r).toMatchObject({ status: 0, plugins: ['monitoring-plugin', 'networking-console-plugin', NAME] });
    expect(r.patches).toEqual([
      `patch consoles.operator.openshift.io/cluster --type=json -p [{"op":"test","path":"/metadata/resourceVersion","value":"100"},{"op":"add","path":"/spec/plugins/-","value":"${NAME}"}]`,
    ]);
  });

  test('does nothing when the plugin is already enabled (upgrade)', () => {
    const r = run('enable', ['a', NAME, 'b']);
    expect(r).toMatchObject({ status: 0, plugins: ['a', NAME, 'b'], patches: [] });
  });

  test('a concurrent change of the list makes the guarded patch fail; the retry keeps both', () => {
    const r = run('enable', ['a'], 'other-plugin');
    expect(r).toMatchObject({ status: 0, plugins: ['other-plugin', 'a', NAME] });
    expect(r.patches).toHaveLength(2);
    expect(r.output).toContain('retrying (1)');
  });
});

describe('disable (pre-delete hook)', () => {
  test('removes only our entry and keeps the others in order', () => {
    const r = run('disable', ['monitoring-plugin', NAME, 'networking-console-plugin']);
    expect(r).toMatchObject({ status: 0, plugins: ['monitoring-plugin', 'networking-console-plugin'] });
    expect(r.patches).toEqual([
      `patch consoles.operator.openshift.io/cluster --type=json -p [{"op":"test","path":"/spec/plugins/1","value":"${NAME}"},{"op":"remove","path":"/spec/plugins/1"}]`,
    ]);
  });

  test('removes duplicates added by hand', () => {
    expect(run('disable', [NAME, 'a', NAME])).toMatchObject({ status: 0, plugins: ['a'] });
  });

  test('leaves the console alone when our entry is absent', () => {
    expect(run('disable', ['a'])).toMatchObject({ status: 0, plugins: ['a'], patches: [] });
    expect(run('disable', undefined)).toMatchObject({ status: 0, plugins: undefined, patches: [] });
  });

  test('an entry inserted before ours meanwhile shifts the index: the test op refuses, the retry removes the right one', () => {
    const r = run('disable', ['a', NAME], 'other-plugin');
    expect(r).toMatchObject({ status: 0, plugins: ['other-plugin', 'a'] });
    expect(r.patches).toHaveLength(2);
  });

  test('install then uninstall leaves the list as it was', () => {
    const before = ['monitoring-plugin'];
    const enabled = run('enable', before).plugins;
    expect(run('disable', enabled).plugins).toEqual(before);
  });
});

test('a wrong mode is refused', () => {
  expect(run('toggle', ['a'])).toMatchObject({ status: 64, plugins: ['a'], patches: [] });
});
