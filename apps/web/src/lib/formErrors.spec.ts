import { zodResolver } from '@hookform/resolvers/zod';
import { CASE_COMMAND_LIMITS, referralRequestSchema, transitionRequestSchema } from '@schakel/contracts';
import type { TFunction } from 'i18next';
import type { FieldErrors as RhfErrors } from 'react-hook-form';
import { ApiError } from '../api/client';
import { rhfFieldErrors, setServerErrors } from './formErrors';

// A translation that shows the key and its values, so the test sees what reached i18next.
const t = ((key: string, params?: Record<string, unknown>) =>
  params && Object.keys(params).length ? `${key}${JSON.stringify(params)}` : key) as unknown as TFunction;

const resolve = async (schema: Parameters<typeof zodResolver>[0], values: Record<string, unknown>) =>
  (await zodResolver(schema)(values, undefined, { fields: {}, shouldUseNativeValidation: false })).errors as RhfErrors;

const badRequest = (details: { field: string; message: string }[]) =>
  new ApiError(400, { statusCode: 400, error: 'Bad Request', message: 'Invalid request', code: 'VALIDATION_FAILED', details });

describe("form errors on react-hook-form with the contracts' schemas", () => {
  it("keys a nested request's errors by dotted path, as i18n keys with their values", async () => {
    const errors = await resolve(referralRequestSchema, {
      protocolId: '',
      summary: 'short',
      incident: { date: '2026-01-10', types: [], policeReference: '' },
      persons: [{ role: 'VICTIM', firstName: 'Ana', lastName: '', birthDate: '', nationalNumber: '85.07.30-033.29', address: '' }],
      redFlags: [],
      informed: false,
      consentGiven: false,
    });
    expect(rhfFieldErrors(errors, t, { summary: { min: 10 } })).toEqual({
      protocolId: 'validation.chooseProtocol',
      summary: 'validation.minLength{"min":10}',
      'incident.types': 'validation.chooseViolence',
      'persons.0.lastName': 'validation.required',
      'persons.0.nationalNumber': 'screens.nationalNumberCheck',
    });
  });

  it("shows the server's own words for a server error, untranslated", () => {
    const errors = { reason: { type: 'server', message: 'reason must be longer than or equal to 3 characters' } } as RhfErrors;
    expect(rhfFieldErrors(errors, t)).toEqual({ reason: 'reason must be longer than or equal to 3 characters' });
  });

  it("shows a field array's own error at the array", () => {
    const errors = { persons: { root: { type: 'too_big', message: 'validation.tooManyPersons' } } } as unknown as RhfErrors;
    expect(rhfFieldErrors(errors, t)).toEqual({ persons: 'validation.tooManyPersons' });
  });

  it('holds a reason to the limit the API states', async () => {
    const errors = await resolve(transitionRequestSchema, { reason: 'x'.repeat(CASE_COMMAND_LIMITS.transitionReasonMax + 1) });
    expect(rhfFieldErrors(errors, t)).toEqual({ reason: 'validation.tooLong' });
    expect(await resolve(transitionRequestSchema, { reason: 'x'.repeat(CASE_COMMAND_LIMITS.transitionReasonMax) })).toEqual({});
  });

  it("puts a 400's details on the fields the form has, and says when none matched", () => {
    const set: [string, unknown][] = [];
    const setError = ((name: string, error: unknown) => set.push([name, error])) as never;
    expect(
      setServerErrors(
        badRequest([
          { field: 'persons[0].lastName', message: 'lastName is required' },
          { field: 'other', message: 'x' },
        ]),
        setError,
        ['persons', 'summary'],
      ),
    ).toBe(true);
    expect(set).toEqual([['persons.0.lastName', { type: 'server', message: 'lastName is required' }]]);
    expect(setServerErrors(badRequest([{ field: 'other', message: 'x' }]), setError, ['summary'])).toBe(false);
    expect(setServerErrors(new ApiError(429, { statusCode: 429, error: 'Too Many Requests', message: 'slow down' }), setError, ['summary'])).toBe(false);
  });
});
