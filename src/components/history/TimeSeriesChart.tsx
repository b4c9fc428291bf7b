/**
 * The only module that imports the chart library; it is loaded with
 * React.lazy so the ~100 KiB of victory/d3 never weigh on the page's first load.
 */
import * as React from 'react';
import { Chart, ChartAxis, ChartLine, ChartVoronoiContainer } from '@patternfly/react-charts/victory';
import { t_chart_global_danger_color_100 as danger } from '@patternfly/react-tokens/dist/esm/t_chart_global_danger_color_100';
import { t_chart_color_red_orange_500 as dangerDark } from '@patternfly/react-tokens/dist/esm/t_chart_color_red_orange_500';
import { t_chart_global_success_color_100 as success } from '@patternfly/react-tokens/dist/esm/t_chart_global_success_color_100';
import { t_chart_color_blue_300 as blue } from '@patternfly/react-tokens/dist/esm/t_chart_color_blue_300';
import { t_chart_color_teal_300 as teal } from '@patternfly/react-tokens/dist/esm/t_chart_color_teal_300';
import { t_chart_color_purple_300 as purple } from '@patternfly/react-tokens/dist/esm/t_chart_color_purple_300';
import { t_chart_color_orange_300 as orange } from '@patternfly/react-tokens/dist/esm/t_chart_color_orange_300';
import { t_chart_color_yellow_400 as yellow } from '@patternfly/react-tokens/dist/esm/t_chart_color_yellow_400';
import { t_chart_color_black_500 as neutral } from '@patternfly/react-tokens/dist/esm/t_chart_color_black_500';
import type { SeriesPoints } from '../../models/prometheus/parse';
import { useKastenTranslation } from '../../i18n';
import { isDayBoundary, timeTicks, valueTicks } from './chart-scales';
// Chart colours and their dark-theme values are CSS variables from PatternFly's chart stylesheet;
// the console does not promise to load it, so the chart chunk brings it (about 4.5 KiB gzipped).
import '@patternfly/patternfly/patternfly-charts.css';

/** How a series is coloured: failures in PatternFly's danger colours, successes in its success colour. */
export type SeriesTone = 'danger' | 'danger-secondary' | 'success';

export interface TimeSeriesChartProps {
  title: string;
  series: SeriesPoints[];
  nameOf: (labels: Record<string, string>) => string;
  formatValue: (v: number) => string;
  formatTime: (ms: number) => string;
  threshold?: { value: number; label: string };
  /** Counts: ticks on whole numbers only, so an axis never reads "0 0 1 1". */
  integer?: boolean;
  /** Bytes: ticks on powers of two of KiB, MiB, GiB. */
  binary?: boolean;
  toneOf?: (labels: Record<string, string>) => SeriesTone | undefined;
}

const TONES: Record<SeriesTone, string> = {
  danger: danger.var,
  'danger-secondary': dangerDark.var,
  success: success.var,
};
const PALETTE = [blue.var, teal.var, purple.var, orange.var, yellow.var];
const PADDING = { bottom: 80, left: 76, right: 36, top: 16 };
/** Room per time tick label ("12:30" or "Nov 29"), so labels never overlap. */
const TICK_SPACING_PX = 90;

const useWidth = (): [React.RefObject<HTMLDivElement>, number] => {
  const ref = React.useRef<HTMLDivElement>(null);
  const [width, setWidth] = React.useState(600);
  React.useEffect(() => {
    const el = ref.current;
    if (!el || typeof ResizeObserver === 'undefined') return undefined;
    const ro = new ResizeObserver((entries) => {
      const w = entries[0]?.contentRect.width;
      if (w && w > 0) setWidth(Math.floor(w));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, width];
};

const TimeSeriesChart: React.FC<TimeSeriesChartProps> = ({
  title,
  series,
  nameOf,
  formatValue,
  formatTime,
  threshold,
  integer,
  binary,
  toneOf,
}) => {
  const { i18n } = useKastenTranslation();
  const [ref, width] = useWidth();
  const tickTime = React.useMemo(() => {
    const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
    const date = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric' });
    return (ms: number) => (isDayBoundary(ms) ? date.format(ms) : time.format(ms));
  }, [i18n.language]);
  let next = 0;
  const named = series.map((s) => {
    const tone = toneOf?.(s.labels);
    return {
      name: nameOf(s.labels),
      points: s.points,
      color: tone ? TONES[tone] : (PALETTE[next++ % PALETTE.length] ?? blue.var),
      dashed: false,
    };
  });
  const allX = named.flatMap((s) => s.points.map((p) => p.x));
  const minX = allX.length ? Math.min(...allX) : 0;
  const maxX = allX.length ? Math.max(...allX) : 1;
  const lines = threshold
    ? [
        ...named,
        {
          name: threshold.label,
          points: [
            { x: minX, y: threshold.value },
            { x: maxX, y: threshold.value },
          ],
          color: neutral.var,
          dashed: true,
        },
      ]
    : named;
  // The y-axis covers the data and the threshold, up to a round tick, with a little headroom so a threshold
  // or a peak never lies on the chart's top edge.
  const yMax = Math.max(0, ...lines.flatMap((l) => l.points.map((p) => p.y)));
  const yTicks = valueTicks(yMax * 1.05, { integer, binary });
  const yTop = yTicks[yTicks.length - 1] ?? 1;
  const xTicks = timeTicks(
    minX,
    maxX,
    Math.max(2, Math.floor((width - PADDING.left - PADDING.right) / TICK_SPACING_PX)),
  );
  return (
    <div ref={ref} className="kasten-console-plugin__chart" data-test="chart">
      <Chart
        ariaTitle={title}
        containerComponent={
          <ChartVoronoiContainer
            labels={({ datum }: { datum: { name: string; x: number; y: number } }) =>
              `${datum.name}: ${formatValue(datum.y)} (${formatTime(datum.x)})`
            }
            constrainToVisibleArea
            voronoiDimension="x"
          />
        }
        height={260}
        width={width}
        padding={PADDING}
        domain={{ x: [minX, maxX], y: [0, yTop] }}
        legendData={lines.map((l) => ({
          name: l.name,
          symbol: { fill: l.color, type: l.dashed ? 'minus' : 'square' },
        }))}
        legendPosition="bottom"
      >
        <ChartAxis tickValues={xTicks} tickFormat={(x: number) => tickTime(x)} />
        <ChartAxis dependentAxis showGrid tickValues={yTicks} tickFormat={(y: number) => formatValue(y)} />
        {lines.map((l) => (
          <ChartLine
            key={l.name}
            name={l.name}
            data={l.points.map((p) => ({ ...p, name: l.name }))}
            style={{ data: { stroke: l.color, strokeWidth: 2, ...(l.dashed ? { strokeDasharray: '6,4' } : {}) } }}
          />
        ))}
      </Chart>
    </div>
  );
};

export default TimeSeriesChart;
