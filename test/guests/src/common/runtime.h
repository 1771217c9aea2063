/* Shared bare-metal runtime for Translucent test guests. */
#ifndef RUNTIME_H
#define RUNTIME_H
#include <stdint.h>
#include <stddef.h>

#define UART_BASE     0x10000000u
#define TEST_BASE     0x00100000u
#define CLINT_BASE    0x02000000u
#define CLINT_MSIP    (CLINT_BASE + 0x0000u)
#define CLINT_MTIMECMP (CLINT_BASE + 0x4000u)
#define CLINT_MTIME   (CLINT_BASE + 0xbff8u)
#define PLIC_BASE     0x0c000000u
#define UART_IRQ      10

#define REG8(a)  (*(volatile uint8_t *)(uintptr_t)(a))
#define REG32(a) (*(volatile uint32_t *)(uintptr_t)(a))

#define csr_read(csr) ({ uint32_t __v; __asm__ volatile("csrr %0, " #csr : "=r"(__v) :: "memory"); __v; })
#define csr_write(csr, val) ({ __asm__ volatile("csrw " #csr ", %0" :: "rK"(val) : "memory"); })
#define csr_set(csr, val) ({ __asm__ volatile("csrs " #csr ", %0" :: "rK"(val) : "memory"); })
#define csr_clear(csr, val) ({ __asm__ volatile("csrc " #csr ", %0" :: "rK"(val) : "memory"); })
#define csr_swap(csr, val) ({ uint32_t __v; __asm__ volatile("csrrw %0, " #csr ", %1" : "=r"(__v) : "rK"(val) : "memory"); __v; })

#define MSTATUS_SIE  (1u << 1)
#define MSTATUS_MIE  (1u << 3)
#define MSTATUS_SPIE (1u << 5)
#define MSTATUS_MPIE (1u << 7)
#define MSTATUS_SPP  (1u << 8)
#define MSTATUS_MPP  (3u << 11)
#define MSTATUS_MPRV (1u << 17)
#define MSTATUS_SUM  (1u << 18)
#define MSTATUS_MXR  (1u << 19)
#define MSTATUS_TVM  (1u << 20)
#define MSTATUS_TW   (1u << 21)
#define MSTATUS_TSR  (1u << 22)

#define MIP_SSIP (1u << 1)
#define MIP_MSIP (1u << 3)
#define MIP_STIP (1u << 5)
#define MIP_MTIP (1u << 7)
#define MIP_SEIP (1u << 9)
#define MIP_MEIP (1u << 11)

#define PRV_U 0
#define PRV_S 1
#define PRV_M 3

struct trap_frame {
    uint32_t x[32];       /* x[0] unused; x[2] = interrupted sp */
    uint32_t mepc, mcause, mtval, mstatus;
};

/* Console (NS16550A, polled) */
void uart_putc(char c);
void uart_puts(const char *s);          /* no newline added */
void print_hex(uint32_t v);             /* 0x%08x */
void print_dec(int32_t v);
void print_udec(uint32_t v);
void printf_(const char *fmt, ...);      /* %d %u %x %08x %c %s %% (width/zero-pad for d,u,x) */
#define pr printf_

/* Test finisher */
void exit(int code) __attribute__((noreturn));

/* Privilege switching (see start.S) */
uint32_t enter_mode(uint32_t mode, uintptr_t entry, uint32_t arg);
void leave_to_m(uint32_t value) __attribute__((noreturn));
extern char mode_exit_stub[];
extern char trap_entry[];

/* Traps: trap_hook, when set, replaces the default handler. */
extern void (*volatile trap_hook)(struct trap_frame *f);
void trap_handler(struct trap_frame *f);
/* The default "record" policy, usable from hooks: records the trap in last_trap and recovers:
 * ecall from S/U -> leave_to_m(a0); ecall from M -> skip; fetch faults (1, 12) -> resume at ra;
 * other exceptions -> skip the instruction (length from its encoding, read when mepc is in RAM). */
struct trap_rec { uint32_t cause, tval, epc, mpp, count; };
extern volatile struct trap_rec last_trap;
/* The last ecall from S/U that ended an enter_mode() excursion (cause 8 or 9, epc, previous mode). */
extern volatile struct trap_rec last_ecall;
void trap_record(struct trap_frame *f);
void trap_reset(void);
/* Prints "<label>: cause=.. tval=.. epc=<offset from base>" (or "no trap"). */
void report_trap(const char *label, uintptr_t epc_base);
uint32_t insn_len_at(uint32_t pc);

/* PMP entry 0 (or entry n) = all memory RWX so S/U can run. */
void pmp_allow_all(void);

void *memcpy(void *d, const void *s, size_t n);
void *memset(void *d, int c, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);

#endif
