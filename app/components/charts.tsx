import { Bar, BarChart, CartesianGrid, LabelList, Line, LineChart, XAxis, YAxis } from 'recharts'
import type { ReactNode } from 'react'

// Charts drawn as SVG on the server and in the browser. Each bar carries its value as text, and the
// series of a stacked bar differ by pattern as well as colour, so nothing depends on colour alone.

export interface BarDatum {
  label: string
  value: number
}

const INK = '#1f5fbf'

export function SimpleBarChart({ data, title, format = String, width = 500, empty }: { data: BarDatum[]; title: string; format?: (n: number) => string; width?: number; empty: string }) {
  const height = 60 + data.length * 38
  if (data.length === 0) {
    return (
      <figure className="chart">
        <figcaption>{title}</figcaption>
        <p className="muted">{empty}</p>
      </figure>
    )
  }
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <BarChart width={width} height={height} data={data} layout="vertical" margin={{ top: 8, right: 90, bottom: 8, left: 8 }} role="img" aria-label={title}>
        <CartesianGrid horizontal={false} stroke="#e3e8ef" />
        <XAxis type="number" hide />
        <YAxis type="category" dataKey="label" width={170} tick={{ fontSize: 13, fill: '#1b2330' }} />
        <Bar dataKey="value" fill={INK} isAnimationActive={false} barSize={22}>
          <LabelList dataKey="value" position="right" formatter={(v: unknown) => format(Number(v))} style={{ fontSize: 13, fill: '#1b2330' }} />
        </Bar>
      </BarChart>
    </figure>
  )
}

export interface StackedDatum {
  label: string
  [series: string]: string | number
}

const patterns = [
  { id: 'solid', fill: INK },
  { id: 'hatch', fill: 'url(#pattern-hatch)' },
  { id: 'dots', fill: 'url(#pattern-dots)' },
]

export function StackedBarChart({
  data,
  series,
  title,
  format = String,
  width = 640,
  labelWidth = 200,
}: {
  data: StackedDatum[]
  series: { key: string; name: string }[]
  title: string
  format?: (n: number) => string
  width?: number
  /** Room for the category labels on the left. */
  labelWidth?: number
}) {
  const height = 90 + data.length * 52
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <BarChart width={width} height={height} data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }} role="img" aria-label={title}>
        <defs>
          <pattern id="pattern-hatch" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#9fbcea" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#174a96" strokeWidth="3" />
          </pattern>
          <pattern id="pattern-dots" width="8" height="8" patternUnits="userSpaceOnUse">
            <rect width="8" height="8" fill="#eef2f8" />
            <circle cx="4" cy="4" r="1.6" fill="#5a6577" />
          </pattern>
        </defs>
        <CartesianGrid horizontal={false} stroke="#e3e8ef" />
        <XAxis type="number" tickFormatter={(v: number) => format(v)} tick={{ fontSize: 12 }} />
        <YAxis type="category" dataKey="label" width={labelWidth} tick={{ fontSize: 13, fill: '#1b2330' }} />
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} stackId="total" fill={patterns[i % patterns.length].fill} stroke="#174a96" isAnimationActive={false} barSize={26} />
        ))}
      </BarChart>
      <ul className="chart-legend">
        {series.map((s, i) => (
          <li key={s.key}>
            <span className={`swatch swatch-${patterns[i % patterns.length].id}`} aria-hidden="true" />
            {s.name}
          </li>
        ))}
      </ul>
    </figure>
  )
}

export interface LineSeries {
  key: string
  name: string
}

// Each line differs by dash and marker as well as by colour.
const lineStyles: {
  stroke: string
  dash?: string
  dot: { r: number; fill: string; stroke?: string; strokeWidth?: number }
}[] = [
  { stroke: INK, dot: { r: 4, fill: INK } },
  {
    stroke: '#8a4b00',
    dash: '6 4',
    dot: { r: 4, fill: '#ffffff', stroke: '#8a4b00', strokeWidth: 2 },
  },
  { stroke: '#17663a', dash: '2 3', dot: { r: 3, fill: '#17663a' } },
]

/** Series over time, one point per period label, with the value written at each point. */
export function TrendChart({
  data,
  series,
  title,
  scrollLabel,
  width = 720,
  height = 280,
}: {
  data: StackedDatum[]
  series: LineSeries[]
  title: string
  /** What a screen reader announces for the region that scrolls on a phone. */
  scrollLabel: string
  width?: number
  height?: number
}) {
  return (
    <figure className="chart chart-wide">
      <figcaption>{title}</figcaption>
      {/* Twelve months do not fit a phone: there the chart keeps a readable size and scrolls. */}
      <div className="scroll-x chart-scroll" role="region" aria-label={scrollLabel} tabIndex={0}>
        <LineChart width={width} height={height} data={data} margin={{ top: 16, right: 24, bottom: 8, left: 0 }} role="img" aria-label={title}>
          <CartesianGrid vertical={false} stroke="#e3e8ef" />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#1b2330' }} interval={0} />
          <YAxis allowDecimals={false} width={36} tick={{ fontSize: 12, fill: '#1b2330' }} />
          {series.map((s, i) => {
            const style = lineStyles[i % lineStyles.length]
            return (
              <Line key={s.key} dataKey={s.key} name={s.name} stroke={style.stroke} strokeWidth={2} strokeDasharray={style.dash} dot={style.dot} isAnimationActive={false}>
                <LabelList dataKey={s.key} position="top" offset={8} style={{ fontSize: 11, fill: style.stroke }} />
              </Line>
            )
          })}
        </LineChart>
      </div>
      <ul className="chart-legend">
        {series.map((s, i) => {
          const style = lineStyles[i % lineStyles.length]
          return (
            <li key={s.key}>
              <svg width="28" height="12" aria-hidden="true">
                <line x1="0" y1="6" x2="28" y2="6" stroke={style.stroke} strokeWidth="2" strokeDasharray={style.dash} />
                <circle cx="14" cy="6" r="3.5" fill={style.dot.fill} stroke={style.dot.stroke ?? style.stroke} strokeWidth={style.dot.strokeWidth ?? 0} />
              </svg>
              {s.name}
            </li>
          )
        })}
      </ul>
    </figure>
  )
}

export interface ColumnDatum {
  label: string
  value: number
  /** A column that stands apart from the others (drawn hatched), e.g. "registered outside the platform". */
  apart?: boolean
}

/** Upright columns for a distribution: one column per bucket, its count written above it. */
export function ColumnChart({ data, title, note, width = 420, height = 240 }: { data: ColumnDatum[]; title: string; note?: string; width?: number; height?: number }) {
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <BarChart width={width} height={height} data={data} margin={{ top: 20, right: 8, bottom: 8, left: 0 }} role="img" aria-label={title}>
        <defs>
          <pattern id="pattern-apart" width="8" height="8" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <rect width="8" height="8" fill="#f6e3c4" />
            <line x1="0" y1="0" x2="0" y2="8" stroke="#8a4b00" strokeWidth="3" />
          </pattern>
        </defs>
        <CartesianGrid vertical={false} stroke="#e3e8ef" />
        <XAxis dataKey="label" tick={{ fontSize: 11, fill: '#1b2330' }} interval={0} />
        <YAxis allowDecimals={false} width={32} tick={{ fontSize: 12, fill: '#1b2330' }} />
        <Bar
          dataKey="value"
          isAnimationActive={false}
          shape={(props: { x?: number; y?: number; width?: number; height?: number; payload?: ColumnDatum }) => (
            <rect x={props.x} y={props.y} width={props.width} height={props.height} fill={props.payload?.apart ? 'url(#pattern-apart)' : INK} stroke={props.payload?.apart ? '#8a4b00' : 'none'} />
          )}
        >
          <LabelList dataKey="value" position="top" style={{ fontSize: 13, fill: '#1b2330' }} />
        </Bar>
      </BarChart>
      {note ? <p className="hint">{note}</p> : null}
    </figure>
  )
}

export interface FunnelRow {
  key: string
  label: string
  count: number
  /** What to write beside the bar: the conversion from the step before. */
  conversion: string | null
  to: string | null
}

/** A funnel drawn in HTML: a bar per step as wide as its share of the first step, with the conversion beside it. */
export function FunnelChart({ rows, title, renderLink }: { rows: FunnelRow[]; title: string; renderLink: (to: string, children: ReactNode) => ReactNode }) {
  const first = rows[0]?.count ?? 0
  return (
    <figure className="chart funnel">
      <figcaption>{title}</figcaption>
      <ol>
        {rows.map((row) => {
          const width = first > 0 ? Math.max(2, (row.count / first) * 100) : 0
          const label = (
            <>
              <span className="funnel-label">{row.label}</span>
              <strong className="funnel-count">{row.count}</strong>
            </>
          )
          return (
            <li key={row.key}>
              <div className="funnel-head">{row.to ? renderLink(row.to, label) : label}</div>
              <div className="funnel-track" aria-hidden="true">
                <span className="funnel-bar" style={{ width: `${width}%` }} />
              </div>
              {row.conversion ? <span className="funnel-conversion">{row.conversion}</span> : null}
            </li>
          )
        })}
      </ol>
    </figure>
  )
}
