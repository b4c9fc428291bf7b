/**
 * The only module that imports the chart library; it is loaded with React.lazy so victory/d3 never
 * weigh on the page's first load. PatternFly's axes and lines are composed in our own <svg>, with
 * explicit domains, rather than inside `Chart` (VictoryChart): that brings its polar axis, shared
 * events, legend and voronoi tooltip into the chunk, and the chart needs none of them. The hover
 * layer here is smaller and, unlike the voronoi, works from the keyboard and reads to a screen reader.
 */
import * as React from 'react';
import { ChartAxis, ChartLine } from '@patternfly/react-charts/victory';
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
import { CHART_PADDING, isDayBoundary, nearestIndex, timeTicks, valueTicks } from './chart-scales';
// The chart colours (and their dark-theme values) are CSS variables from PatternFly's chart stylesheet,
// which the console loads for every page: frontend/public/vendor.scss imports
// '~@patternfly/patternfly/patternfly-charts' in release-4.19 to 4.22, so the chunk does not ship it.
import './chart.css';

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
const HEIGHT = 220;
const PADDING = CHART_PADDING;
/** Room per time tick label ("12:30" or "Nov 29"), so labels never overlap. */
const TICK_SPACING_PX = 90;
/** Home/End aside, how many times PageUp/PageDown move the cursor. */
const PAGE_STEP = 10;

interface Line {
  name: string;
  color: string;
  dashed: boolean;
  points: Array<{ x: number; y: number }>;
  /** The value at each time, for the tooltip. */
  at: Map<number, number>;
}

let chartCount = 0;

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
  const { t, i18n } = useKastenTranslation();
  const [ref, width] = useWidth();
  // React 17 (consoles 4.19-4.21) has no useId: a counter, fixed for the chart's life.
  const [uid] = React.useState(() => `kasten-chart-${++chartCount}`);
  const titleId = `${uid}-title`;
  const readoutId = `${uid}-readout`;
  const tickTime = React.useMemo(() => {
    const time = new Intl.DateTimeFormat(i18n.language, { hour: '2-digit', minute: '2-digit' });
    const date = new Intl.DateTimeFormat(i18n.language, { month: 'short', day: 'numeric' });
    return (ms: number) => (isDayBoundary(ms) ? date.format(ms) : time.format(ms));
  }, [i18n.language]);

  let next = 0;
  const named: Line[] = series.map((s) => {
    const tone = toneOf?.(s.labels);
    return {
      name: nameOf(s.labels),
      points: s.points,
      at: new Map(s.points.map((p) => [p.x, p.y])),
      color: tone ? TONES[tone] : (PALETTE[next++ % PALETTE.length] ?? blue.var),
      dashed: false,
    };
  });
  // Every time any series has a value, ascending: what the cursor steps through.
  const times = React.useMemo(
    () => [...new Set(series.flatMap((s) => s.points.map((p) => p.x)))].sort((a, b) => a - b),
    [series],
  );
  const minX = times[0] ?? 0;
  const maxX = times.length > 1 ? (times[times.length - 1] ?? minX + 1) : minX + 1;
  const thresholdLine: Line | undefined = threshold && {
    name: threshold.label,
    points: [
      { x: minX, y: threshold.value },
      { x: maxX, y: threshold.value },
    ],
    at: new Map(),
    color: neutral.var,
    dashed: true,
  };
  const lines: Line[] = thresholdLine ? [...named, thresholdLine] : named;
  // The y-axis covers the data and the threshold, up to a round tick, with a little headroom so a threshold
  // or a peak never lies on the chart's top edge.
  const yMax = Math.max(0, ...lines.flatMap((l) => l.points.map((p) => p.y)));
  const yTicks = valueTicks(yMax * 1.05, { integer, binary });
  const yTop = yTicks[yTicks.length - 1] ?? 1;
  const plotWidth = Math.max(1, width - PADDING.left - PADDING.right);
  const plotHeight = HEIGHT - PADDING.top - PADDING.bottom;
  const xTicks = timeTicks(minX, maxX, Math.max(2, Math.floor(plotWidth / TICK_SPACING_PX)));
  const xPx = (x: number) => PADDING.left + ((x - minX) / (maxX - minX)) * plotWidth;
  const yPx = (y: number) => PADDING.top + (1 - y / yTop) * plotHeight;
  const frame = {
    width,
    height: HEIGHT,
    padding: PADDING,
    domain: { x: [minX, maxX] as [number, number], y: [0, yTop] as [number, number] },
    scale: { x: 'linear' as const, y: 'linear' as const },
    standalone: false,
  };

  // The cursor: a time, from the pointer or the arrow keys, undefined when nothing is picked. A time, not an
  // index, so a refresh that slides the window leaves it on the same moment.
  const [cursorTime, setCursorTime] = React.useState<number | undefined>(undefined);
  const cursor = cursorTime === undefined ? undefined : nearestIndex(times, cursorTime);
  const at = cursor === undefined ? undefined : times[cursor];
  const setCursor = (i: number | undefined) => setCursorTime(i === undefined ? undefined : times[i]);
  const readings =
    at === undefined
      ? []
      : [
          ...named.flatMap((l) => {
            const y = l.at.get(at);
            return y === undefined ? [] : [{ line: l, y }];
          }),
          ...(thresholdLine && threshold ? [{ line: thresholdLine, y: threshold.value }] : []),
        ];
  const readout =
    at === undefined
      ? ''
      : t('{{time}}: {{values}}', {
          time: formatTime(at),
          values: readings
            .map((r) => t('{{series}} {{value}}', { series: r.line.name, value: formatValue(r.y) }))
            .join(', '),
        });

  const onPointerMove = (e: React.PointerEvent<HTMLDivElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const x = minX + ((e.clientX - box.left - PADDING.left) / plotWidth) * (maxX - minX);
    setCursor(nearestIndex(times, x));
  };
  const onKeyDown = (e: React.KeyboardEvent<HTMLDivElement>) => {
    const last = times.length - 1;
    const from = cursor ?? last;
    const move: Record<string, number> = {
      ArrowLeft: from - 1,
      ArrowRight: from + 1,
      PageUp: from - PAGE_STEP,
      PageDown: from + PAGE_STEP,
      Home: 0,
      End: last,
    };
    if (e.key === 'Escape') {
      setCursor(undefined);
      return;
    }
    const to = move[e.key];
    if (to === undefined || last < 0) return;
    e.preventDefault();
    setCursor(cursor === undefined && e.key.startsWith('Arrow') ? last : Math.max(0, Math.min(last, to)));
  };

  const cx = at === undefined ? 0 : xPx(at);
  // The tooltip sits right of the cursor, or left of it past the middle, so it never leaves the chart.
  const tooltipSide = cx > width / 2 ? { right: width - cx + 12 } : { left: cx + 12 };
  return (
    <div ref={ref} className="kasten-console-plugin__chart" data-test="chart">
      <div
        className="kasten-console-plugin__chart-plot"
        tabIndex={0}
        role="group"
        aria-label={t('{{title}}: use the left and right arrow keys to read the values at each time', { title })}
        aria-describedby={readoutId}
        data-test="chart-plot"
        onPointerMove={onPointerMove}
        onPointerLeave={() => setCursor(undefined)}
        onKeyDown={onKeyDown}
        // Focus shows the latest values, so the readout has something to say at once.
        onFocus={() => setCursorTime((c) => c ?? times[times.length - 1])}
        onBlur={() => setCursor(undefined)}
      >
        <svg role="img" aria-labelledby={titleId} width={width} height={HEIGHT}>
          <title id={titleId}>{title}</title>
          <ChartAxis {...frame} tickValues={xTicks} tickFormat={(x: number) => tickTime(x)} />
          <ChartAxis {...frame} dependentAxis showGrid tickValues={yTicks} tickFormat={(y: number) => formatValue(y)} />
          {lines.map((l) => (
            <ChartLine
              {...frame}
              key={l.name}
              name={l.name}
              data={l.points}
              style={{ data: { stroke: l.color, strokeWidth: 2, ...(l.dashed ? { strokeDasharray: '6,4' } : {}) } }}
            />
          ))}
          {at !== undefined && (
            <g data-test="chart-cursor">
              <line
                className="kasten-console-plugin__chart-cursor"
                x1={cx}
                x2={cx}
                y1={PADDING.top}
                y2={HEIGHT - PADDING.bottom}
              />
              {readings.map((r) => (
                <circle key={r.line.name} cx={cx} cy={yPx(r.y)} r={4} fill={r.line.color} />
              ))}
            </g>
          )}
        </svg>
        {at !== undefined && (
          <div
            className="kasten-console-plugin__chart-tooltip"
            style={{ top: PADDING.top, ...tooltipSide }}
            data-test="chart-tooltip"
            data-time={at}
            aria-hidden
          >
            <div className="kasten-console-plugin__chart-tooltip-time">{formatTime(at)}</div>
            {readings.map((r) => (
              <div key={r.line.name}>
                <Swatch color={r.line.color} dashed={r.line.dashed} />
                {t('{{series}}: {{value}}', { series: r.line.name, value: formatValue(r.y) })}
              </div>
            ))}
          </div>
        )}
        <div id={readoutId} className="kasten-console-plugin__sr-only" aria-live="polite" data-test="chart-readout">
          {readout}
        </div>
      </div>
      <ul className="kasten-console-plugin__chart-legend" aria-label={t('Legend')} data-test="chart-legend">
        {lines.map((l) => (
          <li key={l.name}>
            <Swatch color={l.color} dashed={l.dashed} />
            {l.name}
          </li>
        ))}
      </ul>
    </div>
  );
};

/** A series' colour, a solid bar, or dashed for the threshold as its line is. */
const Swatch: React.FC<{ color: string; dashed: boolean }> = ({ color, dashed }) => (
  <span
    className={`kasten-console-plugin__chart-swatch${dashed ? ' kasten-console-plugin__chart-swatch--dashed' : ''}`}
    style={{ '--kasten-console-plugin--swatch-color': color } as React.CSSProperties}
  />
);

export default TimeSeriesChart;
