/** Words of English error messages (zod, Hono, Node) that must never reach a user. */
export const ENGLISH = /\b(Invalid|invalid input|expected|received|Malformed|Too (big|small)|must be|Required|Unexpected|Unrecognized|Bad Request|Not Found|Internal Server Error|Payload Too Large|Request Header)\b/i;
