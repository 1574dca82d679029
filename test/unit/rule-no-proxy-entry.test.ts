// no-proxy-entry on real text of every kind: the squiggle on the entry, the clients named, the rewrite applied, re-lint.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { applyEdits } from '../../server/engine/fixes';
import { findingsOf, fixOnly, spanText } from '../support/ruleFindings';

const RULE = 'no-proxy-entry';
const compose = (env: string) => `services:\n  api:\n    environment:\n${env}`;

describe(RULE, () => {
  test('compose: *.x is not understood by curl, wget, Python and git (n07) → .x', () => {
    const text = compose('      - no_proxy=localhost,*.corp.example\n');
    const [finding] = findingsOf(text, 'docker-compose.yml', RULE);
    assert.equal(finding.severity, 'warning');
    assert.equal(spanText(text, finding), '*.corp.example');
    assert.equal(
      finding.message,
      'The no_proxy entry "*.corp.example" in service "api" is ignored by curl, wget, Python requests, Python urllib and git ("*." is not understood): write ".corp.example".',
    );
    const fixed = fixOnly(text, 'docker-compose.yml', RULE);
    assert.equal(fixed, compose('      - no_proxy=localhost,.corp.example\n'));
    assert.deepEqual(findingsOf(fixed, 'docker-compose.yml', RULE), []);
  });

  test('config.toml: host:port is ignored by curl and git (n11; wget does not read NO_PROXY) → bare host added before it', () => {
    const text = '[[runners]]\n  name = "r"\n  environment = ["NO_PROXY=localhost,docker:2375,docker:2376"]\n';
    const found = findingsOf(text, 'config.toml', RULE);
    assert.deepEqual(found.map((f) => spanText(text, f)), ['docker:2375', 'docker:2376']);
    assert.equal(found[0].message, 'The NO_PROXY entry "docker:2375" in runner "r" is ignored by curl and git (an entry with a port is not understood): write "docker,docker:2375".');
    assert.equal(found[0].fix?.title, 'Add "docker" (without the port) before "docker:2375"');
    const fixed = applyEdits(text, found[0].fix!.edits);
    assert.equal(fixed, '[[runners]]\n  name = "r"\n  environment = ["NO_PROXY=localhost,docker,docker:2375,docker:2376"]\n');
    // The bare entry now covers docker:2376 for curl and git too.
    assert.deepEqual(findingsOf(fixed, 'config.toml', RULE), []);
  });

  test('systemd: ; is no separator (n24) → ,', () => {
    const path = '/etc/systemd/system/app.service.d/proxy.conf';
    const text = '[Service]\nEnvironment="no_proxy=localhost;.corp.example"\n';
    const [finding] = findingsOf(text, path, RULE);
    assert.match(finding.message, /^The no_proxy entry "localhost;\.corp\.example" in \[Service\] of app\.service is ignored by curl, wget, Python requests, Python urllib, Node undici, axios, Go and git \(";" is not a separator\): write "localhost,\.corp\.example"\.$/);
    const fixed = fixOnly(text, path, RULE);
    assert.equal(fixed, '[Service]\nEnvironment="no_proxy=localhost,.corp.example"\n');
    assert.deepEqual(findingsOf(fixed, path, RULE), []);
  });

  test('a Go daemon: silent where Go honours the form (CIDR, host:port, *.x), reported where it does not ([::1])', () => {
    const path = '/etc/systemd/system/docker.service.d/http-proxy.conf';
    assert.deepEqual(findingsOf('[Service]\nEnvironment="NO_PROXY=10.0.0.0/8,registry:5000,*.corp.example"\n', path, RULE), []);
    const text = '[Service]\nEnvironment="NO_PROXY=localhost,[fd00::1]"\n';
    const [finding] = findingsOf(text, path, RULE);
    assert.equal(finding.message, 'The NO_PROXY entry "[fd00::1]" in [Service] of docker.service is ignored by Go (IPv6 is only matched without brackets): write "fd00::1,[fd00::1]".');
    const fixed = fixOnly(text, path, RULE);
    assert.equal(fixed, '[Service]\nEnvironment="NO_PROXY=localhost,fd00::1,[fd00::1]"\n');
    assert.deepEqual(findingsOf(fixed, path, RULE), []);
  });

  test('config.json and daemon.json', () => {
    const client = '{"proxies":{"default":{"httpProxy":"http://p:3128","noProxy":"localhost,10.0.0.0/8"}}}';
    const [cidr] = findingsOf(client, 'config.json', RULE);
    assert.equal(cidr.message, 'The noProxy entry "10.0.0.0/8" in "proxies.default" of config.json is ignored by wget, Python urllib, Node undici and axios (CIDR ranges are not understood): list the addresses or names those clients use as well.');
    assert.equal(cidr.fix, undefined);
    const daemon = '{"proxies":{"http-proxy":"http://p:3128","no-proxy":"registry.corp.example.,localhost"}}';
    const fixed = fixOnly(daemon, 'daemon.json', RULE);
    assert.equal(fixed, '{"proxies":{"http-proxy":"http://p:3128","no-proxy":"registry.corp.example,localhost"}}');
    assert.deepEqual(findingsOf(fixed, 'daemon.json', RULE), []);
  });

  test('* inside a list, inner wildcards, quoted entries', () => {
    const [star] = findingsOf(compose('      - no_proxy=localhost,*\n'), 'compose.yml', RULE);
    assert.match(star.message, /\("\*" only means every host as the whole value\): use "\*" alone, or list the hosts\.$/);
    const [inner] = findingsOf(compose('      - no_proxy=api*.corp.example\n'), 'compose.yml', RULE);
    assert.match(inner.message, /is ignored by curl, wget, Python requests, Python urllib, Node undici, axios, Go and git \("\*" inside an entry is no wildcard\)/);
    const text = compose(`      - no_proxy=localhost,"api.corp.example"\n`);
    assert.equal(fixOnly(text, 'compose.yml', RULE), compose('      - no_proxy=localhost,api.corp.example\n'));
  });

  test('blanks that stay part of the entry for wget are removed; a rewrite that would still be ignored is not offered', () => {
    const text = compose('      - no_proxy=localhost ,.corp.example\n');
    const [finding] = findingsOf(text, 'compose.yml', RULE);
    assert.equal(finding.message, 'The no_proxy entry "localhost" in service "api" is ignored by wget (the blanks around it stay part of the entry): remove the blanks around it.');
    const fixed = fixOnly(text, 'compose.yml', RULE);
    assert.equal(fixed, compose('      - no_proxy=localhost,.corp.example\n'));
    assert.deepEqual(findingsOf(fixed, 'compose.yml', RULE), []);
    // `a b[]` split on the space still leaves an entry nobody reads: reported, no fix.
    const [broken] = findingsOf(compose('      - no_proxy=a b[]\n'), 'compose.yml', RULE);
    assert.equal(broken.fix, undefined);
    assert.doesNotMatch(broken.message, /write/);
  });

  test('good files: forms every reader honours, entries covered by another entry, spaces after commas (n18), a quoted whole list', () => {
    assert.deepEqual(findingsOf(compose('      - no_proxy=localhost,127.0.0.1,.corp.example,api, db,,\n'), 'compose.yml', RULE), []);
    assert.deepEqual(findingsOf(compose('      - no_proxy=docker,docker:2375,docker:2376,.corp.example,*.corp.example\n'), 'compose.yml', RULE), []);
    assert.equal(findingsOf(compose('      - no_proxy=*\n'), 'compose.yml', RULE).length, 1, 'wget has no wildcard at all (n09)');
    assert.deepEqual(findingsOf(compose('      - NO_PROXY=*\n'), 'compose.yml', RULE), [], 'wget does not read NO_PROXY');
    assert.deepEqual(findingsOf(compose('      - no_proxy=${NO_PROXY},api\n'), 'compose.yml', RULE), [], 'compose fills ${NO_PROXY} in later');
    assert.deepEqual(findingsOf(compose('      - no_proxy="localhost,*.x"\n'), 'compose.yml', RULE), [], 'quoted-value reports the quotes first');
  });
});
