#include "runtime.h"
#include <stdarg.h>

void uart_putc(char c)
{
    while ((REG8(UART_BASE + 5) & 0x20) == 0)
        ;
    REG8(UART_BASE) = (uint8_t)c;
}

void uart_puts(const char *s)
{
    while (*s)
        uart_putc(*s++);
}

static void put_num(uint32_t v, unsigned base, int width, char pad, int neg)
{
    char buf[12];
    int n = 0;
    do {
        unsigned d = v % base;
        buf[n++] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        v /= base;
    } while (v);
    if (neg)
        buf[n++] = '-';
    while (width > n) {
        uart_putc(pad);
        width--;
    }
    while (n)
        uart_putc(buf[--n]);
}

void print_hex(uint32_t v) { uart_puts("0x"); put_num(v, 16, 8, '0', 0); }
void print_udec(uint32_t v) { put_num(v, 10, 0, ' ', 0); }
void print_dec(int32_t v)
{
    if (v < 0)
        put_num(0u - (uint32_t)v, 10, 0, ' ', 1);
    else
        put_num((uint32_t)v, 10, 0, ' ', 0);
}

void printf_(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    for (; *fmt; fmt++) {
        if (*fmt != '%') {
            uart_putc(*fmt);
            continue;
        }
        fmt++;
        char pad = ' ';
        int width = 0;
        if (*fmt == '0') {
            pad = '0';
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9')
            width = width * 10 + (*fmt++ - '0');
        switch (*fmt) {
        case 'd': {
            int32_t v = va_arg(ap, int32_t);
            if (v < 0)
                put_num(0u - (uint32_t)v, 10, width, pad, 1);
            else
                put_num((uint32_t)v, 10, width, pad, 0);
            break;
        }
        case 'u': put_num(va_arg(ap, uint32_t), 10, width, pad, 0); break;
        case 'x': put_num(va_arg(ap, uint32_t), 16, width, pad, 0); break;
        case 'c': uart_putc((char)va_arg(ap, int)); break;
        case 's': uart_puts(va_arg(ap, const char *)); break;
        case '%': uart_putc('%'); break;
        case 0: fmt--; break;
        default: uart_putc('?'); break;
        }
    }
    va_end(ap);
}

void exit(int code)
{
    uint32_t v = code == 0 ? 0x5555u : (((uint32_t)code << 16) | 0x3333u);
    REG32(TEST_BASE) = v;
    for (;;)
        __asm__ volatile("wfi");
}

void (*volatile trap_hook)(struct trap_frame *f);
volatile struct trap_rec last_trap;
volatile struct trap_rec last_ecall;

uint32_t insn_len_at(uint32_t pc)
{
    if (pc >= 0x80000000u && pc < 0x88000000u)
        return (*(volatile uint16_t *)(uintptr_t)pc & 3) == 3 ? 4 : 2;
    return 4;
}

void trap_reset(void)
{
    last_trap.cause = 0xffffffffu;
    last_trap.tval = 0xffffffffu;
    last_trap.epc = 0xffffffffu;
    last_trap.mpp = 0xffffffffu;
    last_trap.count = 0;
}

void trap_record(struct trap_frame *f)
{
    uint32_t cause = f->mcause;
    uint32_t mpp = (f->mstatus >> 11) & 3;
    if (cause == 8 || cause == 9) {   /* ecall from U/S: end of an enter_mode() excursion */
        last_ecall.cause = cause;
        last_ecall.tval = f->mtval;
        last_ecall.epc = f->mepc;
        last_ecall.mpp = mpp;
        last_ecall.count++;
        leave_to_m(f->x[10]);
    }
    last_trap.cause = cause;
    last_trap.tval = f->mtval;
    last_trap.epc = f->mepc;
    last_trap.mpp = mpp;
    last_trap.count++;
    if (cause & 0x80000000u) {
        pr("unexpected interrupt %x\n", cause);
        exit(98);
    }
    if (cause == 1 || cause == 12)
        f->mepc = f->x[1];
    else
        f->mepc += insn_len_at(f->mepc);
}

void trap_handler(struct trap_frame *f)
{
    if (trap_hook) {
        trap_hook(f);
        return;
    }
    pr("UNEXPECTED TRAP mcause=%08x mepc=%08x mtval=%08x\n", f->mcause, f->mepc, f->mtval);
    exit(99);
}

void report_trap(const char *label, uintptr_t epc_base)
{
    if (last_trap.count == 0) {
        pr("%s: no trap\n", label);
        return;
    }
    pr("%s: cause=%u tval=%08x epc=+%x mode=%u n=%u\n", label, last_trap.cause, last_trap.tval,
       last_trap.epc - (uint32_t)epc_base, last_trap.mpp, last_trap.count);
}

void pmp_allow_all(void)
{
    csr_write(pmpaddr0, 0xffffffffu);
    csr_write(pmpcfg0, 0x1f);   /* NAPOT, R W X */
}

void *memcpy(void *d, const void *s, size_t n)
{
    uint8_t *dp = d;
    const uint8_t *sp = s;
    while (n--)
        *dp++ = *sp++;
    return d;
}

void *memset(void *d, int c, size_t n)
{
    uint8_t *dp = d;
    while (n--)
        *dp++ = (uint8_t)c;
    return d;
}

int memcmp(const void *a, const void *b, size_t n)
{
    const uint8_t *x = a, *y = b;
    for (; n; n--, x++, y++)
        if (*x != *y)
            return *x - *y;
    return 0;
}

size_t strlen(const char *s)
{
    size_t n = 0;
    while (s[n])
        n++;
    return n;
}
