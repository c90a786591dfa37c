/** The French answer of a rate limit (services/rate-limits.ts counts the windows). */
import { ApiError } from './api-error';

export const tooMany = (what: string) => new ApiError(429, 'trop_de_requetes', `${what} en une minute : réessayez dans un instant.`);
