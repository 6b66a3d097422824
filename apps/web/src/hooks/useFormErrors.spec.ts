import { renderHook } from '@testing-library/react';
import { ApiError } from '../api/client';
import i18n from '../i18n';
import { useFormErrors } from './useFormErrors';

beforeAll(() => i18n.changeLanguage('en'));

const badRequest = (details: { field: string; message: string }[]) =>
  new ApiError(400, { statusCode: 400, error: 'Bad Request', message: 'Invalid request', code: 'VALIDATION_FAILED', details });

describe('useFormErrors', () => {
  const fields = ['email', 'roles', 'persons.0.lastName'] as const;

  it('shows the client errors while there is no server answer', () => {
    const { result } = renderHook(() => useFormErrors({ email: 'required' }, null, { fields }));
    expect(result.current).toEqual({ errors: { email: 'required' }, formError: null });
  });

  it('puts each details[] entry at the field it belongs to, the longest match first', () => {
    const error = badRequest([
      { field: 'roles[0]', message: 'not a role' },
      { field: 'persons[0].lastName', message: 'too long' },
    ]);
    const { result } = renderHook(() => useFormErrors({}, error, { fields }));
    expect(result.current).toEqual({ errors: { roles: 'not a role', 'persons.0.lastName': 'too long' }, formError: null });
  });

  it('makes what no field owns the form-level message', () => {
    const error = badRequest([
      { field: 'email', message: 'bad email' },
      { field: 'unknownThing', message: 'not allowed' },
    ]);
    const { result } = renderHook(() => useFormErrors({}, error, { fields }));
    expect(result.current).toEqual({ errors: { email: 'bad email' }, formError: 'not allowed' });
  });

  it('shows a code that is about one field at that field', () => {
    const error = new ApiError(409, { statusCode: 409, error: 'Conflict', message: 'taken', code: 'EMAIL_TAKEN' });
    const { result } = renderHook(() => useFormErrors({}, error, { fields, codeFields: { EMAIL_TAKEN: 'email' } }));
    expect(result.current.formError).toBeNull();
    expect(result.current.errors['email']).toEqual(expect.any(String));
    expect(result.current.errors['email']).not.toBe('taken');
  });

  it('gives a translated form message for an answer without details, and leaves handled errors to the page', () => {
    const error = new ApiError(500, { statusCode: 500, error: 'Internal Server Error', message: 'boom' });
    const { result } = renderHook(() => useFormErrors({}, error, { fields }));
    expect(result.current.formError).toEqual(expect.any(String));
    expect(result.current.formError).not.toBe('boom');
    const handled = renderHook(() => useFormErrors({ email: 'x' }, error, { fields, handled: () => true }));
    expect(handled.result.current).toEqual({ errors: { email: 'x' }, formError: null });
  });
});
