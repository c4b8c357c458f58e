import { json, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node'
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from '@remix-run/react'
import { useEffect, useMemo, useState } from 'react'
import { I18nextProvider, useTranslation } from 'react-i18next'
import { ErrorPage } from '~/components/error-page'
import { SiteHeader } from '~/components/layout'
import { useNonce } from '~/components/nonce'
import { createI18n, defaultLocale, type Locale } from '~/i18n'
import { resolveLocale } from '~/modules/http/locale.server'
import { readToast, type Toast } from '~/modules/http/toast.server'
import { unreadCount } from '~/modules/notifications/notify.server'
import { menuCounts } from '~/modules/workspace/current-agenda.server'
import { navigationFor } from '~/modules/workspace/navigation'
import styles from '~/styles/app.css'
import '~/modules/http/context'

export const links: LinksFunction = () => [
  { rel: 'icon', href: '/favicon.svg', type: 'image/svg+xml' },
  { rel: 'stylesheet', href: styles },
]

export const meta: MetaFunction = () => [{ title: 'Наука — индустрии · Science for Industry' }, { name: 'theme-color', content: '#1f5fbf' }]

export async function loader({ request, context }: LoaderFunctionArgs) {
  const actor = context.actor
  const locale = await resolveLocale(request, actor)
  const { toast, setCookie } = await readToast(request)
  const navigation = navigationFor(actor, menuCounts(actor))
  const user = actor
    ? {
        name: actor.name,
        organisationName: actor.organisationLabel,
        organisationVerified: actor.organisationVerified,
        unread: unreadCount(actor.userId),
      }
    : null
  return json({ locale, toast, user, navigation }, { headers: setCookie ? { 'Set-Cookie': setCookie } : undefined })
}

function ToastMessage({ toast }: { toast: Toast }) {
  const { t } = useTranslation()
  const [visible, setVisible] = useState(true)
  useEffect(() => {
    setVisible(true)
    const timer = setTimeout(() => setVisible(false), 6000)
    return () => clearTimeout(timer)
  }, [toast])
  if (!visible) return null
  return (
    <div className={`toast ${toast.type}`} role="status">
      {t(toast.key, toast.params)}
      <button type="button" className="button link" onClick={() => setVisible(false)} aria-label={t('common.close')}>
        ×
      </button>
    </div>
  )
}

function Document({ locale, children }: { locale: Locale; children: React.ReactNode }) {
  const nonce = useNonce()
  const i18n = useMemo(() => createI18n(locale), [locale])
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nextProvider i18n={i18n}>{children}</I18nextProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  )
}

export default function App() {
  const { locale, toast, user, navigation } = useLoaderData<typeof loader>()
  return (
    <Document locale={locale}>
      <a href="#main" className="skip-link">
        <SkipLabel />
      </a>
      <SiteHeader user={user} navigation={navigation} locale={locale} />
      {toast ? <ToastMessage toast={toast} /> : null}
      <main id="main" className="container">
        <Outlet />
      </main>
    </Document>
  )
}

function SkipLabel() {
  const { t } = useTranslation()
  return <>{t('nav.skipToContent')}</>
}

export function ErrorBoundary() {
  const data = useRouteLoaderData<typeof loader>('root')
  const locale = data?.locale ?? defaultLocale
  return (
    <Document locale={locale}>
      <SiteHeader user={data?.user ?? null} navigation={data?.navigation ?? []} locale={locale} />
      <main id="main" className="container">
        <ErrorPage />
      </main>
    </Document>
  )
}
