/*
 * bench-crc: memcpy of 64 KiB buffers (word and byte loops) and a table-driven CRC-32 over the copies,
 * repeated; prints a checksum.
 */
#include "bench.h"

#ifndef ITER
#define ITER 230
#endif
#define SIZE 65536
static uint8_t src[SIZE] __attribute__((aligned(8))), dst[SIZE + 8] __attribute__((aligned(8)));
static uint32_t table[256];

static void copy_words(uint32_t *d, const uint32_t *s, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        d[i] = s[i];
}
static void copy_bytes(uint8_t *d, const uint8_t *s, uint32_t n)
{
    while (n--)
        *d++ = *s++;
}
static uint32_t crc32(const uint8_t *p, uint32_t n, uint32_t crc)
{
    crc = ~crc;
    while (n--)
        crc = table[(crc ^ *p++) & 0xff] ^ (crc >> 8);
    return ~crc;
}

int main(void)
{
    for (uint32_t i = 0; i < 256; i++) {
        uint32_t c = i;
        for (int k = 0; k < 8; k++)
            c = (c >> 1) ^ (0xedb88320u & (0u - (c & 1)));
        table[i] = c;
    }
    uint32_t x = 0x12345678;
    for (uint32_t i = 0; i < SIZE; i++) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        src[i] = (uint8_t)x;
    }
    uint32_t crc = 0;
    for (int it = 0; it < ITER; it++) {
        if (it & 1)
            copy_bytes(dst + (it & 7), src, SIZE);
        else
            copy_words((uint32_t *)dst, (const uint32_t *)src, SIZE / 4);
        crc = crc32(dst + ((it & 1) ? (it & 7) : 0), SIZE, crc);
        src[it * 131 % SIZE] ^= (uint8_t)crc;
    }
    bench_done("bench-crc", crc);
    return 0;
}
