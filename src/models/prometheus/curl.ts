/** Single-quotes a value for a POSIX shell: the only character needing care is the quote itself. */
export const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * The seed's external-access recipe as one paste: the Thanos querier route and a
 * token from `oc create token` (OpenShift 4.16+ no longer creates the legacy
 * token Secret the seed reads), then the query with curl.
 */
export const thanosCurlCommand = (query: string): string =>
  [
    `HOST=$(oc get route thanos-querier -n openshift-monitoring -o jsonpath='{.spec.host}')`,
    `TOKEN=$(oc create token prometheus-k8s -n openshift-monitoring)`,
    `curl -G -k "https://$HOST/api/v1/query" --data-urlencode ${shellQuote(`query=${query}`)} -H "Authorization: Bearer $TOKEN"`,
  ].join('\n');
