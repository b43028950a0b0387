/** Shingle keys are unsigned 32-bit; PostgreSQL's integer is signed. Stored keys are the same
 *  32 bits read as signed, converted once at the edge. */

/** An unsigned 32-bit key as PostgreSQL integer. */
export const toStored = (key: number): number => key | 0;

/** A stored integer back to the unsigned key. */
export const fromStored = (value: number): number => value >>> 0;
