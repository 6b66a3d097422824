import { ApiError } from '../../api/client';
import { logout, refreshSession } from './api/auth';
import { createSession } from './session';

jest.mock('./api/auth', () => ({ refreshSession: jest.fn(), logout: jest.fn() }));
const refreshMock = jest.mocked(refreshSession);
const logoutMock = jest.mocked(logout);
const unauthorized = () => new ApiError(401, { statusCode: 401, error: 'Unauthorized', message: 'No valid session' });

beforeEach(() => {
  jest.useFakeTimers();
  refreshMock.mockReset();
  logoutMock.mockReset();
});
afterEach(() => jest.useRealTimers());

describe('createSession', () => {
  it('starts restoring, holds the token in memory once signed in', () => {
    const s = createSession();
    expect(s.getSnapshot().status).toBe('restoring');
    s.signIn({ accessToken: 'a1', expiresIn: 900 });
    expect(s.getToken()).toBe('a1');
    expect(s.getSnapshot()).toEqual({ status: 'authenticated', expired: false, pendingMfaToken: null });
  });

  it('restores a session from the refresh cookie, once', async () => {
    refreshMock.mockResolvedValue({ accessToken: 'restored', expiresIn: 900 });
    const s = createSession();
    s.restore();
    s.restore();
    await jest.advanceTimersByTimeAsync(0);
    expect(refreshMock).toHaveBeenCalledTimes(1);
    expect(s.getToken()).toBe('restored');
  });

  it('is anonymous, not expired, when there was nothing to restore', async () => {
    refreshMock.mockRejectedValue(unauthorized());
    const s = createSession();
    s.restore();
    await jest.advanceTimersByTimeAsync(0);
    expect(s.getSnapshot()).toEqual({ status: 'anonymous', expired: false, pendingMfaToken: null });
  });

  it('shares one refresh request between concurrent callers', async () => {
    let resolve!: (t: { accessToken: string; expiresIn: number }) => void;
    refreshMock.mockReturnValue(new Promise((r) => (resolve = r)));
    const s = createSession();
    const both = Promise.all([s.refresh(), s.refresh()]);
    resolve({ accessToken: 'new', expiresIn: 900 });
    expect(await both).toEqual([true, true]);
    expect(refreshMock).toHaveBeenCalledTimes(1);
  });

  it('refreshes shortly before the token expires', async () => {
    refreshMock.mockResolvedValue({ accessToken: 'second', expiresIn: 900 });
    const s = createSession();
    s.signIn({ accessToken: 'first', expiresIn: 900 });
    await jest.advanceTimersByTimeAsync(839_000);
    expect(refreshMock).not.toHaveBeenCalled();
    await jest.advanceTimersByTimeAsync(2_000);
    expect(refreshMock).toHaveBeenCalledTimes(1);
    expect(s.getToken()).toBe('second');
  });

  it('never schedules a refresh loop for a very short token', async () => {
    refreshMock.mockResolvedValue({ accessToken: 'x', expiresIn: 0 });
    const s = createSession();
    s.signIn({ accessToken: 'x', expiresIn: 0 });
    await jest.advanceTimersByTimeAsync(999);
    expect(refreshMock).not.toHaveBeenCalled();
  });

  it('ends the session as expired when a refresh is refused', async () => {
    refreshMock.mockRejectedValue(unauthorized());
    const s = createSession();
    s.signIn({ accessToken: 'a', expiresIn: 900 });
    expect(await s.refresh()).toBe(false);
    expect(s.getToken()).toBeNull();
    expect(s.getSnapshot()).toMatchObject({ status: 'anonymous', expired: true });
  });

  it('keeps a still-valid token through a network failure and retries later', async () => {
    refreshMock.mockRejectedValueOnce(new TypeError('network down')).mockResolvedValueOnce({ accessToken: 'later', expiresIn: 900 });
    const s = createSession();
    s.signIn({ accessToken: 'a', expiresIn: 900 });
    expect(await s.refresh()).toBe(false);
    expect(s.getSnapshot().status).toBe('authenticated');
    await jest.advanceTimersByTimeAsync(15_000);
    expect(s.getToken()).toBe('later');
  });

  it('does not let a refresh answer from before a sign-out resurrect the session', async () => {
    let resolve!: (t: { accessToken: string; expiresIn: number }) => void;
    refreshMock.mockReturnValue(new Promise((r) => (resolve = r)));
    logoutMock.mockResolvedValue(undefined);
    const s = createSession();
    s.signIn({ accessToken: 'a', expiresIn: 900 });
    const pending = s.refresh();
    await s.signOut();
    resolve({ accessToken: 'zombie', expiresIn: 900 });
    await pending;
    expect(s.getToken()).toBeNull();
    expect(s.getSnapshot()).toMatchObject({ status: 'anonymous', expired: false });
  });

  it('notifies subscribers and keeps the MFA step in the snapshot', () => {
    const s = createSession();
    const listener = jest.fn();
    const unsubscribe = s.subscribe(listener);
    s.requireMfa('mfa-token');
    expect(s.getSnapshot().pendingMfaToken).toBe('mfa-token');
    s.cancelMfa();
    expect(s.getSnapshot().pendingMfaToken).toBeNull();
    expect(listener).toHaveBeenCalledTimes(2);
    unsubscribe();
    s.requireMfa('again');
    expect(listener).toHaveBeenCalledTimes(2);
  });

  it('revokes the refresh token on sign-out even when the access token just expired', async () => {
    logoutMock.mockRejectedValueOnce(unauthorized()).mockResolvedValueOnce(undefined);
    refreshMock.mockResolvedValue({ accessToken: 'fresh', expiresIn: 900 });
    const s = createSession();
    s.signIn({ accessToken: 'stale', expiresIn: 900 });
    await s.signOut();
    expect(logoutMock).toHaveBeenCalledTimes(2);
    expect(s.getSnapshot().status).toBe('anonymous');
  });
});
