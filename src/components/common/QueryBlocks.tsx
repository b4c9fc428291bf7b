import * as React from 'react';
import { Link } from '../../router';
import { Button } from '@patternfly/react-core/dist/esm/components/Button/Button';
import { CodeBlock } from '@patternfly/react-core/dist/esm/components/CodeBlock/CodeBlock';
import { CodeBlockAction } from '@patternfly/react-core/dist/esm/components/CodeBlock/CodeBlockAction';
import { CodeBlockCode } from '@patternfly/react-core/dist/esm/components/CodeBlock/CodeBlockCode';
import { ClipboardCopyButton } from '@patternfly/react-core/dist/esm/components/ClipboardCopy/ClipboardCopyButton';
import { useKastenTranslation } from '../../i18n';
import { metricsConsoleUrl } from '../../models/prometheus/console-url';
import { writeClipboard, type PanelQuery } from './QueryActions';

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
 * The opened "Show queries" region's blocks. A chunk of its own: the copy button's tooltip brings
 * PatternFly's Popper, which nothing else on an opening page needs.
 */
const QueryBlocks: React.FC<{
  queries: PanelQuery[];
  regionId: string;
  onCopyCurl: (q: PanelQuery) => void;
}> = ({ queries, regionId, onCopyCurl }) => (
  <>
    {queries.map((q, i) => (
      <QueryBlock key={q.label} q={q} id={`${regionId}-${i}`} onCopyCurl={onCopyCurl} />
    ))}
  </>
);

export default QueryBlocks;
