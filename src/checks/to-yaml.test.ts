import { load } from 'js-yaml';
import { scalar, toYaml } from './to-yaml';

describe('toYaml', () => {
  it('writes a NetworkPolicy the way oc prints it', () => {
    const text = toYaml({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'allow', namespace: 'kasten-io', labels: { app: 'k10' } },
      spec: {
        podSelector: { matchLabels: { component: 'catalog' } },
        ingress: [
          {
            from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'x' } } }],
            ports: [{ port: 'http', protocol: 'TCP' }],
          },
        ],
        policyTypes: ['Ingress'],
      },
    });
    expect(text).toBe(
      [
        'apiVersion: networking.k8s.io/v1',
        'kind: NetworkPolicy',
        'metadata:',
        '  name: allow',
        '  namespace: kasten-io',
        '  labels:',
        '    app: k10',
        'spec:',
        '  podSelector:',
        '    matchLabels:',
        '      component: catalog',
        '  ingress:',
        '  - from:',
        '    - namespaceSelector:',
        '        matchLabels:',
        '          kubernetes.io/metadata.name: x',
        '    ports:',
        '    - port: http',
        '      protocol: TCP',
        '  policyTypes:',
        '  - Ingress',
        '',
      ].join('\n'),
    );
  });

  it('quotes strings a YAML reader would take for booleans, numbers or nulls', () => {
    for (const s of [
      'true',
      'False',
      'yes',
      'No',
      'on',
      'OFF',
      'y',
      'null',
      '~',
      '8000',
      '1e3',
      '.5',
      '-1',
      '0x1F',
      '',
    ]) {
      expect(scalar(s)).toBe(JSON.stringify(s));
    }
    expect(scalar('30s')).toBe('30s');
    expect(load(`i: ${scalar('30s')}`)).toEqual({ i: '30s' });
    expect(scalar('0xff')).toBe('"0xff"');
    expect(scalar('http')).toBe('http');
    expect(scalar(8000)).toBe('8000');
    expect(scalar(true)).toBe('true');
    expect(scalar(null)).toBe('null');
    expect(() => scalar(Number.NaN)).toThrow();
  });

  it('quotes strings that look like YAML syntax', () => {
    for (const s of [
      'a: b',
      'a #b',
      '- x',
      '{x}',
      '[x]',
      '*alias',
      '&anchor',
      '!tag',
      '|',
      '>',
      "it's",
      'a"b',
      'x ',
      ' x',
      '%x',
      '@x',
      '`x',
      'a,b',
    ]) {
      expect(scalar(s)).toBe(JSON.stringify(s));
    }
  });

  it('round-trips hostile data through a real YAML reader', () => {
    const data = {
      'odd key: yes': 'value # not a comment',
      quote: 'say "hi" \\ back',
      unicode: 'Ünïcødé ✓',
      tab: 'a\tb',
      cr: 'line\r\nbreak',
      multi: 'sum by (policy) (\n  catalog_actions_count{status="failed"}\n) > 0',
      multiTrailing: 'a\nb\n',
      multiKeep: 'a\nb\n\n',
      leadingBlank: '\nfirst line empty',
      indentedFirst: '  indented\nnext',
      numbers: [0, -1.5, 3221225472],
      nested: [[1, 2], { a: [] }, {}],
      empty: {},
      list: [],
      nothing: null,
      bools: [true, false, 'true', 'no'],
    };
    expect(load(toYaml(data))).toEqual(data);
  });

  it('writes multi-line text as a literal block and skips undefined values', () => {
    const text = toYaml({ data: { 'config.yaml': 'enableUserWorkload: true\n' }, skipped: undefined });
    expect(text).toBe('data:\n  config.yaml: |\n    enableUserWorkload: true\n');
    expect(load(text)).toEqual({ data: { 'config.yaml': 'enableUserWorkload: true\n' } });
  });

  it('writes lists of maps with the first key on the dash line', () => {
    const text = toYaml([{ a: 1, b: { c: 'd' } }, 'x']);
    expect(text).toBe('- a: 1\n  b:\n    c: d\n- x\n');
    expect(load(text)).toEqual([{ a: 1, b: { c: 'd' } }, 'x']);
  });
});
