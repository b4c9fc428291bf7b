/**
 * The only module that imports the chart library; it is loaded with
 * React.lazy so the ~100 KiB of victory/d3 never weigh on the page's first load.
 */
import * as React from 'react';
import { Chart, ChartAxis, ChartGroup, ChartLine, ChartVoronoiContainer } from '@patternfly/react-charts/victory';
import type { SeriesPoints } from '../../models/prometheus/parse';
// Chart colours and their dark-theme values are CSS variables from PatternFly's chart stylesheet;
// the console does not promise to load it, so the chart chunk brings it (about 4.5 KiB gzipped).
import '@patternfly/patternfly/patternfly-charts.css';

export interface TimeSeriesChartProps {
  title: string;
  series: SeriesPoints[];
  nameOf: (labels: Record<string, string>) => string;
  formatValue: (v: number) => string;
  formatTime: (ms: number) => string;
  threshold?: { value: number; label: string };
  /** Counts: ticks on whole numbers only, so an axis never reads "0 0 1 1". */
  integer?: boolean;
}

/** At most five whole-number ticks from 0 to the largest value. */
export const integerTicks = (max: number): number[] => {
  const top = Math.max(1, Math.ceil(max));
  const step = Math.max(1, Math.ceil(top / 4));
  const ticks: number[] = [];
  for (let v = 0; v <= top; v += step) ticks.push(v);
  if ((ticks[ticks.length - 1] ?? 0) < top) ticks.push(ticks.length * step);
  return ticks;
};

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
}) => {
  const [ref, width] = useWidth();
  const named = series.map((s) => ({ name: nameOf(s.labels), points: s.points }));
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
        },
      ]
    : named;
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
        padding={{ bottom: 80, left: 70, right: 20, top: 20 }}
        legendData={lines.map((l) => ({ name: l.name }))}
        legendPosition="bottom"
        themeColor="multiOrdered"
      >
        <ChartAxis tickFormat={(x: number) => formatTime(x)} fixLabelOverlap />
        <ChartAxis
          dependentAxis
          showGrid
          tickFormat={(y: number) => formatValue(y)}
          tickValues={
            integer ? integerTicks(Math.max(0, ...lines.flatMap((l) => l.points.map((p) => p.y)))) : undefined
          }
        />
        <ChartGroup>
          {lines.map((l) => (
            <ChartLine key={l.name} name={l.name} data={l.points.map((p) => ({ ...p, name: l.name }))} />
          ))}
        </ChartGroup>
      </Chart>
    </div>
  );
};

export default TimeSeriesChart;
