/* Shared bits of the CPU-bound benchmark guests (npm run bench). */
#ifndef BENCH_H
#define BENCH_H
#include "runtime.h"

/* Calibration builds (-DBENCH_INSTRET, never committed) print minstret, which QEMU with
 * -icount shift=0 makes an exact instruction count. */
static inline void bench_done(const char *name, uint32_t checksum)
{
    pr("%s: checksum %08x\n", name, checksum);
#ifdef BENCH_INSTRET
    uint32_t hi = csr_read(minstreth), lo = csr_read(minstret);
    pr("instret %u M\n", (uint32_t)((((uint64_t)hi << 32) | lo) / 1000000u));
#endif
}
#endif
