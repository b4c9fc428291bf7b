import * as React from 'react';
import { useKastenTranslation } from '../../i18n';
import { nonFiniteReason, type NonFiniteReason } from '../../models/prometheus/parse';

/** "No value" with Prometheus's reason: a NaN or ±Inf never reads as a number. */
export const NoValue: React.FC<{ reason: NonFiniteReason }> = ({ reason }) => {
  const { t } = useKastenTranslation();
  const why =
    reason === 'NaN'
      ? t('Prometheus returned NaN (not a number), for example a division of zero by zero.')
      : t('Prometheus returned {{reason}} (infinite), for example a division by zero.', { reason });
  return (
    <span className="kasten-console-plugin__muted" data-test="no-value" data-reason={reason} title={why}>
      {t('no value ({{reason}})', { reason })}
      <span className="pf-v6-screen-reader">{` ${why}`}</span>
    </span>
  );
};

/** A sample value through its formatter, or NoValue when it is not a finite number. */
export const MetricValue: React.FC<{ value: number; format: (v: number) => string }> = ({ value, format }) => {
  const reason = nonFiniteReason(value);
  return reason ? <NoValue reason={reason} /> : <>{format(value)}</>;
};
