import * as React from 'react';
import { Link } from 'react-router';
import { useKastenTranslation } from '../../i18n';
import { thanosCurlCommand } from '../../models/prometheus/curl';
import { metricsConsoleUrl } from '../../promql';

export interface PanelQuery {
  label: string;
  query: string;
}

/**
 * "Queries in the open": each panel shows its PromQL, opens it in the console's
 * Metrics page and copies a curl command for the Thanos querier route.
 */
export const QueryActions: React.FC<{ queries: PanelQuery[]; panelId: string }> = ({ queries, panelId }) => {
  const { t } = useKastenTranslation();
  const [open, setOpen] = React.useState(false);
  const [copied, setCopied] = React.useState<string | undefined>();
  // The command to copy by hand, shown when the clipboard is out of reach (no https, or refused).
  const [manual, setManual] = React.useState<string | undefined>();
  const regionId = `${panelId}-queries`;
  const copy = (query: string) => {
    const text = thanosCurlCommand(query);
    const fail = () => {
      setManual(text);
      setCopied(t('Copying failed; select the command below and copy it by hand'));
    };
    if (!navigator.clipboard) {
      fail();
      return;
    }
    navigator.clipboard.writeText(text).then(() => {
      setManual(undefined);
      setCopied(t('Copied the curl command to the clipboard'));
    }, fail);
  };
  return (
    <div className="kasten-console-plugin__query-actions">
      <button
        type="button"
        className="pf-v6-c-button pf-m-link pf-m-inline"
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen((o) => !o)}
        data-test="show-queries"
      >
        {open ? t('Hide queries') : t('Show queries')}
      </button>
      {open && (
        <div id={regionId} className="kasten-console-plugin__queries">
          {queries.map((q) => (
            <div key={q.label} className="kasten-console-plugin__query">
              <div className="kasten-console-plugin__query-label">{q.label}</div>
              <pre className="kasten-console-plugin__code" data-test="promql">
                {q.query}
              </pre>
              <Link
                className="pf-v6-c-button pf-m-link pf-m-inline"
                to={metricsConsoleUrl(q.query)}
                data-test="open-in-metrics"
              >
                {t('Open in Metrics')}
              </Link>{' '}
              <button type="button" className="pf-v6-c-button pf-m-link pf-m-inline" onClick={() => copy(q.query)}>
                {t('Copy curl command')}
              </button>
            </div>
          ))}
          <div aria-live="polite" className="kasten-console-plugin__muted">
            {copied}
          </div>
          {manual && (
            <pre className="kasten-console-plugin__code" data-test="curl-command">
              {manual}
            </pre>
          )}
        </div>
      )}
    </div>
  );
};
