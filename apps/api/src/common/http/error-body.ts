/** The error shape of api.md: every 4xx/5xx answers this. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: { field: string; message: string }[];
  [extra: string]: unknown;
}
