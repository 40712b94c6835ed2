import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';
import { useEffect, useRef } from 'react';

// Only the pieces a bar chart needs.
Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

interface HistogramChartProps {
  title: string;
  labels: readonly string[];
  counts: readonly number[];
}

// The canvas has a text alternative: the same figures are in the table next to it.
export function HistogramChart({ title, labels, counts }: HistogramChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: { labels: [...labels], datasets: [{ label: title, data: [...counts], backgroundColor: '#6a6af4' }] },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        plugins: { tooltip: { enabled: true } },
        scales: { x: { ticks: { maxRotation: 60, autoSkip: true } }, y: { beginAtZero: true } },
      },
    });
    return () => chart.destroy();
  }, [title, labels, counts]);
  return (
    <div className="histogram">
      <canvas ref={canvas} role="img" aria-label={title} />
    </div>
  );
}
