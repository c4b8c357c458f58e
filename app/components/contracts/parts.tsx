import type { FieldMetadata } from '@conform-to/react'
import { useTranslation } from 'react-i18next'
import { useFormat } from '~/components/format'
import { translateMessage } from '~/components/messages'
import { MAX_DOCUMENT_MEGABYTES } from '~/modules/documents/limits'
import { documentAccept } from '~/modules/documents/sniff'
import { numberFormat } from '~/modules/format/intl'

// Small pieces the contract, programme and claim pages share: documents, statuses, history.

export interface DocumentRef {
  id: number
  originalName: string
  size: number
}

export function useFileSize() {
  const { locale } = useFormat()
  return (bytes: number) => {
    const units = locale === 'en' ? ['B', 'KB', 'MB'] : ['Б', 'КБ', 'МБ']
    const power = bytes >= 1024 * 1024 ? 2 : bytes >= 1024 ? 1 : 0
    const value = bytes / 1024 ** power
    return `${numberFormat(locale === 'en' ? 'en-US' : 'ru-RU', { maximumFractionDigits: power ? 1 : 0 }).format(value)} ${units[power]}`
  }
}

/** A link that downloads a document; the server decides whether this person may have it. */
export function DocumentLink({ document, missingKey = 'documents.none' }: { document?: DocumentRef | null; missingKey?: string }) {
  const { t } = useTranslation()
  const size = useFileSize()
  if (!document) return <span className="badge warning">{t(missingKey)}</span>
  return (
    <span className="document-link">
      <a href={`/documents/${document.id}`} download>
        {document.originalName}
      </a>{' '}
      <span className="muted">({size(document.size)})</span>
    </span>
  )
}

/** A number or id field as the text input or select that sends it: forms carry text, the schema reads it. */
export function textMeta<T>(meta: FieldMetadata<T>): FieldMetadata<string | undefined> {
  return meta as unknown as FieldMetadata<string | undefined>
}

export function FieldErrors({ id, errors }: { id?: string; errors?: string[] }) {
  const { t } = useTranslation()
  if (!errors?.length) return null
  return (
    <ul id={id} className="field-errors" role="alert">
      {errors.map((e) => (
        <li key={e}>{translateMessage(t, e)}</li>
      ))}
    </ul>
  )
}

/** A file input for a PDF or a scan; the form must be multipart. What the file is, the server decides. */
export function DocumentField({ meta, label, required }: { meta: FieldMetadata<unknown>; label: string; required?: boolean }) {
  const { t } = useTranslation()
  return (
    <div className="field">
      <label htmlFor={meta.id}>{label}</label>
      <input
        type="file"
        id={meta.id}
        name={meta.name}
        accept={documentAccept}
        required={required}
        aria-invalid={meta.errors?.length ? true : undefined}
        aria-describedby={`${meta.id}-hint${meta.errors?.length ? ` ${meta.errorId}` : ''}`}
      />
      <p className="hint" id={`${meta.id}-hint`}>
        {t('documents.hint', { max: MAX_DOCUMENT_MEGABYTES })}
      </p>
      <FieldErrors id={meta.errorId} errors={meta.errors} />
    </div>
  )
}

const tones: Record<string, string> = {
  confirmed: 'success',
  approved: 'success',
  paid: 'success',
  open: 'success',
  proposed: 'warning',
  awaiting_confirmation: 'warning',
  submitted: 'warning',
  returned: 'warning',
  upcoming: 'warning',
  declined: 'danger',
  rejected: 'danger',
  withdrawn: '',
  superseded: '',
  draft: '',
  closed: '',
}

export function StatusBadge({ status, prefix }: { status: string; prefix: string }) {
  const { t } = useTranslation()
  return <span className={`badge ${tones[status] ?? ''}`}>{t(`${prefix}.${status}`)}</span>
}

const DATE_PARAMS = new Set(['date', 'from', 'to'])

/** Parameters of a sentence ready to print: dates in the reader's format (amounts format themselves). */
export function useSentenceParams() {
  const { formatDate } = useFormat()
  return (params: Record<string, string | number> = {}) =>
    Object.fromEntries(Object.entries(params).map(([k, v]) => [k, DATE_PARAMS.has(k) && typeof v === 'string' ? formatDate(v) : v]))
}

export interface HistoryEntry {
  id: number
  at: string
  action: string
  actorName: string | null
  organisationName: string | null
  params: Record<string, string | number>
}

/** The audit trail as sentences, oldest first: who did what, when, and why. */
export function HistoryList({ items, prefix }: { items: HistoryEntry[]; prefix: string }) {
  const { t } = useTranslation()
  const { formatDateTime } = useFormat()
  const sentence = useSentenceParams()
  if (items.length === 0) return <p className="empty">{t('contracts.historyEmpty')}</p>
  return (
    <ol className="history">
      {items.map((item) => (
        <li key={item.id}>
          <time dateTime={item.at} className="muted">
            {formatDateTime(item.at)}
          </time>{' '}
          <span>{t(`${prefix}.${item.action.slice(item.action.indexOf('.') + 1)}`, sentence(item.params))}</span>
          {item.actorName ? (
            <span className="muted">
              {' '}
              — {item.actorName}
              {item.organisationName ? `, ${item.organisationName}` : ''}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  )
}
