/**
 * Requests Node's HTTP parser refuses before Hono sees them (headers over 16 Kio, malformed
 * request lines): answered in the API's one error shape, in French, instead of Node's bare
 * status line. Installed on the HTTP server by main.ts (`server.on('clientError', …)`).
 */
import type { Socket } from 'node:net';
import { errorBody } from './api-error';

function answer(status: number, reason: string, code: string, message: string): string {
  const body = JSON.stringify(errorBody(code, message));
  return `HTTP/1.1 ${status} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
}

export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable || err.code === 'ECONNRESET') {
    socket.destroy();
    return;
  }
  const text = err.code === 'HPE_HEADER_OVERFLOW'
    ? answer(431, 'Request Header Fields Too Large', 'en_tetes_trop_grands', 'En-têtes de requête trop volumineux (16 Kio au plus) : allégez les cookies ou l\'adresse.')
    : err.code === 'HPE_HEADERS_TIMEOUT' || err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
      ? answer(408, 'Request Timeout', 'delai_depasse', 'Requête trop lente à arriver : délai dépassé.')
      : answer(400, 'Bad Request', 'requete_invalide', 'Requête HTTP mal formée.');
  socket.end(text);
}
