import * as React from 'react';
import { useKastenTranslation } from '../../i18n';
import { thresholdVerdict } from '../../models/threshold';
import { NoValue } from '../common/MetricValue';
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
  const verdict = thresholdVerdict(value, threshold);
  if (verdict.state === 'no-value') {
    return (
      <div className="kasten-console-plugin__threshold" data-test={testId} data-state="no-value">
        <div className="kasten-console-plugin__threshold-label">{label}</div>
        <div className="kasten-console-plugin__threshold-value">
          <NoValue reason={verdict.reason} />
        </div>
        <StatusText
          status="unknown"
          text={t('Cannot compare with the threshold of {{threshold}}', { threshold: format(threshold) })}
        />
      </div>
    );
  }
  if (verdict.state === 'absent') {
    return (
      <div className="kasten-console-plugin__threshold" data-test={testId} data-state="absent">
        <div className="kasten-console-plugin__threshold-label">{label}</div>
        <StatusText status="unknown" text={t('No data')} />
        <p className="kasten-console-plugin__muted">{absentHint}</p>
      </div>
    );
  }
  const over = verdict.state === 'over';
  return (
    <div className="kasten-console-plugin__threshold" data-test={testId} data-state={over ? 'over' : 'under'}>
      <div className="kasten-console-plugin__threshold-label">{label}</div>
      <div className="kasten-console-plugin__threshold-value">{format(verdict.value)}</div>
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
