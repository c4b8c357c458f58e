import { isRouteErrorResponse, Link, useRouteError } from '@remix-run/react'
import { useTranslation } from 'react-i18next'

/** The error and not-found pages: status and a sentence in the reader's language, never a stack. */
export function ErrorPage() {
  const error = useRouteError()
  const { t } = useTranslation()
  const status = isRouteErrorResponse(error) ? error.status : 500
  const kind = status === 403 ? 'forbidden' : status === 404 ? 'notFound' : status === 429 ? 'tooMany' : status === 400 ? 'badRequest' : 'server'
  return (
    <section className="error-page" aria-labelledby="error-title">
      <p className="error-status">{status}</p>
      <h1 id="error-title">{t(`errorPage.${kind}.title`)}</h1>
      <p>{t(`errorPage.${kind}.text`)}</p>
      <p>
        <Link to="/">{t('errorPage.home')}</Link>
      </p>
    </section>
  )
}
