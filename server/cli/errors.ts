// The two ways a CLI run fails before or instead of linting.

/** The command line is wrong: exit code 2, and the usage is shown. */
export class UsageError extends Error {}

/** An input could not be read (missing file, not a regular file, standard input failed): exit code 2. */
export class InputError extends Error {}
