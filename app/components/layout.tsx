import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '~/i18n'

export interface ShellUser {
  name: string
  organisationName: string | null
  organisationVerified: boolean
  unread: number
}

export interface NavArea {
  to: string
  labelKey: string
  /** Active only on this very path, not on the pages below it. */
  end?: boolean
}

export function SiteHeader({ user, areas, locale }: { user: ShellUser | null; areas: NavArea[]; locale: Locale }) {
  const { t } = useTranslation()
  return (
    <header className="site-header">
      <div className="container header-row">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <div className="header-tools">
          <LanguageSwitcher locale={locale} />
          {user ? (
            <>
              <Link to="/notifications" className="notifications-link">
                {t('nav.notifications')}
                {user.unread > 0 ? (
                  <span className="counter" aria-label={t('nav.unread', { count: user.unread })}>
                    {user.unread}
                  </span>
                ) : null}
              </Link>
              <Link to="/account" className="account-link">
                {user.name}
                {user.organisationName ? <span className="muted"> · {user.organisationName}</span> : null}
              </Link>
              <Form method="post" action="/logout">
                <button type="submit" className="button link">
                  {t('nav.signOut')}
                </button>
              </Form>
            </>
          ) : (
            <>
              <NavLink to="/login">{t('nav.signIn')}</NavLink>
              <NavLink to="/signup" className="button primary small">
                {t('nav.signUp')}
              </NavLink>
            </>
          )}
        </div>
      </div>
      <div className="container nav-row">
        <nav aria-label={t('nav.main')} className="main-nav">
          {areas.map((a) => (
            <NavLink key={a.to} to={a.to} end={a.end}>
              {t(a.labelKey)}
            </NavLink>
          ))}
        </nav>
      </div>
    </header>
  )
}

/** Works without JavaScript: a plain form that posts the choice and comes back to this page. */
export function LanguageSwitcher({ locale }: { locale: Locale }) {
  const { t } = useTranslation()
  const location = useLocation()
  const other: Locale = locale === 'ru' ? 'en' : 'ru'
  return (
    <Form method="post" action="/lang" className="language-switcher">
      <input type="hidden" name="redirectTo" value={location.pathname + location.search} />
      <button type="submit" name="locale" value={other} className="button link" lang={other} aria-label={t('nav.switchLanguage')}>
        {other === 'en' ? 'English' : 'Русский'}
      </button>
    </Form>
  )
}

export function UnverifiedBadge() {
  const { t } = useTranslation()
  return (
    <span className="badge warning" title={t('organisation.unverifiedHint')}>
      {t('organisation.unverified')}
    </span>
  )
}

export function VerificationBadge({ status }: { status: 'unverified' | 'verified' | 'rejected' }) {
  const { t } = useTranslation()
  if (status === 'verified') return <span className="badge success">{t('organisation.verified')}</span>
  if (status === 'rejected') return <span className="badge danger">{t('organisation.rejected')}</span>
  return <UnverifiedBadge />
}

export function Pagination({ page, pageCount }: { page: number; pageCount: number }) {
  const { t } = useTranslation()
  const location = useLocation()
  if (pageCount <= 1) return null
  const hrefFor = (p: number) => {
    const params = new URLSearchParams(location.search)
    params.set('page', String(p))
    return `${location.pathname}?${params}`
  }
  return (
    <nav className="pagination" aria-label={t('pagination.label')}>
      {page > 1 ? <Link to={hrefFor(page - 1)}>{t('pagination.previous')}</Link> : <span />}
      <span>{t('pagination.pageOf', { page, count: pageCount })}</span>
      {page < pageCount ? <Link to={hrefFor(page + 1)}>{t('pagination.next')}</Link> : <span />}
    </nav>
  )
}
