// no-proxy-services on real compose text, and the peers the compose parser reads for it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCompose } from '../../server/documents/compose';
import { findingsOf, fixOnly, spanText } from '../support/ruleFindings';

const RULE = 'no-proxy-services';

const WEB = `services:
  web:
    image: registry.corp.example/web:2.1
    environment:
      - HTTP_PROXY=http://proxy:3128
      - http_proxy=http://proxy:3128
      - NO_PROXY=localhost,127.0.0.1
      - no_proxy=localhost,127.0.0.1,search
      - API_URL=http://api:8080/v1
      - DATABASE_URL=postgres://repo:S3cret@db/repo
      - CACHE_HOST=cache:6379
    depends_on: [api, db, cache, search]
  api:
    image: registry.corp.example/api:2.1
  db:
    image: postgres:16
  cache:
    image: docker.io/library/redis:7@sha256:0123
  search:
    image: opensearchproject/opensearch:2
`;

describe('compose peers', () => {
  test('depends_on, links, URLs and bare hosts naming other services, with where they are written', () => {
    const model = parseCompose(WEB);
    const web = model.scopes.find((s) => s.label === 'service "web"')!;
    const peers = web.peers!.map((p) => ({ name: p.name, evidence: p.evidence, scheme: p.scheme, image: p.image, at: WEB.slice(p.span.start, p.span.end) }));
    assert.deepEqual(peers, [
      { name: 'api', evidence: 'depends_on', scheme: null, image: 'registry.corp.example/api:2.1', at: 'api' },
      { name: 'db', evidence: 'depends_on', scheme: null, image: 'postgres:16', at: 'db' },
      { name: 'cache', evidence: 'depends_on', scheme: null, image: 'docker.io/library/redis:7@sha256:0123', at: 'cache' },
      { name: 'search', evidence: 'depends_on', scheme: null, image: 'opensearchproject/opensearch:2', at: 'search' },
      { name: 'api', evidence: 'API_URL=http://api:8080', scheme: 'http', image: 'registry.corp.example/api:2.1', at: 'api' },
      // The evidence shown in messages never carries the credentials of the URL.
      { name: 'db', evidence: 'DATABASE_URL=postgres://db', scheme: 'postgres', image: 'postgres:16', at: 'db' },
      { name: 'cache', evidence: 'CACHE_HOST=cache:6379', scheme: null, image: 'docker.io/library/redis:7@sha256:0123', at: 'cache' },
    ]);
    assert.equal(WEB.slice(web.peers![4].span.start - 7, web.peers![4].span.end), 'http://api');
  });

  test('links with an alias, a long depends_on and a service naming itself', () => {
    const text = 'services:\n  a:\n    environment:\n      SELF: http://a:80\n    links: ["b:backend"]\n    depends_on:\n      c:\n        condition: service_healthy\n  b:\n    build: .\n  c:\n    image: nginx\n';
    const peers = parseCompose(text).scopes[0].peers!.map((p) => [p.name, p.evidence, p.image]);
    assert.deepEqual(peers, [
      ['c', 'depends_on', 'nginx'],
      ['b', 'links', null],
    ]);
  });
});

describe(RULE, () => {
  test('names the services reached over HTTP, not the postgres and redis ones; appends to each spelling what it lacks', () => {
    const [finding] = findingsOf(WEB, 'docker-compose.yml', RULE);
    assert.equal(finding.severity, 'warning');
    assert.equal(spanText(WEB, finding), 'localhost,127.0.0.1');
    assert.equal(
      finding.message,
      'service "web" talks to api (API_URL=http://api:8080) and search (depends_on) but NO_PROXY and no_proxy lack them: requests to those services go to the proxy, outside the compose network.',
    );
    assert.doesNotMatch(finding.message, /S3cret/);
    const fixed = fixOnly(WEB, 'docker-compose.yml', RULE);
    assert.equal(fixed, WEB.replace('- NO_PROXY=localhost,127.0.0.1\n', '- NO_PROXY=localhost,127.0.0.1,api,search\n').replace('- no_proxy=localhost,127.0.0.1,search\n', '- no_proxy=localhost,127.0.0.1,search,api\n'));
    assert.deepEqual(findingsOf(fixed, 'docker-compose.yml', RULE), []);
  });

  test('a NO_PROXY shared through an anchor: one finding on it, with the names every service needs', () => {
    const text = `x-proxy: &proxy
  HTTP_PROXY: http://proxy:3128
  NO_PROXY: localhost
services:
  web:
    image: web
    environment:
      <<: *proxy
    depends_on: [api]
  worker:
    image: worker
    environment:
      <<: *proxy
      QUEUE_URL: https://queue/jobs
  api:
    image: api
  queue:
    image: queue
`;
    const found = findingsOf(text, 'docker-compose.yml', RULE);
    assert.equal(found.length, 1);
    assert.equal(found[0].message, 'service "web" and service "worker" talk to api (depends_on) and queue (QUEUE_URL=https://queue) but NO_PROXY lacks them: requests to those services go to the proxy, outside the compose network.');
    const fixed = fixOnly(text, 'docker-compose.yml', RULE);
    assert.equal(fixed, text.replace('  NO_PROXY: localhost\n', '  NO_PROXY: localhost,api,queue\n'));
    assert.deepEqual(findingsOf(fixed, 'docker-compose.yml', RULE), []);
  });

  test('good files: names listed (with or without port, or *), no proxy, no NO_PROXY at all, the dind host, a host-supplied list', () => {
    const base = (env: string) => `services:\n  web:\n    environment:\n${env}    depends_on: [api, docker]\n  api:\n    image: api\n  docker:\n    image: docker:27-dind\n`;
    assert.deepEqual(findingsOf(base('      - HTTP_PROXY=http://p:3128\n      - NO_PROXY=localhost,API\n'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf(base('      - HTTP_PROXY=http://p:3128\n      - NO_PROXY=localhost,api:8080\n'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf(base('      - HTTP_PROXY=http://p:3128\n      - NO_PROXY=*\n'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf(base('      - NO_PROXY=localhost\n'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf(base('      - HTTP_PROXY=http://p:3128\n'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf(base('      - HTTP_PROXY=http://p:3128\n      - NO_PROXY\n'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf(base('      - HTTP_PROXY=http://p:3128\n      - NO_PROXY=${NO_PROXY}\n'), 'compose.yml', RULE), []);
  });
});
