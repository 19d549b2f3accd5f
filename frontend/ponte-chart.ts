import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, HeatmapChart, LineChart, PieChart, SankeyChart } from 'echarts/charts';
import {
  AriaComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, FunnelChart, HeatmapChart, LineChart, PieChart, SankeyChart, AriaComponent, GridComponent,
  LegendComponent, TooltipComponent, VisualMapComponent, SVGRenderer]);

type Option = Record<string, any>;

/**
 * Every chart of Ponte: an ECharts option built on the server (base/ui/chart/Chart.java, with
 * Jackson) and drawn here as SVG (an SVG can go into the PDF of a report as it is). The server
 * cannot send functions in JSON, so the numbers' locale formatting is added here, from `locale`.
 */
@customElement('ponte-chart')
export class PonteChart extends LitElement {
  // Scoped selectors only: a generic `div` rule here breaks ECharts' tooltips (apache/echarts#20156).
  static styles = css`
    :host { display: block; position: relative; min-height: 200px; }
    .ponte-chart-canvas { position: absolute; inset: 0; }
  `;

  /** The ECharts option as JSON. */
  @property({ type: String }) option = '';

  /** BCP 47 language tag for number formats (`en`, `it`). */
  @property({ type: String }) locale = 'en';

  @query('.ponte-chart-canvas') private container!: HTMLElement;

  private chart?: echarts.ECharts;
  private resizer?: ResizeObserver;

  render() {
    return html`<div class="ponte-chart-canvas" part="canvas"></div>`;
  }

  protected firstUpdated() {
    this.resizer = new ResizeObserver(() => this.chart?.resize());
    this.resizer.observe(this);
  }

  protected updated(changed: PropertyValues) {
    if (changed.has('option') || changed.has('locale')) {
      this.draw();
    }
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.resizer?.disconnect();
    this.resizer = undefined;
    this.chart?.dispose();
    this.chart = undefined;
  }

  connectedCallback() {
    super.connectedCallback();
    if (this.hasUpdated && !this.resizer) {
      this.firstUpdated();
      this.draw();
    }
  }

  private draw() {
    if (!this.container || !this.option) {
      return;
    }
    if (!this.chart) {
      this.chart = echarts.init(this.container, undefined, { renderer: 'svg' });
    }
    this.chart.setOption(this.localised(JSON.parse(this.option) as Option), { notMerge: true });
  }

  /** Adds the locale's number format wherever ECharts shows a value. */
  private localised(option: Option): Option {
    const numbers = new Intl.NumberFormat(this.locale, { maximumFractionDigits: 2 });
    const format = (v: unknown) => (typeof v === 'number' ? numbers.format(v) : v == null ? '–' : String(v));
    option.tooltip = { ...(option.tooltip ?? {}), valueFormatter: format };
    for (const key of ['xAxis', 'yAxis']) {
      const axes = option[key] == null ? [] : Array.isArray(option[key]) ? option[key] : [option[key]];
      for (const axis of axes) {
        if (axis.type === 'value') {
          axis.axisLabel = { ...(axis.axisLabel ?? {}), formatter: (v: number) => numbers.format(v) };
        }
      }
    }
    const series = option.series == null ? [] : Array.isArray(option.series) ? option.series : [option.series];
    for (const s of series) {
      if (s.label?.show && !s.label.formatter) {
        s.label.formatter = (p: any) => {
          const value = Array.isArray(p.value) ? p.value[p.value.length - 1] : p.value;
          return s.type === 'funnel' || s.type === 'pie' || s.type === 'sankey'
            ? `${p.name}: ${format(value)}`
            : String(format(value));
        };
      }
    }
    if (option.visualMap) {
      option.visualMap.formatter = (v: number) => numbers.format(v);
    }
    return option;
  }
}
