import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';

/**
 * Node answers requests it cannot parse (a URL or headers beyond maxHeaderSize, a malformed request
 * line) before the framework sees them. Answer them with the API's JSON error body, so every error a
 * client can provoke carries a `code`: Fastify's `clientErrorHandler` (which replaces its own answer).
 */
export function answerClientErrorAsJson(err: NodeJS.ErrnoException, socket: Duplex): void {
  if (err.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'HEADERS_TOO_LARGE']
      : err.code === 'HPE_HEADERS_TIMEOUT' || err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'REQUEST_TIMEOUT']
        : [400, 'BAD_REQUEST'];
  const error = STATUS_CODES[status] ?? 'Error';
  const message =
    status === 431 ? 'The request line or headers are too large' : status === 408 ? 'The request took too long to arrive' : 'The request could not be parsed';
  const body = JSON.stringify({ statusCode: status, error, message, code });
  socket.end(
    `HTTP/1.1 ${status} ${error}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `Cache-Control: no-store\r\nConnection: close\r\n\r\n${body}`,
  );
}
