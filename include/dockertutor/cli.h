/* dockertutor/cli.h - the command line: global options, subcommands and
 * their help.  cli_main returns the process exit status: 0 success, 1 a
 * failed check or operation, 2 a usage error. */
#ifndef DOCKERTUTOR_CLI_H
#define DOCKERTUTOR_CLI_H

int cli_main(int argc, char **argv);

#endif
