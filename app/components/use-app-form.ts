import { useForm } from '@conform-to/react'

/**
 * conform's useForm, subscribed to every field's errors. conform re-renders the component that calls
 * useForm only for what that component itself read while rendering; our field components read their
 * errors in their own render, so without this a submit that fails in the browser would show nothing.
 */
export function useAppForm<Schema extends Record<string, any>, FormValue = Schema, FormError = string[]>(
  options: Parameters<typeof useForm<Schema, FormValue, FormError>>[0],
): ReturnType<typeof useForm<Schema, FormValue, FormError>> {
  const [form, fields] = useForm<Schema, FormValue, FormError>(options)
  void form.allErrors
  return [form, fields]
}
