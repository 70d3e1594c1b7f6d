/**
 * The internal token the gateway sends to subgraphs: it must only work for the subgraph, the
 * request and the minute it was issued for.
 */
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  INTERNAL_CALLS,
  INTERNAL_ISSUER,
  InternalKeys,
  InternalTokenError,
  audiencesOf,
  deriveInternalKey,
  requestBodyHash,
  signInternalToken,
  signInternalTokenSync,
  verifyInternalToken,
  type Principal,
} from '../src/index.ts';

const secret = randomBytes(32).toString('base64url');
const principal: Principal = {
  subject: 'user-1',
  displayName: 'Sam Worker',
  roles: ['RECONNECT_STAFF'],
  organisationCode: 'RC-NW',
  staffId: 'staff-1',
};
const query = 'query Person($id: ID!) { person(id: $id) { id givenName } }';
const variables = { id: '6f1c0b0e-4d0a-4b8e-9a77-0d6d0c9c3a11' };
const hash = requestBodyHash(query, variables);
const claims = { principal, requestId: 'req-0001', purpose: 'DIRECT_CARE', caller: 'gateway' };

describe('internal token', () => {
  it('round trips the principal, request id, purpose and caller', async () => {
    const token = await signInternalToken(secret, 'person', claims, hash);
    await expect(verifyInternalToken(secret, 'person', token, hash)).resolves.toEqual(claims);
  });

  it("carries the client's correlation id beside the hub's request id, and no claim when there is none", async () => {
    const correlated = { ...claims, correlationId: 'client id 0001' };
    const token = await signInternalToken(secret, 'person', correlated, hash);
    await expect(verifyInternalToken(secret, 'person', token, hash)).resolves.toEqual(correlated);
    const plain = await signInternalToken(secret, 'person', claims, hash);
    expect(JSON.parse(Buffer.from(plain.split('.')[1]!, 'base64url').toString())).not.toHaveProperty('cid');
  });

  it('is the HS256 JWT jose signs: the same header and claims, valid for 60 seconds', async () => {
    const token = await signInternalToken(secret, 'person', claims, hash);
    const [header, payload] = token
      .split('.')
      .slice(0, 2)
      .map((part) => JSON.parse(Buffer.from(part, 'base64url').toString()));
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' });
    expect(payload).toMatchObject({ iss: INTERNAL_ISSUER, aud: 'person', sub: 'user-1', bh: hash });
    expect(payload.exp - payload.iat).toBe(60);
    const bySignJwt = await new SignJWT({ ...payload })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .sign(deriveInternalKey(secret, 'person'));
    expect(token).toBe(bySignJwt);
  });

  it('is refused when missing', async () => {
    await expect(verifyInternalToken(secret, 'person', undefined, hash)).rejects.toBeInstanceOf(
      InternalTokenError,
    );
  });

  it('is refused once expired', async () => {
    // Signed by hand so that it expired well beyond the verifier's tolerance.
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ roles: principal.roles, rid: 'req-0001', bh: hash, caller: 'gateway' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience('person')
      .setSubject(principal.subject)
      .setIssuedAt(now - 120)
      .setExpirationTime(now - 60)
      .sign(deriveInternalKey(secret, 'person'));
    await expect(verifyInternalToken(secret, 'person', token, hash)).rejects.toBeInstanceOf(
      InternalTokenError,
    );
  });

  describe('lives no longer than its lifetime, whatever its exp says (issue 24, item 7)', () => {
    /** Signed with the right key and valid in every other way; times in seconds from now. */
    const timed = (issued: number, expires: number) => {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ roles: principal.roles, rid: 'req-0001', bh: hash, caller: 'gateway' })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(INTERNAL_ISSUER)
        .setAudience('person')
        .setSubject(principal.subject)
        .setIssuedAt(now + issued)
        .setExpirationTime(now + expires)
        .sign(deriveInternalKey(secret, 'person'));
    };

    it.each([
      ['that lives a year', 0, 365 * 24 * 3600],
      ['that lives 61 seconds', 0, 61],
      ['issued an hour ago, expiring in 30 s', -3600, 30],
      ['issued 70 s ago, expiring in 30 s', -70, 30],
      ['issued in ten minutes', 600, 660],
    ])('refuses a token %s', async (_label, issued, expires) => {
      await expect(verifyInternalToken(secret, 'person', await timed(issued, expires), hash)).rejects.toThrow(
        InternalTokenError,
      );
    });

    it('accepts one that lives 60 seconds, issued up to its lifetime ago', async () => {
      await expect(verifyInternalToken(secret, 'person', await timed(0, 60), hash)).resolves.toMatchObject({
        requestId: 'req-0001',
      });
      await expect(verifyInternalToken(secret, 'person', await timed(-50, 10), hash)).resolves.toMatchObject({
        requestId: 'req-0001',
      });
    });

    it('signInternalTokenSync signs what signInternalToken signs', async () => {
      const payloadOf = (token: string) => {
        const { iat, exp, ...rest } = JSON.parse(
          Buffer.from(token.split('.')[1]!, 'base64url').toString(),
        ) as {
          iat: number;
          exp: number;
        };
        expect(exp - iat).toBe(60);
        return rest;
      };
      const sync = signInternalTokenSync(secret, 'person', claims, hash);
      expect(payloadOf(sync)).toEqual(payloadOf(await signInternalToken(secret, 'person', claims, hash)));
      await expect(verifyInternalToken(secret, 'person', sync, hash)).resolves.toEqual(claims);
    });
  });

  it('a token for the person subgraph is refused by the referral subgraph', async () => {
    const token = await signInternalToken(secret, 'person', claims, hash);
    await expect(verifyInternalToken(secret, 'referral', token, hash)).rejects.toBeInstanceOf(
      InternalTokenError,
    );
  });

  it('is refused when signed with another secret', async () => {
    const token = await signInternalToken(randomBytes(32).toString('base64url'), 'person', claims, hash);
    await expect(verifyInternalToken(secret, 'person', token, hash)).rejects.toBeInstanceOf(
      InternalTokenError,
    );
  });

  it('is refused when its issuer is not the hub', async () => {
    const token = await new SignJWT({ rid: 'req-0001', bh: hash })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer('someone-else')
      .setAudience('person')
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(deriveInternalKey(secret, 'person'));
    await expect(verifyInternalToken(secret, 'person', token, hash)).rejects.toBeInstanceOf(
      InternalTokenError,
    );
  });

  it('is refused when not bound to a request body', async () => {
    const token = await new SignJWT({ rid: 'req-0001' })
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience('person')
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(deriveInternalKey(secret, 'person'));
    await expect(verifyInternalToken(secret, 'person', token, hash)).rejects.toBeInstanceOf(
      InternalTokenError,
    );
  });

  describe('is bound to its request (replay)', () => {
    it('is refused with other variables', async () => {
      const token = await signInternalToken(secret, 'person', claims, hash);
      const other = requestBodyHash(query, { id: '0a8a5f55-3c59-4d4e-a9ff-2f3c1f5e7b22' });
      await expect(verifyInternalToken(secret, 'person', token, other)).rejects.toThrow(/another request/);
    });

    it('is refused with another query', async () => {
      const token = await signInternalToken(secret, 'person', claims, hash);
      const other = requestBodyHash('query Person($id: ID!) { person(id: $id) { id nhsNumber } }', variables);
      await expect(verifyInternalToken(secret, 'person', token, other)).rejects.toThrow(/another request/);
    });

    it('a request without variables hashes like one with none', () => {
      expect(requestBodyHash(query, undefined)).toEqual(requestBodyHash(query, {}));
      expect(requestBodyHash(query, undefined)).not.toEqual(requestBodyHash(query, { id: null }));
    });
  });
});

describe('keys per audience (issue 19, item 5)', () => {
  const keysOf = (process: string) => InternalKeys.forProcess(secret, process);

  it('derives one key per audience with HKDF, none equal to another or to the secret', () => {
    const keys = INTERNAL_CALLS.gateway.map((a) => deriveInternalKey(secret, a).toString('hex'));
    expect(new Set(keys).size).toBe(4);
    expect(keys).not.toContain(Buffer.from(secret).toString('hex'));
    expect(deriveInternalKey(secret, 'person').equals(deriveInternalKey(secret, 'person'))).toBe(true);
    expect(deriveInternalKey(secret, 'person')).toHaveLength(32);
  });

  it('gives each process its own audience and those it calls, nothing else', () => {
    expect(Object.fromEntries(Object.keys(INTERNAL_CALLS).map((p) => [p, keysOf(p).audiences]))).toEqual({
      gateway: ['partner', 'person', 'referral', 'regional-service'],
      'regional-service': ['regional-service'],
      person: ['partner', 'person', 'referral'],
      referral: ['person', 'referral', 'regional-service'],
      partner: ['partner', 'person', 'referral', 'regional-service'],
    });
    expect(audiencesOf('referral')).toEqual(['person', 'referral', 'regional-service']);
    expect(() => audiencesOf('mystery')).toThrow(/unknown hub process/);
  });

  it('a process lacking an audience key cannot produce a token that audience accepts', async () => {
    const referral = keysOf('referral');
    const person = keysOf('person');
    const directory = keysOf('regional-service');
    // The directory calls nobody: it has no key to sign for referral with...
    await expect(signInternalToken(directory, 'referral', claims, hash)).rejects.toThrow(
      /no internal token key for referral/,
    );
    // ...and a token it makes with the one key it has, addressed to referral, is refused there.
    const forged = await signInternalToken(
      new InternalKeys([['referral', directory.keyFor('regional-service')]]),
      'referral',
      claims,
      hash,
    );
    await expect(verifyInternalToken(referral, 'referral', forged, hash)).rejects.toBeInstanceOf(
      InternalTokenError,
    );
    // Referral never calls partner: the same holds.
    await expect(signInternalToken(referral, 'partner', claims, hash)).rejects.toThrow(
      /no internal token key for partner/,
    );
    for (const key of referral.audiences.map((a) => referral.keyFor(a))) {
      const attempt = await signInternalToken(new InternalKeys([['partner', key]]), 'partner', claims, hash);
      await expect(verifyInternalToken(keysOf('partner'), 'partner', attempt, hash)).rejects.toBeInstanceOf(
        InternalTokenError,
      );
    }
    // What a process does call works: referral to person, the gateway (the secret) to anyone.
    const toPerson = await signInternalToken(referral, 'person', claims, hash);
    await expect(verifyInternalToken(person, 'person', toPerson, hash)).resolves.toEqual(claims);
    const fromGateway = await signInternalToken(secret, 'partner', claims, hash);
    await expect(verifyInternalToken(keysOf('partner'), 'partner', fromGateway, hash)).resolves.toEqual(
      claims,
    );
  });

  it('a token signed with the secret itself (the old scheme) is refused', async () => {
    const payload = { roles: principal.roles, rid: 'req-0001', bh: hash, caller: 'gateway' };
    const token = await new SignJWT(payload)
      .setProtectedHeader({ alg: 'HS256' })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience('person')
      .setSubject('user-1')
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(new TextEncoder().encode(secret));
    await expect(verifyInternalToken(keysOf('person'), 'person', token, hash)).rejects.toBeInstanceOf(
      InternalTokenError,
    );
  });

  it('serialises as INTERNAL_TOKEN_KEYS and parses back to the same keys', async () => {
    const text = keysOf('partner').serialize();
    expect(text).toMatch(
      /^partner:[\w-]{43},person:[\w-]{43},referral:[\w-]{43},regional-service:[\w-]{43}$/,
    );
    expect(text).not.toContain(secret);
    const parsed = InternalKeys.parse(text);
    const token = await signInternalToken(parsed, 'referral', claims, hash);
    await expect(verifyInternalToken(keysOf('referral'), 'referral', token, hash)).resolves.toEqual(claims);
    expect(() => InternalKeys.parse('person:short')).toThrow(/32 bytes/);
  });
});
