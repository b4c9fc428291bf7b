import { readUserWorkloadSetting } from './monitoring-config';

const on = { state: 'set', enabled: true };
const off = { state: 'set', enabled: false };

describe('readUserWorkloadSetting', () => {
  it("reads the seed's line", () => {
    expect(readUserWorkloadSetting('enableUserWorkload: true\n')).toEqual(on);
  });

  it('tolerates odd spacing, comments, CRLF, a BOM and a document marker', () => {
    expect(readUserWorkloadSetting('enableUserWorkload:    true   ')).toEqual(on);
    expect(readUserWorkloadSetting('enableUserWorkload : true')).toEqual(on);
    expect(readUserWorkloadSetting('enableUserWorkload: true # turned on by ops')).toEqual(on);
    expect(readUserWorkloadSetting('# enableUserWorkload: false\nenableUserWorkload: true')).toEqual(on);
    expect(readUserWorkloadSetting('\uFEFFenableUserWorkload: true\r\n')).toEqual(on);
    expect(readUserWorkloadSetting('---\nenableUserWorkload: true\n')).toEqual(on);
    expect(readUserWorkloadSetting('  enableUserWorkload: true\n  prometheusK8s:\n    retention: 15d\n')).toEqual(on);
    expect(readUserWorkloadSetting('enableUserWorkload:\n  true\n')).toEqual(on);
    expect(readUserWorkloadSetting('"enableUserWorkload": true')).toEqual(on);
    expect(readUserWorkloadSetting("'enableUserWorkload': true")).toEqual(on);
  });

  it('reads YAML 1.1 booleans the way the operator does', () => {
    for (const v of ['True', 'TRUE', 'yes', 'on', 'Y'])
      expect(readUserWorkloadSetting(`enableUserWorkload: ${v}`)).toEqual(on);
    for (const v of ['false', 'no', 'Off', 'N'])
      expect(readUserWorkloadSetting(`enableUserWorkload: ${v}`)).toEqual(off);
  });

  it('takes an empty or null value as not enabled', () => {
    expect(readUserWorkloadSetting('enableUserWorkload:')).toEqual(off);
    expect(readUserWorkloadSetting('enableUserWorkload: ~')).toEqual(off);
    expect(readUserWorkloadSetting('enableUserWorkload: null # later')).toEqual(off);
  });

  it('flags a quoted value, which the operator rejects as a string', () => {
    expect(readUserWorkloadSetting('enableUserWorkload: "true"')).toEqual({
      state: 'invalid',
      reason: 'quoted',
      raw: '"true"',
    });
    expect(readUserWorkloadSetting("enableUserWorkload: 'true' # quoted")).toEqual({
      state: 'invalid',
      reason: 'quoted',
      raw: "'true'",
    });
  });

  it('flags values that are not booleans and keys given twice', () => {
    expect(readUserWorkloadSetting('enableUserWorkload: 1')).toEqual({
      state: 'invalid',
      reason: 'not-boolean',
      raw: '1',
    });
    expect(readUserWorkloadSetting('enableUserWorkload: true#x')).toEqual({
      state: 'invalid',
      reason: 'not-boolean',
      raw: 'true#x',
    });
    expect(readUserWorkloadSetting('enableUserWorkload: true\nenableUserWorkload: false')).toEqual({
      state: 'invalid',
      reason: 'duplicate',
      raw: 'enableUserWorkload',
    });
  });

  it('ignores the key when it is nested, commented out, or in a later document', () => {
    expect(readUserWorkloadSetting('prometheusK8s:\n  enableUserWorkload: true\n')).toEqual({ state: 'absent' });
    expect(readUserWorkloadSetting('#enableUserWorkload: true')).toEqual({ state: 'absent' });
    expect(readUserWorkloadSetting('alertmanagerMain: {}\n---\nenableUserWorkload: true\n')).toEqual({
      state: 'absent',
    });
    expect(readUserWorkloadSetting('enableUserWorkloadX: true')).toEqual({ state: 'absent' });
    expect(readUserWorkloadSetting('')).toEqual({ state: 'absent' });
  });

  it('reads a block-scalar neighbour without being fooled by its content', () => {
    const text = 'prometheusK8s:\n  retention: 1d\nnote: |\n  enableUserWorkload: true\nenableUserWorkload: false\n';
    expect(readUserWorkloadSetting(text)).toEqual(off);
  });

  it('reads a flow mapping', () => {
    expect(readUserWorkloadSetting('{enableUserWorkload: true, prometheusK8s: {retention: 1d}}')).toEqual(on);
    expect(readUserWorkloadSetting('{prometheusK8s: {enableUserWorkload: true}}')).toEqual({ state: 'absent' });
    expect(readUserWorkloadSetting('{"enableUserWorkload": "true"}')).toEqual({
      state: 'invalid',
      reason: 'quoted',
      raw: '"true"',
    });
  });
});
