import { loadActor } from '~/modules/auth/actor.server'
import { acceptInvitation, inviteMember } from '~/modules/organisations/invitations.server'
import { signUp } from '~/modules/auth/sign-up.server'
import type { Actor } from '~/modules/permissions/actor'
import { signUpInput } from './organisations'
import type { SignUpInput } from '~/modules/organisations/schemas'

/** Signs up a person with a new organisation of the given type and returns them as an actor. */
export async function actorWithOrganisation(overrides: Partial<SignUpInput> = {}): Promise<Actor> {
  const result = await signUp(signUpInput(overrides))
  if (!result.ok) throw new Error(`sign-up failed: ${result.error}`)
  const actor = loadActor(result.value.userId)
  if (!actor) throw new Error('actor not found')
  return actor
}

let members = 0

/** Invites a new person into the owner's organisation and returns them, as a plain member, as an actor. */
export async function memberOf(owner: Actor): Promise<Actor> {
  const invited = inviteMember(owner, owner.organisationId!, { email: `member-${Date.now()}-${++members}@test.example` })
  if (!invited.ok) throw new Error(`invitation failed: ${invited.error}`)
  const joined = await acceptInvitation(invited.value.link.split('/join/')[1], { name: `Сотрудник ${members}`, password: 'member password 1' })
  if (!joined.ok) throw new Error(`joining failed: ${joined.error}`)
  return loadActor(joined.value.userId)!
}
