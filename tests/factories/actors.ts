import { loadActor } from '~/modules/auth/actor.server'
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
