import { ApiError } from '../api/client';
import { apiFieldErrorList, apiFieldErrors, dottedField } from './apiFieldErrors';

const badRequest = (details: { field: string; message: string }[]) =>
  new ApiError(400, { statusCode: 400, error: 'Bad Request', message: 'Invalid request', code: 'VALIDATION_FAILED', details });

describe('dottedField', () => {
  it('turns bracket paths into dotted ones', () => {
    expect(dottedField('incident[date]')).toBe('incident.date');
    expect(dottedField('persons[0].lastName')).toBe('persons.0.lastName');
    expect(dottedField('[0]')).toBe('0');
    expect(dottedField('email')).toBe('email');
  });
});

describe('apiFieldErrors', () => {
  it('maps details[] of a 400 to the top-level form field', () => {
    const error = badRequest([
      { field: 'email', message: 'email must be an email' },
      { field: 'roles[0]', message: 'roles.0 is not a role' },
      { field: 'incident[date]', message: 'date is required' },
    ]);
    expect(apiFieldErrors(error)).toEqual({ email: 'email must be an email', roles: 'roles.0 is not a role', incident: 'date is required' });
  });

  it('joins two messages for one field', () => {
    expect(
      apiFieldErrors(
        badRequest([
          { field: 'password', message: 'too short.' },
          { field: 'password', message: 'too common.' },
        ]),
      ),
    ).toEqual({ password: 'too short. too common.' });
  });

  it('has nothing to say about other statuses or other errors', () => {
    expect(apiFieldErrors(new ApiError(409, { statusCode: 409, error: 'Conflict', message: 'taken', code: 'EMAIL_TAKEN' }))).toEqual({});
    expect(apiFieldErrors(new Error('network'))).toEqual({});
    expect(apiFieldErrorList(new ApiError(400, { statusCode: 400, error: 'Bad Request', message: 'bad' }))).toEqual([]);
  });
});
