import * as React from 'react';
import { useKastenTranslation } from '../../i18n';
import { REFRESH_INTERVALS_MS, TIME_RANGES_MS } from '../../hooks/time-range';
import { formatAge } from '../../utils/format';
import { FormField } from '../common/FormField';

export interface ToolbarProps {
  timeRangeMs: number;
  endTime?: number;
  refreshMs: number | null;
  onTimeRange: (ms: number) => void;
  onEndTime: (ms: number | undefined) => void;
  onRefresh: (ms: number | null) => void;
  onRefreshNow: () => void;
  /** Shown on the Observe page only; the namespace tab's namespace is fixed. */
  namespace?: { value: string | undefined; onChange: (ns: string | undefined) => void };
}

const toLocalInput = (ms: number): string => {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
};

/**
 * Time range, end time, refresh interval and namespace, as native form
 * controls with PatternFly classes: fully keyboard- and screen-reader-usable,
 * and no dropdown JS (and its react-dom) in the bundle.
 */
export const Toolbar: React.FC<ToolbarProps> = (p) => {
  const { t } = useKastenTranslation();
  const [nsDraft, setNsDraft] = React.useState(p.namespace?.value ?? '');
  React.useEffect(() => setNsDraft(p.namespace?.value ?? ''), [p.namespace?.value]);
  const ranges: number[] = TIME_RANGES_MS.includes(p.timeRangeMs as (typeof TIME_RANGES_MS)[number])
    ? [...TIME_RANGES_MS]
    : [...TIME_RANGES_MS, p.timeRangeMs].sort((a, b) => a - b);
  // A link may carry an interval the list does not offer; the control must still say what the page does.
  const intervals: number[] =
    p.refreshMs === null || REFRESH_INTERVALS_MS.includes(p.refreshMs as (typeof REFRESH_INTERVALS_MS)[number])
      ? [...REFRESH_INTERVALS_MS]
      : [...REFRESH_INTERVALS_MS, p.refreshMs].sort((a, b) => a - b);
  return (
    <div
      className="pf-v6-c-toolbar kasten-console-plugin__toolbar"
      role="toolbar"
      aria-label={t('Time range and refresh')}
    >
      {p.namespace && (
        <form
          className="kasten-console-plugin__toolbar-item"
          onSubmit={(e) => {
            e.preventDefault();
            p.namespace?.onChange(nsDraft.trim() || undefined);
          }}
        >
          <label htmlFor="kasten-namespace" className="pf-v6-c-form__label">
            <span className="pf-v6-c-form__label-text">{t('Application namespace')}</span>
          </label>
          <span className="pf-v6-c-form-control">
            <input
              id="kasten-namespace"
              value={nsDraft}
              placeholder={t('All namespaces')}
              onChange={(e) => setNsDraft(e.target.value)}
              onBlur={() => p.namespace?.onChange(nsDraft.trim() || undefined)}
              data-test="namespace-filter"
            />
          </span>
        </form>
      )}
      <FormField id="kasten-time-range" label={t('Time range')} className="kasten-console-plugin__toolbar-item">
        <select
          id="kasten-time-range"
          value={p.timeRangeMs}
          onChange={(e) => p.onTimeRange(Number(e.target.value))}
          data-test="time-range"
        >
          {ranges.map((ms) => (
            <option key={ms} value={ms}>
              {t('Last {{range}}', { range: formatAge(ms / 1000) })}
            </option>
          ))}
        </select>
      </FormField>
      <FormField
        id="kasten-end-time"
        label={t('Ending at (empty: now)')}
        className="kasten-console-plugin__toolbar-item"
      >
        <input
          id="kasten-end-time"
          type="datetime-local"
          value={p.endTime ? toLocalInput(p.endTime) : ''}
          onChange={(e) => p.onEndTime(e.target.value ? new Date(e.target.value).getTime() : undefined)}
          data-test="end-time"
        />
      </FormField>
      <FormField id="kasten-refresh" label={t('Refresh')} className="kasten-console-plugin__toolbar-item">
        <select
          id="kasten-refresh"
          value={p.refreshMs ?? 0}
          onChange={(e) => p.onRefresh(Number(e.target.value) || null)}
          data-test="refresh-interval"
        >
          <option value={0}>{t('Refresh off')}</option>
          {intervals.map((ms) => (
            <option key={ms} value={ms}>
              {t('Every {{interval}}', { interval: formatAge(ms / 1000) })}
            </option>
          ))}
        </select>
      </FormField>
      <div className="kasten-console-plugin__toolbar-item kasten-console-plugin__toolbar-item--end">
        <button
          type="button"
          className="pf-v6-c-button pf-m-secondary"
          onClick={p.onRefreshNow}
          data-test="refresh-now"
        >
          {t('Refresh now')}
        </button>
      </div>
    </div>
  );
};
