// Property-based documents of each kind: valid-looking files built from the
// pieces the rules care about (both spellings, credentials with reserved
// characters, NO_PROXY lists, docker-in-docker) in every syntax variant each
// kind has (map/list/flow YAML, anchors and merge keys, inline/multi-line TOML
// arrays, quoted/unquoted systemd words with continuations, JSON layouts).
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { FileKind } from '../../server/engine/model';

export interface GeneratedDocument {
  kind: FileKind;
  text: string;
}

const VARIABLE_NAMES = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'NO_PROXY', 'no_proxy', 'ALL_PROXY', 'all_proxy', 'FTP_PROXY', 'Http_Proxy', 'DOCKER_HOST', 'HTTPPROXY', 'NOPROXY', 'FOO'];

const CREDENTIAL_PIECES = ['@', ':', '/', '#', '?', '%', '!', '$', '&', "'", '"', '(', ')', '*', '+', ',', ';', '=', ' ', '\\', '{', '}', '[', ']', '`', '~', 'é', '😀', '%40', '%2F', '%%', '%C3%A9', '%zz', '${PROXY_PASSWORD}', '$PASS', 'user', 'F', 'oBar'];

const credential = fc.oneof(
  fc.constantFrom('svc-docker', 'F@oBar!', 'p%40ss', 'F%%40oBar', '${PROXY_PASSWORD}', 'p@ss:w/rd#1', ''),
  fc.array(fc.constantFrom(...CREDENTIAL_PIECES), { minLength: 1, maxLength: 5 }).map((parts) => parts.join('')),
);

const proxyUrl = fc
  .record({
    scheme: fc.constantFrom('http://', 'https://', 'socks5://', 'HTTP://', '', 'ftp://'),
    user: fc.option(credential, { nil: undefined }),
    password: fc.option(credential, { nil: undefined }),
    host: fc.constantFrom('proxy.corp.example', '10.0.0.1', '[::1]', 'docker', '', 'proxy'),
    port: fc.constantFrom(':3128', '', ':', ':99999', ':abc'),
    rest: fc.constantFrom('', '', '/', '/path', '?q=1'),
  })
  .map(({ scheme, user, password, host, port, rest }) => {
    const userinfo = user === undefined ? '' : password === undefined ? `${user}@` : `${user}:${password}@`;
    return `${scheme}${userinfo}${host}${port}${rest}`;
  });

const noProxyValue = fc
  .tuple(fc.array(fc.constantFrom('localhost', '127.0.0.1', '.corp.example', '*.corp.example', '10.0.0.0/8', 'docker', 'docker:2375', 'docker:2376', '::1', ' spaced ', '', 'api', '*'), { maxLength: 6 }), fc.constantFrom(',', ', '))
  .map(([entries, separator]) => entries.join(separator));

const otherValue = fc.oneof(fc.constantFrom('tcp://docker:2375', 'tcp://dind:2376', 'unix:///var/run/docker.sock', '', '${HTTP_PROXY}', '1'), fc.string({ unit: 'binary-ascii', maxLength: 10 }));

function valueFor(name: string): fc.Arbitrary<string> {
  const lower = name.toLowerCase();
  if (lower.includes('no') && lower.includes('proxy')) return noProxyValue;
  if (lower.includes('proxy')) return fc.oneof({ weight: 5, arbitrary: proxyUrl }, { weight: 1, arbitrary: otherValue });
  return otherValue;
}

export interface Variable {
  name: string;
  /** null: the name alone, the value comes from the host (`- HTTP_PROXY`). */
  value: string | null;
}

const variableName = fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...VARIABLE_NAMES) }, { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 }) });

const variable: fc.Arbitrary<Variable> = variableName.chain((name) =>
  fc.oneof({ weight: 9, arbitrary: valueFor(name) }, { weight: 1, arbitrary: fc.constant(null) }).map((value) => ({ name, value })),
);

const comment = fc.constantFrom('# proxy settings', '# proxylint-disable-next-line', '# proxylint-disable-next-line lowercase-missing', '# proxylint-disable-next-line credentials-unencoded dind-no-proxy', '#');

// ---------------------------------------------------------------- YAML (compose)

type YamlQuote = 'plain' | 'single' | 'double';

function yamlScalar(value: string, quote: YamlQuote): string {
  if (quote === 'plain' && value !== '' && stringify(value, { lineWidth: 0 }).replace(/\n$/, '') === value) return value;
  if (quote === 'single' && !/[\r\n\t]/.test(value) && !/[\u0000-\u001f\u007f-\u009f\ud800-\udfff\ufeff]/.test(value)) return `'${value.replace(/'/g, "''")}'`;
  return JSON.stringify(value);
}

const yamlQuote = fc.constantFrom<YamlQuote>('plain', 'plain', 'single', 'double');

interface ComposeEnvironment {
  form: 'map' | 'list' | 'flow-map' | 'flow-list';
  entries: { variable: Variable; quote: YamlQuote; keyQuote: YamlQuote; comment: string | null }[];
  mergeAnchor: boolean;
}

const composeEnvironment: fc.Arbitrary<ComposeEnvironment> = fc.record({
  form: fc.constantFrom('map', 'map', 'list', 'list', 'flow-map', 'flow-list'),
  entries: fc.array(fc.record({ variable, quote: yamlQuote, keyQuote: fc.constantFrom<YamlQuote>('plain', 'plain', 'plain', 'double'), comment: fc.option(comment, { nil: null }) }), { minLength: 1, maxLength: 5 }),
  mergeAnchor: fc.boolean(),
});

function renderComposeEnvironment(environment: ComposeEnvironment, indent: string, anchored: boolean): string {
  const { form, entries } = environment;
  if (form === 'flow-map') {
    const items = entries.map((e) => `${yamlScalar(e.variable.name, e.keyQuote)}: ${e.variable.value === null ? 'null' : yamlScalar(e.variable.value, e.quote === 'plain' ? 'double' : e.quote)}`);
    return ` {${items.join(', ')}}\n`;
  }
  if (form === 'flow-list') {
    const items = entries.map((e) => yamlScalar(e.variable.value === null ? e.variable.name : `${e.variable.name}=${e.variable.value}`, e.quote === 'plain' ? 'double' : e.quote));
    return ` [${items.join(', ')}]\n`;
  }
  const lines: string[] = [];
  if (form === 'map' && anchored && environment.mergeAnchor) lines.push(`${indent}<<: *proxy-env`);
  for (const entry of entries) {
    if (entry.comment && entry.comment.startsWith('# proxylint')) lines.push(`${indent}${entry.comment}`);
    const trailing = entry.comment && !entry.comment.startsWith('# proxylint') ? ` ${entry.comment}` : '';
    if (form === 'map') {
      const value = entry.variable.value === null ? '' : ` ${yamlScalar(entry.variable.value, entry.quote)}`;
      lines.push(`${indent}${yamlScalar(entry.variable.name, entry.keyQuote)}:${value}${trailing}`);
    } else {
      const text = entry.variable.value === null ? entry.variable.name : `${entry.variable.name}=${entry.variable.value}`;
      lines.push(`${indent}- ${yamlScalar(text, entry.quote)}${trailing}`);
    }
  }
  return `\n${lines.join('\n')}\n`;
}

const composeService = fc.record({
  name: fc.constantFrom('api', 'worker', 'repo_api', 'web', 'builder'),
  image: fc.constantFrom('alpine:3', 'registry.corp.example/app:1', 'docker:27'),
  environment: fc.option(composeEnvironment, { nil: null }),
  buildArgs: fc.option(composeEnvironment, { nil: null }),
  dependsOnDind: fc.boolean(),
});

const composeDocument: fc.Arbitrary<GeneratedDocument> = fc
  .record({
    anchor: fc.option(fc.array(fc.record({ variable, quote: yamlQuote }), { minLength: 1, maxLength: 4 }), { nil: null }),
    services: fc.uniqueArray(composeService, { minLength: 1, maxLength: 3, selector: (s) => s.name }),
    dind: fc.boolean(),
    header: fc.option(comment, { nil: null }),
  })
  .map(({ anchor, services, dind, header }) => {
    const out: string[] = [];
    if (header) out.push(header);
    if (anchor) {
      out.push('x-proxy-env: &proxy-env');
      for (const { variable: v, quote } of anchor) out.push(`  ${yamlScalar(v.name, 'plain')}:${v.value === null ? '' : ` ${yamlScalar(v.value, quote)}`}`);
      out.push('');
    }
    out.push('services:');
    for (const service of services) {
      out.push(`  ${service.name}:`, `    image: ${service.image}`);
      if (service.environment) out.push(`    environment:${renderComposeEnvironment(service.environment, '      ', anchor !== null).replace(/\n$/, '')}`);
      if (service.buildArgs) out.push('    build:', '      context: .', `      args:${renderComposeEnvironment(service.buildArgs, '        ', false).replace(/\n$/, '')}`);
      if (dind && service.dependsOnDind) out.push('    depends_on:', '      - docker');
    }
    if (dind) out.push('  docker:', '    image: docker:27-dind', '    privileged: true');
    return { kind: 'compose' as const, text: `${out.join('\n')}\n` };
  });

// ---------------------------------------------------------------- TOML (runner)

function tomlString(content: string, style: 'basic' | 'literal' | 'multiline'): string {
  if (style === 'literal' && !/['\u0000-\u001f\u007f]/.test(content)) return `'${content}'`;
  const escaped = content.replace(/[\\"\u0000-\u001f\u007f]/g, (c) => (c === '\\' || c === '"' ? `\\${c}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return style === 'multiline' && !content.endsWith('"') ? `"""${escaped}"""` : `"${escaped}"`;
}

const runnerDocument: fc.Arbitrary<GeneratedDocument> = fc
  .array(
    fc.record({
      name: fc.option(fc.constantFrom('docker-builds', 'shell', 'r"1'), { nil: null }),
      environment: fc.option(fc.array(fc.record({ variable, style: fc.constantFrom<'basic' | 'literal' | 'multiline'>('basic', 'basic', 'literal', 'multiline'), comment: fc.option(comment, { nil: null }) }), { minLength: 1, maxLength: 5 }), { nil: null }),
      multiline: fc.boolean(),
      trailingComma: fc.boolean(),
      dind: fc.option(fc.record({ image: fc.constantFrom('docker:27-dind', 'registry.example/docker:dind', 'docker:dind'), alias: fc.option(fc.constantFrom('docker', 'dind, docker', ''), { nil: null }) }), { nil: null }),
    }),
    { minLength: 1, maxLength: 2 },
  )
  .map((runners) => {
    const out = ['concurrent = 2', ''];
    for (const runner of runners) {
      out.push('[[runners]]');
      if (runner.name !== null) out.push(`  name = ${tomlString(runner.name, 'basic')}`);
      out.push('  executor = "docker"');
      if (runner.environment) {
        const elements = runner.environment.map((e) => tomlString(e.variable.value === null ? e.variable.name : `${e.variable.name}=${e.variable.value}`, e.style));
        if (runner.multiline) {
          out.push('  environment = [');
          runner.environment.forEach((e, i) => {
            if (e.comment) out.push(`    ${e.comment}`);
            out.push(`    ${elements[i]}${i < elements.length - 1 || runner.trailingComma ? ',' : ''}`);
          });
          out.push('  ]');
        } else {
          out.push(`  environment = [${elements.join(', ')}${runner.trailingComma ? ',' : ''}]`);
        }
      }
      if (runner.dind) {
        out.push('  [runners.docker]', '    image = "docker:27"', '    privileged = true', '  [[runners.docker.services]]', `    name = ${tomlString(runner.dind.image, 'basic')}`);
        if (runner.dind.alias !== null) out.push(`    alias = ${tomlString(runner.dind.alias, 'basic')}`);
      }
      out.push('');
    }
    return { kind: 'runner' as const, text: out.join('\n') };
  });

// ---------------------------------------------------------------- systemd

function systemdWord(variable: Variable, quote: '"' | "'" | '', doublePercent: boolean): string {
  const value = variable.value === null ? null : doublePercent ? variable.value.replace(/%/g, '%%') : variable.value;
  const word = value === null ? variable.name : `${variable.name}=${value}`;
  if (quote === '' && !/[\s"'\\]/.test(word)) return word;
  if (quote === "'" && !/['\\]/.test(word)) return `'${word}'`;
  return `"${word.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

const systemdDocument: fc.Arbitrary<GeneratedDocument> = fc
  .record({
    unitSection: fc.boolean(),
    execStart: fc.option(fc.constantFrom('/usr/bin/dockerd -H fd://', '-/usr/local/bin/app', '/bin/sh -c "curl example.com"'), { nil: null }),
    lines: fc.array(
      fc.record({
        words: fc.array(fc.record({ variable, quote: fc.constantFrom<'"' | "'" | ''>('"', '"', "'", ''), doublePercent: fc.boolean() }), { minLength: 1, maxLength: 3 }),
        continuation: fc.boolean(),
        comment: fc.option(fc.constantFrom('# proxy', '; proxy', '# proxylint-disable-next-line', '# proxylint-disable-next-line systemd-percent'), { nil: null }),
        misplaced: fc.boolean(),
      }),
      { minLength: 1, maxLength: 4 },
    ),
  })
  .map(({ unitSection, execStart, lines }) => {
    const before: string[] = [];
    const service: string[] = [];
    for (const line of lines) {
      const target = line.misplaced && unitSection ? before : service;
      if (line.comment) target.push(line.comment);
      const words = line.words.map((w) => systemdWord(w.variable, w.quote, w.doublePercent));
      target.push(`Environment=${words.join(line.continuation ? ' \\\n  ' : ' ')}`);
    }
    const out: string[] = [];
    if (unitSection) out.push('[Unit]', 'Description=generated', ...before, '');
    out.push('[Service]');
    if (execStart) out.push(`ExecStart=${execStart}`);
    out.push(...service, '');
    return { kind: 'systemd' as const, text: out.join('\n') };
  });

// ---------------------------------------------------------------- JSON (Docker)

const jsonValue = (name: string): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 8, arbitrary: valueFor(name) }, { weight: 1, arbitrary: fc.constantFrom(null, 3128, true, { nested: 'x' }, ['a']) });

function jsonObject(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  return fc
    .uniqueArray(fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...keys) }, { weight: 1, arbitrary: fc.string({ maxLength: 6 }) }), { minLength: 1, maxLength: 5 })
    .chain((names) => fc.tuple(...names.map((name) => jsonValue(name))).map((values) => Object.fromEntries(names.map((name, i) => [name, values[i]]))));
}

const jsonIndent = fc.constantFrom<string | number | undefined>(2, 4, '\t', undefined);

const dockerClientDocument: fc.Arbitrary<GeneratedDocument> = fc
  .record({
    scopes: fc.uniqueArray(fc.constantFrom('default', 'tcp://docker:2375', 'unix:///var/run/docker.sock'), { minLength: 1, maxLength: 3 }),
    keys: fc.constant(['httpProxy', 'httpsProxy', 'noProxy', 'ftpProxy', 'allProxy', 'http-proxy', 'HTTP_PROXY']),
    indent: jsonIndent,
    auths: fc.boolean(),
  })
  .chain(({ scopes, keys, indent, auths }) =>
    fc.tuple(...scopes.map(() => jsonObject(keys))).map((objects) => {
      const proxies = Object.fromEntries(scopes.map((scope, i) => [scope, objects[i]]));
      const config = auths ? { auths: { 'registry.corp.example': {} }, proxies } : { proxies };
      return { kind: 'docker-client' as const, text: `${JSON.stringify(config, null, indent)}\n` };
    }),
  );

const dockerDaemonDocument: fc.Arbitrary<GeneratedDocument> = fc
  .record({ proxies: jsonObject(['http-proxy', 'https-proxy', 'no-proxy', 'httpProxy', 'noProxy']), indent: jsonIndent, extra: fc.boolean() })
  .map(({ proxies, indent, extra }) => {
    const config = extra ? { 'log-driver': 'json-file', proxies, 'registry-mirrors': ['https://mirror.example'] } : { proxies };
    return { kind: 'docker-daemon' as const, text: `${JSON.stringify(config, null, indent)}\n` };
  });

// ---------------------------------------------------------------- env files

function envLine(variable: Variable, quote: 'none' | 'single' | 'double', exported: boolean, separator: '=' | ': '): string {
  const prefix = exported ? 'export ' : '';
  if (variable.value === null) return `${prefix}${variable.name}`;
  const value =
    quote === 'single' && !variable.value.includes("'")
      ? `'${variable.value}'`
      : quote === 'double' || /[\s#'"]/.test(variable.value)
        ? `"${variable.value.replace(/[\\"]/g, (c) => `\\${c}`)}"`
        : variable.value;
  return `${prefix}${variable.name}${separator}${value}`;
}

const envFileDocument: fc.Arbitrary<GeneratedDocument> = fc
  .array(
    fc.record({
      variable,
      quote: fc.constantFrom<'none' | 'single' | 'double'>('none', 'none', 'single', 'double'),
      exported: fc.boolean(),
      separator: fc.constantFrom<'=' | ': '>('=', '=', '=', ': '),
      comment: fc.option(comment, { nil: null }),
    }),
    { minLength: 1, maxLength: 6 },
  )
  .map((lines) => ({
    kind: 'env-file' as const,
    text: `${lines.flatMap((l) => [...(l.comment ? [l.comment] : []), envLine(l.variable, l.quote, l.exported, l.separator)]).join('\n')}\n`,
  }));

export const DOCUMENTS_OF_KIND: Readonly<Record<FileKind, fc.Arbitrary<GeneratedDocument>>> = {
  compose: composeDocument,
  runner: runnerDocument,
  systemd: systemdDocument,
  'docker-client': dockerClientDocument,
  'docker-daemon': dockerDaemonDocument,
  'env-file': envFileDocument,
};
