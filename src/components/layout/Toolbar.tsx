import * as React from 'react';
import { Toolbar as PfToolbar } from '@patternfly/react-core/dist/esm/components/Toolbar/Toolbar';
import { ToolbarContent } from '@patternfly/react-core/dist/esm/components/Toolbar/ToolbarContent';
import { ToolbarToggleGroup } from '@patternfly/react-core/dist/esm/components/Toolbar/ToolbarToggleGroup';
import { ToolbarItem } from '@patternfly/react-core/dist/esm/components/Toolbar/ToolbarItem';
import { Button } from '@patternfly/react-core/dist/esm/components/Button/Button';
import { FormSelect } from '@patternfly/react-core/dist/esm/components/FormSelect/FormSelect';
import { FormSelectOption } from '@patternfly/react-core/dist/esm/components/FormSelect/FormSelectOption';
import { TextInput } from '@patternfly/react-core/dist/esm/components/TextInput/TextInput';
import FilterIcon from '@patternfly/react-icons/dist/esm/icons/filter-icon';
import SyncAltIcon from '@patternfly/react-icons/dist/esm/icons/sync-alt-icon';
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
 * Namespace, time range, end time and refresh interval in a PatternFly toolbar: below the xl
 * breakpoint the controls fold behind a toggle, "Refresh now" stays in reach. The selects are
 * PatternFly's FormSelect (a native select): keyboard- and screen-reader-ready, no menu to position.
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
  const ref = React.useRef<HTMLDivElement>(null);
  const toggleLabel = t('Show filters');
  // PatternFly 6.4 names the fold-out toggle "Show Filters" in English and offers no prop for it. React
  // never rewrites that unchanged attribute, so the translated name set here after each render stays.
  React.useLayoutEffect(() => {
    ref.current
      ?.querySelector('[data-test="toolbar-controls"] > :first-child button')
      ?.setAttribute('aria-label', toggleLabel);
  });
  return (
    <div ref={ref}>
      <PfToolbar className="kasten-console-plugin__toolbar" role="toolbar" aria-label={t('Time range and refresh')}>
        <ToolbarContent>
          <ToolbarToggleGroup toggleIcon={<FilterIcon />} breakpoint="xl" data-test="toolbar-controls">
            {p.namespace && (
              <ToolbarItem>
                <form
                  onSubmit={(e) => {
                    e.preventDefault();
                    p.namespace?.onChange(nsDraft.trim() || undefined);
                  }}
                >
                  <FormField id="kasten-namespace" label={t('Application namespace')}>
                    <TextInput
                      id="kasten-namespace"
                      value={nsDraft}
                      placeholder={t('All namespaces')}
                      onChange={(_e, v) => setNsDraft(v)}
                      onBlur={() => p.namespace?.onChange(nsDraft.trim() || undefined)}
                      data-test="namespace-filter"
                    />
                  </FormField>
                </form>
              </ToolbarItem>
            )}
            <ToolbarItem>
              <FormField id="kasten-time-range" label={t('Time range')}>
                <FormSelect
                  id="kasten-time-range"
                  value={p.timeRangeMs}
                  onChange={(_e, v) => p.onTimeRange(Number(v))}
                  data-test="time-range"
                >
                  {ranges.map((ms) => (
                    <FormSelectOption
                      key={ms}
                      value={ms}
                      label={t('Last {{range}}', { range: formatAge(ms / 1000) })}
                    />
                  ))}
                </FormSelect>
              </FormField>
            </ToolbarItem>
            <ToolbarItem>
              <FormField id="kasten-end-time" label={t('Ending at (empty: now)')}>
                <TextInput
                  id="kasten-end-time"
                  type="datetime-local"
                  value={p.endTime ? toLocalInput(p.endTime) : ''}
                  onChange={(_e, v) => p.onEndTime(v ? new Date(v).getTime() : undefined)}
                  data-test="end-time"
                />
              </FormField>
            </ToolbarItem>
            <ToolbarItem>
              <FormField id="kasten-refresh" label={t('Refresh')}>
                <FormSelect
                  id="kasten-refresh"
                  value={p.refreshMs ?? 0}
                  onChange={(_e, v) => p.onRefresh(Number(v) || null)}
                  data-test="refresh-interval"
                >
                  <FormSelectOption value={0} label={t('Refresh off')} />
                  {intervals.map((ms) => (
                    <FormSelectOption
                      key={ms}
                      value={ms}
                      label={t('Every {{interval}}', { interval: formatAge(ms / 1000) })}
                    />
                  ))}
                </FormSelect>
              </FormField>
            </ToolbarItem>
          </ToolbarToggleGroup>
          <ToolbarItem alignSelf="end" align={{ default: 'alignEnd' }}>
            <Button variant="secondary" icon={<SyncAltIcon />} onClick={p.onRefreshNow} data-test="refresh-now">
              {t('Refresh now')}
            </Button>
          </ToolbarItem>
        </ToolbarContent>
      </PfToolbar>
    </div>
  );
};
