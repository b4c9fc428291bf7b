import * as React from 'react';
import { Button } from '@patternfly/react-core/dist/esm/components/Button/Button';
import { CodeBlock } from '@patternfly/react-core/dist/esm/components/CodeBlock/CodeBlock';
import { CodeBlockCode } from '@patternfly/react-core/dist/esm/components/CodeBlock/CodeBlockCode';
import { Skeleton } from '@patternfly/react-core/dist/esm/components/Skeleton/Skeleton';
import { useKastenTranslation } from '../../i18n';
import { thanosCurlCommand, type CurlRange } from '../../models/prometheus/curl';

export interface PanelQuery {
  label: string;
  query: string;
  /** Set for a chart's range query: the copied command is a query_range over the same window. */
  range?: CurlRange;
}

/** Copies text; resolves false when the clipboard is out of reach (no https, or refused). */
export const writeClipboard = (text: string): Promise<boolean> => {
  const clipboard = navigator.clipboard as Clipboard | undefined;
  if (!clipboard) return Promise.resolve(false);
  return clipboard.writeText(text).then(
    () => true,
    () => false,
  );
};

const loadQueryBlocks = () => import(/* webpackChunkName: "queries" */ './QueryBlocks');
const QueryBlocks = React.lazy(loadQueryBlocks);

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
        // The blocks' code is fetched on the way to a click, so opening rarely waits for it.
        onMouseEnter={() => void loadQueryBlocks()}
        onFocus={() => void loadQueryBlocks()}
        data-test="show-queries"
      >
        {open ? t('Hide queries') : t('Show queries')}
      </Button>
      {open && (
        <div id={regionId} className="kasten-console-plugin__queries">
          <React.Suspense fallback={<Skeleton screenreaderText={t('Loading')} />}>
            <QueryBlocks queries={queries} regionId={regionId} onCopyCurl={copyCurl} />
          </React.Suspense>
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
