// Every rule, in the order their findings are reported.
import { credentialsUnencoded } from './credentialsUnencoded';
import { dindNoProxy } from './dindNoProxy';
import { lowercaseMissing } from './lowercaseMissing';
import type { Rule } from './rule';

export const ALL_RULES: readonly Rule[] = [lowercaseMissing, credentialsUnencoded, dindNoProxy];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((rule) => rule.id === id);
}
