import { getFormProps } from '@conform-to/react'
import { useAppForm } from '~/components/use-app-form'
import { getZodConstraint } from '@conform-to/zod'
import { parseSubmission } from '~/modules/forms/parse-submission'
import { json, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react'
import { z } from 'zod'
import { useTranslation } from 'react-i18next'
import { Field, FormErrors, SubmitButton } from '~/components/forms'
import { VerificationBadge } from '~/components/layout'
import { useFormat } from '~/components/format'
import { idField } from '~/modules/forms/fields'
import { forbidden, requireActor } from '~/modules/http/guards.server'
import { respondToForm } from '~/modules/http/respond.server'
import { inviteMember, listInvitations, revokeInvitation } from '~/modules/organisations/invitations.server'
import { getOrganisation, listMembers, removeMember, setMemberRole } from '~/modules/organisations/organisations.server'
import { regionName } from '~/modules/organisations/regions'
import { InviteSchema } from '~/modules/organisations/schemas'
import { can } from '~/modules/permissions/can'

const MemberActionSchema = z.object({ membershipId: idField })
const InvitationActionSchema = z.object({ invitationId: idField })

export function loader({ request, context }: LoaderFunctionArgs) {
  const actor = requireActor(context, request)
  if (!actor.organisationId) forbidden()
  const organisation = getOrganisation(actor.organisationId)
  if (!organisation) forbidden()
  const canManage = can(actor, 'organisation:manage_members', { organisationId: organisation.id })
  return json({
    organisation,
    members: listMembers(actor, organisation.id),
    invitations: canManage ? listInvitations(organisation.id) : [],
    canManage,
    canEdit: can(actor, 'organisation:edit', { organisationId: organisation.id }),
    me: actor.userId,
  })
}

export async function action({ request, context }: ActionFunctionArgs) {
  const actor = requireActor(context, request)
  const formData = await request.formData()
  const intent = formData.get('intent')
  if (!actor.organisationId) forbidden()
  if (intent === 'invite') {
    const submission = parseSubmission(formData, InviteSchema)
    if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
    const result = inviteMember(actor, actor.organisationId, { email: submission.value.email })
    return respondToForm(submission, result, {
      redirectTo: '/org',
      toast: { type: 'success', key: 'toast.invited', params: { email: submission.value.email } },
    })
  }
  if (intent === 'revoke') {
    const submission = parseSubmission(formData, InvitationActionSchema)
    if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
    return respondToForm(submission, revokeInvitation(actor, submission.value.invitationId), {
      redirectTo: '/org',
      toast: { type: 'info', key: 'toast.invitationRevoked' },
    })
  }
  if (intent === 'remove' || intent === 'make-owner' || intent === 'make-member') {
    const submission = parseSubmission(formData, MemberActionSchema)
    if (submission.status !== 'success') return json(submission.reply(), { status: 400 })
    const id = submission.value.membershipId
    const result = intent === 'remove' ? removeMember(actor, id) : setMemberRole(actor, id, intent === 'make-owner' ? 'owner' : 'member')
    return respondToForm(submission, result, { redirectTo: '/org', toast: { type: 'success', key: 'toast.saved' } })
  }
  return json({ status: 'error' as const, error: { '': ['errors.invalid'] } }, { status: 400 })
}

export default function MyOrganisation() {
  const { t, i18n } = useTranslation()
  const { formatDate } = useFormat()
  const { organisation, members, invitations, canManage, canEdit, me } = useLoaderData<typeof loader>()
  const lastResult = useActionData<typeof action>()
  const [form, fields] = useAppForm({
    id: 'invite',
    lastResult: lastResult && 'initialValue' in lastResult && lastResult.initialValue?.intent === 'invite' ? lastResult : undefined,
    constraint: getZodConstraint(InviteSchema),
    onValidate: ({ formData }) => parseSubmission(formData, InviteSchema),
    shouldValidate: 'onBlur',
    shouldRevalidate: 'onInput',
  })
  const locale = i18n.language === 'en' ? 'en' : 'ru'
  const pendingInvitations = invitations.filter((i) => !i.acceptedAt && !i.revokedAt && Date.parse(i.expiresAt) > Date.now())
  return (
    <section>
      <div className="page-head">
        <h1>{organisation.name}</h1>
        <VerificationBadge status={organisation.verificationStatus} />
      </div>
      {organisation.verificationStatus === 'rejected' && organisation.verificationNote ? (
        <p className="notice danger">{t('organisation.rejectedReason', { reason: organisation.verificationNote })}</p>
      ) : null}
      {organisation.verificationStatus === 'unverified' && organisation.identityChangedAt ? (
        <p className="notice" data-testid="identity-changed">
          {t('organisation.identityChanged', { date: formatDate(organisation.identityChangedAt) })}
        </p>
      ) : organisation.verificationStatus === 'unverified' ? (
        <p className="notice">{t('organisation.awaitingVerification')}</p>
      ) : null}
      <dl className="facts">
        <dt>{t('fields.organisationType')}</dt>
        <dd>{t(`organisationType.${organisation.type}`)}</dd>
        <dt>{t('fields.inn')}</dt>
        <dd>{organisation.inn}</dd>
        <dt>{t('fields.ogrn')}</dt>
        <dd>{organisation.ogrn}</dd>
        <dt>{t('fields.region')}</dt>
        <dd>
          {regionName(organisation.region, locale)}
          {organisation.city ? `, ${organisation.city}` : ''}
        </dd>
        {organisation.alliance ? (
          <>
            <dt>{t('fields.alliance')}</dt>
            <dd>{t(`alliance.${organisation.alliance}`)}</dd>
          </>
        ) : null}
      </dl>
      <p>
        <Link to={`/orgs/${organisation.id}`}>{t('organisation.publicPage')}</Link>
        {canEdit ? (
          <>
            {' · '}
            <Link to="/org/edit">{t('organisation.edit')}</Link>
          </>
        ) : null}
      </p>

      <h2>{t('organisation.members')}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('fields.name')}</th>
            {canManage ? <th scope="col">{t('fields.email')}</th> : null}
            <th scope="col">{t('organisation.role')}</th>
            <th scope="col">{t('organisation.since')}</th>
            {canManage ? <th scope="col"><span className="visually-hidden">{t('common.actions')}</span></th> : null}
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr key={m.membershipId}>
              <td>{m.name}</td>
              {canManage ? <td>{m.email}</td> : null}
              <td>{t(`membershipRole.${m.role}`)}</td>
              <td>{formatDate(m.since)}</td>
              {canManage ? (
                <td className="actions">
                  {m.userId !== me ? (
                    <Form method="post" className="inline">
                      <input type="hidden" name="membershipId" value={m.membershipId} />
                      <button type="submit" name="intent" value={m.role === 'owner' ? 'make-member' : 'make-owner'} className="button small">
                        {t(m.role === 'owner' ? 'organisation.makeMember' : 'organisation.makeOwner')}
                      </button>
                      <button type="submit" name="intent" value="remove" className="button small danger">
                        {t('organisation.remove')}
                      </button>
                    </Form>
                  ) : null}
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>

      {canManage ? (
        <>
          <h2>{t('organisation.invite')}</h2>
          <Form method="post" {...getFormProps(form)} className="inline-form">
            <FormErrors errors={form.errors} id={form.errorId} />
            <input type="hidden" name="intent" value="invite" />
            <Field label={t('fields.email')} meta={fields.email} type="email" />
            <SubmitButton>{t('organisation.sendInvitation')}</SubmitButton>
          </Form>
          {pendingInvitations.length ? (
            <>
              <h3>{t('organisation.pendingInvitations')}</h3>
              <ul className="list">
                {pendingInvitations.map((i) => (
                  <li key={i.id}>
                    {i.email} — {t('organisation.invitationExpires', { date: formatDate(i.expiresAt) })}
                    <Form method="post" className="inline">
                      <input type="hidden" name="invitationId" value={i.id} />
                      <button type="submit" name="intent" value="revoke" className="button small link">
                        {t('organisation.revoke')}
                      </button>
                    </Form>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  )
}
