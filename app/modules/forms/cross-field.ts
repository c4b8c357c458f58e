import { z } from 'zod'

/**
 * A form schema whose cross-field rules run even when another field is wrong, so that a person sees
 * every error after one submit. Zod skips an object's refinements once any field fails to parse, so
 * the rules run on a lenient copy of the fields they read (a field that does not parse is simply
 * absent there, and its own error comes from the strict schema), parsed side by side with the form.
 */
export function withCrossFieldRules<Shape extends z.ZodRawShape, Key extends keyof Shape & string>(
  fields: z.ZodObject<Shape>,
  read: readonly Key[],
  rules: (values: { [K in Key]?: z.output<Shape[K]> }, ctx: z.RefinementCtx) => void
) {
  const lenient = z.object(Object.fromEntries(read.map((key) => [key, fields.shape[key].optional().catch(undefined)])) as { [K in Key]: z.ZodCatch<z.ZodOptional<Shape[K]>> })
  return z.intersection(
    fields,
    lenient.superRefine((values, ctx) => rules(values as { [K in Key]?: z.output<Shape[K]> }, ctx))
  )
}
