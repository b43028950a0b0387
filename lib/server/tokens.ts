/** Bearer tokens: a token is shown once when made and stored only as its SHA-256 digest, so a
 *  copy of the database grants no access. */
import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';

/** Tokens start with this, so a leaked one is recognisable (and searchable) as Echoes'. */
const PREFIX = 'echoes_';

const digestOf = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/** Makes and stores a new token named `name`; answers the token (never stored as such). */
export async function createToken(pool: Pool, name: string): Promise<string> {
  const token = PREFIX + randomBytes(24).toString('base64url');
  await pool.query('insert into echoes_tokens (name, digest) values ($1, $2)', [name, digestOf(token)]);
  return token;
}

/** Who a token is: its id and name, or null for an unknown one. Answers are kept for
 *  `cacheMs`, so a busy client costs one lookup a minute, not one per request. */
export class TokenCheck {
  private readonly known = new Map<string, { at: number; who: { id: number; name: string } | null }>();

  constructor(private readonly pool: Pool, private readonly cacheMs = 60_000, private readonly now = () => Date.now()) {}

  /** The token of an `Authorization: Bearer …` header value; null when absent or unknown. */
  async check(header: string | undefined): Promise<{ id: number; name: string } | null> {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
    if (!token || token.length > 200) return null;
    const held = this.known.get(token);
    if (held && this.now() - held.at < this.cacheMs) return held.who;
    const { rows } = await this.pool.query<{ id: number; name: string }>('select id, name from echoes_tokens where digest = $1', [digestOf(token)]);
    const who = rows[0] ?? null;
    if (this.known.size > 10_000) this.known.clear();
    this.known.set(token, { at: this.now(), who });
    return who;
  }
}
