import {
  BadgeCheck,
  Bell,
  BellRing,
  BookOpen,
  Building2,
  CalendarClock,
  ChartColumn,
  CircleX,
  ClipboardCheck,
  FileSignature,
  FlaskConical,
  Handshake,
  Inbox,
  Landmark,
  Languages,
  LayoutDashboard,
  LogOut,
  Menu,
  MessageSquare,
  PiggyBank,
  Receipt,
  Search,
  ShieldCheck,
  Sparkles,
  Trophy,
  Wallet,
  type LucideIcon,
} from 'lucide-react'
import type { AgendaKind } from '~/modules/workspace/agenda.server'

// Icons come from Lucide (lucide-react, ISC): one stroke style throughout, drawn as inline SVG so
// they need no request and follow the text's colour. They only ever sit beside a word, never alone,
// so each one is hidden from screen readers.

const ICON_SIZE = 16

/** The icon of a menu entry, by the path it leads to. */
const menuIcons: Record<string, LucideIcon> = {
  '/company': LayoutDashboard,
  '/lab': LayoutDashboard,
  '/admin': LayoutDashboard,
  '/platform': ShieldCheck,
  '/matches': Sparkles,
  '/engagements': Handshake,
  '/contracts': FileSignature,
  '/claims': Wallet,
  '/alerts': BellRing,
  '/admin/claims': ClipboardCheck,
  '/admin/organisations': BadgeCheck,
  '/admin/programmes': PiggyBank,
  '/admin/dashboard': ChartColumn,
  '/admin/measures': Landmark,
  '/requests': Search,
  '/labs': FlaskConical,
  '/orgs': Building2,
  '/measures': BookOpen,
  '/org': Building2,
}

/** The icon of each kind of work in a workspace. */
const agendaIcons: Record<AgendaKind, LucideIcon> = {
  proposals: Sparkles,
  invitations: Inbox,
  engagements: Handshake,
  messages: MessageSquare,
  contracts: FileSignature,
  execution: Receipt,
  claims: Wallet,
  reviewClaims: ClipboardCheck,
  rounds: Trophy,
  reports: CalendarClock,
  verification: BadgeCheck,
  budgets: PiggyBank,
}

function Glyph({ icon: Icon, size = ICON_SIZE }: { icon: LucideIcon; size?: number }) {
  return <Icon className="icon" size={size} strokeWidth={2} aria-hidden="true" focusable="false" />
}

export function MenuIcon({ to }: { to: string }) {
  const icon = menuIcons[to]
  return icon ? <Glyph icon={icon} /> : null
}

export function AgendaIcon({ kind }: { kind: AgendaKind }) {
  return <Glyph icon={agendaIcons[kind]} size={18} />
}

export const NotificationsIcon = () => <Glyph icon={Bell} />
export const LanguageIcon = () => <Glyph icon={Languages} />
export const SignOutIcon = () => <Glyph icon={LogOut} />
export const MenuToggleIcon = () => <Glyph icon={Menu} size={18} />
/** Beside the words of a destructive action: decline, reject, withdraw, archive. */
export const DestructiveIcon = () => <Glyph icon={CircleX} />
