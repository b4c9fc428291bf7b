import * as React from 'react';
import { useKastenTranslation } from '../../i18n';
import { StatusText } from '../common/StatusText';

/** A current value against its threshold; an absent metric says where it would come from instead of showing 0. */
export const ThresholdValue: React.FC<{
  label: string;
  value: number | undefined;
  threshold: number;
  format: (v: number) => string;
  absentHint: string;
  testId: string;
}> = ({ label, value, threshold, format, absentHint, testId }) => {
  const { t } = useKastenTranslation();
  if (value === undefined) {
    return (
      <div className="kasten-console-plugin__threshold" data-test={testId} data-state="absent">
        <div className="kasten-console-plugin__threshold-label">{label}</div>
        <StatusText status="unknown" text={t('No data')} />
        <p className="kasten-console-plugin__muted">{absentHint}</p>
      </div>
    );
  }
  const over = value > threshold;
  return (
    <div className="kasten-console-plugin__threshold" data-test={testId} data-state={over ? 'over' : 'under'}>
      <div className="kasten-console-plugin__threshold-label">{label}</div>
      <div className="kasten-console-plugin__threshold-value">{format(value)}</div>
      <StatusText
        status={over ? 'fail' : 'pass'}
        text={
          over
            ? t('Above the threshold of {{threshold}}', { threshold: format(threshold) })
            : t('Below the threshold of {{threshold}}', { threshold: format(threshold) })
        }
      />
    </div>
  );
};
