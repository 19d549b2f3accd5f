import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import {
  CategoryScale,
  Chart,
  Legend,
  LineController,
  LineElement,
  LinearScale,
  PointElement,
  Tooltip,
} from 'chart.js';

Chart.register(LineController, LineElement, PointElement, LinearScale, CategoryScale, Legend, Tooltip);

interface Series {
  label: string;
  axis: 'enps' | 'scale';
  values: (number | null)[];
}

interface TrendData {
  labels: string[];
  series: Series[];
}

const COLORS = ['#1f6f8b', '#e07a5f', '#3d9970', '#8e6c8a', '#f2a541', '#5c677d', '#c44536', '#2a9d8f', '#6d597a', '#577590'];

/** Survey trend across runs: eNPS on the left axis (−100…100), question means on the right (0…10). */
@customElement('ponte-trend-chart')
export class PonteTrendChart extends LitElement {
  static styles = css`
    :host { display: block; position: relative; }
    canvas { width: 100% !important; height: 100% !important; }
  `;

  /** JSON set by the server (TrendChart.java). */
  @property({ type: String }) data = '';

  @query('canvas') private canvas!: HTMLCanvasElement;

  private chart?: Chart;

  render() {
    return html`<canvas></canvas>`;
  }

  protected updated(changed: PropertyValues) {
    if (changed.has('data')) {
      this.draw();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.chart?.destroy();
    this.chart = undefined;
  }

  private draw() {
    this.chart?.destroy();
    if (!this.data) {
      return;
    }
    const parsed = JSON.parse(this.data) as TrendData;
    this.chart = new Chart(this.canvas, {
      type: 'line',
      data: {
        labels: parsed.labels,
        datasets: parsed.series.map((s, i) => ({
          label: s.label,
          data: s.values,
          yAxisID: s.axis,
          borderColor: COLORS[i % COLORS.length],
          backgroundColor: COLORS[i % COLORS.length],
          borderWidth: s.axis === 'enps' ? 3 : 1.5,
          spanGaps: false,
          tension: 0.2,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        scales: {
          enps: { type: 'linear', position: 'left', min: -100, max: 100 },
          scale: { type: 'linear', position: 'right', min: 0, max: 10, grid: { drawOnChartArea: false } },
        },
      },
    });
  }
}
