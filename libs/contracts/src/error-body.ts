/** The error body of every 4xx/5xx answer (api.md "Conventions"). */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  /** Machine-readable reason of a 409/422 (api.md "Error codes"). */
  code?: string;
  /** One entry per offending field of a 400. */
  details?: { field: string; message: string }[];
  /** Further machine-readable context of a 409/422 (e.g. `unmetGuards`, `refusals`). */
  [extra: string]: unknown;
}
