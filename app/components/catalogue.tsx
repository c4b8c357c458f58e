import { Fragment } from 'react'
import { useTranslation } from 'react-i18next'
import { HIGHLIGHT_END, HIGHLIGHT_START } from '#search/engine'

/** Text with the search engine's match markers shown as <mark>; the text itself is never HTML. */
export function Highlighted({ text }: { text: string }) {
  const parts = text.split(HIGHLIGHT_START)
  return (
    <>
      {parts.map((part, i) => {
        if (i === 0) return <Fragment key={i}>{part}</Fragment>
        const [marked, rest = ''] = part.split(HIGHLIGHT_END)
        return (
          <Fragment key={i}>
            <mark>{marked}</mark>
            {rest}
          </Fragment>
        )
      })}
    </>
  )
}

export function TrlRange({ from, to }: { from: number; to: number }) {
  const { t } = useTranslation()
  return <>{from === to ? t('trl.one', { level: from }) : t('trl.range', { from, to })}</>
}

export function KeywordList({ keywords }: { keywords: readonly string[] }) {
  if (!keywords.length) return null
  return (
    <ul className="keywords">
      {keywords.map((k) => (
        <li key={k}>{k}</li>
      ))}
    </ul>
  )
}
