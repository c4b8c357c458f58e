import { Bar, BarChart, CartesianGrid, LabelList, Legend, XAxis, YAxis } from 'recharts'

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
}: {
  data: StackedDatum[]
  series: { key: string; name: string }[]
  title: string
  format?: (n: number) => string
  width?: number
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
        <YAxis type="category" dataKey="label" width={200} tick={{ fontSize: 13, fill: '#1b2330' }} />
        <Legend wrapperStyle={{ fontSize: 13 }} />
        {series.map((s, i) => (
          <Bar key={s.key} dataKey={s.key} name={s.name} stackId="total" fill={patterns[i % patterns.length].fill} stroke="#174a96" isAnimationActive={false} barSize={26} />
        ))}
      </BarChart>
    </figure>
  )
}
