import { execFileSync } from 'child_process';
import { shellQuote, thanosCurlCommand } from './curl';

const HOSTILE = `sum(catalog_actions_count{policy='it\\'s "nightly"', status=~"failed|cancelled"}) $HOME \`id\` $(touch /tmp/pwned) \\n !x\nsecond line`;

const sh = (script: string): string => execFileSync('sh', ['-c', script], { encoding: 'utf8' });

const SETUP = [
  `HOST=$(oc get route thanos-querier -n openshift-monitoring -o jsonpath='{.spec.host}')`,
  `TOKEN=$(oc whoami -t)`,
  `CA=$(mktemp); oc get configmap default-ingress-cert -n openshift-config-managed -o jsonpath='{.data.ca-bundle\\.crt}' > "$CA" 2>/dev/null; [ -s "$CA" ] || CA=`,
];

test("the exact command for a plain query: the user's own token, the ingress CA, never -k", () => {
  const cmd = thanosCurlCommand('up{namespace="kasten-io"}');
  expect(cmd).toBe(
    [
      ...SETUP,
      `curl -sS -G \${CA:+--cacert "$CA"} "https://$HOST/api/v1/query" --data-urlencode 'query=up{namespace="kasten-io"}' -H "Authorization: Bearer $TOKEN"`,
    ].join('\n'),
  );
  expect(cmd).not.toMatch(/ -k\b|--insecure|prometheus-k8s|create token/);
});

test('the exact command for a range panel: query_range, a window ending now (aligned to the step), and the step', () => {
  expect(thanosCurlCommand('up', { spanSeconds: 3600, stepSeconds: 30 })).toBe(
    [
      ...SETUP,
      'END=$(( $(date +%s) / 30 * 30 ))',
      `curl -sS -G \${CA:+--cacert "$CA"} "https://$HOST/api/v1/query_range" --data-urlencode 'query=up' --data-urlencode "start=$((END - 3600))" --data-urlencode "end=$END" --data-urlencode 'step=30' -H "Authorization: Bearer $TOKEN"`,
    ].join('\n'),
  );
});

/**
 * Runs the pasted command in a real shell with `oc`, `curl` and `date`
 * stubbed as shell functions; returns curl's arguments. `ca` is what the
 * ingress CA ConfigMap holds ('' when the user may not read it).
 */
const runPasted = (command: string, ca: string): string[] => {
  const stubs = [
    `oc() { case "$*" in`,
    `  *"get route"*) printf %s thanos.example ;;`,
    `  "whoami -t") printf %s sha256~tok ;;`,
    `  *default-ingress-cert*) if [ -n ${shellQuote(ca)} ]; then printf %s ${shellQuote(ca)}; else echo forbidden >&2; return 1; fi ;;`,
    `esac; }`,
    `date() { printf %s 1704067215; }`,
    `curl() { for a in "$@"; do case "$a" in /tmp/*) a="<ca-file:$(cat "$a")>";; esac; printf '%s\\0' "$a"; done; }`,
  ].join('\n');
  return sh(`${stubs}\n${command}`).split('\0').slice(0, -1);
};

test('run as pasted, instant: curl verifies with the CA read from the cluster and sends the exact query', () => {
  expect(runPasted(thanosCurlCommand(HOSTILE), 'PEM')).toEqual([
    '-sS',
    '-G',
    '--cacert',
    '<ca-file:PEM>',
    'https://thanos.example/api/v1/query',
    '--data-urlencode',
    `query=${HOSTILE}`,
    '-H',
    'Authorization: Bearer sha256~tok',
  ]);
});

test('run as pasted, CA unreadable: curl falls back to the system trust store, still without -k', () => {
  const args = runPasted(thanosCurlCommand('up'), '');
  expect(args).not.toContain('--cacert');
  expect(args).not.toContain('-k');
  expect(args.slice(0, 3)).toEqual(['-sS', '-G', 'https://thanos.example/api/v1/query']);
});

test('run as pasted, range: start/end/step follow the window, now or the fixed end', () => {
  const now = runPasted(thanosCurlCommand('up', { spanSeconds: 3600, stepSeconds: 60 }), 'PEM');
  expect(now.slice(4)).toEqual([
    'https://thanos.example/api/v1/query_range',
    '--data-urlencode',
    'query=up',
    '--data-urlencode',
    `start=${1704067200 - 3600}`,
    '--data-urlencode',
    'end=1704067200',
    '--data-urlencode',
    'step=60',
    '-H',
    'Authorization: Bearer sha256~tok',
  ]);
  const fixed = runPasted(thanosCurlCommand('up', { spanSeconds: 600, stepSeconds: 300, end: 1700000123 }), 'PEM');
  expect(fixed).toContain('start=1699999500');
  expect(fixed).toContain('end=1700000100');
});

test('shellQuote round-trips through sh for awkward strings', () => {
  for (const s of ["'", "''", "a'b'c", '', ' spaced  out ', '\\', '"$(x)"']) {
    expect(sh(`printf %s ${shellQuote(s)}`)).toBe(s);
  }
});
