import * as React from 'react';
import { Title } from '@patternfly/react-core/dist/esm/components/Title/Title';
import { useKastenTranslation } from '../../i18n';
import type { CheckResult } from '../../checks/types';
import { CheckRow, type RenderApply } from './CheckRow';
import './setup.css';

/** The Setup tab's body: a summary line and one row per check. */
export const SetupChecksView: React.FC<{ results: CheckResult[]; loading: boolean; renderApply?: RenderApply }> = ({
  results,
  loading,
  renderApply,
}) => {
  const { t } = useKastenTranslation();
  const count = (s: CheckResult['status']) => results.filter((r) => r.status === s).length;
  return (
    <section aria-labelledby="kasten-setup-title" data-test="setup-checks">
      <Title headingLevel="h2" size="lg" className="kasten-console-plugin__subtitle" id="kasten-setup-title">
        {t('Monitoring setup')}
      </Title>
      <p className="kasten-console-plugin__setup-summary" aria-live="polite">
        {t('{{pass}} pass, {{warning}} warnings, {{fail}} failing, {{unknown}} cannot tell.', {
          pass: count('pass'),
          warning: count('warning'),
          fail: count('fail'),
          unknown: count('unknown'),
        })}
        {loading && ` ${t('Still checking…')}`}
      </p>
      <ul className="kasten-console-plugin__checks">
        {results.map((r) => (
          <CheckRow key={r.id} result={r} renderApply={renderApply} />
        ))}
      </ul>
    </section>
  );
};
