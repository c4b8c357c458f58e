import { Form, Link, NavLink, useLocation } from '@remix-run/react'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import type { Locale } from '~/i18n'
import type { NavGroup, NavItem } from '~/modules/workspace/navigation'
import { LanguageIcon, MenuIcon, MenuToggleIcon, NotificationsIcon, SignOutIcon } from './icons'

export interface ShellUser {
  name: string
  organisationName: string | null
  organisationVerified: boolean
  unread: number
}

/**
 * The header: the logo, the language, notifications and the account on one row; the role's menu on
 * the next, one row wide on a laptop. On a phone the menu folds into a disclosure (<details>), which
 * opens and closes without JavaScript; the catalogues fold the same way on a laptop.
 */
export function SiteHeader({ user, navigation, locale }: { user: ShellUser | null; navigation: NavGroup[]; locale: Locale }) {
  const { t } = useTranslation()
  const header = useRef<HTMLElement>(null)
  const location = useLocation()
  // With JavaScript, an open menu closes once a page is chosen, on a click elsewhere and on Escape.
  useEffect(() => closeMenus(header.current), [location])
  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!(event.target instanceof Node)) return
      header.current?.querySelectorAll('details[open]').forEach((d) => {
        if (!d.contains(event.target as Node)) d.removeAttribute('open')
      })
    }
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeMenus(header.current)
    }
    document.addEventListener('click', onClick)
    document.addEventListener('keydown', onKey)
    return () => {
      document.removeEventListener('click', onClick)
      document.removeEventListener('keydown', onKey)
    }
  }, [])
  return (
    <header className="site-header" ref={header}>
      <div className="container header-row">
        <Link to="/" className="brand" aria-label={t('app.name')}>
          <Logo />
          <span className="brand-name">{t('app.name')}</span>
        </Link>
        <div className="header-tools">
          <div className="header-language">
            <LanguageSwitcher locale={locale} />
          </div>
          {user ? (
            <>
              <Link to="/notifications" className="notifications-link">
                <NotificationsIcon />
                <span className="notifications-label">{t('nav.notifications')}</span>
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
              <Form method="post" action="/logout" className="sign-out">
                <button type="submit" className="button link">
                  <SignOutIcon />
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
          <details className="phone-menu">
            <summary>
              <MenuToggleIcon />
              {t('nav.menu')}
              <WaitingCount n={navigation[0]?.items[0]?.waiting} />
            </summary>
            <nav aria-label={t('nav.main')} className="phone-nav">
              {navigation.map((group) => (
                <section key={group.key} aria-labelledby={`phone-nav-${group.key}`}>
                  <h2 id={`phone-nav-${group.key}`}>{t(group.labelKey)}</h2>
                  <MenuList items={group.items} />
                </section>
              ))}
              <div className="phone-language">
                <LanguageSwitcher locale={locale} />
              </div>
              {user ? (
                <section aria-labelledby="phone-nav-account">
                  <h2 id="phone-nav-account">{user.name}</h2>
                  <ul>
                    <li>
                      <NavLink to="/account">{t('nav.account')}</NavLink>
                    </li>
                    <li>
                      <Form method="post" action="/logout">
                        <button type="submit" className="button link">
                          <SignOutIcon />
                          {t('nav.signOut')}
                        </button>
                      </Form>
                    </li>
                  </ul>
                </section>
              ) : null}
            </nav>
          </details>
        </div>
      </div>
      <div className="container nav-row">
        <nav aria-label={t('nav.main')} className="main-nav">
          {navigation.map((group) =>
            group.key === 'catalogues' ? (
              <details key={group.key} className="nav-group">
                <summary className={group.items.some((i) => isCurrent(location.pathname, i)) ? 'active' : undefined}>{t(group.labelKey)}</summary>
                <MenuList items={group.items} />
              </details>
            ) : (
              group.items.map((item) => <MenuLink key={item.to} item={item} />)
            ),
          )}
        </nav>
      </div>
    </header>
  )
}

function closeMenus(root: HTMLElement | null) {
  root?.querySelectorAll('details[open]').forEach((d) => d.removeAttribute('open'))
}

function isCurrent(pathname: string, item: NavItem): boolean {
  return item.end ? pathname === item.to : pathname === item.to || pathname.startsWith(`${item.to}/`)
}

function MenuList({ items }: { items: NavItem[] }) {
  return (
    <ul>
      {items.map((item) => (
        <li key={item.to}>
          <MenuLink item={item} withIcon />
        </li>
      ))}
    </ul>
  )
}

/** A menu entry; lists (the phone menu, the catalogues' drop-down) show its icon, the laptop's one row does not, to stay one row. */
function MenuLink({ item, withIcon = false }: { item: NavItem; withIcon?: boolean }) {
  const { t } = useTranslation()
  return (
    <NavLink to={item.to} end={item.end}>
      {withIcon ? <MenuIcon to={item.to} /> : null}
      <span className="menu-label">{t(item.labelKey)}</span>
      <WaitingCount n={item.waiting} />
    </NavLink>
  )
}

/** How many things wait behind a menu entry: a number to see, a sentence to hear. */
function WaitingCount({ n }: { n: number | undefined }) {
  const { t } = useTranslation()
  if (!n) return null
  return (
    <span className="nav-count" data-testid="nav-count">
      <span aria-hidden="true">{n}</span>
      <span className="visually-hidden">{t('nav.waiting', { count: n })}</span>
    </span>
  )
}

/** The product's mark: a lab (the warm dot) and an industry partner (the square) joined by one bridge, under the spark of an idea. */
export function Logo({ size = 32 }: { size?: number }) {
  return (
    <svg className="logo" width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#1f5fbf" />
      <path d="M7 22.5c2.6-7 15.4-7 18 0" fill="none" stroke="#ffffff" strokeWidth="2.4" strokeLinecap="round" />
      <circle cx="7" cy="22.5" r="3.2" fill="#ffd166" />
      <rect x="21.8" y="19.3" width="6.4" height="6.4" rx="1.4" fill="#ffffff" />
      <circle cx="16" cy="10" r="2.4" fill="#ffffff" />
      <path d="M16 12.4v4.2" stroke="#ffffff" strokeWidth="2" strokeLinecap="round" />
    </svg>
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
        <LanguageIcon />
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
