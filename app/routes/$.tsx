import { notFound } from '~/modules/http/guards.server'
import { ErrorPage } from '~/components/error-page'

// Every address no route claims: a 404 page in the reader's language.
export function loader() {
  notFound()
}

export function action() {
  notFound()
}

export default function NotFound() {
  return <ErrorPage />
}

export function ErrorBoundary() {
  return <ErrorPage />
}
