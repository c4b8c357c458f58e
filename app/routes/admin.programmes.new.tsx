import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type LinksFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { FormErrors, SubmitButton } from '~/components/forms'
import { ProgrammeFields } from '~/components/programmes/programme-fields'
import { regionYear } from '~/modules/calendar/calendar'
import { requirePermission } from '~/modules/http/guards.server'
import { respondToForm } from '~/modules/http/respond.server'
import { createProgramme } from '~/modules/programmes/programmes.server'
import { ProgrammeSchema } from '~/modules/programmes/schemas'
import styles from '~/styles/contracts.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Новая программа · New programme' }]

export function loader({ request, context }: LoaderFunctionArgs) {
  requirePermission(context, request, 'programme:manage')
  return json({ year: regionYear() })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'programme:manage')
  const submission = parseSubmission(await request.formData(), ProgrammeSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  return respondToForm(submission, createProgramme(actor, submission.value), {
    redirectTo: (v) => `/admin/programmes/${v.programmeId}`,
    toast: { type: 'success', key: 'programmes.toast.created' },
  })
}

export default function NewProgramme() {
  const { t } = useTranslation()
  const { year } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useAppForm<z.input<typeof ProgrammeSchema>, z.infer<typeof ProgrammeSchema>>({
    lastResult,
    constraint: getZodConstraint(ProgrammeSchema),
    defaultValue: { year, eligibleContractorKinds: ['state_university', 'ras_institute', 'state_research_org'], requiredDocuments: ['contract', 'acceptance_act', 'payment_order'], share: '50' },
    onValidate: ({ formData }) => parseSubmission(formData, ProgrammeSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <section className="narrow">
      <p>
        <Link to="/admin/programmes">{t('programmes.backToList')}</Link>
      </p>
      <h1>{t('programmes.new.title')}</h1>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <ProgrammeFields fields={fields} />
        <SubmitButton>{t('programmes.new.submit')}</SubmitButton>
      </Form>
    </section>
  )
}
