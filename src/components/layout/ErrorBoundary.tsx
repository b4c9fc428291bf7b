import * as React from 'react';
import { EmptyState } from '@patternfly/react-core/dist/esm/components/EmptyState/EmptyState';
import { EmptyStateBody } from '@patternfly/react-core/dist/esm/components/EmptyState/EmptyStateBody';
import { CodeBlock } from '@patternfly/react-core/dist/esm/components/CodeBlock/CodeBlock';
import { CodeBlockCode } from '@patternfly/react-core/dist/esm/components/CodeBlock/CodeBlockCode';
import { useKastenTranslation } from '../../i18n';

const Fallback: React.FC<{ error: Error }> = ({ error }) => {
  const { t } = useKastenTranslation();
  return (
    <EmptyState
      titleText={t('The Kasten page hit an unexpected error')}
      headingLevel="h2"
      status="danger"
      role="alert"
      data-test="crash"
    >
      <EmptyStateBody>
        <CodeBlock>
          <CodeBlockCode>{error.message}</CodeBlockCode>
        </CodeBlock>
        {t('Reload the page; if it happens again, report it with this message.')}
      </EmptyStateBody>
    </EmptyState>
  );
};

/** Keeps a bug in one view from blanking the console's page. */
export class ErrorBoundary extends React.Component<{ children: React.ReactNode }, { error?: Error }> {
  state: { error?: Error } = {};

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  render() {
    return this.state.error ? <Fallback error={this.state.error} /> : this.props.children;
  }
}
