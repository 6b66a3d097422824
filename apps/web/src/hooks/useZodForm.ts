import { zodResolver } from '@hookform/resolvers/zod';
import { useCallback, useState, type FormEvent } from 'react';
import { get, useForm, useWatch, type DefaultValues, type FieldValues, type Path, type PathValue, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod/mini';
import type { FieldErrors } from '../lib/FieldErrors';
import { rhfFieldErrors } from '../lib/formErrors';

/** What a controlled field component (TextField, SelectField, CheckboxGroup…) takes from the form. */
export interface BoundField<V> {
  name: string;
  value: V;
  onChange: (value: V) => void;
  onBlur: () => void;
}

export interface ZodForm<T extends FieldValues, Out> {
  form: UseFormReturn<T, unknown, Out>;
  /** The current values (re-rendered on every change). */
  values: T;
  /** Client errors, translated: by top-level field name, or with `nested` by dotted path (`persons.0.lastName`). */
  errors: FieldErrors;
  /** Binds a controlled field component to the form: value, onChange, onBlur (marks it touched). */
  field: <N extends Path<T>>(name: N) => BoundField<PathValue<T, N>>;
  /** The form's onSubmit: the parsed request on success; a refused submit shows every error and asks for the focus. */
  onSubmit: (onValid: (values: Out) => void | Promise<void>) => (event: FormEvent) => void;
  /** Changes after each refused submit; hand it to useFocusFirstInvalidOn. */
  focusRequest: number;
}

/** The `{{min}}`/`{{max}}` of each length rule that fails now, by dotted path: the resolver's errors keep only the message. */
function lengthBounds(schema: z.ZodMiniType, values: unknown): Record<string, Record<string, unknown>> {
  const result = schema.safeParse(values);
  const bounds: Record<string, Record<string, unknown>> = {};
  if (result.success) return bounds;
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join('.');
    if (bounds[path]) continue;
    if (issue.code === 'too_small') bounds[path] = { min: Number(issue.minimum) };
    else if (issue.code === 'too_big') bounds[path] = { max: Number(issue.maximum) };
  }
  return bounds;
}

/** Flat forms show an error at its top-level field (`roles.0` → `roles`), the first one found. */
function topLevel(errors: FieldErrors): FieldErrors {
  const out: FieldErrors = {};
  for (const [path, message] of Object.entries(errors)) {
    const name = path.split('.')[0] ?? path;
    out[name] ??= message;
  }
  return out;
}

/**
 * A form on react-hook-form, validated by the request's zod (mini) schema from libs/contracts through
 * zodResolver. A field's message appears once the user has left it (`onTouched`) and then follows each
 * keystroke; a refused submit shows them all. Messages are i18n keys; `params` gives them values
 * (`{ summary: { min: 10 } }`); a length rule's own bound is passed as `{{min}}`/`{{max}}`.
 */
export function useZodForm<S extends z.ZodMiniType<FieldValues, FieldValues>, T extends FieldValues = z.input<S>>(
  schema: S,
  /** What the inputs hold at first: may be looser than the request (`''` for a choice not made yet). */
  defaultValues: T,
  { params, nested = false }: { params?: Record<string, Record<string, unknown>>; nested?: boolean } = {},
): ZodForm<T, z.output<S>> {
  const { t } = useTranslation();
  const form = useForm<T, unknown, z.output<S>>({
    // The resolver's generics do not follow zod/mini's input/output split; the runtime is the same.
    resolver: zodResolver(schema as never) as never,
    defaultValues: defaultValues as DefaultValues<T>,
    mode: 'onTouched',
    shouldFocusError: false,
  });
  const values = useWatch({ control: form.control }) as T;
  const [focusRequest, setFocusRequest] = useState(0);
  // Not memoised: react-hook-form updates its error object in place.
  const rhfErrors = form.formState.errors;
  const all = rhfFieldErrors(rhfErrors, t, Object.keys(rhfErrors).length ? { ...lengthBounds(schema, values), ...params } : {});
  const errors = nested ? all : topLevel(all);

  const field = useCallback(
    <N extends Path<T>>(name: N): BoundField<PathValue<T, N>> => {
      const registered = form.register(name);
      return {
        name,
        // A row just added to a field array is in the form before the watched values catch up.
        value: (get(values, name) ?? form.getValues(name)) as PathValue<T, N>,
        // An event-like object without a `type` on its target: react-hook-form takes `target.value` as the value, whatever its shape.
        onChange: (value) => void registered.onChange({ target: { name, value }, type: 'change' }),
        // react-hook-form takes the value from the blur event too: hand it the current one.
        onBlur: () => void registered.onBlur({ target: { name, value: form.getValues(name) }, type: 'blur' }),
      };
    },
    [form, values],
  );

  const onSubmit = useCallback(
    (onValid: (values: z.output<S>) => void | Promise<void>) => (event: FormEvent) =>
      void form.handleSubmit(onValid, () => setFocusRequest((n) => n + 1))(event),
    [form],
  );

  return { form, values, errors, field, onSubmit, focusRequest };
}

/** A bound yes/no field for CheckboxField (`checked`). */
export const asCheckbox = ({ value, ...rest }: BoundField<boolean>) => ({ ...rest, checked: value });

/** A bound multi-valued field for CheckboxGroup (`values`); the group's options are the field's values. */
export const asGroup = <V extends string>({ value, onChange, ...rest }: BoundField<V[]>) => ({
  ...rest,
  values: value,
  onChange: (values: string[]) => onChange(values as V[]),
});
