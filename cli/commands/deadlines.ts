import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { DomainError, InputFormatError } from '../../core/index.ts';
import {
  OFFICE_CODES,
  deadlineReport,
  officeCodeFor,
  parseCalendarDate,
} from '../../alerts/deadlines/index.ts';
import type { HolidayCalendar } from '../../alerts/deadlines/index.ts';

/** Options as commander hands them over (`--published` -> `published`). */
export interface DeadlinesOptions {
  office: string;
  published?: string;
  filed?: string;
  registered?: string;
  /** Repeatable: one priority deadline per office where the later filing is made. */
  targetOffice?: string[];
  holidays?: string;
}

export interface CommandResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** Exit code for input the user can fix (bad date, unknown office, bad holidays file). */
const EXIT_BAD_INPUT = 2;

const holidaysFileSchema = z.record(z.string(), z.array(z.string()));

/** `{ "USPTO": ["2026-12-24"], "BR": ["2026-02-16"] }`; keys are office codes or ISO countries. */
async function readHolidaysFile(path: string): Promise<HolidayCalendar> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputFormatError(
      `holidays file "${path}" cannot be read (${(error as Error).message}): give the path of a JSON file`,
      { path },
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new InputFormatError(
      `holidays file "${path}" is not JSON: write an object such as {"USPTO": ["2026-12-24"]}`,
      { path },
    );
  }
  const result = holidaysFileSchema.safeParse(parsed);
  if (!result.success) {
    throw new InputFormatError(
      `holidays file "${path}" must map office codes to lists of YYYY-MM-DD dates, e.g. {"USPTO": ["2026-12-24"]}`,
      { path },
    );
  }
  for (const key of Object.keys(result.data)) officeCodeFor(key); // an unknown office key is a typo: say so
  return result.data;
}

/** Checks a date option here so the error names the flag the user typed. */
function optionDate(value: string | undefined, flag: string): string | undefined {
  return value === undefined ? undefined : parseCalendarDate(value, flag);
}

/** Computes and renders the deadlines; errors the user can fix become stderr and exit code 2. */
export async function runDeadlines(options: DeadlinesOptions): Promise<CommandResult> {
  try {
    if (!options.published && !options.filed && !options.registered) {
      return {
        exitCode: EXIT_BAD_INPUT,
        stdout: '',
        stderr:
          'markhound deadlines: give at least one of --published, --filed or --registered (YYYY-MM-DD)\n',
      };
    }
    const targets = options.targetOffice ?? [];
    if (targets.length > 0 && !options.filed) {
      return {
        exitCode: EXIT_BAD_INPUT,
        stdout: '',
        stderr:
          'markhound deadlines: --target-office needs --filed, the date of the first filing whose priority is claimed (YYYY-MM-DD)\n',
      };
    }
    const office = officeCodeFor(options.office);
    const holidays = options.holidays ? await readHolidaysFile(options.holidays) : undefined;
    const report = deadlineReport({
      office,
      publishedOn: optionDate(options.published, '--published'),
      filedOn: optionDate(options.filed, '--filed'),
      registeredOn: optionDate(options.registered, '--registered'),
      targetOffices: targets,
      holidays,
    });
    // stdout stays the JSON list of deadlines; what cannot be computed, and why, goes to stderr.
    const unknown = report.notKnown.map(
      (n) => `markhound deadlines: not known: ${n.kind} at ${n.office}: ${n.reason}\n`,
    );
    return {
      exitCode: 0,
      stdout: `${JSON.stringify(report.deadlines, null, 2)}\n`,
      stderr: unknown.join(''),
    };
  } catch (error) {
    if (error instanceof DomainError)
      return { exitCode: EXIT_BAD_INPUT, stdout: '', stderr: `markhound deadlines: ${error.message}\n` };
    throw error;
  }
}

export function registerDeadlinesCommand(program: Command): void {
  program
    .command('deadlines')
    .description(
      "print the opposition, priority, renewal and use deadlines that follow from a mark's dates, with the rule and source of each",
    )
    .requiredOption('--office <code>', `office code or ISO country: ${OFFICE_CODES.join(', ')}`)
    .option('--published <date>', 'publication date that opens opposition (YYYY-MM-DD)')
    .option('--filed <date>', 'filing date (YYYY-MM-DD)')
    .option('--registered <date>', 'registration date (YYYY-MM-DD)')
    .option(
      '--target-office <code>',
      "office where a later filing claims the priority of --filed (repeatable): one priority deadline each, rolled by that office's calendar (Paris Art. 4C(3))",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option('--holidays <file>', 'JSON file of office holidays and closures, e.g. {"USPTO": ["2026-12-24"]}')
    .action(async (options: DeadlinesOptions) => {
      const result = await runDeadlines(options);
      if (result.stdout) process.stdout.write(result.stdout);
      if (result.stderr) process.stderr.write(result.stderr);
      if (result.exitCode !== 0) process.exitCode = result.exitCode;
    });
}
