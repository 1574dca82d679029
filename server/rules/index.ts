// Every rule, in the order their findings are reported.
import { credentialsUnencoded } from './credentialsUnencoded';
import { dindNoProxy } from './dindNoProxy';
import { lowercaseMissing } from './lowercaseMissing';
import type { Rule } from './rule';
import { caseMismatch } from './caseMismatch';
import { credentialsPlaintext } from './credentialsPlaintext';
import { emptyProxyValue } from './emptyProxyValue';
import { httpsProxyMissing } from './httpsProxyMissing';
import { noProxyEntry } from './noProxyEntry';
import { noProxyMissing } from './noProxyMissing';
import { noProxyServices } from './noProxyServices';
import { proxyUrlInvalid } from './proxyUrlInvalid';
import { quotedValue } from './quotedValue';
import { uppercaseMissing } from './uppercaseMissing';
import { systemdPercent } from './systemdPercent';
import { systemdSection } from './systemdSection';
import { dockerJsonKeys } from './dockerJsonKeys';
import { varTypo } from './varTypo';
import { duplicateVar } from './duplicateVar';

export const ALL_RULES: readonly Rule[] = [
  lowercaseMissing,
  credentialsUnencoded,
  dindNoProxy,
  uppercaseMissing,
  caseMismatch,
  emptyProxyValue,
  httpsProxyMissing,
  noProxyMissing,
  noProxyServices,
  credentialsPlaintext,
  quotedValue,
  proxyUrlInvalid,
  noProxyEntry,
  systemdPercent,
  systemdSection,
  dockerJsonKeys,
  varTypo,
  duplicateVar,
];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((rule) => rule.id === id);
}
