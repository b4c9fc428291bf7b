import { execFileSync } from 'child_process';
import { shellQuote, thanosCurlCommand } from './curl';

const HOSTILE = `sum(catalog_actions_count{policy='it\\'s "nightly"', status=~"failed|cancelled"}) $HOME \`id\` $(touch /tmp/pwned) \\n !x\nsecond line`;

const sh = (script: string): string => execFileSync('sh', ['-c', script], { encoding: 'utf8' });

test('the exact command for a plain query', () => {
  expect(thanosCurlCommand('up{namespace="kasten-io"}')).toBe(
    [
      `HOST=$(oc get route thanos-querier -n openshift-monitoring -o jsonpath='{.spec.host}')`,
      `TOKEN=$(oc create token prometheus-k8s -n openshift-monitoring)`,
      `curl -G -k "https://$HOST/api/v1/query" --data-urlencode 'query=up{namespace="kasten-io"}' -H "Authorization: Bearer $TOKEN"`,
    ].join('\n'),
  );
});

test('a query with single quotes, $, backticks and newlines survives a real shell unchanged', () => {
  const line = thanosCurlCommand(HOSTILE).split('\n').slice(2).join('\n');
  const arg = line.slice(
    line.indexOf('--data-urlencode ') + '--data-urlencode '.length,
    line.lastIndexOf(' -H "Authorization'),
  );
  expect(sh(`printf %s ${arg}`)).toBe(`query=${HOSTILE}`);
});

test('run as pasted (with curl stubbed by a shell function), curl gets exactly these arguments', () => {
  const pasted = thanosCurlCommand(HOSTILE).split('\n').slice(2).join('\n');
  const out = sh(
    `curl() { for a in "$@"; do printf '%s\\0' "$a"; done; }\nHOST=thanos.example\nTOKEN=sha256~tok\n${pasted}`,
  );
  expect(out.split('\0').slice(0, -1)).toEqual([
    '-G',
    '-k',
    'https://thanos.example/api/v1/query',
    '--data-urlencode',
    `query=${HOSTILE}`,
    '-H',
    'Authorization: Bearer sha256~tok',
  ]);
});

test('shellQuote round-trips through sh for awkward strings', () => {
  for (const s of ["'", "''", "a'b'c", '', ' spaced  out ', '\\', '"$(x)"']) {
    expect(sh(`printf %s ${shellQuote(s)}`)).toBe(s);
  }
});
