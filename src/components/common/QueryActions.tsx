import * as React from 'react';
import { Link } from '../../router';
import { Button } from '@patternfly/react-core/dist/esm/components/Button/Button';
import { CodeBlock } from '@patternfly/react-core/dist/esm/components/CodeBlock/CodeBlock';
import { CodeBlockAction } from '@patternfly/react-core/dist/esm/components/CodeBlock/CodeBlockAction';
import { CodeBlockCode } from '@patternfly/react-core/dist/esm/components/CodeBlock/CodeBlockCode';
import { ClipboardCopyButton } from '@patternfly/react-core/dist/esm/components/ClipboardCopy/ClipboardCopyButton';
import { useKastenTranslation } from '../../i18n';
import { thanosCurlCommand, type CurlRange } from '../../models/prometheus/curl';
import { metricsConsoleUrl } from '../../models/prometheus/console-url';

export interface PanelQuery {
  label: string;
  query: string;
  /** Set for a chart's range query: the copied command is a query_range over the same window. */
  range?: CurlRange;
}

/** Copies text; resolves false when the clipboard is out of reach (no https, or refused). */
const writeClipboard = (text: string): Promise<boolean> => {
  const clipboard = navigator.clipboard as Clipboard | undefined;
  if (!clipboard) return Promise.resolve(false);
  return clipboard.writeText(text).then(
    () => true,
    () => false,
  );
};

/** One query: its PromQL in a code block with a copy button, a link to the console's Metrics page, a curl command. */
const QueryBlock: React.FC<{ q: PanelQuery; id: string; onCopyCurl: (q: PanelQuery) => void }> = ({
  q,
  id,
  onCopyCurl,
}) => {
  const { t } = useKastenTranslation();
  const [copied, setCopied] = React.useState(false);
  const copyQuery = () => void writeClipboard(q.query).then(setCopied);
  // A stable component, so the link is not remounted on every render.
  const MetricsLink = React.useMemo(() => {
    const to = metricsConsoleUrl(q.query);
    return (props: object) => <Link {...props} to={to} data-test="open-in-metrics" />;
  }, [q.query]);
  return (
    <div className="kasten-console-plugin__query">
      <div className="kasten-console-plugin__query-label" id={`${id}-label`}>
        {q.label}
      </div>
      <CodeBlock
        actions={
          <CodeBlockAction>
            <ClipboardCopyButton
              id={`${id}-copy`}
              aria-label={t('Copy query')}
              onClick={copyQuery}
              onTooltipHidden={() => setCopied(false)}
              variant="plain"
            >
              {copied ? t('Copied') : t('Copy query')}
            </ClipboardCopyButton>
          </CodeBlockAction>
        }
      >
        <CodeBlockCode id={`${id}-code`} data-test="promql">
          {q.query}
        </CodeBlockCode>
      </CodeBlock>
      <Button variant="link" isInline component={MetricsLink}>
        {t('Open in Metrics')}
      </Button>{' '}
      <Button variant="link" isInline onClick={() => onCopyCurl(q)}>
        {t('Copy curl command')}
      </Button>
    </div>
  );
};

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
  const copyCurl = (q: PanelQuery) => {
    const text = thanosCurlCommand(q.query, q.range);
    const fail = () => {
      setManual(text);
      setCopied(t('Copying failed; select the command below and copy it by hand'));
    };
    if (!navigator.clipboard) {
      fail();
      return;
    }
    void writeClipboard(text).then((ok) => {
      if (!ok) return fail();
      setManual(undefined);
      setCopied(t('Copied the curl command to the clipboard'));
    });
  };
  return (
    <div className="kasten-console-plugin__query-actions">
      <Button
        variant="link"
        isInline
        aria-expanded={open}
        aria-controls={regionId}
        onClick={() => setOpen((o) => !o)}
        data-test="show-queries"
      >
        {open ? t('Hide queries') : t('Show queries')}
      </Button>
      {open && (
        <div id={regionId} className="kasten-console-plugin__queries">
          {queries.map((q, i) => (
            <QueryBlock key={q.label} q={q} id={`${regionId}-${i}`} onCopyCurl={copyCurl} />
          ))}
          <div aria-live="polite" className="kasten-console-plugin__muted">
            {copied}
          </div>
          {manual && (
            <CodeBlock>
              <CodeBlockCode data-test="curl-command">{manual}</CodeBlockCode>
            </CodeBlock>
          )}
        </div>
      )}
    </div>
  );
};
