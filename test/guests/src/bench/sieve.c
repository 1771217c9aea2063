/*
 * bench-sieve: the sieve of Eratosthenes over odd numbers below 2 million (a byte per number),
 * repeated; prints the prime count and a checksum of the primes found.
 */
#include "bench.h"

#ifndef ITER
#define ITER 11
#endif
#define LIMIT 2000000
static uint8_t comp[LIMIT / 2];

int main(void)
{
    uint32_t count = 0, hash = 0;
    for (int it = 0; it < ITER; it++) {
        memset(comp, 0, sizeof comp);
        count = 1;   /* 2 */
        hash = 2;
        for (uint32_t i = 3; i < LIMIT; i += 2) {
            if (comp[i >> 1])
                continue;
            count++;
            hash = hash * 31u + i;
            if (i < LIMIT / i)
                for (uint32_t j = i * i; j < LIMIT; j += 2 * i)
                    comp[j >> 1] = 1;
        }
    }
    pr("primes below %u: %u\n", LIMIT, count);
    bench_done("bench-sieve", hash);
    return 0;
}
