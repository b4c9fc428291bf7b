import * as React from 'react';
import { useKastenTranslation } from '../../i18n';

const Fallback: React.FC<{ error: Error }> = ({ error }) => {
  const { t } = useKastenTranslation();
  return (
    <div className="pf-v6-c-empty-state" role="alert" data-test="crash">
      <div className="pf-v6-c-empty-state__content">
        <h2 className="pf-v6-c-empty-state__title-text">{t('The Kasten page hit an unexpected error')}</h2>
        <div className="pf-v6-c-empty-state__body">
          <pre className="kasten-console-plugin__code">{error.message}</pre>
          {t('Reload the page; if it happens again, report it with this message.')}
        </div>
      </div>
    </div>
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
