// Registers the command-palette generators. Each command only asks questions
// and applies what the language server computes.
import * as vscode from 'vscode';
import { addComposeEnvironment } from './composeGenerator';
import { addDockerConfig } from './dockerConfigGenerator';
import { encodeProxyPassword } from './encodePassword';
import { GENERATOR_COMMANDS } from './generatorIds';
import { addRunnerEnvironment } from './runnerGenerator';
import type { ClientGetter } from './generateRequests';
import { generateSystemdDropIn } from './systemdGenerator';

export function registerGeneratorCommands(getClient: ClientGetter): vscode.Disposable[] {
  const handlers: Record<keyof typeof GENERATOR_COMMANDS, (getClient: ClientGetter) => Promise<void>> = {
    systemdDropIn: generateSystemdDropIn,
    runnerEnvironment: addRunnerEnvironment,
    dockerConfig: addDockerConfig,
    compose: addComposeEnvironment,
    encodePassword: encodeProxyPassword,
  };
  return (Object.keys(handlers) as (keyof typeof GENERATOR_COMMANDS)[]).map((key) =>
    vscode.commands.registerCommand(GENERATOR_COMMANDS[key].id, () => handlers[key](getClient)),
  );
}
