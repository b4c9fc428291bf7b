import * as React from 'react';
import { CodeBlock } from '@patternfly/react-core/dist/esm/components/CodeBlock/CodeBlock';
import { CodeBlockAction } from '@patternfly/react-core/dist/esm/components/CodeBlock/CodeBlockAction';
import { CodeBlockCode } from '@patternfly/react-core/dist/esm/components/CodeBlock/CodeBlockCode';
import { ClipboardCopyButton } from '@patternfly/react-core/dist/esm/components/ClipboardCopy/ClipboardCopyButton';
import { useKastenTranslation } from '../../i18n';

/** A copyable block of YAML or a command; the copy result is announced to screen readers. */
export const Snippet: React.FC<{
  label: string;
  /** Names the scrollable block among the page's other blocks (screen readers list regions by name). */
  regionLabel: string;
  text: string;
  testId: string;
  /** Unique on the page (React 17, in consoles 4.19-4.21, has no useId). */
  id: string;
}> = ({ label, regionLabel, text, testId, id }) => {
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
  const copyLabel = t('Copy {{what}}', { what: label });
  return (
    <div className="kasten-console-plugin__snippet" data-test={testId}>
      <CodeBlock
        actions={
          <>
            <CodeBlockAction>
              <span className="kasten-console-plugin__query-label">{label}</span>
            </CodeBlockAction>
            <CodeBlockAction>
              <ClipboardCopyButton id={`${id}-copy`} aria-label={copyLabel} onClick={copy} variant="plain">
                {copyLabel}
              </ClipboardCopyButton>
            </CodeBlockAction>
          </>
        }
      >
        {/* Long YAML scrolls inside the block, so the block takes focus to be scrollable from the keyboard. */}
        <CodeBlockCode tabIndex={0} role="region" aria-label={regionLabel}>
          {text}
        </CodeBlockCode>
      </CodeBlock>
      <div aria-live="polite" className="kasten-console-plugin__muted">
        {copied}
      </div>
    </div>
  );
};
