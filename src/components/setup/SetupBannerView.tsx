import * as React from 'react';
import { Alert } from '@patternfly/react-core/dist/esm/components/Alert/Alert';
import { Button } from '@patternfly/react-core/dist/esm/components/Button/Button';
import { useKastenTranslation } from '../../i18n';
import type { CheckResult } from '../../checks/types';
import './setup.css';

/** A one-line notice on the other tabs when a setup check fails; nothing otherwise. */
export const SetupBannerView: React.FC<{ results: CheckResult[]; onOpenSetup: () => void }> = ({
  results,
  onOpenSetup,
}) => {
  const { t } = useKastenTranslation();
  const failing = results.filter((r) => r.status === 'fail');
  if (!failing.length) return null;
  return (
    <Alert
      variant="danger"
      isInline
      className="kasten-console-plugin__banner"
      role="region"
      aria-label={t('Setup problems')}
      data-test="setup-banner"
      component="p"
      title={
        failing.length === 1
          ? t('A monitoring setup check fails: {{titles}}.', { titles: failing[0]?.title ?? '' })
          : t('{{n}} monitoring setup checks fail: {{titles}}.', {
              n: failing.length,
              titles: failing.map((r) => r.title).join('; '),
            })
      }
      actionLinks={
        <Button variant="link" isInline onClick={onOpenSetup} data-test="open-setup">
          {t('Open Setup to see the fixes')}
        </Button>
      }
    />
  );
};
