/** Link to the console's Observe > Metrics page with the query filled in. */
export const metricsConsoleUrl = (query: string): string =>
  `/monitoring/query-browser?query0=${encodeURIComponent(query)}`;
