import * as React from 'react';
import { useKastenTranslation } from '../../i18n';
import { formatNumber } from '../../utils/format';
import { MetricValue } from '../common/MetricValue';

/** Held actions per status, failed and cancelled first so they are seen. */
export const StatusCounts: React.FC<{ counts: Array<{ status: string; count: number }> }> = ({ counts }) => {
  const { t, i18n } = useKastenTranslation();
  const order = (s: string) => (s === 'failed' ? 0 : s === 'cancelled' ? 1 : 2);
  const sorted = [...counts].sort((a, b) => order(a.status) - order(b.status) || a.status.localeCompare(b.status));
  return (
    <dl className="kasten-console-plugin__stats" data-test="status-counts">
      {sorted.map(({ status, count }) => (
        <div
          key={status}
          className={`kasten-console-plugin__stat${order(status) < 2 && count > 0 ? ' kasten-console-plugin__stat--danger' : ''}`}
        >
          <dt>{status || t('(no status)')}</dt>
          <dd data-test={`status-${status}`}>
            <MetricValue value={count} format={(v) => formatNumber(v, i18n.language, 0)} />
          </dd>
        </div>
      ))}
    </dl>
  );
};
