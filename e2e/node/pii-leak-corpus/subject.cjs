// One request through every integration Node has, carrying canary values where personal data and
// secrets hide: the query string, URL credentials, the Authorization header, cookies, the body, the
// client's address, console output, logs, local variables, a SQL query and an AI prompt.
// PII=1 turns sendDefaultPii on. Prints `CORPUS done` once everything was flushed.
const Sentry = require('@sentry-sdk/node');

Sentry.init({
  tracesSampleRate: 1,
  enableLogs: true,
  sendDefaultPii: process.env.PII === '1',
  release: 'corpus@1.0.0',
  environment: 'e2e',
  integrations: [
    Sentry.localVariablesIntegration({ captureAllExceptions: true }),
    Sentry.consoleLoggingIntegration({ levels: ['log', 'warn', 'error'] }),
    Sentry.expressIntegration(),
  ],
});

const http = require('node:http');
const express = require('express');
const pg = require('pg');
const OpenAI = require('openai');
const { never, piiOnly } = require('./canaries.json');

const app = express();
app.use(express.json());
app.get('/downstream', (_req, res) => res.send('ok'));
app.post('/checkout', async (req, res, next) => {
  try {
    await handleCheckout(req.app.locals.base);
    res.send('paid');
  } catch (error) {
    next(error);
  }
});
Sentry.setupExpressErrorHandler(app);

function get(url) {
  return new Promise((resolve, reject) => {
    http.get(url, (response) => response.resume().on('end', resolve)).on('error', reject);
  });
}

async function handleCheckout(base) {
  const { port } = new URL(base);
  console.log(`charging the card with password=${never.consolePassword}`);
  Sentry.logger.info('checkout started', { password: never.logPassword, items: 3 });
  Sentry.addBreadcrumb({ category: 'auth', message: 'signed in', data: { token: never.authHeader } });
  await get(
    `http://corpus-user:${never.urlPassword}@127.0.0.1:${port}/downstream?api_key=${never.outgoingQuery}&page=1`,
  );
  await fetch(`${base}/downstream?access_token=${never.outgoingQuery}`);

  const db = new pg.Client({ host: '127.0.0.1', port: 5432, user: 'postgres', database: 'test' });
  await db.connect();
  await db.query('SELECT $1::text AS parameter', [never.dbParameter]);
  await db.query(`SELECT '${piiOnly.dbLiteral}' AS literal`);
  await db.end();

  const llm = new OpenAI({ apiKey: 'sk-corpus', baseURL: `${process.env.LLM_URL}/v1`, maxRetries: 0 });
  await llm.chat.completions.create({
    model: 'gpt-4o-mini',
    messages: [{ role: 'user', content: piiOnly.prompt }],
  });

  await Sentry.withMonitor('corpus-job', () => 'reconciled', {
    schedule: { type: 'crontab', value: '0 * * * *' },
  });
  chargeCard(never.card);
}

function chargeCard(card) {
  const password = never.localPassword;
  const apiKey = never.outgoingQuery;
  throw new Error(`the card was declined (${card.length} digits, ${password.length + apiKey.length} chars)`);
}

const server = app.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  app.locals.base = base;
  const response = await fetch(`${base}/checkout?access_token=${never.incomingQuery}&page=2`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${never.authHeader}`,
      cookie: `theme=${piiOnly.plainCookie}; session=${never.sessionCookie}`,
      'x-forwarded-for': piiOnly.ip,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ note: piiOnly.bodyNote, password: never.bodyPassword }),
  });
  await response.text();
  await Sentry.flush(10_000);
  server.close();
  console.log('CORPUS done');
});
