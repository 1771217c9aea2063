/* The test finisher's exit codes: prints a line, then exits with status 42 ((42 << 16) | 0x3333). */
#include "runtime.h"

int main(void)
{
    pr("exit-code: about to exit with %d\n", 42);
    return 42;
}
