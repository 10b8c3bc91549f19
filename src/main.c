/* dockertutor: a terminal course and exam trainer for Docker and Containers
 * Basics.  Everything starts in the CLI, which opens the UI when asked. */
#include "dockertutor/cli.h"

int main(int argc, char **argv)
{
	return cli_main(argc, argv);
}
