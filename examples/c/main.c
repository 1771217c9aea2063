/*
 * The C example guest: prints a banner and a little arithmetic on the UART, then answers each line
 * typed on the console with its length and checksum until "quit". Built with -Og -g so every line
 * below is a place a breakpoint can stop.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define TEST_FINISHER (*(volatile uint32_t *)0x00100000u)

/* Called by picolibc's exit(): the virt board's test device powers the machine off. */
void _exit(int code)
{
    TEST_FINISHER = code == 0 ? 0x5555u : (((uint32_t)code << 16) | 0x3333u);
    for (;;)
        ;
}

/* start.S sends every machine-mode trap here: this guest expects none. */
void __attribute__((noreturn)) report_trap(uint32_t mcause, uint32_t mepc, uint32_t mtval)
{
    printf("\nunexpected trap: mcause=%lu mepc=0x%08lx mtval=0x%08lx\n", (unsigned long)mcause,
           (unsigned long)mepc, (unsigned long)mtval);
    _exit(3);
}

static int is_prime(unsigned n)
{
    if (n < 2)
        return 0;
    for (unsigned d = 2; d * d <= n; d++)
        if (n % d == 0)
            return 0;
    return 1;
}

static unsigned count_primes(unsigned below)
{
    unsigned count = 0;
    for (unsigned n = 0; n < below; n++)
        count += is_prime(n);
    return count;
}

static uint32_t checksum(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    while (*s) {
        h ^= (uint8_t)*s++;
        h *= 16777619u;
    }
    return h;
}

static size_t read_line(char *buf, size_t size)
{
    size_t n = 0;
    for (;;) {
        int c = getchar();
        if (c == '\r' || c == '\n') {
            putchar('\n');
            break;
        }
        if ((c == 0x7f || c == '\b') && n > 0) {
            n--;
            fputs("\b \b", stdout);
            continue;
        }
        if (c >= ' ' && n + 1 < size) {
            buf[n++] = (char)c;
            putchar(c);
        }
    }
    buf[n] = '\0';
    return n;
}

int main(void)
{
    printf("Hello from the Translucent C example!\n");
    unsigned primes = count_primes(1000);
    printf("There are %u primes below 1000.\n", primes);

    char line[80];
    for (;;) {
        fputs("type a line (quit to stop)> ", stdout);
        size_t n = read_line(line, sizeof line);
        if (strcmp(line, "quit") == 0)
            break;
        printf("%u characters, checksum %08lx\n", (unsigned)n, (unsigned long)checksum(line));
    }
    printf("Goodbye!\n");
    return 0;
}
