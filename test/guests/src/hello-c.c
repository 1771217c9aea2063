/*
 * The demo guest (`npm start` boots it): a picolibc C program whose stdout goes to the NS16550A
 * UART through a tiny putc hook, printing a greeting and a few computations (CRC-32, a sort, a
 * prime sieve, Fibonacci numbers, printf formatting), then exiting through the SiFive test device.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define UART_THR (*(volatile uint8_t *)0x10000000u)
#define UART_LSR (*(volatile uint8_t *)0x10000005u)
#define TEST_DEV (*(volatile uint32_t *)0x00100000u)

static int uart_putc(char c, FILE *file)
{
    (void)file;
    while ((UART_LSR & 0x20) == 0)
        ;
    UART_THR = (uint8_t)c;
    return (unsigned char)c;
}

static FILE uart_stdio = FDEV_SETUP_STREAM(uart_putc, NULL, NULL, _FDEV_SETUP_WRITE);
FILE *const stdin = &uart_stdio;
FILE *const stdout = &uart_stdio;
FILE *const stderr = &uart_stdio;

void _exit(int code)
{
    TEST_DEV = code == 0 ? 0x5555u : (((uint32_t)code << 16) | 0x3333u);
    for (;;)
        ;
}

static uint32_t crc32(const void *data, size_t n)
{
    const uint8_t *p = data;
    uint32_t crc = 0xffffffffu;
    while (n--) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
    return ~crc;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

int main(void)
{
    printf("Hello from Translucent! A RISC-V RV32IMAC guest, compiled C with picolibc.\n");
    printf("This line was formatted by printf inside the guest and sent to the UART at 0x10000000.\n\n");

    const char *msg = "The quick brown fox jumps over the lazy dog";
    printf("crc32(\"%s\") = 0x%08lx\n", msg, (unsigned long)crc32(msg, strlen(msg)));

    int v[16];
    uint32_t seed = 12345;
    for (int i = 0; i < 16; i++) {
        seed = seed * 1103515245u + 12345u;
        v[i] = (int)((seed >> 16) % 1000) - 500;
    }
    qsort(v, 16, sizeof v[0], cmp_int);
    printf("sorted:");
    for (int i = 0; i < 16; i++)
        printf(" %d", v[i]);
    printf("\n");

    static char composite[200];
    int count = 0;
    printf("primes below 200:");
    for (int i = 2; i < 200; i++) {
        if (composite[i])
            continue;
        count++;
        printf(" %d", i);
        for (int j = i * i; j < 200; j += i)
            composite[j] = 1;
    }
    printf("\n(%d of them)\n", count);

    uint32_t a = 0, b = 1;
    printf("fibonacci:");
    for (int i = 0; i < 20; i++) {
        printf(" %lu", (unsigned long)a);
        uint32_t t = a + b;
        a = b;
        b = t;
    }
    printf("\n");
    printf("formatting: [%5d] [%-5d] [%05d] [%x] [%X] [%o] [%c] [%10s] [%-10s]|\n", 42, 42, 42, 255,
           255, 8, 'R', "right", "left");
    printf("64-bit: %lld / 7 = %lld remainder %lld\n", 1234567890123LL, 1234567890123LL / 7,
           1234567890123LL % 7);
    printf("\nGoodbye!\n");
    return 0;
}
