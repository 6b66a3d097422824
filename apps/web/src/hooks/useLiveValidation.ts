import { useCallback, useMemo, useState, type FocusEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod/mini';
import type { FieldErrors } from '../lib/FieldErrors';
import { zodFieldErrors } from '../lib/zodFieldErrors';

interface LiveValidation<T> {
  /** The errors to show: of the fields the user has left (blurred) once, and of all fields after a submit. */
  errors: FieldErrors;
  /** Put on the `<form>`: a field counts as visited once the focus leaves it (by its `name`). */
  onBlur: (event: FocusEvent<HTMLFormElement>) => void;
  /** On submit: the parsed values, or null after showing every error (and asking for the focus). */
  validate: () => T | null;
  /** Changes after each refused submit; hand it to useFocusFirstInvalidOn. */
  focusRequest: number;
  /** Forget what was visited, e.g. when the form starts over. */
  reset: () => void;
}

/** A field name is visited when it, or a group that contains it (`persons.0`), was left once. */
function isVisited(name: string, visited: ReadonlySet<string>): boolean {
  if (visited.has(name)) return true;
  for (const v of visited) if (name.startsWith(`${v}.`)) return true;
  return false;
}

/**
 * Validates a form as the user types, with the same zod (mini) schema that checks it on submit.
 * A field's message appears once the user has left that field (not while they first fill it in)
 * and then follows every keystroke; a refused submit shows all messages at once.
 */
export function useLiveValidation<S extends z.ZodMiniType>(schema: S, values: unknown, { nested = false } = {}): LiveValidation<z.infer<S>> {
  const { t } = useTranslation();
  const [visited, setVisited] = useState<ReadonlySet<string>>(() => new Set());
  const [submitted, setSubmitted] = useState(false);
  const [focusRequest, setFocusRequest] = useState(0);
  const result = useMemo(() => schema.safeParse(values), [schema, values]);
  const all = useMemo<FieldErrors>(() => (result.success ? {} : zodFieldErrors(result.error, t, nested)), [result, t, nested]);
  const errors = useMemo<FieldErrors>(() => {
    if (submitted) return all;
    const shown: FieldErrors = {};
    for (const [name, message] of Object.entries(all)) if (isVisited(name, visited)) shown[name] = message;
    return shown;
  }, [all, submitted, visited]);

  const onBlur = useCallback((event: FocusEvent<HTMLFormElement>) => {
    const name = (event.target as { name?: unknown }).name;
    if (typeof name !== 'string' || !name) return;
    setVisited((prev) => (prev.has(name) ? prev : new Set(prev).add(name)));
  }, []);

  const validate = useCallback((): z.infer<S> | null => {
    if (result.success) return result.data as z.infer<S>;
    setSubmitted(true);
    setFocusRequest((n) => n + 1);
    return null;
  }, [result]);

  const reset = useCallback(() => {
    setVisited(new Set());
    setSubmitted(false);
  }, []);

  return { errors, onBlur, validate, focusRequest, reset };
}
