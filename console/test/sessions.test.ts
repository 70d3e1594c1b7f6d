/**
 * Sessions in PostgreSQL (connect-pg-simple) when DATABASE_URL is set: a session made by one
 * console instance is honoured by another (a restart, or a second instance behind a load
 * balancer). Runs only on PostgreSQL (TEST_DATABASE_URL), like the hub's other database tests.
 */
import { loadConfig, testEnv } from '@reconnect/config';
import { createHubDatabase, type TestDatabase } from '@reconnect/hub/testing';
import postgres from 'postgres';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConsoleApp, type ConsoleApp } from '../src/app.ts';

const onPostgres = Boolean(loadConfig(testEnv).TEST_DATABASE_URL);
if (!onPostgres)
  console.log('console session store tests skipped: set TEST_DATABASE_URL to run them on PostgreSQL');

describe.skipIf(!onPostgres)('sessions in PostgreSQL', () => {
  let database: TestDatabase;
  const apps: ConsoleApp[] = [];
  const consoleApp = () => {
    const app = createConsoleApp({
      // No hub needed: the test only looks at the session.
      gatewayUrl: 'http://127.0.0.1:9/graphql',
      sessionSecret: 'shared-session-secret-0123456789abcdef',
      production: false,
      databaseUrl: database.url,
      devSigner: async () => 'unused',
      today: () => '2026-12-01',
      log: () => {},
    });
    apps.push(app);
    return app;
  };

  beforeAll(async () => {
    database = await createHubDatabase({ seed: false });
  }, 120_000);

  afterAll(async () => {
    for (const app of apps) await app.close();
    await database?.drop();
  });

  it('keeps a session made by one instance for the next', async () => {
    const first = consoleApp();
    const visit = await supertest(first.app).get('/sign-in');
    const cookie = (visit.headers['set-cookie'] as unknown as string[])[0]!.split(';')[0]!;
    const sql = postgres(database.url!, { max: 1, onnotice: () => {} });
    const rows = await sql<{ sess: { csrfToken?: string } }[]>`select sess from console_session`;
    await sql.end();
    expect(rows.length).toBe(1);
    const token = rows[0]!.sess.csrfToken!;
    // A second instance (as after a restart) accepts that session's CSRF token: same session.
    const second = consoleApp();
    const withSession = await supertest(second.app)
      .post('/sign-in')
      .set('cookie', cookie)
      .type('form')
      .send({ _csrf: token, staffId: '' });
    expect(withSession.status).not.toBe(403);
    const withoutSession = await supertest(second.app)
      .post('/sign-in')
      .type('form')
      .send({ _csrf: token, staffId: '' });
    expect(withoutSession.status).toBe(403);
  });
});
