import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, type LinksFunction } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { useTranslation } from 'react-i18next'
import type { z } from 'zod'
import { FormErrors, SubmitButton } from '~/components/forms'
import { programmeDefaults, ProgrammeFields } from '~/components/programmes/programme-fields'
import { notFound, requirePermission } from '~/modules/http/guards.server'
import { parseId } from '~/modules/http/params.server'
import { respondToForm } from '~/modules/http/respond.server'
import { getProgramme, updateProgramme } from '~/modules/programmes/programmes.server'
import { ProgrammeSchema } from '~/modules/programmes/schemas'
import styles from '~/styles/contracts.css'

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: styles }]
export const meta: MetaFunction = () => [{ title: 'Правила программы · Programme rules' }]

export function loader({ request, context, params }: LoaderFunctionArgs) {
  requirePermission(context, request, 'programme:manage')
  const programme = getProgramme(parseId(params.programmeId))
  if (!programme) notFound()
  return json({ programme })
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const actor = requirePermission(context, request, 'programme:manage')
  const submission = parseSubmission(await request.formData(), ProgrammeSchema)
  if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
  const id = parseId(params.programmeId)
  return respondToForm(submission, updateProgramme(actor, id, submission.value), {
    redirectTo: `/admin/programmes/${id}`,
    toast: { type: 'success', key: 'toast.saved' },
  })
}

export default function EditProgramme() {
  const { t } = useTranslation()
  const { programme } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useAppForm<z.input<typeof ProgrammeSchema>, z.infer<typeof ProgrammeSchema>>({
    lastResult,
    constraint: getZodConstraint(ProgrammeSchema),
    defaultValue: programmeDefaults(programme),
    onValidate: ({ formData }) => parseSubmission(formData, ProgrammeSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  return (
    <section className="narrow">
      <p>
        <Link to={`/admin/programmes/${programme.id}`}>{t('programmes.backToProgramme')}</Link>
      </p>
      <h1>{t('programmes.editTitle', { title: programme.title })}</h1>
      <p className="muted">{t('programmes.editLead')}</p>
      <Form method="post" {...getFormProps(form)}>
        <FormErrors errors={form.errors} id={form.errorId} />
        <ProgrammeFields fields={fields} />
        <SubmitButton>{t('common.save')}</SubmitButton>
      </Form>
    </section>
  )
}
