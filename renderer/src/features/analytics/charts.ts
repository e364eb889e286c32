/**
 * Chart.js for the dashboard: the parts it draws with, registered once, and the theme's colours
 * (a canvas cannot read CSS variables, so they are read from the document when a chart renders).
 */
import {
  ArcElement,
  BarElement,
  CategoryScale,
  Chart as ChartJS,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
  type ChartOptions,
} from 'chart.js';

ChartJS.register(
  ArcElement,
  BarElement,
  CategoryScale,
  Filler,
  Legend,
  LinearScale,
  LineElement,
  PointElement,
  Tooltip,
);

function cssColor(name: string, fallback: string): string {
  const value = getComputedStyle(document.documentElement).getPropertyValue(name).trim();
  return value || fallback;
}

export interface Palette {
  text: string;
  line: string;
  accent: string;
  /** A second series beside the accent. */
  second: string;
  good: string;
  bad: string;
  faint: string;
}

export function palette(): Palette {
  const dark = window.matchMedia?.('(prefers-color-scheme: dark)').matches ?? false;
  return {
    text: cssColor('--muted', '#6b7280'),
    line: cssColor('--line', '#e3e6eb'),
    accent: cssColor('--accent', '#2f6fde'),
    second: dark ? '#e0a848' : '#c7851a',
    good: dark ? '#5cc48a' : '#2e8b57',
    bad: dark ? '#f08a7e' : '#c8463a',
    faint: dark ? '#4a5263' : '#c5cbd5',
  };
}

/** What every dashboard chart shares: no animation, theme colours, a small legend. */
function common(p: Palette, legend: boolean, yTick: (value: number) => string) {
  return {
    responsive: true,
    maintainAspectRatio: false,
    animation: false as const,
    plugins: {
      legend: {
        display: legend,
        position: 'bottom' as const,
        labels: { color: p.text, boxWidth: 10, boxHeight: 10, font: { size: 11 } },
      },
    },
    scales: {
      x: { ticks: { color: p.text, maxRotation: 0, autoSkipPadding: 8 }, grid: { display: false } },
      y: {
        beginAtZero: true,
        ticks: {
          color: p.text,
          callback: (value: string | number) => yTick(Number(value)),
          maxTicksLimit: 6,
        },
        grid: { color: p.line },
      },
    },
  };
}

export function barOptions(
  p: Palette,
  legend: boolean,
  yTick: (value: number) => string,
): ChartOptions<'bar'> {
  return common(p, legend, yTick);
}

export function lineOptions(
  p: Palette,
  legend: boolean,
  yTick: (value: number) => string,
): ChartOptions<'line'> {
  return common(p, legend, yTick);
}
