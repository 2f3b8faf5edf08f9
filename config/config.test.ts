import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, type Config } from './config.ts';

/**
 * Boolean settings guard outbound fetching (SSRF) and the evidence browser: a value that is not
 * plainly true or false must stop the process, never turn a guard off.
 */
const ENV_NAMES: Partial<Record<keyof Config, string>> = {
  allowLoopbackFetch: 'MARKHOUND_ALLOW_LOOPBACK_FETCH',
  allowPrivateFetch: 'MARKHOUND_ALLOW_PRIVATE_FETCH',
  evidenceUseBrowser: 'MARKHOUND_EVIDENCE_USE_BROWSER',
};
const booleanSettings = Object.keys(ENV_NAMES) as (keyof Config)[];
const dir = mkdtempSync(join(tmpdir(), 'mh-config-'));
const fromFile = (settings: Record<string, unknown>): Config => {
  const file = join(dir, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(settings));
  return loadConfig({ MARKHOUND_CONFIG_FILE: file });
};

const ACCEPTED: [string, boolean][] = [
  ['true', true],
  ['TRUE', true],
  ['1', true],
  ['false', false],
  ['False', false],
  ['0', false],
];
const REFUSED = ['no', 'n', ' false', 'false ', 'off', 'yes', 'on', 'y', '2', 'disabled', 'nope'];

describe('boolean settings', () => {
  it('covers every boolean setting of the config', () => {
    const defaults = loadConfig({});
    const booleans = (Object.keys(defaults) as (keyof Config)[]).filter(
      (k) => typeof defaults[k] === 'boolean',
    );
    expect(booleans.sort()).toEqual([...booleanSettings].sort());
  });

  for (const key of booleanSettings) {
    const envName = ENV_NAMES[key]!;

    it(`${envName} takes true/false/1/0 from the environment`, () => {
      for (const [value, expected] of ACCEPTED) expect(loadConfig({ [envName]: value })[key]).toBe(expected);
    });

    it(`${envName} refuses anything else from the environment, naming the variable and the value`, () => {
      for (const value of REFUSED) {
        expect(() => loadConfig({ [envName]: value }), value).toThrow(ConfigError);
        expect(() => loadConfig({ [envName]: value }), value).toThrow(
          new RegExp(`${envName}.*${JSON.stringify(value).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
        );
      }
    });

    it(`${key} takes JSON booleans and the same words from the config file`, () => {
      expect(fromFile({ [key]: false })[key]).toBe(false);
      expect(fromFile({ [key]: true })[key]).toBe(true);
      for (const [value, expected] of ACCEPTED) expect(fromFile({ [key]: value })[key]).toBe(expected);
    });

    it(`${key} refuses anything else from the config file, naming the setting and the value`, () => {
      for (const value of [...REFUSED, 2, -1, null, [], {}]) {
        expect(() => fromFile({ [key]: value }), String(value)).toThrow(ConfigError);
        expect(() => fromFile({ [key]: value }), String(value)).toThrow(new RegExp(`${key} in .*config-`));
      }
    });
  }

  it('keeps the loopback and private guards on when a file says "false" and the environment says nothing', () => {
    const config = fromFile({ allowLoopbackFetch: 'false', allowPrivateFetch: 'false' });
    expect(config.allowLoopbackFetch).toBe(false);
    expect(config.allowPrivateFetch).toBe(false);
  });
});
