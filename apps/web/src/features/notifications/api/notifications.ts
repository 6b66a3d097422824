import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { AppNotification, NotificationPage } from '@schakel/contracts';

// GET /me/notifications and marking read (docs/api-extensions.md, "Casework").

export type { AppNotification, NotificationPage } from '@schakel/contracts';

export const notificationsKey = ['notifications'] as const;

/** The inbox, polled every 30 s so the badge follows new events without a reload. */
export const useNotifications = (enabled = true) =>
  useQuery({
    queryKey: notificationsKey,
    queryFn: () => api<NotificationPage>('/me/notifications?limit=100'),
    enabled,
    refetchInterval: 30_000,
  });

export function useMarkNotificationRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<AppNotification>(`/me/notifications/${encodeURIComponent(id)}/read`, { method: 'POST', json: {} }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}

export function useMarkAllNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ marked: number }>('/me/notifications/read-all', { method: 'POST', json: {} }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: notificationsKey }),
  });
}
