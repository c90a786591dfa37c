/**
 * Lets the event loop turn (I/O, other requests' callbacks) before a long synchronous step: an
 * analysis of all France and the serialisation of its 9 MB answer are then two tasks, with
 * /api/health and the other requests served between them, not one that holds everyone.
 */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
