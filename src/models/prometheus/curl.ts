/** Single-quotes a value for a POSIX shell: the only character needing care is the quote itself. */
export const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/** A range query's window as the panel asks it: span and step, and the end when the URL fixes it. */
export interface CurlRange {
  spanSeconds: number;
  stepSeconds: number;
  /** Unix seconds; undefined means "now" at the moment the command runs. */
  end?: number;
}

/** Where the default ingress controller publishes the CA that signed the routes' certificate. */
export const INGRESS_CA_CONFIGMAP = { namespace: 'openshift-config-managed', name: 'default-ingress-cert' } as const;

const whole = (n: number): string => String(Math.max(0, Math.round(n)));

/**
 * The query as one paste for a terminal logged in with `oc`: the Thanos
 * querier route, the user's own token (`oc whoami -t`: a namespace-scoped
 * user cannot `oc create token` for prometheus-k8s, and should not borrow
 * it), TLS verified against the cluster's ingress CA when that ConfigMap can
 * be read (routes signed by the default ingress CA), otherwise against the
 * system's trust store (routes with a publicly trusted certificate); never
 * `-k`. Range panels copy a `query_range` with start, end and step; a window
 * that ends "now" is computed when the command runs, so it is never stale.
 */
export const thanosCurlCommand = (query: string, range?: CurlRange): string => {
  const lines = [
    `HOST=$(oc get route thanos-querier -n openshift-monitoring -o jsonpath='{.spec.host}')`,
    `TOKEN=$(oc whoami -t)`,
    `CA=$(mktemp); oc get configmap ${INGRESS_CA_CONFIGMAP.name} -n ${INGRESS_CA_CONFIGMAP.namespace} -o jsonpath='{.data.ca-bundle\\.crt}' > "$CA" 2>/dev/null; [ -s "$CA" ] || CA=`,
  ];
  const common = `curl -sS -G \${CA:+--cacert "$CA"}`;
  const auth = `-H "Authorization: Bearer $TOKEN"`;
  if (!range) {
    lines.push(`${common} "https://$HOST/api/v1/query" --data-urlencode ${shellQuote(`query=${query}`)} ${auth}`);
    return lines.join('\n');
  }
  // Aligned down to the step, as the page aligns its own window, so the numbers match the chart.
  const step = whole(range.stepSeconds);
  lines.push(`END=$(( ${range.end === undefined ? '$(date +%s)' : whole(range.end)} / ${step} * ${step} ))`);
  lines.push(
    `${common} "https://$HOST/api/v1/query_range" --data-urlencode ${shellQuote(`query=${query}`)}` +
      ` --data-urlencode "start=$((END - ${whole(range.spanSeconds)}))" --data-urlencode "end=$END"` +
      ` --data-urlencode 'step=${step}' ${auth}`,
  );
  return lines.join('\n');
};

/** A chart's window as a copied query_range command needs it: the span, the step and a fixed end when one is set. */
export const chartCurlRange = (timeRangeMs: number, stepSeconds: number, endTimeMs: number | undefined): CurlRange => ({
  spanSeconds: timeRangeMs / 1000,
  stepSeconds,
  end: endTimeMs !== undefined ? endTimeMs / 1000 : undefined,
});
