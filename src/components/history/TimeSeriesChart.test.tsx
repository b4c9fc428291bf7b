/**
 * The chart on its own: PatternFly's axes and lines in jsdom, the HTML legend, and the hover layer
 * driven by the pointer and by the keyboard, reading the exact values of every series.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import '../../../test/unit-helpers/render';
import TimeSeriesChart, { type TimeSeriesChartProps } from './TimeSeriesChart';

const T0 = Date.UTC(2026, 10, 29, 12, 0);
const MIN = 60_000;
const formatTime = (ms: number) => `t+${(ms - T0) / MIN}m`;
const formatValue = (v: number) => `${v} things`;

const SERIES: TimeSeriesChartProps['series'] = [
  {
    labels: { status: 'complete' },
    points: [
      { x: T0, y: 10 },
      { x: T0 + 30 * MIN, y: 12 },
      { x: T0 + 60 * MIN, y: 14 },
    ],
  },
  // No sample at +30m: a gap, so that time lists complete alone.
  {
    labels: { status: 'failed' },
    points: [
      { x: T0, y: 2 },
      { x: T0 + 60 * MIN, y: 4 },
    ],
  },
];

// jsdom has no PointerEvent; without one, fireEvent drops clientX.
if (typeof window.PointerEvent === 'undefined') {
  (window as unknown as { PointerEvent: typeof MouseEvent }).PointerEvent = class extends MouseEvent {};
}

const show = (props: Partial<TimeSeriesChartProps> = {}) =>
  render(
    <TimeSeriesChart
      title="Actions by status"
      series={SERIES}
      nameOf={(l) => l.status ?? ''}
      formatValue={formatValue}
      formatTime={formatTime}
      integer
      toneOf={(l) => (l.status === 'failed' ? 'danger' : undefined)}
      {...props}
    />,
  );

const plot = () => screen.getByRole('group', { name: /^Actions by status: use the left and right arrow keys/ });
const readout = () => screen.getByTestId('chart-readout').textContent;
const tooltip = () => screen.queryByTestId('chart-tooltip');

test('draws axes and one line per series in an SVG titled by the chart, with an HTML legend', () => {
  show();
  const svg = screen.getByRole('img', { name: 'Actions by status' });
  const texts = Array.from(svg.querySelectorAll('text')).map((t) => t.textContent);
  // y ticks round from 0 over the largest count (14), through formatValue; x ticks times of day.
  expect(texts).toEqual(expect.arrayContaining(['0 things', '5 things', '10 things', '15 things']));
  expect(texts.filter((t) => /^\d{1,2}:\d{2}/.test(t ?? '')).length).toBeGreaterThanOrEqual(3);
  // Two lines (Victory draws each as a path with role="presentation").
  expect(svg.querySelectorAll('path[role="presentation"]')).toHaveLength(2);
  const legend = screen.getByRole('list', { name: 'Legend' });
  expect(
    within(legend)
      .getAllByRole('listitem')
      .map((li) => li.textContent),
  ).toEqual(['complete', 'failed']);
  // Failed in PatternFly's danger colour, on its line and its legend swatch.
  const swatch = within(legend).getByText('failed').querySelector('span');
  expect(swatch?.style.getPropertyValue('--kasten-console-plugin--swatch-color')).toContain(
    '--pf-t--chart--global--danger--color--100',
  );
  const failedLine = Array.from(svg.querySelectorAll('path')).find((p) =>
    (p.getAttribute('style') ?? '').includes('--pf-t--chart--global--danger--color--100'),
  );
  expect(failedLine).toBeDefined();
  expect(tooltip()).toBeNull();
  expect(readout()).toBe('');
});

test('a threshold is a dashed line and legend entry, inside the y-domain, and read with the values', () => {
  show({
    series: [SERIES[0]!],
    threshold: { value: 31, label: 'Threshold' },
    toneOf: undefined,
  });
  const svg = screen.getByRole('img', { name: 'Actions by status' });
  const texts = Array.from(svg.querySelectorAll('text')).map((t) => t.textContent);
  // The axis reaches past the threshold (31, with headroom) to a round tick: 0, 10, 20, 30, 40.
  expect(texts).toEqual(expect.arrayContaining(['0 things', '10 things', '20 things', '30 things', '40 things']));
  expect(svg.querySelector('path[style*="stroke-dasharray"]')).not.toBeNull();
  const legend = screen.getByRole('list', { name: 'Legend' });
  const threshold = within(legend).getByText('Threshold').querySelector('span');
  expect(threshold).toHaveClass('kasten-console-plugin__chart-swatch--dashed');
  fireEvent.focus(plot());
  expect(readout()).toBe('t+60m: complete 14 things, Threshold 31 things');
});

test('keyboard: focus reads the latest values; arrows, Home, End and PageUp/Down move the cursor; Escape hides it', () => {
  show();
  const region = plot();
  expect(region).toHaveAttribute('tabindex', '0');
  expect(region).toHaveAttribute('aria-describedby', screen.getByTestId('chart-readout').id);
  expect(screen.getByTestId('chart-readout')).toHaveAttribute('aria-live', 'polite');

  act(() => region.focus());
  expect(readout()).toBe('t+60m: complete 14 things, failed 4 things');
  expect(within(tooltip()!).getByText('t+60m')).toBeInTheDocument();
  expect(
    Array.from(tooltip()!.children)
      .slice(1)
      .map((d) => d.textContent),
  ).toEqual(['complete: 14 things', 'failed: 4 things']);

  fireEvent.keyDown(region, { key: 'ArrowLeft' });
  // The failed series has no sample at +30m: only complete is read there.
  expect(readout()).toBe('t+30m: complete 12 things');
  expect(screen.getByTestId('chart-cursor').querySelectorAll('circle')).toHaveLength(1);
  fireEvent.keyDown(region, { key: 'ArrowLeft' });
  fireEvent.keyDown(region, { key: 'ArrowLeft' });
  expect(readout()).toBe('t+0m: complete 10 things, failed 2 things');
  fireEvent.keyDown(region, { key: 'End' });
  expect(readout()).toBe('t+60m: complete 14 things, failed 4 things');
  fireEvent.keyDown(region, { key: 'Home' });
  expect(readout()).toBe('t+0m: complete 10 things, failed 2 things');
  fireEvent.keyDown(region, { key: 'PageDown' });
  expect(readout()).toBe('t+60m: complete 14 things, failed 4 things');
  fireEvent.keyDown(region, { key: 'ArrowRight' });
  expect(readout()).toBe('t+60m: complete 14 things, failed 4 things');
  fireEvent.keyDown(region, { key: 'Escape' });
  expect(readout()).toBe('');
  expect(tooltip()).toBeNull();
  expect(screen.queryByTestId('chart-cursor')).toBeNull();
});

test('pointer: the cursor goes to the time nearest the pointer and leaves with it', () => {
  show();
  const region = plot();
  // jsdom lays nothing out: the plot is placed at x = 100, and the chart is 600 px wide (its default).
  jest.spyOn(region, 'getBoundingClientRect').mockReturnValue({
    left: 100,
    top: 0,
    right: 700,
    bottom: 220,
    width: 600,
    height: 220,
    x: 100,
    y: 0,
    toJSON: () => ({}),
  });
  const plotWidth = 600 - 76 - 36;
  const pointAt = (fraction: number) => 100 + 76 + plotWidth * fraction;

  fireEvent.pointerMove(region, { clientX: pointAt(0.4) });
  expect(readout()).toBe('t+30m: complete 12 things');
  const line = screen.getByTestId('chart-cursor').querySelector('line');
  expect(Number(line?.getAttribute('x1'))).toBeCloseTo(76 + plotWidth / 2);

  fireEvent.pointerMove(region, { clientX: pointAt(0.8) });
  expect(readout()).toBe('t+60m: complete 14 things, failed 4 things');
  fireEvent.pointerMove(region, { clientX: 0 });
  expect(readout()).toBe('t+0m: complete 10 things, failed 2 things');
  fireEvent.pointerLeave(region);
  expect(readout()).toBe('');
  expect(tooltip()).toBeNull();
});

test('a refresh that slides the window keeps the cursor on the same moment', () => {
  const { rerender } = show();
  const region = plot();
  act(() => region.focus());
  fireEvent.keyDown(region, { key: 'ArrowLeft' });
  expect(readout()).toBe('t+30m: complete 12 things');
  const slid = SERIES.map((s) => ({
    ...s,
    points: [...s.points.slice(1), { x: T0 + 90 * MIN, y: s.labels.status === 'failed' ? 5 : 16 }],
  }));
  rerender(
    <TimeSeriesChart
      title="Actions by status"
      series={slid}
      nameOf={(l) => l.status ?? ''}
      formatValue={formatValue}
      formatTime={formatTime}
      integer
    />,
  );
  expect(readout()).toBe('t+30m: complete 12 things');
  fireEvent.keyDown(region, { key: 'ArrowRight' });
  expect(readout()).toBe('t+60m: complete 14 things, failed 4 things');
});
