import * as React from 'react';
import { useKastenTranslation } from '../../i18n';

/** A copyable block of YAML or a command; the copy result is announced to screen readers. */
export const Snippet: React.FC<{
  label: string;
  /** Names the scrollable block among the page's other blocks (screen readers list regions by name). */
  regionLabel: string;
  text: string;
  testId: string;
}> = ({ label, regionLabel, text, testId }) => {
  const { t } = useKastenTranslation();
  const [copied, setCopied] = React.useState<string>('');
  const copy = () => {
    const clipboard = navigator.clipboard as Clipboard | undefined;
    if (!clipboard) {
      setCopied(t('Copying failed; select the text and copy it by hand'));
      return;
    }
    clipboard.writeText(text).then(
      () => setCopied(t('Copied to the clipboard')),
      () => setCopied(t('Copying failed; select the text and copy it by hand')),
    );
  };
  return (
    <div className="kasten-console-plugin__snippet" data-test={testId}>
      <div className="kasten-console-plugin__snippet-head">
        <span className="kasten-console-plugin__query-label">{label}</span>
        <button type="button" className="pf-v6-c-button pf-m-link pf-m-inline" onClick={copy}>
          {t('Copy {{what}}', { what: label })}
        </button>
      </div>
      {/* Long YAML scrolls inside the block, so the block takes focus to be scrollable from the keyboard. */}
      <pre className="kasten-console-plugin__code" tabIndex={0} role="region" aria-label={regionLabel}>
        <code>{text}</code>
      </pre>
      <div aria-live="polite" className="kasten-console-plugin__muted">
        {copied}
      </div>
    </div>
  );
};
